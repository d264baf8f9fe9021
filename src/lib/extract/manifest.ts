/**
 * From per-file outcomes to the corpus manifest: one entry per input file, duplicates resolved by a
 * documented rule, counts for the summary. Pure.
 */
import path from 'node:path';
import type { Manifest, ManifestEntry, ReportRecord } from '../schema/report.ts';
import { createMessage, type Message } from '../schema/message.ts';
import type { EncodedOutput } from './written-state.ts';

/**
 * Returns the corpus folder as the manifest names it: its path relative to `cwd` (the run's working
 * folder) when it lies inside it (`content/reports`, with forward slashes), else the folder's own
 * name (`reports` for `/home/me/reports`); `cwd` itself is its own name. Never an absolute path: the
 * manifest is published with the site (/data/manifest.json), and the folders of the machine that
 * built it are nobody else's business. Named again, it stays the same.
 */
export function describeInput(input: string, cwd: string): string {
  const full = path.resolve(cwd, input);
  const rel = path.relative(cwd, full);
  const inside = rel !== '' && rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel);
  return inside ? rel.split(path.sep).join('/') : path.basename(full) || '.';
}

/**
 * Returns a message with an absolute folder's path taken out of the paths it names (a system error
 * names the file it could not read by its full path): `/home/me/reports/a.txt` → `a.txt`.
 */
export function stripFolder(message: string, folder: string): string {
  return path.isAbsolute(folder) ? message.split(folder.endsWith(path.sep) ? folder : `${folder}${path.sep}`).join('') : message;
}

/**
 * What happened to one input file, where it is read (extractReport makes it): the record with its
 * warnings and the text it was read from (the record's provenance lines refer to it), or why there
 * is none. One of the two shapes a file passes through; the other is its summary (FileSummary).
 * `json`: the record as serializeRecord writes it (scripts/lib/extract/write-output.ts), when it was
 * made already (an outcome just extracted, or read from a cache entry stored from the same path),
 * so that it is not made again.
 */
export type FileOutcome =
  | { path: string; ok: true; record: ReportRecord; warnings: Message[]; text: string; json?: string }
  | { path: string; ok: false; error: Message };

/** Returns how many figures a record holds (non-null cells), used to rank duplicates. */
export function countFigures(record: ReportRecord): number {
  const count = (o: unknown): number =>
    o === null || o === undefined ? 0 : typeof o === 'number' ? 1 : typeof o === 'object' ? Object.values(o).reduce((n: number, v) => n + count(v), 0) : 0;
  return count(record.proactive) + count(record.requests) + count(record.appeals) + count(record.legacy);
}

/**
 * What the manifest and the stat index need of a file's outcome, from where it was read on: the
 * outcome without the record and its text. For the manifest: `sha256`, the file's bytes (null when
 * unknown); `failing`, the ids of the checks that failed; `note`, what the corpus walk says of the
 * file (its name), after the error. For the stat index (scripts/lib/extract/index.ts), set where
 * the file is read through the cache (scripts/lib/extract/one.ts): `format` and `key`, the file's
 * format and cache key (absent when the outcome follows from its extension or size alone);
 * `stable: false` when the outcome is an internal error, which must not be remembered, so that the
 * next run tries the file again. `output`: the record's output files, encoded where the file was
 * read (on a worker thread) so that the write phase only writes, while they travel to the writer;
 * `onDisk`, their digests instead, when the thread that read the file wrote them into the output
 * folder itself (a run that started from an empty one).
 */
export type FileSummary = { format?: string; key?: string; stable?: false } & (
  | { ok: false; error: Message; note?: Message }
  | { ok: true; id: string; agency: string; year: number; figures: number; failedChecks: number; failing: string[]; sha256: string | null; warnings: Message[]; output?: EncodedOutput; onDisk?: EncodedOutput['digests'] }
);

/** Returns the summary of an outcome, for the manifest (without what the stat index records and without output files). */
export function summarizeOutcome(outcome: FileOutcome): FileSummary {
  if (!outcome.ok) return { ok: false, error: outcome.error };
  const { record } = outcome;
  const failing = record.checks.filter((c) => c.status === 'fail').map((c) => c.id);
  return {
    ok: true,
    id: record.id,
    agency: record.agency.name,
    year: record.year,
    figures: countFigures(record),
    failedChecks: failing.length,
    failing,
    sha256: record.source?.sha256 ?? null,
    warnings: outcome.warnings,
  };
}

