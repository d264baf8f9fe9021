/**
 * The evaluation as plain text for a terminal: a row per file (with its wrong cells under it), then
 * the totals per corpus folder. Chinese headings with English, like the rest of the CLI. Pure.
 */
import { CHECK_IDS, type CheckResult } from '../schema/report.ts';
import type { EvalReport, FileEvaluation, FolderTotals } from './evaluate-file.ts';

/** Returns how many terminal columns a string takes: CJK and full-width characters take two. */
export function measureWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    const wide =
      (c >= 0x1100 && c <= 0x115f) ||
      (c >= 0x2e80 && c <= 0x303e) ||
      (c >= 0x3041 && c <= 0xa4cf) ||
      (c >= 0xac00 && c <= 0xd7a3) ||
      (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0xfe30 && c <= 0xfe4f) ||
      (c >= 0xff00 && c <= 0xff60) ||
      (c >= 0xffe0 && c <= 0xffe6) ||
      (c >= 0x20000 && c <= 0x3fffd);
    width += wide ? 2 : 1;
  }
  return width;
}

/**
 * Returns rows laid out in columns two spaces apart, under one or more header rows (Chinese, then
 * English); `right[i]`: column i is right-aligned (numbers).
 */
export function formatTable(headers: readonly (readonly string[])[], rows: readonly (readonly string[])[], right: readonly boolean[] = []): string[] {
  const all = [...headers, ...rows];
  const columns = Math.max(...all.map((r) => r.length));
  const widths = Array.from({ length: columns }, (_, i) => Math.max(...all.map((r) => measureWidth(r[i] ?? ''))));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => {
        const pad = ' '.repeat((widths[i] ?? 0) - measureWidth(cell));
        return right[i] ? pad + cell : cell + pad;
      })
      .join('  ')
      .trimEnd();
  return all.map(line);
}

const CHECK_MARKS: Record<CheckResult['status'], string> = { pass: '✓', fail: '✗', incomplete: '?', notApplicable: '-' };

/** Returns the five checks as five marks, in CHECK_IDS order ('·' for a check the record lacks). */
function markChecks(file: FileEvaluation): string {
  if (!file.record) return '—';
  return CHECK_IDS.map((id) => {
    const check = file.checks.find((c) => c.id === id);
    return check ? CHECK_MARKS[check.status] : '·';
  }).join('');
}

/** Returns a share as a percentage with one decimal, or '—' of nothing. */
function formatShare(part: number, whole: number): string {
  return whole ? `${((100 * part) / whole).toFixed(1)}%` : '—';
}

/** Returns a figure for a cell list: '—' for a cell the label does not list, '空 blank' for null. */
function formatFigure(value: number | null | undefined): string {
  return value === undefined ? '（无此行 not listed）' : value === null ? '（空 blank）' : String(value);
}

/** Returns the identity column of a file. */
function formatIdentity(file: FileEvaluation): string {
  const id = file.identity;
  if (!id) return '—';
  if (id.status === 'noRecord') return '无记录 no record';
  if (id.status === 'right') return '对 right';
  const what = [id.agencyRight ? '' : '机关 agency', id.yearRight ? '' : '年度 year'].filter(Boolean).join('，');
  return `错 wrong (${what})`;
}

/** Returns the edition column: the edition read, and the true one after ≠ when it differs. */
function formatEdition(file: FileEvaluation): string {
  if (!file.edition) return '—';
  return file.identity?.editionRight === false ? `${file.edition}≠${file.identity.expected.edition}` : file.edition;
}

/** Returns the lines under a file's row: why there is no record, notes, the true identity, every wrong cell. */
function listDetails(file: FileEvaluation): string[] {
  const lines: string[] = [];
  if (file.error) lines.push(`    原因 error: ${file.error}`);
  if (file.note) lines.push(`    注 note: ${file.note}`);
  if (file.identity?.status === 'wrong') lines.push(`    身份应为 expected: ${file.identity.expected.agency} ${file.identity.expected.year}（${file.identity.source}）`);
  if (file.labels) {
    for (const cell of file.labels.wrongCells) lines.push(`    ✗ ${cell.path}: 标注 label ${formatFigure(cell.label)} · 读出 read ${formatFigure(cell.read)}`);
  }
  return lines;
}

