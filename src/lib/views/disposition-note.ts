/**
 * The note under an outcomes chart: what its hatched part is, and which bars draw no shares and why,
 * so that a bar left out or drawn in part is never silent.
 */
import type { DispositionSegment, UndrawnBar, UndrawnReason } from '../aggregate/disposition-bars.ts';
import { hasUnreadPart } from '../aggregate/disposition-bars.ts';
import type { Lang } from '../site/i18n.ts';

const WORDS = {
  zh: {
    unread: '斜线部分：办理总计中未能读出所属类别的件数（这些类别在数据表中为“—”）。',
    undrawn: (bars: string) => `不画比例：${bars}。`,
    join: '；',
    reason: { totalNotRead: '办理总计未读出', zeroTotal: '办理总计为 0', contradicts: '各类之和与办理总计不符' } satisfies Record<UndrawnReason, string>,
    bar: (bar: string, reason: string) => `${bar}（${reason}）`,
  },
  en: {
    unread: 'Hatched: requests in the total whose outcome could not be read (— in the table).',
    undrawn: (bars: string) => `No shares drawn for ${bars}.`,
    join: '; ',
    reason: { totalNotRead: 'total handled not read', zeroTotal: 'total handled is 0', contradicts: 'outcomes do not add up to the total handled' } satisfies Record<UndrawnReason, string>,
    bar: (bar: string, reason: string) => `${bar} (${reason})`,
  },
} as const;

/** Returns the note for an outcomes chart, or undefined when every bar is drawn whole. */
export function writeDispositionNote(segments: readonly DispositionSegment[], undrawn: readonly UndrawnBar[], lang: Lang = 'zh'): string | undefined {
  const w = WORDS[lang];
  const parts = [
    hasUnreadPart(segments) ? w.unread : '',
    undrawn.length ? w.undrawn(undrawn.map((u) => w.bar(u.bar, w.reason[u.reason])).join(w.join)) : '',
  ].filter(Boolean);
  return parts.length ? parts.join(lang === 'en' ? ' ' : '') : undefined;
}
