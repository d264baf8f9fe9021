/**
 * The operator's review queue: report by report, what a person should look at in the source — the
 * template's cells a report did not yield, failed checks with the cells involved, suspect readings
 * (a headline figure that jumps more than fivefold from the year before, or falls to zero) and files
 * without identity — each with the source lines to read and ready-made lines for the corrections
 * file. Reports come in the order of the most figures fixed per item of work. Built from the
 * published (corrected) records, so that what is corrected leaves the queue.
 */
import { summarizeReport } from '../aggregate/summarize.ts';
import { listCellSpecs, TABLE_LABELS, type CellSpec } from '../export/cells.ts';
import { formatCsvLine } from '../export/csv.ts';
import { compareSummaries, type MeasureChange } from '../findings/yoy.ts';
import { describeChangeFlag } from '../i18n/word-finding.ts';
import type { Correction, IdentityCorrection, Manifest, ReportRecord } from '../schema/report.ts';
import { dictionary } from '../i18n/index.ts';
import { CORRECTIONS_HEADER } from '../corrections/parse.ts';
import { pathOfCorrection } from '../corrections/apply.ts';

/** What kind of problem an item is. */
export type ReviewKind = 'missing' | 'check' | 'suspect' | 'identity';

/** One thing to look at in one report (or one file without a record). */
export interface ReviewItem {
  kind: ReviewKind;
  /** The record's id, or null for a file that is no record. */
  reportId: string | null;
  /** The source file, relative to the corpus folder. */
  file: string;
  /** What to look at, in Chinese. */
  what: string;
  /** Paths of the cells involved (`requests.granted.natural`). */
  cells: string[];
  /** How many figures looking at this item may fix. */
  figures: number;
  /** 1-based source lines to read, ascending. */
  lines: number[];
  /** Ready-made lines for the corrections file, the value left as `?` to fill in from the source. */
  corrections: string[];
}

/** The items of one report (or file), in the queue's order. */
export interface ReviewGroup {
  reportId: string | null;
  file: string;
  /** `沂源县行政审批服务局 2024`, or the file for one without a record. */
  title: string;
  items: ReviewItem[];
  /** Figures over items: the queue's order, largest first. */
  figuresPerItem: number;
}

export interface ReviewQueue {
  groups: ReviewGroup[];
  /** Corrections the extractor now reads itself (the same value or identity): they can be deleted from the file. */
  stale: (Correction | IdentityCorrection)[];
  items: number;
  figures: number;
}

/** Source lines shown per item at most, and ready-made correction lines per item. */
export const MAX_LINES = 6;
export const MAX_CORRECTION_LINES = 12;

/** The cells behind each headline measure, for a suspect change. */
const MEASURE_CELLS: Record<MeasureChange['measure'], string[]> = {
  received: ['requests.newReceived.total'],
  handled: ['requests.total.total'],
  grantRate: ['requests.granted.total', 'requests.total.total'],
  review: ['appeals.review.total'],
  litigation: ['appeals.litigationDirect.total', 'appeals.litigationAfterReview.total'],
};

/** Returns a cell's name in the template's words: `表三 （一）予以公开 · 自然人`. */
function nameCell(spec: CellSpec): string {
  return `${spec.table === 'legacy' ? '旧式统计表' : `表${TABLE_LABELS[spec.table].section}`} ${spec.rowZh} · ${spec.columnZh}`;
}

/** Returns a ready-made corrections line (without its line end) for a cell; the value `?` is to be filled in. */
export function formatCorrectionLine(reportId: string, cell: string, reason: string, source: string, date: string): string {
  const [table, row, column] = cell.split('.') as [string, string, string];
  return formatCsvLine([reportId, table, row, column, '?', reason, source, date], CORRECTIONS_HEADER.length).trimEnd();
}

/** Returns up to MAX_LINES distinct lines, ascending. */
function pickLines(lines: readonly (number | undefined)[]): number[] {
  return [...new Set(lines.filter((n): n is number => n !== undefined))].sort((a, b) => a - b).slice(0, MAX_LINES);
}

/** Returns the lines of a record's figures near a cell: its row's, else its table's. */
function linesNear(record: ReportRecord, spec: CellSpec): number[] {
  const row = `${spec.table}.${spec.rowKey}.`;
  const table = `${spec.table}.`;
  const inRow = Object.entries(record.provenance).filter(([k]) => k.startsWith(row)).map(([, n]) => n);
  if (inRow.length) return inRow;
  const inTable = Object.entries(record.provenance).filter(([k]) => k.startsWith(table)).map(([, n]) => n).sort((a, b) => a - b);
  return inTable.length ? [inTable[0]!, inTable[inTable.length - 1]!] : [];
}

