/**
 * The report card of one file (what the extractor made of it, against whatever truth there is for it)
 * and the totals per corpus folder. Pure: the files are read and extracted by scripts/eval.ts.
 */
import type { FileOutcome } from '../extract/manifest.ts';
import type { CheckResult, Template } from '../schema/report.ts';
import { compareIdentity, type IdentityComparison, type IdentityTruth } from './compare-identity.ts';
import { compareLabels, type LabelComparison } from './compare-labels.ts';
import { countCells, type CellCount } from './count-cells.ts';
import type { AppliedLabel } from './index-labels.ts';
import { wordMessageBilingual } from '../i18n/word-message.ts';

/** One file's report card. */
export interface FileEvaluation {
  /** Path relative to the corpus root. */
  path: string;
  /** The corpus folder it is totalled under. */
  folder: string;
  /** Whether the file became a record. */
  record: boolean;
  /** Why it did not. */
  error: string | null;
  /** Something else to know (the extractor's duplicate rule would drop this record). */
  note: string | null;
  /** Agency name read, or null. */
  agency: string | null;
  /** Year read, or null. */
  year: number | null;
  /** Template edition read (pre2019: the older statistics table), or null. */
  edition: Template | null;
  /** Cells read of the template's cells: of the true edition's when known (see countCells), else of the edition read. */
  cells: CellCount;
  /** The template's arithmetic checks, as the record has them. */
  checks: { id: CheckResult['id']; status: CheckResult['status'] }[];
  /** Against identity.tsv (or the label when no identity.tsv names the file); null: no truth. */
  identity: (IdentityComparison & { source: string }) | null;
  /** Against the label; null: no label applies. */
  labels: (LabelComparison & { source: string; via: AppliedLabel['via']; except: readonly string[] }) | null;
}

/** What is known about one file. */
export interface FileEvidence {
  /** The extractor's outcome for the file. */
  outcome: FileOutcome;
  /** The corpus folder to total it under. */
  folder: string;
  /** Identity truth and where it comes from (the identity.tsv's path). */
  identity?: { truth: IdentityTruth; source: string };
  /** The label that applies, if any. */
  label?: AppliedLabel;
  /** A note from the corpus-wide view (e.g. the duplicate rule). */
  note?: string;
}

/** Returns a file's report card from its outcome and whatever truth there is for it. */
export function evaluateFile({ outcome, folder, identity, label, note }: FileEvidence): FileEvaluation {
  const record = outcome.ok ? outcome.record : null;
  // Identity truth: identity.tsv first, else the label's own agency and year.
  const truth = identity ?? (label ? { truth: { file: label.label.file, agency: label.label.agency, year: label.label.year, edition: label.label.edition }, source: label.source } : undefined);
  return {
    path: outcome.path,
    folder,
    record: outcome.ok,
    error: outcome.ok ? null : wordMessageBilingual(outcome.error),
    note: note ?? null,
    agency: record?.agency.name ?? null,
    year: record?.year ?? null,
    edition: record?.template ?? null,
    cells: countCells(record, truth?.truth.edition || null),
    checks: record ? record.checks.map((c) => ({ id: c.id, status: c.status })) : [],
    identity: truth ? { ...compareIdentity(record, truth.truth), source: truth.source } : null,
    labels: label ? { ...compareLabels(record, label.label, label.except), source: label.source, via: label.via, except: label.except } : null,
  };
}

/** Totals of one corpus folder (or of all of them). */
export interface FolderTotals {
  /** The folder, relative to the corpus root; `*` for the sum of all folders. */
  folder: string;
  files: number;
  records: number;
  /** Files with identity truth: read right, read wrong, no record. */
  identity: { right: number; wrong: number; noRecord: number };
  /** Cells read of template cells, summed. */
  cells: CellCount;
  /** Files a label applies to, and their cells summed. */
  labels: { files: number; right: number; wrong: number; missing: number; blankOk: number; excluded: number };
}

/** Returns empty totals for a folder. */
function startTotals(folder: string): FolderTotals {
  return {
    folder,
    files: 0,
    records: 0,
    identity: { right: 0, wrong: 0, noRecord: 0 },
    cells: { read: 0, template: 0 },
    labels: { files: 0, right: 0, wrong: 0, missing: 0, blankOk: 0, excluded: 0 },
  };
}

/** Adds one file's card to totals. */
function addFile(totals: FolderTotals, file: FileEvaluation): void {
  totals.files++;
  if (file.record) totals.records++;
  if (file.identity) totals.identity[file.identity.status]++;
  totals.cells.read += file.cells.read;
  totals.cells.template += file.cells.template;
  if (file.labels) {
    const t = totals.labels;
    t.files++;
    t.right += file.labels.right;
    t.wrong += file.labels.wrong;
    t.missing += file.labels.missing;
    t.blankOk += file.labels.blankOk;
    t.excluded += file.labels.excluded;
  }
}

/**
 * Returns the totals per corpus folder, in sorted order, then (when there are several folders) the
 * sum of all, as folder `*`.
 */
export function sumFolders(files: readonly FileEvaluation[]): FolderTotals[] {
  const byFolder = new Map<string, FolderTotals>();
  const all = startTotals('*');
  for (const file of files) {
    let totals = byFolder.get(file.folder);
    if (!totals) byFolder.set(file.folder, (totals = startTotals(file.folder)));
    addFile(totals, file);
    addFile(all, file);
  }
  const folders = [...byFolder.values()].sort((a, b) => (a.folder < b.folder ? -1 : a.folder > b.folder ? 1 : 0));
  return folders.length > 1 ? [...folders, all] : folders;
}

/** The whole evaluation of a corpus: what `npm run eval` prints and `--json` writes. */
export interface EvalReport {
  /** The corpus folder, as given. */
  input: string;
  /** The labels folder, as given, or null. */
  labels: string | null;
  /** Label files read (valid ones). */
  labelFiles: number;
  /** Label files that could not be used, and label conflicts, each with its path. */
  labelProblems: string[];
  /** identity.tsv lines that could not be read, each with its path. */
  identityProblems: string[];
  /** One card per file, in path order. */
  files: FileEvaluation[];
  /** Per folder, then all (when several). */
  totals: FolderTotals[];
}
