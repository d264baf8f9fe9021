import { describe, expect, it } from 'vitest';
import { countCells, listRecordFigures, listTemplateCells, readCell } from '../../../src/lib/eval/count-cells.ts';
import { makeRecord } from './make-record.ts';

describe('listTemplateCells', () => {
  it('lists 200 cells for the 2021 edition and 198 for the 2019 edition, in template order', () => {
    const cells2021 = listTemplateCells('2021');
    const cells2019 = listTemplateCells('2019');
    expect(cells2021).toHaveLength(10 + 25 * 7 + 15);
    expect(cells2019).toHaveLength(22 + 23 * 7 + 15);
    expect(cells2021[0]).toBe('proactive.rules.issued');
    expect(cells2021.at(-1)).toBe('appeals.litigationAfterReview.total');
    expect(cells2021).toContain('requests.otherOther.total');
    expect(cells2021).not.toContain('requests.otherHandling.total');
    expect(cells2019).toContain('requests.otherHandling.total');
    expect(cells2019).toContain('proactive.procurement.amountYuan');
    expect(cells2019).not.toContain('requests.otherNoCorrection.natural');
  });
});

describe('countCells', () => {
  it("counts the non-null cells of the record's edition", () => {
    const record = makeRecord('2021', { 'proactive.fees.amountWan': 1.5, 'requests.total.total': 0, 'appeals.review.total': 2 });
    expect(countCells(record)).toEqual({ read: 3, template: 200 });
  });

  it('does not count a figure outside the template of the edition', () => {
    const record = makeRecord('2021', { 'requests.otherHandling.total': 4, 'requests.total.total': 4 });
    expect(countCells(record)).toEqual({ read: 1, template: 200 });
  });

  it('counts against the true edition when known, and no cells for a report without the template tables', () => {
    const record = makeRecord('2019', { 'requests.total.total': 4 });
    expect(countCells(record, '2021')).toEqual({ read: 1, template: 200 });
    expect(countCells(record, 'pre-2019')).toEqual({ read: 1, template: 0 });
    expect(countCells(null, '2019')).toEqual({ read: 0, template: 198 });
    expect(countCells(null, 'none')).toEqual({ read: 0, template: 0 });
    expect(countCells(null)).toEqual({ read: 0, template: 0 });
  });
});

describe('readCell and listRecordFigures', () => {
  it('read a figure by path and list every figure the record holds', () => {
    const record = makeRecord('2019', { 'proactive.licensing.change': -3, 'requests.granted.natural': 2 });
    expect(readCell(record, 'proactive.licensing.change')).toBe(-3);
    expect(readCell(record, 'proactive.licensing.decisions')).toBeNull();
    expect(readCell(record, 'proactive.nosuchrow.x')).toBeNull();
    expect(readCell(record, 'title.x.y')).toBeNull();
    expect([...listRecordFigures(record)]).toEqual([
      ['proactive.licensing.change', -3],
      ['requests.granted.natural', 2],
    ]);
  });
});