/** A record to write: its id and the file it comes from. */
export interface Keeper {
  id: string;
  path: string;
}

type OkSummary = Extract<FileSummary, { ok: true }>;

type Candidate = { path: string; summary: OkSummary };

/**
 * Returns the file kept among candidates for one record (in sorted path order) and, for each
 * other one, why it lost: `zh` and `en`, the rule that decided between it and the kept file.
 */
function rankDuplicates(candidates: readonly Candidate[]): { keeper: Candidate; reasons: Map<string, Message> } {
  const copies = new Map<string, number>();
  for (const { summary } of candidates) if (summary.sha256) copies.set(summary.sha256, (copies.get(summary.sha256) ?? 0) + 1);
  const copiesOf = (c: Candidate) => (c.summary.sha256 ? copies.get(c.summary.sha256)! : 1);
  // Byte-identical majority, then fewer failed checks, then more figures, then the first path
  // (candidates come in path order and the search keeps the first of equals).
  const better = (a: Candidate, b: Candidate) =>
    copiesOf(a) !== copiesOf(b) ? copiesOf(a) > copiesOf(b) : a.summary.failedChecks !== b.summary.failedChecks ? a.summary.failedChecks < b.summary.failedChecks : a.summary.figures > b.summary.figures;
  const keeper = candidates.reduce((best, c) => (better(c, best) ? c : best));
  const reasons = new Map<string, Message>();
  for (const c of candidates) {
    if (c === keeper) continue;
    const [a, b] = [keeper.summary, c.summary];
    const of = { keeper: keeper.path, id: b.id, agency: b.agency, year: b.year };
    reasons.set(
      c.path,
      a.sha256 !== null && a.sha256 === b.sha256
        ? createMessage('duplicateIdentical', of)
        : copiesOf(keeper) > copiesOf(c)
          ? createMessage('duplicateMajority', { ...of, copies: copiesOf(keeper) })
          : a.failedChecks < b.failedChecks
            ? createMessage('duplicateFewerFailures', { ...of, kept: a.failedChecks, own: b.failedChecks })
            : a.figures > b.figures
              ? createMessage('duplicateMoreFigures', { ...of, kept: a.figures, own: b.figures })
              : createMessage('duplicateFirstPath', of),
    );
  }
  return { keeper, reasons };
}

/**
 * Returns the manifest of a corpus and the records to write (sorted by id), from each file's summary
 * (an incremental re-run knows unchanged files only by their summaries). Duplicate rule: when several
 * files give the same agency and year, the one kept is, in order of precedence, one of the largest
 * set of byte-identical files among them, then the one with the fewest failed checks, then the one
 * with the most figures, then the first path in sorted order; every other one is listed as an error
 * naming the file kept and the rule that decided.
 */
export function planManifest(input: string, summaries: readonly { path: string; summary: FileSummary }[]): { manifest: Manifest; keepers: Keeper[] } {
  const sorted = [...summaries].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  // Candidates per record id, in sorted order: looked up per file below (a scan per file is quadratic).
  const candidatesById = new Map<string, Candidate[]>();
  for (const { path, summary } of sorted) {
    if (!summary.ok) continue;
    const candidates = candidatesById.get(summary.id);
    if (candidates) candidates.push({ path, summary });
    else candidatesById.set(summary.id, [{ path, summary }]);
  }
  const chosen = new Map<string, Candidate>();
  const reasons = new Map<string, Message>();
  for (const [id, candidates] of candidatesById) {
    if (candidates.length === 1) {
      chosen.set(id, candidates[0]!);
      continue;
    }
    const ranked = rankDuplicates(candidates);
    chosen.set(id, ranked.keeper);
    for (const [p, reason] of ranked.reasons) reasons.set(p, reason);
  }
  const files: ManifestEntry[] = sorted.map(({ path, summary: s }) => {
    if (!s.ok) return { path, status: 'error', id: null, messages: s.note ? [s.error, s.note] : [s.error] };
    const keeper = chosen.get(s.id)!;
    if (keeper.path !== path) return { path, status: 'error', id: null, messages: [reasons.get(path)!] };
    const others = candidatesById.get(s.id)!.filter((c) => c.path !== path);
    const messages = [...s.warnings, ...others.map((c) => createMessage('otherCopyNotUsed', { path: c.path }))];
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
