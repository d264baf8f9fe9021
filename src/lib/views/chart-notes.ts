/**
 * The notes under the charts of table 三 and 四 that leave something out: an outcomes chart's hatched
 * part and the bars that draw no shares, a counts chart's categories not read; so that a bar left
 * out or drawn in part is never silent.
 */
import type { DispositionSegment, UndrawnBar, UndrawnReason } from '../aggregate/disposition-bars.ts';
import { hasUnreadPart } from '../aggregate/disposition-bars.ts';
import type { UnreadCategories } from '../aggregate/unread-categories.ts';
import type { Lang } from '../i18n/index.ts';

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

const CATEGORY_WORDS = {
  zh: {
    applicants: (bars: string) => `没有画：${bars}（申请人类型未全部读出，见数据表中的“—”）。`,
    appeals: (bars: string) => `未读出、没有画（不是 0）：${bars}。`,
    join: '；',
    bar: (bar: string, labels: string[]) => `${bar} ${labels.join('、')}`,
  },
  en: {
    applicants: (bars: string) => `Not drawn: ${bars} (applicant types not all read; — in the table).`,
    appeals: (bars: string) => `Not read, not drawn (not zero): ${bars}.`,
    join: '; ',
    bar: (bar: string, labels: string[]) => `${bar} ${labels.join(', ')}`,
  },
} as const;

/**
 * Returns the note for a counts chart whose bars leave out categories not read (`appeals`: the
 * groups missing from each bar) or leave out whole bars (`applicants`), or undefined when none.
 */
export function writeUnreadNote<K extends string>(kind: 'applicants' | 'appeals', unread: readonly UnreadCategories<K>[], labelOf: (key: K) => string, lang: Lang = 'zh'): string | undefined {
  if (!unread.length) return undefined;
  const w = CATEGORY_WORDS[lang];
  const bars = kind === 'applicants' ? unread.map((u) => u.bar) : unread.map((u) => w.bar(u.bar, u.keys.map(labelOf)));
  return w[kind](bars.join(w.join));
}
