/** The older statistics table's check: its 其中 rows add up to their totals, where printed. */
import { describe, expect, it } from 'vitest';
import { checkLegacySum } from '../../../src/lib/extract/checks.ts';
import { createEmptyLegacy } from '../../../src/lib/extract/tables/legacy.ts';
import type { Legacy } from '../../../src/lib/schema/report.ts';
import type { LegacyKey } from '../../../src/lib/template-legacy.ts';

/** Returns a legacy table printing the given rows. */
function table(rows: Partial<Legacy>): { legacy: Legacy; printed: LegacyKey[] } {
  return { legacy: { ...createEmptyLegacy(), ...rows }, printed: Object.keys(rows) as LegacyKey[] };
}

describe('checkLegacySum', () => {
  it('passes when website + gazette = proactive and the answers add up, in both columns', () => {
    const { legacy, printed } = table({
      proactiveTotal: { year: 425, cumulative: 1516 },
      proactiveWebsite: { year: 418, cumulative: 1509 },
      proactiveGazette: { year: 7, cumulative: 7 },
      answersTotal: { year: 3, cumulative: 9 },
      answersGranted: { year: 2, cumulative: 7 },
      answersPartlyGranted: { year: 1, cumulative: 1 },
      answersRefused: { year: 0, cumulative: 1 },
    });
    expect(checkLegacySum(legacy, printed)).toEqual({ id: 'legacySum', status: 'pass', evaluated: 4, failures: [] });
  });

  it('fails on a sum the table contradicts, and names its cells', () => {
    const { legacy, printed } = table({
      answersTotal: { year: 0, cumulative: 0 },
      answersGranted: { year: 1, cumulative: 3 },
      answersPartlyGranted: { year: 0, cumulative: 0 },
      answersRefused: { year: 0, cumulative: 0 },
      answersOther: { year: 0, cumulative: 0 },
    });
    const result = checkLegacySum(legacy, printed);
    expect(result.status).toBe('fail');
    expect(result.failures).toEqual([
      {
        where: '旧式统计表本年列：同意公开 + 同意部分公开 + 不予（否决）公开 + 其他类型 = 答复总数',
        cells: ['legacy.answersGranted.year', 'legacy.answersPartlyGranted.year', 'legacy.answersRefused.year', 'legacy.answersOther.year', 'legacy.answersTotal.year'],
        expected: 1,
        actual: 0,
      },
      {
        where: '旧式统计表历年累计列：同意公开 + 同意部分公开 + 不予（否决）公开 + 其他类型 = 答复总数',
        cells: ['legacy.answersGranted.cumulative', 'legacy.answersPartlyGranted.cumulative', 'legacy.answersRefused.cumulative', 'legacy.answersOther.cumulative', 'legacy.answersTotal.cumulative'],
        expected: 3,
        actual: 0,
      },
    ]);
  });

  it('is incomplete when a printed figure is null (a glued run left unsplit)', () => {
    const { legacy, printed } = table({
      proactiveTotal: { year: null, cumulative: null },
      proactiveWebsite: { year: null, cumulative: null },
      proactiveGazette: { year: 0, cumulative: 0 },
    });
    expect(checkLegacySum(legacy, printed).status).toBe('incomplete');
  });

  it('does not apply to a table without the rows of a sum, nor to a column the table lacks', () => {
    expect(checkLegacySum(table({ reviews: { year: 0, cumulative: 0 } }).legacy, ['reviews']).status).toBe('notApplicable');
    const { legacy, printed } = table({ proactiveTotal: { year: 6, cumulative: null }, proactiveWebsite: { year: 6, cumulative: null }, proactiveGazette: { year: 0, cumulative: null } });
    expect(checkLegacySum(legacy, printed)).toEqual({ id: 'legacySum', status: 'pass', evaluated: 1, failures: [] });
  });
});
