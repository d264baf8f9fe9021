import { describe, expect, it } from 'vitest';
import { formatCount, formatShare } from '../../../src/lib/site/format.ts';

describe('formatCount', () => {
  it('groups digits as en-US does, and gives — for an absent count', () => {
    expect(formatCount(1186)).toBe('1,186');
    expect(formatCount(999)).toBe('999');
    expect(formatCount(0)).toBe('0');
    expect(formatCount(null)).toBe('—');
    expect(formatCount(undefined)).toBe('—');
  });

  it('writes every number as the en-US formatter does, on the fast path for small whole counts and off it', () => {
    const format = new Intl.NumberFormat('en-US');
    const numbers = [...Array.from({ length: 2100 }, (_, i) => i), -0, -1, -999, -1000, -123456, 0.5, 2.25, 999.5, 1e21, Number.NaN, Infinity];
    for (const n of numbers) expect(formatCount(n), String(n)).toBe(format.format(n));
  });
});

describe('formatShare', () => {
  it('gives a percentage with one decimal, or —', () => {
    expect(formatShare(2 / 9)).toBe('22.2%');
    expect(formatShare(null)).toBe('—');
  });
});
