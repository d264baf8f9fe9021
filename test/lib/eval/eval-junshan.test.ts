/**
 * `npm run eval` end to end on a real page: test/fixtures/real/2022_junshan.html (a copy of ../shared/corpus-real), copied into a
 * folder of its own, with a label typed here from reading the page's tables (not from the extractor's
 * output): table 二 规章 0/0/0, 行政规范性文件 0/0/11, 许可 / 处罚 / 强制 0, 收费 0; table 三 all 0
 * except 1.本机关不掌握相关政府信息 3 / 0 / 0 / 0 / 0 / 2 / 5 (the page contradicts itself: its 新收 and
 * （七）总计 rows are 0); table 四 fifteen 0.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EvalReport } from '../../../src/lib/eval/evaluate-file.ts';
import { REQUEST_COLUMNS, REQUEST_ROWS } from '../../../src/lib/template.ts';

const PAGE = path.resolve(import.meta.dirname, '../../fixtures/real/2022_junshan.html');
const ROOT = path.resolve(import.meta.dirname, '../../..');

/** Returns the label of the page, with `change` applied to the figures (to mistype one on purpose). */
function typeLabel(file: string, change: (cells: Record<string, Record<string, Record<string, number | null>>>) => void = () => {}) {
  const zeros = (keys: readonly string[]) => Object.fromEntries(keys.map((k) => [k, 0]));
  const tables = {
    proactive: {
      rules: { issued: 0, repealed: 0, inForce: 0 },
      normativeDocs: { issued: 0, repealed: 0, inForce: 11 },
      licensing: { decisions: 0 },
      penalty: { decisions: 0 },
      coercion: { decisions: 0 },
      fees: { amountWan: 0 },
    },
    requests: Object.fromEntries(REQUEST_ROWS.filter((r) => r.editions.includes('2021')).map((r) => [r.key, zeros(REQUEST_COLUMNS)])),
    appeals: { review: zeros(['upheld', 'corrected', 'other', 'pending', 'total']), litigationDirect: zeros(['upheld', 'corrected', 'other', 'pending', 'total']), litigationAfterReview: zeros(['upheld', 'corrected', 'other', 'pending', 'total']) },
  };
  tables.requests.unavailableNotHeld = { natural: 3, commercial: 0, research: 0, nonprofit: 0, legal: 0, other: 2, total: 5 };
  change(tables);
  return { file, agency: '平潭综合实验区君山片区管理局', year: 2022, edition: '2021', published: '2023-01-09', ...tables, dumps: [], notes: 'typed from the page for the eval test' };
}

/** Runs the eval script; returns its exit code, stdout and (with --json) the report. */
function runEval(args: string[]): { status: number | null; stdout: string; report?: EvalReport } {
  const json = args.includes('--json') ? args[args.indexOf('--json') + 1]! : undefined;
  const run = spawnSync(process.execPath, ['scripts/eval.ts', ...args], { cwd: ROOT, encoding: 'utf8' });
  return { status: run.status, stdout: run.stdout, report: json && existsSync(json) ? (JSON.parse(readFileSync(json, 'utf8')) as EvalReport) : undefined };
}

describe.runIf(existsSync(PAGE))('npm run eval on 2022_junshan.html', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'nianbao-eval-'));
    mkdirSync(path.join(dir, 'corpus', 'real'), { recursive: true });
    copyFileSync(PAGE, path.join(dir, 'corpus', 'real', '2022_junshan.html'));
    // A second copy stands for a crawler dump of the same report, labelled through `dumps`.
    copyFileSync(PAGE, path.join(dir, 'corpus', 'real', 'junshan-copy.html'));
    writeFileSync(path.join(dir, 'corpus', 'real', 'identity.tsv'), 'file\tagency\tyear\tedition\n2022_junshan.html\t平潭综合实验区君山片区管理局\t2022\t2021\n');
    mkdirSync(path.join(dir, 'labels', 'right'), { recursive: true });
    mkdirSync(path.join(dir, 'labels', 'mistyped'), { recursive: true });
    writeFileSync(path.join(dir, 'labels', 'right', '2022_junshan.json'), JSON.stringify(typeLabel('2022_junshan.html')));
    const mistyped = typeLabel('2022_junshan.html', (t) => {
      t.proactive!.normativeDocs!.inForce = 12;
    });
    writeFileSync(path.join(dir, 'labels', 'mistyped', '2022_junshan.json'), JSON.stringify({ ...mistyped, dumps: ['real/junshan-copy.html'], dumpDiffers: ['proactive.normativeDocs'] }));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads the record, its identity and every labelled cell right', () => {
    const json = path.join(dir, 'right.json');
    const { status, stdout, report } = runEval(['--input', path.join(dir, 'corpus'), '--labels', path.join(dir, 'labels', 'right'), '--json', json]);
    expect(status).toBe(0);
    const card = report!.files.find((f) => f.path === 'real/2022_junshan.html')!;
    expect(card).toMatchObject({ record: true, agency: '平潭综合实验区君山片区管理局', year: 2022, edition: '2021', cells: { read: 200, template: 200 } });
    expect(card.identity).toMatchObject({ status: 'right', source: 'real/identity.tsv' });
    // The label lists 10 + 175 + 15 = 200 cells, every one a number.
    expect(card.labels).toMatchObject({ right: 200, wrong: 0, missing: 0, blankOk: 0 });
    // The page's own contradiction shows in its checks.
    expect(card.checks.find((c) => c.id === 'dispositionSum')?.status).toBe('fail');
    expect(report!.totals).toHaveLength(1);
    expect(report!.totals[0]).toMatchObject({ folder: 'real', files: 3, records: 2, labels: { files: 1, right: 200, wrong: 0, missing: 0 } });
    expect(stdout).toContain('合计 totals');
    expect(stdout).toMatch(/^real\/2022_junshan\.html .* 200\/200 .* 对 right +200\/0\/0$/m);
  });

  it('counts a mistyped label cell as exactly one wrong cell, and skips dumpDiffers for a copy', () => {
    const json = path.join(dir, 'mistyped.json');
    const { status, stdout, report } = runEval(['--input', path.join(dir, 'corpus'), '--labels', path.join(dir, 'labels', 'mistyped'), '--json', json]);
    expect(status).toBe(0);
    const page = report!.files.find((f) => f.path === 'real/2022_junshan.html')!;
    expect(page.labels).toMatchObject({ right: 199, wrong: 1, missing: 0, wrongCells: [{ path: 'proactive.normativeDocs.inForce', label: 12, read: 11 }] });
    expect(stdout).toContain('✗ proactive.normativeDocs.inForce: 标注 label 12 · 读出 read 11');
    const copy = report!.files.find((f) => f.path === 'real/junshan-copy.html')!;
    // The copy has no identity.tsv row: the label's identity is used. normativeDocs (3 cells) is not compared.
    expect(copy.identity).toMatchObject({ status: 'right' });
    expect(copy.labels).toMatchObject({ via: 'dump', right: 197, wrong: 0, missing: 0, excluded: 3 });
  });

  it('exits with 2 on a usage error', () => {
    expect(runEval([]).status).toBe(2);
    expect(runEval(['--input', path.join(dir, 'nonexistent')]).status).toBe(2);
    expect(runEval(['--input', dir, '--labels', path.join(dir, 'nonexistent')]).status).toBe(2);
    expect(runEval(['--input', dir, '--bogus']).status).toBe(2);
  });
});
