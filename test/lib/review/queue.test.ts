import { describe, expect, it } from 'vitest';
import { applyCorrections } from '../../../src/lib/corrections/apply.ts';
import { parseCorrections, CORRECTIONS_HEADER } from '../../../src/lib/corrections/parse.ts';
import { listCellSpecs, readCell } from '../../../src/lib/export/cells.ts';
import { buildReviewQueue, describeStale, formatCorrectionLine, MAX_CORRECTION_LINES } from '../../../src/lib/review/queue.ts';
import type { Correction, ReportRecord } from '../../../src/lib/schema/report.ts';
import { loadSampleRecord, loadSampleRecords } from '../../support/records.ts';

const DATE = '2026-12-05';

/** Returns a correction of a record's cell. */
function correct(record: ReportRecord, cell: string, value: number | null, line = 2): Correction {
  const [table, row, column] = cell.split('.') as [Correction['table'], string, string];
  return { line, report: record.id, table, row, column, value, reason: 'r', source: 's', date: DATE };
}

describe('buildReviewQueue', () => {
  const samples = loadSampleRecords();

  it('lists the cells a partial or absent table did not yield, by table, with lines for the corrections file', () => {
    const queue = buildReviewQueue(samples, { files: [] }, [], DATE);
    const cut = samples.find((r) => r.template === '2019')!;
    expect(cut.tables.requests).toBe('partial');
    const group = queue.groups.find((g) => g.reportId === cut.id)!;
    const item = group.items.find((i) => i.kind === 'missing' && i.what.startsWith('表三'))!;
    const expected = listCellSpecs(cut.template).filter((s) => s.table === 'requests' && readCell(cut, s.path) === null && !(s.path in cut.provenance)).map((s) => s.path);
    expect(item.cells).toEqual(expected);
    expect(item.figures).toBe(expected.length);
    expect(item.corrections).toHaveLength(Math.min(expected.length, MAX_CORRECTION_LINES));
    expect(item.corrections[0]!.startsWith(`${cut.id},${expected[0]!.split('.').join(',')},?,`)).toBe(true);
    // Lines of the table's printed figures, to read the cut-off part beside.
    expect(item.lines.length).toBeGreaterThan(0);
    for (const n of item.lines) expect(Object.values(cut.provenance)).toContain(n);
    // A complete table is not listed.
    for (const r of samples) for (const t of ['proactive', 'requests', 'appeals'] as const) if (r.tables[t] === 'complete') expect(queue.groups.find((g) => g.reportId === r.id)?.items.some((i) => i.what.startsWith(`表${{ proactive: '二', requests: '三', appeals: '四' }[t]}`)) ?? false).toBe(false);
  });

  it('lists each failed check with the cells of its equations and their source lines', () => {
    const record = loadSampleRecord('001_b87e4db93de93761.txt');
    const cell = 'requests.granted.natural';
    const corrected = applyCorrections(record, [correct(record, cell, readCell(record, cell)! + 1)]).record;
    const queue = buildReviewQueue([corrected], { files: [] }, [], DATE);
    const items = queue.groups[0]!.items.filter((i) => i.kind === 'check');
    const failed = corrected.checks.filter((c) => c.status === 'fail');
    expect(items).toHaveLength(failed.length);
    for (const check of failed) {
      const cells = [...new Set(check.failures.flatMap((f) => f.cells))];
      const item = items.find((i) => i.corrections[0]!.includes(`核对 ${check.id} 未通过`))!;
      expect(item.cells).toEqual(cells);
      expect(item.lines).toEqual([...new Set(cells.map((c) => corrected.provenance[c]!))].sort((a, b) => a - b).slice(0, 6));
    }
    // Each ready-made line is one the corrections file reads once its ? is filled in.
    const filled = items[0]!.corrections.map((l) => l.replace(',?,', ',1,'));
    const parsed = parseCorrections([CORRECTIONS_HEADER.join(','), ...filled].join('\n'));
    expect(parsed.errors).toEqual([]);
    expect(parsed.corrections.map((c) => `${c.table}.${c.row}.${c.column}`)).toEqual(items[0]!.cells.slice(0, MAX_CORRECTION_LINES));
  });

  it('lists a headline figure that jumps more than fivefold from the previous year as suspect', () => {
    const record = loadSampleRecord('001_b87e4db93de93761.txt');
    const cell = 'requests.newReceived.total';
    const read = readCell(record, cell)!;
    expect(read).toBeGreaterThan(0);
    const previous = { ...structuredClone(record), id: `${record.agency.slug}-${record.year - 1}`, year: record.year - 1 };
    const jumped = applyCorrections(record, [correct(record, cell, read * 6)]).record;
    const queue = buildReviewQueue([jumped, previous], { files: [] }, [], DATE);
    const suspect = queue.groups.find((g) => g.reportId === record.id)!.items.find((i) => i.kind === 'suspect')!;
    expect(suspect.cells).toEqual([cell]);
    expect(suspect.what).toContain('请核对原文');
    expect(queue.groups.find((g) => g.reportId === previous.id)).toBeUndefined();
  });

  it('lists files without identity with the figures they hold, and records whose identity came from the file name', () => {
    const record = { ...loadSampleRecord('001_b87e4db93de93761.txt'), identitySource: 'file-name' as const };
    const message = { code: 'noIdentity' as const, params: { figures: 37 } };
    const queue = buildReviewQueue([record], { files: [{ path: 'x/untitled.txt', status: 'error', id: null, messages: [message] }] }, [], DATE);
    const file = queue.groups.find((g) => g.reportId === null)!;
    expect(file.file).toBe('x/untitled.txt');
    expect(file.items[0]!.figures).toBe(37);
    const named = queue.groups.find((g) => g.reportId === record.id)!.items.find((i) => i.kind === 'identity')!;
    expect(named.figures).toBe(listCellSpecs(record.template).filter((s) => readCell(record, s.path) !== null).length);
  });

  it('orders reports by figures per item, largest first, and counts items and figures', () => {
    const queue = buildReviewQueue(samples, { files: [] }, [], DATE);
    const perItem = queue.groups.map((g) => g.figuresPerItem);
    expect(perItem).toEqual([...perItem].sort((a, b) => b - a));
    expect(queue.items).toBe(queue.groups.reduce((n, g) => n + g.items.length, 0));
    expect(queue.figures).toBe(queue.groups.flatMap((g) => g.items).reduce((n, i) => n + i.figures, 0));
    for (const g of queue.groups) expect(g.items.map((i) => i.figures)).toEqual([...g.items.map((i) => i.figures)].sort((a, b) => b - a));
  });

  it('passes the stale corrections on by line, each named with the line to delete', () => {
    const record = samples[1]!;
    const a = correct(record, 'requests.granted.natural', 1, 9);
    const b = correct(record, 'requests.granted.legal', 1, 4);
    const queue = buildReviewQueue([], { files: [] }, [a, b], DATE);
    expect(queue.stale).toEqual([b, a]);
    expect(describeStale(b)).toContain('第 4 行');
  });
});

describe('formatCorrectionLine', () => {
  it('quotes a field that holds a comma or a quote', () => {
    expect(formatCorrectionLine('a-2024', 'requests.granted.natural', '原文"13",误读', '报告第 4 页', DATE)).toBe('a-2024,requests,granted,natural,?,"原文""13"",误读",报告第 4 页,2026-12-05');
  });
});
