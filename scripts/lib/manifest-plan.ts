/**
 * buildManifest (src/lib/extract/manifest.ts) from outcome summaries instead of whole outcomes: a
 * re-run knows every unchanged file only by its summary in the stat index, and loads the records
 * it must write, not all of them. Same rule, same manifest, byte for byte: the duplicate rule keeps,
 * for each agency and year, the record with the most figures, ties going to the first path in
 * sorted order (test/scripts/extract-incremental.test.ts checks both agree).
 */
import type { Manifest, ManifestEntry } from '../../src/lib/schema/report.ts';
import type { Summary } from './extract-index.ts';

/** A record to write: its id and the file it comes from. */
export interface Keeper {
  id: string;
  path: string;
}

type OkSummary = Extract<Summary, { ok: true }>;

/** Returns the manifest of a corpus and the records to write (sorted by id), from each file's summary. */
export function planManifest(input: string, summaries: readonly { path: string; summary: Summary }[]): { manifest: Manifest; keepers: Keeper[] } {
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
