/**
 * Reading numbers as printed: plain integers, decimals, signed 增/减 changes, Chinese numerals,
 * and 万/亿 units. Each reader returns `null` when the text is not exactly a number, so that a
 * blank or a word is never mistaken for 0.
 */
import { toHalfWidth } from './normalize.ts';

const ASCII_DIGITS = /^\d+$/;
const PLAIN = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^[+-]?\d+(?:\.\d+)?$/;

/**
 * Returns the number a table cell holds (e.g. "28", "　0", "1,186", "- 3"), or null if it is not
 * one. Spaces inside the digits make it no number: "106 0" is two cells run together, not 1060.
 */
export function parseCellNumber(text: string): number | null {
  // Most cells are plain digits: the same number the general reading below gives, without its work.
  if (ASCII_DIGITS.test(text)) return Number(text);
  // trim removes what \s matches, U+3000 and NBSP among them.
  const t = toHalfWidth(text)
    .trim()
    .replace(/^([+\-−–—])[\s\u00a0\u3000]+/, '$1')
    .replace(/^[−–—]/, '-');
  if (!PLAIN.test(t)) return null;
  return Number(t.replace(/,/g, ''));
}

/**
 * Returns a signed change as printed in the 2019 template's 本年增/减 column:
 * "增 69" → 69, "减 3" → -3, "-18" → -18, "0" → 0; null otherwise.
 */
export function parseSignedChange(text: string): number | null {
  // Spaces may follow 增/减 ("增 69"), never split the digits.
  const t = toHalfWidth(text).replace(/^[\s\u00a0\u3000]+|[\s\u00a0\u3000]+$/g, '');
  const m = /^(增加?|减少?)[\s\u00a0\u3000]*([\d.,]+)$/.exec(t);
  if (m) {
    const n = parseCellNumber(m[2]!);
    if (n === null) return null;
    return m[1]!.startsWith('减') ? -n : n;
  }
  return parseCellNumber(t);
}

/**
 * Returns an amount in yuan from a cell that prints its unit: "251000元" → 251000,
 * "12.5万元" → 125000, "1.2亿元" → 120000000, "0" → 0; null otherwise.
 */
export function parseYuan(text: string): number | null {
  const t = toHalfWidth(text).replace(/^[\s\u00a0\u3000]+|[\s\u00a0\u3000]+$/g, '');
  const m = /^([\d.,]+)[\s\u00a0\u3000]*(万|亿)?元?$/.exec(t);
  if (!m) return null;
  const n = parseCellNumber(m[1]!);
  if (n === null) return null;
  return roundMoney(n * unitFactor(m[2]));
}

/** Returns the multiplier of a Chinese magnitude unit (万 = 1e4, 亿 = 1e8), 1 when absent. */
export function unitFactor(unit: string | undefined): number {
  return unit === '万' ? 1e4 : unit === '亿' ? 1e8 : 1;
}

/** Rounds away binary noise from unit conversion (12.5 × 1e4), to cents. */
function roundMoney(n: number): number {
  return Math.round(n * 100) / 100;
}

const DIGITS: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const SMALL_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/**
 * Returns the value of a Chinese numeral ("十二" → 12, "一百零五" → 105, "两万" → 20000,
 * "二〇二四" read digit by digit → 2024), or null if `s` is not one.
 */
export function parseChineseNumeral(s: string): number | null {
  if (!s || !/^[零〇一二两三四五六七八九十百千万亿]+$/.test(s)) return null;
  if (!/[十百千万亿]/.test(s)) {
    // Digit-by-digit form, as in years (二〇二四).
    return Number([...s].map((c) => DIGITS[c]).join(''));
  }
  // 亿 scales everything before it; 万 only the group since the last 亿 (三亿五千万 = 3亿 + 5000万).
  let yi = 0;
  let wan = 0;
  let section = 0;
  let digit = 0;
  for (const c of s) {
    if (c in DIGITS) {
      digit = DIGITS[c]!;
    } else if (c in SMALL_UNITS) {
      section += (digit || 1) * SMALL_UNITS[c]!;
      digit = 0;
    } else if (c === '万') {
      wan = (wan + section + digit) * 1e4;
      section = 0;
      digit = 0;
    } else if (c === '亿') {
      yi = (yi + wan + section + digit) * 1e8;
      wan = 0;
      section = 0;
      digit = 0;
    }
  }
  return yi + wan + section + digit;
}

/**
 * Returns the number of a prose figure: Arabic ("1,186", "61.3") or Chinese ("十二"), times an
 * optional 万/亿 unit; null if unreadable.
 */
export function parseProseNumber(numeral: string, unit?: string): number | null {
  const base = parseCellNumber(numeral) ?? parseChineseNumeral(numeral);
  if (base === null) return null;
  return Math.round(base * unitFactor(unit) * 100) / 100;
}
