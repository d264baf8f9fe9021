/**
 * The notes under the charts of table 三 and 四 that leave something out: an outcomes chart's hatched
 * part and the bars that draw no shares, a counts chart's categories not read; so that a bar left
 * out or drawn in part is never silent.
 */
import type { DispositionSegment, UndrawnBar } from '../aggregate/disposition-bars.ts';
import { hasUnreadPart } from '../aggregate/disposition-bars.ts';
import type { UnreadCategories } from '../aggregate/unread-categories.ts';
import type { ChartWords } from '../i18n/chart-words.ts';

/** Returns the note for an outcomes chart in the words given, or undefined when every bar is drawn whole. */
export function writeDispositionNote(segments: readonly DispositionSegment[], undrawn: readonly UndrawnBar[], w: ChartWords['notes']): string | undefined {
  const parts = [
    hasUnreadPart(segments) ? w.unread : '',
    undrawn.length ? w.undrawn(undrawn.map((u) => w.bar(u.bar, w.reason[u.reason])).join(w.join)) : '',
  ].filter(Boolean);
  return parts.length ? parts.join(w.partJoin) : undefined;
}

/**
 * Returns the note for a counts chart whose bars leave out categories not read (`appeals`: the
 * groups missing from each bar) or leave out whole bars (`applicants`), or undefined when none.
 */
export function writeUnreadNote<K extends string>(kind: 'applicants' | 'appeals', unread: readonly UnreadCategories<K>[], labelOf: (key: K) => string, w: ChartWords['notes']): string | undefined {
  if (!unread.length) return undefined;
  const bars = kind === 'applicants' ? unread.map((u) => u.bar) : unread.map((u) => w.categoryBar(u.bar, u.keys.map(labelOf)));
  return w[kind](bars.join(w.categoryJoin));
}
