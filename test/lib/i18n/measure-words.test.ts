/**
 * Every measure (aggregate/compare.ts MEASURE_KEYS) has words in both dictionaries: a name in each,
 * Chinese on the Chinese side and without a Chinese character on the English side, and a unit that
 * is % exactly for the measures that are shares.
 */
import { describe, expect, it } from 'vitest';
import { MEASURE_IS_SHARE, MEASURE_KEYS } from '../../../src/lib/aggregate/compare.ts';
import { dictionary } from '../../../src/lib/i18n/index.ts';

const HAN = /\p{Script=Han}/u;

describe('measure words', () => {
  it('has words for every measure in both dictionaries, and no others', () => {
    expect(Object.keys(dictionary('zh').charts.measures).sort()).toEqual([...MEASURE_KEYS].sort());
    expect(Object.keys(dictionary('en').charts.measures).sort()).toEqual([...MEASURE_KEYS].sort());
  });

  it.each(MEASURE_KEYS.map((k) => [k]))('names %s in Chinese, and in English without Chinese', (key) => {
    const zh = dictionary('zh').charts.measures[key];
    const en = dictionary('en').charts.measures[key];
    expect(zh.name).toMatch(HAN);
    expect(en.name.trim()).not.toBe('');
    expect(en.name).not.toMatch(HAN);
    expect(en.unit).not.toMatch(HAN);
  });

  it.each(MEASURE_KEYS.map((k) => [k]))('gives %s the unit % in both languages exactly when it is a share', (key) => {
    for (const lang of ['zh', 'en'] as const) expect(dictionary(lang).charts.measures[key].unit === '%').toBe(MEASURE_IS_SHARE[key]);
  });

  it('writes a count’s unit in Chinese (件), none in English', () => {
    const counts = MEASURE_KEYS.filter((k) => !MEASURE_IS_SHARE[k]);
    expect(counts.map((k) => dictionary('zh').charts.measures[k].unit)).toEqual(counts.map(() => '件'));
    expect(counts.map((k) => dictionary('en').charts.measures[k].unit)).toEqual(counts.map(() => ''));
  });
});
