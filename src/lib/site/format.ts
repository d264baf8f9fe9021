/** Display formatting shared by pages: absent figures are an em dash, never 0. */
import { dictionary, type Lang } from '../i18n/index.ts';
import type { LevelKey } from '../aggregate/compare.ts';

/** Digit grouping as `toLocaleString('en-US')` gives it, made once (a page formats hundreds of counts). */
const COUNT_FORMAT = new Intl.NumberFormat('en-US');

/** Returns a count for display ("1,186"), or "—" when absent. */
export function formatCount(n: number | null | undefined): string {
  if (n === null || n === undefined) return '—';
  // Most figures are whole and below a thousand, which need no grouping: as String writes them
  // (-0 aside, which the formatter writes "-0"), without the formatter's far slower call.
  return Number.isInteger(n) && n < 1000 && (n > 0 || Object.is(n, 0)) ? String(n) : COUNT_FORMAT.format(n);
}

/** Returns a fraction 0–1 as a percentage with one decimal ("12.5%"), or "—". */
export function formatShare(x: number | null | undefined): string {
  return x === null || x === undefined ? '—' : `${(x * 100).toFixed(1)}%`;
}

/** Returns the administrative level of a region: the most specific level it names. */
export function readLevel(region: { province: string | null; city: string | null; county: string | null }): LevelKey {
  return region.county ? 'county' : region.city ? 'prefecture' : region.province ? 'province' : 'unknown';
}

/** Returns the administrative level of a region in a language: 省级, 地市级, 县级, 未知 (Province, …). */
export function describeLevel(region: { province: string | null; city: string | null; county: string | null }, lang: Lang = 'zh'): string {
  return dictionary(lang).level[readLevel(region)];
}

/** Returns the region as one line: 山东省 淄博市 沂源县 (absent levels skipped), or 地区未识别 (in the language). */
export function formatRegion(region: { province: string | null; city: string | null; county: string | null }, lang: Lang = 'zh'): string {
  const parts = [region.province, region.city, region.county].filter(Boolean);
  return parts.length ? parts.join(' ') : dictionary(lang).regionUnknown;
}