/** Returns the per-file table, with each file's details under its row. */
export function formatFiles(files: readonly FileEvaluation[]): string[] {
  const headers = [
    ['文件', '记录', '机关', '年度', '版式', '单元格', '勾稽', '身份', '标注 对/错/缺'],
    ['file', 'record', 'agency', 'year', 'edition', 'cells', 'checks', 'identity', 'labels r/w/m'],
  ];
  const rows = files.map((f) => [
    f.path,
    f.record ? '✓' : '✗',
    f.agency ?? '—',
    f.year === null ? '—' : String(f.year),
    formatEdition(f),
    f.cells.template || f.cells.read ? `${f.cells.read}/${f.cells.template}` : '—',
    markChecks(f),
    formatIdentity(f),
    f.labels ? `${f.labels.right}/${f.labels.wrong}/${f.labels.missing}` : '—',
  ]);
  const table = formatTable(headers, rows, [false, false, false, false, false, true, false, false, true]);
  const lines = table.slice(0, headers.length);
  files.forEach((f, i) => lines.push(table[i + headers.length]!, ...listDetails(f)));
  return lines;
}

/** Returns the totals table, a row per corpus folder (and `*`, all of them). */
export function formatTotals(totals: readonly FolderTotals[]): string[] {
  const headers = [
    ['文件夹', '文件', '记录', '身份 对/错/无记录', '单元格 读出/模板', '已标注', '对', '错', '缺'],
    ['folder', 'files', 'records', 'identity r/w/no rec.', 'cells read/template', 'labelled', 'right', 'wrong', 'missing'],
  ];
  const rows = totals.map((t) => {
    const known = t.identity.right + t.identity.wrong + t.identity.noRecord;
    const labelled = t.labels.files > 0;
    return [
      t.folder === '*' ? '合计 all' : t.folder,
      String(t.files),
      String(t.records),
      known ? `${t.identity.right}/${t.identity.wrong}/${t.identity.noRecord}` : '—',
      `${t.cells.read}/${t.cells.template} (${formatShare(t.cells.read, t.cells.template)})`,
      String(t.labels.files),
      labelled ? String(t.labels.right) : '—',
      labelled ? String(t.labels.wrong) : '—',
      labelled ? String(t.labels.missing) : '—',
    ];
  });
  return formatTable(headers, rows, [false, true, true, true, true, true, true, true, true]);
}

/** Returns the whole evaluation as text: heading and legend, the files, problems with the truth files, the totals. */
export function formatReport(report: EvalReport): string {
  const lines = [
    `nianbao eval: ${report.input} · ${report.files.length} 个文件 files${report.labels ? ` · 标注 labels: ${report.labels} (${report.labelFiles} 个 files)` : ''}`,
    `  单元格 cells = 读出的（非空）/ 模板的单元格数 (cells read, non-null / the template's cells: of the true edition when identity.tsv or a label gives it, none for pre-2019 and none; else of the edition read)`,
    `  勾稽 checks = ${CHECK_IDS.join(' ')}: ✓ 通过 pass · ✗ 不符 fail · ? 不全 incomplete · - 无数据 not applicable`,
    `  身份 identity = 机关和年度对照 identity.tsv (agency and year against identity.tsv, else the label)`,
    `  标注 labels = 对/错/缺 right/wrong/missing 单元格 cells; 错 wrong: 读出的数字与标注不同，或标注为空/无此行 (a figure the report does not print)`,
    '',
    ...formatFiles(report.files),
  ];
  const problems = [...report.identityProblems, ...report.labelProblems];
  if (problems.length) lines.push('', '真值文件的问题 problems with the truth files:', ...problems.map((p) => `  ${p}`));
  lines.push('', '合计 totals', ...formatTotals(report.totals));
  return lines.join('\n') + '\n';
}
