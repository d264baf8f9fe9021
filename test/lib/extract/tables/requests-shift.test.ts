/**
 * Wrong is worse than missing: a table-B row with fewer figures than columns, whose figures add up
 * only when placed against the right edge, lost its first blank cells: read from the left, every
 * figure would sit one column off. Such a row is left blank, with a message.
 */
import { describe, expect, it } from 'vitest';
import { readRows } from '../../../../src/lib/extract/tables/cells.ts';
import { readRequestsTable } from '../../../../src/lib/extract/tables/requests.ts';

const read = (lines: string[]) => readRequestsTable(readRows(lines, 0, lines.length));

describe('readRequestsTable: shifted rows', () => {
  it('leaves blank a short row that balances only read from the right', () => {
    // The PDF's blank 自然人 cell was lost: 1 商业企业 … 1 总计 arrives as six figures.
    const r = read(['一、本年新收政府信息公开申请数量\t1\t0\t0\t0\t0\t1', '二、上年结转政府信息公开申请数量\t0\t0\t0\t0\t0\t0\t0']);
    expect(r.requests.newReceived).toEqual({ natural: null, commercial: null, research: null, nonprofit: null, legal: null, other: null, total: null });
    expect(r.rowsFound).toEqual(['carriedOver']);
    expect(r.messages[0]).toEqual({ code: 'requestsRowMisaligned', params: { row: 'newReceived', count: 6 } });
  });

  it('keeps a full row, a row whose blanks are kept, and a short row of zeros as read', () => {
    const r = read(['一、本年新收政府信息公开申请数量\t3\t0\t0\t0\t0\t0\t3', '二、上年结转政府信息公开申请数量\t\t1\t0\t0\t0\t0\t1', '（一）予以公开\t0\t0']);
    expect(r.requests.newReceived.total).toBe(3);
    expect(r.requests.carriedOver).toEqual({ natural: null, commercial: 1, research: 0, nonprofit: 0, legal: 0, other: 0, total: 1 });
    expect([r.requests.granted.natural, r.requests.granted.total]).toEqual([0, null]);
    expect(r.messages).toEqual([]);
  });
});
