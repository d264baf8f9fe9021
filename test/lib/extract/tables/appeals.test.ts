/**
 * Table 四 as converters deliver it: one table of fifteen, or pieces — three small tables (行政复议 /
 * 行政诉讼·未经复议直接起诉 / 复议后起诉) each with its own header, in any order, or 行政复议 and 行政诉讼
 * apart. Each piece is placed by its label; figures never move to another group.
 */
import { describe, expect, it } from 'vitest';
import { readRows } from '../../../../src/lib/extract/tables/cells.ts';
import { readAppealsTable } from '../../../../src/lib/extract/tables/appeals.ts';

const read = (text: string) => readAppealsTable(readRows(text.split('\n'), 0, text.split('\n').length));
const HEAD = '| 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |\n|---|---|---|---|---|';

describe('readAppealsTable', () => {
  it('reads one table of fifteen in template order', () => {
    const r = read('| 行政复议 |||||行政诉讼 |||||||||| \n| 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 未经复议直接起诉 ||||| 复议后起诉 |||||\n| 1 | 0 | 0 | 0 | 1 | 0 | 2 | 0 | 0 | 2 | 0 | 0 | 0 | 3 | 3 |');
    expect(r.appeals).toEqual({
      review: { upheld: 1, corrected: 0, other: 0, pending: 0, total: 1 },
      litigationDirect: { upheld: 0, corrected: 2, other: 0, pending: 0, total: 2 },
      litigationAfterReview: { upheld: 0, corrected: 0, other: 0, pending: 3, total: 3 },
    });
    expect(r.found).toBe(15);
  });

  it('places three small tables by their labels, whatever their order', () => {
    const text = ['（三）复议后起诉', HEAD, '| 0 | 0 | 0 | 3 | 3 |', '', '行政复议', HEAD, '| 1 | 0 | 0 | 0 | 1 |', '', '行政诉讼（未经复议直接起诉）', HEAD, '| 0 | 2 | 0 | 0 | 2 |'].join('\n');
    const r = read(text);
    expect(r.appeals.review).toEqual({ upheld: 1, corrected: 0, other: 0, pending: 0, total: 1 });
    expect(r.appeals.litigationDirect).toEqual({ upheld: 0, corrected: 2, other: 0, pending: 0, total: 2 });
    expect(r.appeals.litigationAfterReview).toEqual({ upheld: 0, corrected: 0, other: 0, pending: 3, total: 3 });
    expect(r.messages).toEqual([]);
  });

  it('reads 行政诉讼 printed apart as its two groups', () => {
    const text = ['| 行政复议 |||||', HEAD, '| 1 | 0 | 0 | 0 | 1 |', '', '| 行政诉讼 ||||||||||', '| 未经复议直接起诉 ||||| 复议后起诉 |||||', '| 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |', '| 0 | 2 | 0 | 0 | 2 | 0 | 0 | 0 | 3 | 3 |'].join('\n');
    const r = read(text);
    expect([r.appeals.review.total, r.appeals.litigationDirect.total, r.appeals.litigationAfterReview.total]).toEqual([1, 2, 3]);
  });

  it('leaves a piece without a label blank, with a message, rather than guess its group', () => {
    const text = ['行政复议', HEAD, '| 1 | 0 | 0 | 0 | 1 |', '', HEAD, '| 0 | 2 | 0 | 0 | 2 |'].join('\n');
    const r = read(text);
    expect(r.appeals.review.total).toBe(1);
    expect(r.appeals.litigationDirect).toEqual({ upheld: null, corrected: null, other: null, pending: null, total: null });
    expect(r.appeals.litigationAfterReview.total).toBeNull();
    expect(r.messages[0]).toEqual({ code: 'appealsUnlabelled', params: { line: expect.any(Number) } });
  });

  it('keeps the blank review cells of a PDF row blank, the litigation figures in place', () => {
    const text = ['行政复议\t\t\t\t\t行政诉讼', '结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t未经复议直接起诉\t\t\t\t\t复议后起诉', '\t\t\t\t\t0\t1\t0\t0\t1\t0\t0\t0\t0\t0'].join('\n');
    const r = read(text);
    expect(r.appeals.review).toEqual({ upheld: null, corrected: null, other: null, pending: null, total: null });
    expect(r.appeals.litigationDirect).toEqual({ upheld: 0, corrected: 1, other: 0, pending: 0, total: 1 });
  });

  it('does not take prose above the table for its labels', () => {
    const text = ['本年度未发生因政府信息公开被申请行政复议、提起行政诉讼的情况。', HEAD, '| 0 | 0 | 0 | 0 | 0 |'].join('\n');
    // Five figures under a header naming no group could be any group's: blank, with a message.
    const r = read(text);
    expect(r.appeals.review.total).toBeNull();
    expect(r.messages[0]?.code).toBe('appealsUnlabelled');
  });
});
