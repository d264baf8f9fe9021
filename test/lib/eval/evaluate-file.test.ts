import { describe, expect, it } from 'vitest';
import { evaluateFile, sumFolders } from '../../../src/lib/eval/evaluate-file.ts';
import type { FileOutcome } from '../../../src/lib/extract/manifest.ts';
import { makeLabel, makeRecord } from './make-record.ts';

const record = makeRecord('2021', { 'requests.total.total': 3, 'requests.total.natural': 3 }, { agency: '测试县测试局', year: 2022 });
const ok: FileOutcome = { path: 'a/x.txt', ok: true, record, warnings: [], text: '' };
const failed: FileOutcome = { path: 'b/y.txt', ok: false, error: { code: 'noIdentity', params: { figures: 0 } } };
const label = makeLabel('2021', ['requests.total'], { 'requests.total.total': 3, 'requests.total.natural': 2 });

describe('evaluateFile', () => {
  it("holds a record against identity.tsv and its label, and copies the record's checks", () => {
    const card = evaluateFile({
      outcome: ok,
      folder: 'a',
      identity: { truth: { file: 'x.txt', agency: '测试县测试局', year: 2021, edition: '2021' }, source: 'a/identity.tsv' },
      label: { label, source: 'labels/x.json', except: [], via: 'file' },
    });
    expect(card).toMatchObject({ path: 'a/x.txt', folder: 'a', record: true, error: null, agency: '测试县测试局', year: 2022, edition: '2021', cells: { read: 2, template: 200 } });
    expect(card.checks).toEqual([{ id: 'balance', status: 'pass' }]);
    expect(card.identity).toMatchObject({ status: 'wrong', yearRight: false, source: 'a/identity.tsv' });
    expect(card.labels).toMatchObject({ right: 1, wrong: 1, missing: 0, blankOk: 5, source: 'labels/x.json' });
  });

  it("takes the label's identity when no identity.tsv names the file", () => {
    const card = evaluateFile({ outcome: ok, folder: 'a', label: { label: { ...label, year: 2022 }, source: 'labels/x.json', except: [], via: 'file' } });
    expect(card.identity).toMatchObject({ status: 'right', source: 'labels/x.json' });
  });

  it('gives a file without a record its error, and the cells of its true edition', () => {
    const card = evaluateFile({ outcome: failed, folder: 'b', identity: { truth: { file: 'y.txt', agency: 'x', year: 2020, edition: '2019' }, source: 'b/identity.tsv' } });
    expect(card).toMatchObject({ record: false, error: '找不到机关和年度：正文、文件元数据和文件名都没有报告标题（机关名称 + 年度 + 政府信息公开工作年度报告）；表中读到 0 个数字，未成记录 (no identity: no report title in the body, the file\'s metadata or its name; 0 figures read, no record)', agency: null, year: null, edition: null, cells: { read: 0, template: 198 }, checks: [], labels: null });
    expect(card.identity?.status).toBe('noRecord');
  });
});

describe('sumFolders', () => {
  it('totals each folder, then all of them', () => {
    const cards = [
      evaluateFile({ outcome: ok, folder: 'a', label: { label: { ...label, year: 2022 }, source: 'l', except: [], via: 'file' } }),
      evaluateFile({ outcome: failed, folder: 'b', identity: { truth: { file: 'y.txt', agency: 'x', year: 2020, edition: '2019' }, source: 'b/identity.tsv' } }),
      evaluateFile({ outcome: { ...failed, path: 'b/z.md' }, folder: 'b' }),
    ];
    const totals = sumFolders(cards);
    expect(totals.map((t) => t.folder)).toEqual(['a', 'b', '*']);
    expect(totals[0]).toEqual({
      folder: 'a',
      files: 1,
      records: 1,
      identity: { right: 1, wrong: 0, noRecord: 0 },
      cells: { read: 2, template: 200 },
      labels: { files: 1, right: 1, wrong: 1, missing: 0, blankOk: 5, excluded: 0 },
    });
    expect(totals[1]).toMatchObject({ files: 2, records: 0, identity: { right: 0, wrong: 0, noRecord: 1 }, cells: { read: 0, template: 198 }, labels: { files: 0 } });
    expect(totals[2]).toMatchObject({ files: 3, records: 1, identity: { right: 1, noRecord: 1 }, cells: { read: 2, template: 398 }, labels: { right: 1, wrong: 1 } });
  });

  it('gives one row for one folder', () => {
    expect(sumFolders([evaluateFile({ outcome: ok, folder: 'a' })]).map((t) => t.folder)).toEqual(['a']);
  });
});
