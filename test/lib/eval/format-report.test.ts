import { describe, expect, it } from 'vitest';
import { evaluateFile, sumFolders, type EvalReport } from '../../../src/lib/eval/evaluate-file.ts';
import { formatReport, formatTable, measureWidth } from '../../../src/lib/eval/format-report.ts';
import { makeLabel, makeRecord } from './make-record.ts';

describe('measureWidth and formatTable', () => {
  it('counts CJK characters as two columns and aligns on it', () => {
    expect(measureWidth('机关 agency')).toBe(11);
    expect(measureWidth('（）')).toBe(4);
    const lines = formatTable([['机关', 'n']], [['平潭县', '7'], ['x', '12']], [false, true]);
    expect(lines).toEqual(['机关     n', '平潭县   7', 'x       12']);
  });
});

describe('formatReport', () => {
  it('prints a row per file, the wrong cells under it, and the totals', () => {
    const record = makeRecord('2021', { 'requests.total.natural': 4, 'requests.total.total': 3 }, { agency: '测试县测试局', year: 2022 });
    const label = makeLabel('2021', ['requests.total'], { 'requests.total.natural': 3, 'requests.total.total': 3 });
    const files = [
      evaluateFile({ outcome: { path: 'x.txt', ok: true, record, warnings: [], text: '' }, folder: 'c', label: { label, source: 'l/x.json', except: [], via: 'file' } }),
      evaluateFile({ outcome: { path: 'y.md', ok: false, error: { code: 'emptyFile', params: {} } }, folder: 'c' }),
    ];
    const report: EvalReport = { input: 'c', labels: 'l', labelFiles: 1, labelProblems: ['l/bad.json: 不是 JSON'], identityProblems: [], files, totals: sumFolders(files) };
    const text = formatReport(report);
    expect(text).toMatch(/^x\.txt +✓ +测试县测试局 +2022 +2021 +2\/200 +✓···· +对 right +1\/1\/0$/m);
    expect(text).toContain('    ✗ requests.total.natural: 标注 label 3 · 读出 read 4');
    expect(text).toContain('    原因 error: 文件为空 (empty file)');
    expect(text).toContain('  l/bad.json: 不是 JSON');
    expect(text).toMatch(/^c +2 +1 +1\/0\/0 +2\/200 \(1\.0%\) +1 +1 +1 +0$/m);
  });
});
