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

/**
 * Returns the manifest and the records to write. Duplicate rule: when several files give the same
 * agency and year, the one with the most figures is kept, ties going to the first path in sorted
 * order; every other one is listed as an error naming the file that was kept.
 */
export function buildManifest(input: string, outcomes: readonly FileOutcome[]): { manifest: Manifest; records: ReportRecord[]; texts: Map<string, string> } {
  const sorted = [...outcomes].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const chosen = new Map<string, { path: string; record: ReportRecord; figures: number; text: string }>();
  // Paths per record id, in sorted order: looked up per file below (a scan per file is quadratic).
  const pathsById = new Map<string, string[]>();
  for (const o of sorted) {
    if (!o.ok) continue;
    const paths = pathsById.get(o.record.id);
    if (paths) paths.push(o.path);
    else pathsById.set(o.record.id, [o.path]);
    const figures = countFigures(o.record);
    const current = chosen.get(o.record.id);
    if (!current || figures > current.figures) chosen.set(o.record.id, { path: o.path, record: o.record, figures, text: o.text });
  }
  const files: ManifestEntry[] = sorted.map((o) => {
    if (!o.ok) return { path: o.path, status: 'error', id: null, messages: [o.error] };
    const keeper = chosen.get(o.record.id)!;
    if (keeper.path !== o.path) {
      return {
        path: o.path,
        status: 'error',
        id: null,
        messages: [`重复：与 ${keeper.path} 为同一机关同一年度（${o.record.agency.name} ${o.record.year}），保留数字更多的那份 (duplicate of ${o.record.id}; kept ${keeper.path})`],
      };
    }
    const others = pathsById.get(o.record.id)!.filter((p) => p !== o.path);
    const messages = [...o.warnings, ...others.map((p) => `同一机关同一年度的另一份文件 ${p} 未采用`)];
    return { path: o.path, status: messages.length ? 'warning' : 'ok', id: o.record.id, messages };
  });
  const records = [...chosen.values()].map((c) => c.record).sort((a, b) => (a.id < b.id ? -1 : 1));
  const failedChecks = records.reduce((n, r) => n + r.checks.filter((c) => c.status === 'fail').length, 0);
  return {
    manifest: {
      input,
      counts: {
        files: files.length,
        records: records.length,
        warnings: files.filter((f) => f.status === 'warning').length,
        errors: files.filter((f) => f.status === 'error').length,
        failedChecks,
      },
      files,
    },
    records,
    texts: new Map([...chosen.values()].map((c) => [c.record.id, c.text])),
  };
}