/** Returns the template's cells a record of the 2019 or 2021 edition did not yield, by table: those of a table that is partial or absent. */
function listMissingItems(record: ReportRecord, specs: readonly CellSpec[], date: string): ReviewItem[] {
  if (record.template === 'pre2019') return [];
  const items: ReviewItem[] = [];
  for (const table of ['proactive', 'requests', 'appeals'] as const) {
    const status = record.tables[table];
    if (status === 'complete') continue;
    const missing = specs.filter((s) => s.table === table && !(s.path in record.provenance) && readValue(record, s.path) === null);
    if (missing.length === 0) continue;
    const label = `表${TABLE_LABELS[table].section}`;
    items.push({
      kind: 'missing',
      reportId: record.id,
      file: record.source.path,
      what: status === 'absent' ? `${label}缺失：${missing.length} 个单元格没有读到` : `${label}不完整：${missing.length} 个单元格没有读到`,
      cells: missing.map((s) => s.path),
      figures: missing.length,
      lines: pickLines(missing.flatMap((s) => linesNear(record, s))),
      corrections: missing.slice(0, MAX_CORRECTION_LINES).map((s) => formatCorrectionLine(record.id, s.path, `${nameCell(s)} 提取时未读到`, '报告原文', date)),
    });
  }
  return items;
}

/** Returns the value at a cell path of a record, or null. */
function readValue(record: ReportRecord, path: string): number | null {
  const [table, row, column] = path.split('.') as [string, string, string];
  const value = (record as unknown as Record<string, Record<string, Record<string, unknown>> | null>)[table]?.[row]?.[column];
  return typeof value === 'number' ? value : null;
}

/** Returns an item per failed check of a record, with the cells of its failed equations. */
function listCheckItems(record: ReportRecord, specByPath: Map<string, CellSpec>, date: string): ReviewItem[] {
  return record.checks
    .filter((c) => c.status === 'fail')
    .map((check) => {
      const cells = [...new Set(check.failures.flatMap((f) => f.cells))].filter((c) => specByPath.has(c));
      const equations = check.failures.map((f) => `${f.where}：应为 ${f.expected}，表中为 ${f.actual}`);
      return {
        kind: 'check' as const,
        reportId: record.id,
        file: record.source.path,
        what: `核对「${dictionary('zh').checks[check.id]?.label ?? check.id}」未通过：${equations.slice(0, 3).join('；')}${equations.length > 3 ? `；等 ${equations.length} 处` : ''}`,
        cells,
        figures: cells.length,
        lines: pickLines([...cells.map((c) => record.provenance[c]), ...(check.id === 'narrative' ? Object.values(record.narrative).map((f) => f?.line) : [])]),
        corrections: cells.slice(0, MAX_CORRECTION_LINES).map((c) => {
          const line = record.provenance[c];
          return formatCorrectionLine(record.id, c, `核对 ${check.id} 未通过，${nameCell(specByPath.get(c)!)} 经核对原文更正`, line ? `原文第 ${line} 行` : '报告原文', date);
        }),
      };
    });
}

/** Returns an item per headline figure of a record that jumps or falls suspiciously from the agency's previous report. */
function listSuspectItems(record: ReportRecord, previous: ReportRecord | null, specByPath: Map<string, CellSpec>, date: string): ReviewItem[] {
  if (!previous || record.template === 'pre2019' || previous.template === 'pre2019') return [];
  return compareSummaries(summarizeReport(previous), summarizeReport(record))
    .filter((c) => c.flag !== null && !c.fromProse.to)
    .map((change) => {
      const cells = MEASURE_CELLS[change.measure].filter((c) => specByPath.has(c));
      return {
        kind: 'suspect' as const,
        reportId: record.id,
        file: record.source.path,
        what: `可疑读数：${describeChangeFlag(change)}`,
        cells,
        figures: cells.length,
        lines: pickLines(cells.map((c) => record.provenance[c])),
        corrections: cells.map((c) => {
          const line = record.provenance[c];
          return formatCorrectionLine(record.id, c, `较上一年变化异常，${nameCell(specByPath.get(c)!)} 经核对原文更正`, line ? `原文第 ${line} 行` : '报告原文', date);
        }),
      };
    });
}

/** Returns the figures a record holds (cells read), for an identity item. */
function countFigures(record: ReportRecord, specs: readonly CellSpec[]): number {
  return specs.filter((s) => readValue(record, s.path) !== null).length;
}

/**
 * Returns the review groups of one agency's published (corrected) records, a group per report with
 * something to look at; `date` (yyyy-mm-dd) goes into the ready-made corrections lines.
 */
