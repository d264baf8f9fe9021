/**
 * Small pieces shared by the table renderers: printed cell values, Word artefacts (bookmarks,
 * full-width padding) and the spaces PDF converters put inside labels.
 */
import type { RequestRow } from '../../../src/lib/schema/report.ts';
import { REQUEST_COLUMNS } from '../../../src/lib/template.ts';
import type { Rng } from './prng.ts';

/** Returns the seven printed cells of a table-B row (six applicant columns, then 总计). */
export function rowCells(row: RequestRow): string[] {
  return REQUEST_COLUMNS.map((c) => String(row[c]));
}

/** Returns the 15 printed cells of table C, in template order. */
export function appealCells(appeals: Record<string, Record<string, number | null>>): string[] {
  return ['review', 'litigationDirect', 'litigationAfterReview'].flatMap((g) =>
    ['upheld', 'corrected', 'other', 'pending', 'total'].map((o) => String(appeals[g]![o])),
  );
}

/** Returns a Word bookmark marker such as `[bookmark: _Hlk66973412]`, or '' most of the time. */
export function maybeBookmark(rng: Rng, p = 0.15): string {
  return rng.chance(p) ? `[bookmark: _Hlk${rng.int(10000000, 99999999)}]` : '';
}

/** Returns a number cell padded the way Word exports centred cells ("　　0", " 　0"), or as is. */
export function pad(rng: Rng, text: string, p: number): string {
  return rng.chance(p) ? rng.pick(['　　', ' 　', '　', ' ']) + text : text;
}

/** Returns a label with a few spaces inserted between Han characters, as PDF text extraction does. */
export function spaceOut(rng: Rng, label: string, p: number): string {
  const chars = [...label];
  return chars
    .map((c, i) => (i > 0 && /\p{Script=Han}/u.test(c) && /\p{Script=Han}/u.test(chars[i - 1]!) && rng.chance(p) ? ` ${c}` : c))
    .join('');
}

/** Returns a label with Chinese brackets as half-width ones and a space after "1." ("(三) 不予公开", "1. 属于…"). */
export function halfWidthLabel(label: string): string {
  return label.replace(/（([一二三四五六七])）/g, '($1) ').replace(/^(\d)\./, '$1. ');
}

/** Returns a long label split in two at a Han character (a Word cell wrapping onto a line of its own). */
export function wrapAt(rng: Rng, label: string): [string, string] | null {
  const chars = [...label];
  if (chars.length < 14) return null;
  const at = rng.int(6, chars.length - 4);
  if (!/\p{Script=Han}/u.test(chars[at]!) || !/\p{Script=Han}/u.test(chars[at - 1]!)) return null;
  return [chars.slice(0, at).join(''), chars.slice(at).join('')];
}
