import { describe, expect, it } from 'vitest';
import { compareLabels, listLabelCells } from '../../../src/lib/eval/compare-labels.ts';
import { makeLabel, makeRecord } from './make-record.ts';

/** A label of table B's 一、新收 row and table C's 行政复议 group (7 + 5 = 12 cells). */
const label = makeLabel('2021', ['requests.newReceived', 'appeals.review'], {
  'requests.newReceived.natural': 3,
  'requests.newReceived.other': 2,
  'requests.newReceived.total': 5,
  'appeals.review.upheld': 1,
  'appeals.review.total': 1,
});

describe('compareLabels', () => {
  it('counts a record that reads every labelled cell as all right and blank-ok', () => {
    const record = makeRecord('2021', {
      'requests.newReceived.natural': 3,
      'requests.newReceived.other': 2,
      'requests.newReceived.total': 5,
      'appeals.review.upheld': 1,
      'appeals.review.total': 1,
    });
    const result = compareLabels(record, label);
    expect(result).toMatchObject({ right: 5, wrong: 0, missing: 0, blankOk: 7, excluded: 0 });
    expect(result.wrongCells).toEqual([]);
  });

  it('counts a figure shifted one column as wrong where it lands and missing where it belongs', () => {
    // 3 read under 商业企业 instead of 自然人: 自然人 is missing, 商业企业 (blank in the report) is wrong.
    const record = makeRecord('2021', {
      'requests.newReceived.commercial': 3,
      'requests.newReceived.other': 2,
      'requests.newReceived.total': 5,
      'appeals.review.upheld': 1,
      'appeals.review.total': 1,
    });
    const result = compareLabels(record, label);
    expect(result).toMatchObject({ right: 4, wrong: 1, missing: 1, blankOk: 6 });
    expect(result.wrongCells).toEqual([{ path: 'requests.newReceived.commercial', label: null, read: 3 }]);
    expect(result.missingCells).toEqual(['requests.newReceived.natural']);
  });

  it('counts another number as wrong, and null where the label has a number as missing', () => {
    const record = makeRecord('2021', {
      'requests.newReceived.natural': 4,
      'requests.newReceived.total': 5,
      'appeals.review.upheld': 1,
      'appeals.review.total': 1,
    });
    const result = compareLabels(record, label);
    expect(result).toMatchObject({ right: 3, wrong: 1, missing: 1, blankOk: 7 });
    expect(result.wrongCells).toEqual([{ path: 'requests.newReceived.natural', label: 3, read: 4 }]);
    expect(result.missingCells).toEqual(['requests.newReceived.other']);
  });

  it('counts a figure in a row the label does not list as wrong (a figure the report does not print)', () => {
    const record = makeRecord('2021', {
      'requests.newReceived.natural': 3,
      'requests.newReceived.other': 2,
      'requests.newReceived.total': 5,
      'appeals.review.upheld': 1,
      'appeals.review.total': 1,
      'requests.carriedOver.total': 0,
      'proactive.rules.issued': 2,
    });
    const result = compareLabels(record, label);
    expect(result).toMatchObject({ right: 5, wrong: 2, missing: 0, blankOk: 7 });
    // Template order: table A before table B.
    expect(result.wrongCells).toEqual([
      { path: 'proactive.rules.issued', label: undefined, read: 2 },
      { path: 'requests.carriedOver.total', label: undefined, read: 0 },
    ]);
  });

  it('counts every labelled number as missing when the file gave no record', () => {
    expect(compareLabels(null, label)).toMatchObject({ right: 0, wrong: 0, missing: 5, blankOk: 7 });
  });

  it('does not compare the tables, rows or cells named in except, labelled or read', () => {
    const record = makeRecord('2021', {
      'requests.newReceived.natural': 9,
      'requests.newReceived.total': 9,
      'appeals.review.upheld': 1,
      'appeals.review.total': 2,
      'proactive.rules.issued': 2,
    });
    const result = compareLabels(record, label, ['requests.newReceived', 'appeals.review.total', 'proactive']);
    // Compared: appeals.review.{upheld, corrected, other, pending}; excluded: 7 + 1 labelled, 1 read.
    expect(result).toMatchObject({ right: 1, wrong: 0, missing: 0, blankOk: 3, excluded: 9 });
  });

  it('counts a record of the other edition as wrong in every figure of rows the label lacks', () => {
    const label2019 = makeLabel('2019', ['proactive.rules', 'requests.otherHandling'], { 'proactive.rules.made': 1, 'requests.otherHandling.total': 2 });
    const record2021 = makeRecord('2021', { 'proactive.rules.issued': 1, 'requests.otherOther.total': 2 });
    const result = compareLabels(record2021, label2019);
    expect(result).toMatchObject({ right: 0, wrong: 2, missing: 2, blankOk: 8 });
    expect(result.wrongCells.map((c) => c.path)).toEqual(['proactive.rules.issued', 'requests.otherOther.total']);
  });

  it('treats a converted amount equal up to rounding as right', () => {
    const label2019 = makeLabel('2019', ['proactive.procurement'], { 'proactive.procurement.projects': 3, 'proactive.procurement.amountYuan': 73802895.9 });
    const record = makeRecord('2019', { 'proactive.procurement.projects': 3, 'proactive.procurement.amountYuan': 7380.28959 * 10000 });
    expect(compareLabels(record, label2019)).toMatchObject({ right: 2, wrong: 0, missing: 0 });
  });
});

describe('listLabelCells', () => {
  it('lists every typed cell by path, nulls included', () => {
    const cells = listLabelCells(label);
    expect(cells.size).toBe(12);
    expect(cells.get('requests.newReceived.total')).toBe(5);
    expect(cells.get('requests.newReceived.legal')).toBeNull();
  });
});
