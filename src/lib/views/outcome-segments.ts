/** Outcomes segments as the stacked-bars chart takes them, labelled in a language. */
import type { DispositionSegment } from '../aggregate/disposition-bars.ts';
import { DISPOSITION_LABELS } from '../aggregate/summarize.ts';
import type { StackedSegment } from '../charts/stacked-bars.ts';
import type { Lang } from '../i18n/index.ts';

/**
 * Returns the chart's segments (value in requests, share 0–1), the part not read labelled
 * `unreadLabel`; that part carries `unread: true`, and only it, so that a bar read whole is the
 * same drawing as before that part existed.
 */
export function toOutcomeSegments(segments: readonly DispositionSegment[], lang: Lang, unreadLabel: string): StackedSegment[] {
  return segments.map((d) => {
    const label = d.group === 'unread' ? unreadLabel : DISPOSITION_LABELS[d.group][lang];
    const segment: StackedSegment = { bar: d.bar, key: d.group, label, value: d.count, share: d.share };
    if (d.group === 'unread') segment.unread = true;
    return segment;
  });
}