export function listAgencyReviewGroups(agencyRecords: readonly ReportRecord[], date: string): ReviewGroup[] {
  const list = [...agencyRecords].sort((a, b) => a.year - b.year);
  const groups: ReviewGroup[] = [];
  list.forEach((record, i) => {
    const specs = listCellSpecs(record.template);
    const specByPath = new Map(specs.map((s) => [s.path, s]));
    const items = [...listMissingItems(record, specs, date), ...listCheckItems(record, specByPath, date), ...listSuspectItems(record, list[i - 1] ?? null, specByPath, date)];
    if (record.identitySource === 'file-name') {
      items.push({
        kind: 'identity',
        reportId: record.id,
        file: record.source.path,
        what: `机关和年度只从文件名读出（${record.agency.name} ${record.year}），正文没有报告标题：请核对`,
        cells: [],
        figures: countFigures(record, specs),
        lines: [1],
        corrections: [],
      });
    }
    if (items.length) groups.push(makeGroup(record.id, record.source.path, `${record.agency.name} ${record.year}`, items));
  });
  return groups;
}

/** Returns the ready-made identity lines for a file without identity: its agency and year, each `?` to fill in. */
export function formatIdentityLines(file: string, date: string): string[] {
  return (['agency', 'year'] as const).map((row) =>
    formatCsvLine([file, 'identity', row, '', '?', `文件中读不到${row === 'agency' ? '机关名称' : '年度'}`, '报告原文', date], CORRECTIONS_HEADER.length).trimEnd(),
  );
}

/**
 * Returns a group per file of the manifest that is no record because its agency and year could not
 * be read, with the identity lines that give them; `date` (yyyy-mm-dd) goes into those lines.
 */
export function listFileReviewGroups(manifest: Pick<Manifest, 'files'>, date: string): ReviewGroup[] {
  const groups: ReviewGroup[] = [];
  for (const f of manifest.files) {
    // The extractor's message for a file whose agency and year it could not read, with the figures it read.
    const message = f.status === 'error' ? f.messages.find((m) => m.code === 'noIdentity') : undefined;
    if (!message) continue;
    const item: ReviewItem = {
      kind: 'identity',
      reportId: null,
      file: f.path,
      what: '找不到机关和年度，未成记录：在更正文件中给出机关全称和年度（下面两行），重新构建即成记录',
      cells: [],
      figures: message.params.figures,
      lines: [1],
      corrections: formatIdentityLines(f.path, date),
    };
    groups.push(makeGroup(null, f.path, f.path, [item]));
  }
  return groups;
}

/** Returns the queue of the groups: most figures per item first (then by report id or file), and the stale corrections by line. */
export function orderReviewQueue(groups: readonly ReviewGroup[], stale: readonly (Correction | IdentityCorrection)[]): ReviewQueue {
  const sorted = [...groups].sort((a, b) => b.figuresPerItem - a.figuresPerItem || compareText(a.reportId ?? a.file, b.reportId ?? b.file));
  const items = sorted.reduce((n, g) => n + g.items.length, 0);
  const figures = sorted.reduce((n, g) => n + g.items.reduce((m, i) => m + i.figures, 0), 0);
  return { groups: sorted, stale: [...stale].sort((a, b) => a.line - b.line), items, figures };
}

/** Returns the review queue of a whole corpus held in memory (see listAgencyReviewGroups, listFileReviewGroups). */
export function buildReviewQueue(records: readonly ReportRecord[], manifest: Pick<Manifest, 'files'>, stale: readonly (Correction | IdentityCorrection)[], date: string): ReviewQueue {
  const bySlug = new Map<string, ReportRecord[]>();
  for (const r of records) {
    const list = bySlug.get(r.agency.slug);
    if (list) list.push(r);
    else bySlug.set(r.agency.slug, [r]);
  }
  const groups = [...bySlug.values()].flatMap((list) => listAgencyReviewGroups(list, date));
  return orderReviewQueue([...groups, ...listFileReviewGroups(manifest, date)], stale);
}

/** Returns a group with its items ordered by figures (largest first) and its figures per item. */
function makeGroup(reportId: string | null, file: string, title: string, items: ReviewItem[]): ReviewGroup {
  const sorted = [...items].sort((a, b) => b.figures - a.figures);
  const figures = sorted.reduce((n, i) => n + i.figures, 0);
  return { reportId, file, title, items: sorted, figuresPerItem: figures / sorted.length };
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Returns a stale correction as one sentence: which line of the file to delete and why. */
export function describeStale(c: Correction | IdentityCorrection): string {
  if ('kind' in c) return `第 ${c.line} 行（${c.report} identity ${c.kind} = ${c.value}）：提取已从文件读出同样的${c.kind === 'year' ? '年度' : '机关'}，可删去 (line ${c.line}: the extractor now reads the same ${c.kind}; delete it)`;
  return `第 ${c.line} 行（${c.report} ${pathOfCorrection(c)} = ${c.value ?? '空'}）：提取已读出同样的数字，可删去 (line ${c.line}: the extractor now reads the same value; delete it)`;
}
