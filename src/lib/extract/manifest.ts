/**
 * From per-file outcomes to the corpus manifest: one entry per input file, duplicates resolved by a
 * documented rule, counts for the summary. Pure.
 */
import type { Manifest, ManifestEntry, ReportRecord } from '../schema/report.ts';

/** What happened to one input file. */
export type FileOutcome =
  | { path: string; ok: true; record: ReportRecord; warnings: string[]; /** The text the record was read from (provenance lines refer to it). */ text: string }
  | { path: string; ok: false; error: string };

/** Returns how many figures a record holds (non-null cells), used to rank duplicates. */
export function countFigures(record: ReportRecord): number {
  const count = (o: unknown): number =>
    o === null || o === undefined ? 0 : typeof o === 'number' ? 1 : typeof o === 'object' ? Object.values(o).reduce((n: number, v) => n + count(v), 0) : 0;
  return count(record.proactive) + count(record.requests) + count(record.appeals);
}

/** What the manifest needs of a file's outcome: without the record and its text. */
export type OutcomeSummary =
  | { ok: false; error: string }
  | { ok: true; id: string; agency: string; year: number; figures: number; failedChecks: number; warnings: string[] };

/** Returns the summary of an outcome. */
export function summarizeOutcome(outcome: FileOutcome): OutcomeSummary {
  if (!outcome.ok) return { ok: false, error: outcome.error };
  const { record } = outcome;
  return {
    ok: true,
    id: record.id,
    agency: record.agency.name,
    year: record.year,
    figures: countFigures(record),
    failedChecks: record.checks.filter((c) => c.status === 'fail').length,
    warnings: outcome.warnings,
  };
}

/** A record to write: its id and the file it comes from. */
export interface Keeper {
  id: string;
  path: string;
}

type OkSummary = Extract<OutcomeSummary, { ok: true }>;

/**
 * Returns the manifest of a corpus and the records to write (sorted by id), from each file's summary
 * (an incremental re-run knows unchanged files only by their summaries). Duplicate rule: when several
 * files give the same agency and year, the one with the most figures is kept, ties going to the first
 * path in sorted order; every other one is listed as an error naming the file that was kept.
 */
export function planManifest(input: string, summaries: readonly { path: string; summary: OutcomeSummary }[]): { manifest: Manifest; keepers: Keeper[] } {
  const sorted = [...summaries].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const chosen = new Map<string, { path: string; summary: OkSummary }>();
  // Paths per record id, in sorted order: looked up per file below (a scan per file is quadratic).
  const pathsById = new Map<string, string[]>();
  for (const { path, summary } of sorted) {
    if (!summary.ok) continue;
    const paths = pathsById.get(summary.id);
    if (paths) paths.push(path);
    else pathsById.set(summary.id, [path]);
    const current = chosen.get(summary.id);
    if (!current || summary.figures > current.summary.figures) chosen.set(summary.id, { path, summary });
  }
  const files: ManifestEntry[] = sorted.map(({ path, summary: s }) => {
    if (!s.ok) return { path, status: 'error', id: null, messages: [s.error] };
    const keeper = chosen.get(s.id)!;
    if (keeper.path !== path) {
      return {
        path,
        status: 'error',
        id: null,
        messages: [`重复：与 ${keeper.path} 为同一机关同一年度（${s.agency} ${s.year}），保留数字更多的那份 (duplicate of ${s.id}; kept ${keeper.path})`],
      };
    }
    const others = pathsById.get(s.id)!.filter((p) => p !== path);
    const messages = [...s.warnings, ...others.map((p) => `同一机关同一年度的另一份文件 ${p} 未采用`)];
    return { path, status: messages.length ? 'warning' : 'ok', id: s.id, messages };
  });
  const kept = [...chosen.values()].sort((a, b) => (a.summary.id < b.summary.id ? -1 : 1));
  const failedChecks = kept.reduce((n, k) => n + k.summary.failedChecks, 0);
  return {
    manifest: {
      input,
      counts: {
        files: files.length,
        records: kept.length,
        warnings: files.filter((f) => f.status === 'warning').length,
        errors: files.filter((f) => f.status === 'error').length,
        failedChecks,
      },
      files,
    },
    keepers: kept.map((k) => ({ id: k.summary.id, path: k.path })),
  };
}

/** Returns the manifest and the records to write (with their texts), by the rule of planManifest. */
export function buildManifest(input: string, outcomes: readonly FileOutcome[]): { manifest: Manifest; records: ReportRecord[]; texts: Map<string, string> } {
  const { manifest, keepers } = planManifest(input, outcomes.map((o) => ({ path: o.path, summary: summarizeOutcome(o) })));
  const byPath = new Map(outcomes.map((o) => [o.path, o]));
  const kept = keepers.map((k) => byPath.get(k.path) as Extract<FileOutcome, { ok: true }>);
  return { manifest, records: kept.map((o) => o.record), texts: new Map(kept.map((o) => [o.record.id, o.text])) };
}
