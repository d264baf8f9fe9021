import { describe, expect, it } from 'vitest';
import { chooseDefaultSelection, readMeasure, readSelection, writeSelection, type CompareRow } from '../../../src/lib/aggregate/compare.ts';
import { summarizeReport } from '../../../src/lib/aggregate/summarize.ts';
import { loadSampleRecords } from '../../support/records.ts';

const rows: CompareRow[] = loadSampleRecords().map((r) => ({ ...summarizeReport(r), level: 'county' as const, kind: 'government' as const, kindLabel: 'x' }));

describe('compare selection', () => {
  it('defaults to the agencies with most reports and the year with most reports', () => {
    const s = chooseDefaultSelection(rows);
    expect(s.agencies[0]).toBe('yiyuanxian-xingzheng-shenpi-fuwuju');
    expect(s.agencies).toHaveLength(4);
    expect(s).toMatchObject({ year: 2024, measure: 'received' });
  });

  it('round-trips through the query string and ignores unknown values', () => {
    const selection = { agencies: ['yiyuanxian-renminzhengfu', 'zaozhuangshi-xingzheng-shenpi-fuwuju'], year: 2023, measure: 'grantRate' as const };
    const query = writeSelection(selection);
    expect(query).toBe('a=yiyuanxian-renminzhengfu,zaozhuangshi-xingzheng-shenpi-fuwuju&y=2023&m=grantRate');
    expect(readSelection(`?${query}`, rows)).toEqual(selection);
    expect(readSelection('?a=nope&y=1999&m=evil', rows)).toEqual(chooseDefaultSelection(rows));
    // A name every object inherits is not a measure.
    expect(readSelection('?m=toString', rows).measure).toBe(chooseDefaultSelection(rows).measure);
  });

  it('reads measures, litigation as the sum of both litigation groups', () => {
    const y2023 = rows.find((r) => r.id === 'yiyuanxian-renminzhengfu-2023')!;
    expect([readMeasure(y2023, 'received'), readMeasure(y2023, 'handled'), readMeasure(y2023, 'review'), readMeasure(y2023, 'litigation')]).toEqual([106, 103, 1, 2]);
    const zaozhuang = rows.find((r) => r.id === 'zaozhuangshi-xingzheng-shenpi-fuwuju-2024')!;
    expect(readMeasure(zaozhuang, 'review')).toBeNull();
  });
});
