/** Outcomes segments as the stacked-bars chart takes them, labelled in a language. */
import type { DispositionSegment } from '../aggregate/disposition-bars.ts';
import type { StackedSegment } from '../charts/stacked-bars.ts';
import type { ChartWords } from '../i18n/chart-words.ts';

/**
 * Returns the chart's segments (value in requests, share 0–1), labelled in the words given; the part
 * not read carries `unread: true`, and only it, so that a bar read whole is the same drawing as
 * before that part existed.
 */
export function toOutcomeSegments(segments: readonly DispositionSegment[], words: ChartWords['drawing']): StackedSegment[] {
  return segments.map((d) => {
    const label = d.group === 'unread' ? words.unreadLabel : words.dispositionLabels[d.group];
    const segment: StackedSegment = { bar: d.bar, key: d.group, label, value: d.count, share: d.share };
    if (d.group === 'unread') segment.unread = true;
    return segment;
  });
}
