/**
 * The extractor's I/O edge: walk a corpus folder, read and hash each file, extract, and write
 * `OUT/reports/<id>.json` and `OUT/manifest.json`. No file aborts the run: each one ends up a record
 * or a manifest entry with its reason.
 *
 * A re-run does only what changed. The stat index (index.ts, in the cache folder) says,
 * for every file whose stat has not changed, its cache key and the summary of its outcome: enough
 * for the manifest (planManifest in src/lib/extract/manifest.ts), so such a file is neither read, hashed nor loaded from the
 * cache. Only new and changed files are extracted (or found in the cache), and only the records
 * whose source changed are loaded and written (write-output.ts); the extractor itself is loaded
 * only when there is something to extract. Without a cache (--no-cache) every file is extracted.
 *
 * The folder is listed by walkCorpus (corpus-walk.ts): links, names that are not UTF-8, folders of
 * version control and the extractor's own output are each either read or listed with a reason.
 */
import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describeInput, planManifest, type FileOutcome, type FileSummary, type Keeper } from '../../../src/lib/extract/manifest.ts';
import type { IdentityCorrection, Manifest, ReportRecord } from '../../../src/lib/schema/report.ts';
import { digestIdentityLines } from '../../../src/lib/corrections/identity-digest.ts';
import { fsPath, walkCorpus, type CorpusFile, type WalkResult } from './corpus-walk.ts';
import { cacheKey, extractorVersion, OutcomeCache } from './cache.ts';
import { indexPath, isUnchanged, readIndex, stampOf, writeIndex, type IndexEntry, type Stamp, type StatIndex } from './index.ts';
import { shardOf, writePart, type Shard } from './shard.ts';
import { decodeOutput, emptyOutput, encodeOutput, forEachLimited, idOf, readClaimedOutput, serializeRecord, tokenOf, writePlanned } from './write-output.ts';
import type { EncodedOutput } from '../../../src/lib/extract/written-state.ts';
import type { Message } from '../../../src/lib/schema/message.ts';

export interface ExtractOptions {
  input: string;
  out: string;
  /** Called after each file (in worker mode: after each batch), for a progress bar. */
  onProgress?: (done: number, total: number) => void;
  /**
   * Worker threads; 0 extracts on the main thread. Default: one per core. Threads are started only
   * when at least PARALLEL_FROM files need extracting: fewer are extracted on the main thread.
   */
  workers?: number;
  /** Heap limit of each worker thread, in MiB (the extractHeapMib setting); undefined: V8's default. */
  heapMib?: number;
  /** Folder of the content-hash cache of outcomes (the command's default: DATA/cache); false: no cache. */
  cache: string | false;
  /** Extract only this shard of the corpus and write OUT/part.json for extract:merge. */
  shard?: Shard;
  /**
   * Extracted files that keep their output files in memory until the output is written (default
   * KEEP); the others are read back from the cache then, so that memory does not follow the corpus.
   */
  keep?: number;
  /**
   * The corrections file's agency and year lines by the file they name (groupFileIdentities): such a
   * file's record is made with them, under a cache key of its own.
   */
  identities?: ReadonlyMap<string, IdentityCorrection[]>;
}

/** Files that keep their output in memory by default: about 80 KB each, so some 0.8 GB. */
export const KEEP = 10_000;

/** Below this many files to extract, starting worker threads costs more than it saves. */
export const PARALLEL_FROM = 200;

/** Returns every file under `dir` that walkCorpus reads, as sorted paths relative to it with forward slashes. */
export async function listFiles(dir: string): Promise<string[]> {
  return walkCorpus(dir).files.map((f) => f.rel);
}

/** What a run did not read, for its summary line: see WalkResult. */
export type Skipped = WalkResult['skipped'];

/** A record whose checks failed: its id, its file and the ids of the failed checks. */
export interface CheckFailure {
  id: string;
  path: string;
  checks: string[];
}

type OkOutcome = Extract<FileOutcome, { ok: true }>;

/** Files whose stat changed that are hashed at once to see whether their content did. */
const RECHECK_CONCURRENCY = 16;

/**
 * Returns each file's stamp, in order; undefined when stat fails (the file is then extracted, and
 * reports its error). Synchronous on purpose: 10,000 stat calls cost a third of the time of as many
 * promises, and there is nothing else to do meanwhile.
 */
function statAll(root: string, files: readonly CorpusFile[]): (Stamp | undefined)[] {
  return files.map((file) => {
    try {
      const stats = statSync(fsPath(root, file), { throwIfNoEntry: false });
      return stats && stampOf(stats);
    } catch {
      return undefined;
    }
  });
}

/** Returns whether a file still holds the content its index entry was made from (a touched or copied-back file). */
async function sameContent(root: string, file: CorpusFile, entry: IndexEntry, version: string): Promise<boolean> {
  const { key, format } = entry.summary;
  if (!key || !format) return false;
  try {
    const bytes = await readFile(fsPath(root, file));
    return cacheKey(createHash('sha256').update(bytes).digest('hex'), format, version) === key;
  } catch {
    return false;
  }
}

/**
 * Returns the index entries still valid for `files` (by path) and the files to extract: entries
 * whose stamp matches are kept as they are; a file whose stamp changed is hashed, and keeps its
 * entry (with the new stamp) when its content did not change.
 */
async function reuseIndex(
  root: string,
  files: readonly CorpusFile[],
  stamps: readonly (Stamp | undefined)[],
  previous: StatIndex | null,
  version: string,
): Promise<{ entries: Map<string, IndexEntry>; todo: CorpusFile[]; rechecked: number }> {
  const entries = new Map<string, IndexEntry>();
  const todo: number[] = [];
  const recheck: number[] = [];
  files.forEach(({ rel }, i) => {
    const entry = previous?.files.get(rel);
    const stamp = stamps[i];
    if (!previous || !entry || !stamp) todo.push(i);
    else if (isUnchanged(entry, stamp, previous.scannedAt)) entries.set(rel, entry);
    else recheck.push(i);
  });
  await forEachLimited(recheck, RECHECK_CONCURRENCY, async (i) => {
    const file = files[i]!;
    const entry = previous!.files.get(file.rel)!;
    if (await sameContent(root, file, entry, version)) entries.set(file.rel, { ...entry, stamp: stamps[i]! });
    else todo.push(i);
  });
  // Files are in path order: so are their indexes.
  return { entries, todo: todo.sort((a, b) => a - b).map((i) => files[i]!), rechecked: recheck.length };
}

/**
 * Returns the summary (with cache key) of each file in `todo`, in order, the first `keep` with
 * their output files, or them written into `writeTo` (see summarizeFile): on worker threads when there are many.
 */
async function summarizeAll(
  root: string,
  todo: readonly CorpusFile[],
  options: { workers?: number; heapMib?: number; cache: OutcomeCache | null; version: string; keep: number; writeTo?: string; onProgress?: (done: number) => void },
): Promise<FileSummary[]> {
  if (todo.length === 0) return [];
  const workers = todo.length >= PARALLEL_FROM ? options.workers : 0;
  // Loaded here, not at the top: a run with nothing to extract never loads the extractor.
  if (workers !== 0) {
    const { defaultWorkers, extractInPool } = await import('./pool.ts');
    return extractInPool(root, todo, { workers: workers ?? defaultWorkers(), heapMib: options.heapMib, cache: options.cache?.location ?? null, version: options.version, keep: options.keep, writeTo: options.writeTo, onProgress: options.onProgress });
  }
  const { summarizeFile } = await import('./one.ts');
  const results: FileSummary[] = [];
  try {
    for (const file of todo) {
      results.push(await summarizeFile(root, file, options.version, options.cache, results.length < options.keep, options.writeTo));
      options.onProgress?.(results.length);
    }
  } finally {
    options.cache?.close();
  }
  return results;
}

/**
 * Extracts a corpus (only what changed since the last run, when there is a cache) and writes its
 * records and manifest into `options.out`.
 * @returns the manifest, the records written (id and source path, sorted by id), what was not
 * read (for the summary line: each problem is in the manifest) and the records whose checks failed.
 */
export async function extractToFolder(options: ExtractOptions): Promise<{ manifest: Manifest; keepers: Keeper[]; skipped: Skipped; checkFailures: CheckFailure[] }> {
  const root = options.input;
  const version = extractorVersion();
  const cache = options.cache === false ? null : new OutcomeCache({ dir: path.resolve(options.cache), version });
  // The output and the cache are not read back as input when they lie inside it.
  const walked = walkCorpus(root, { skip: [options.out, ...(cache ? [cache.dir] : [])] });
  const shard = options.shard;
  const inShard = (rel: string) => !shard || shardOf(rel, shard.count) === shard.index;
  const files = walked.files.filter((f) => inShard(f.rel)).map((f) => {
    const lines = options.identities?.get(f.rel);
    return lines ? { ...f, identity: { lines, digest: digestIdentityLines(lines) } } : f;
  });
  // The stat index trusts a file's summary by its stat alone: it is kept only while the identity
  // lines are those it was made with (a changed line re-hashes the corpus; the cache still answers).
  const identityDigest = options.identities?.size ? digestIdentityLines([...options.identities.values()].flat().sort((a, b) => a.line - b.line)) : '';
  const indexVersion = identityDigest ? `${version}+${identityDigest}` : version;
  const problems = walked.problems.filter((p) => inShard(p.path));
  const indexFile = cache && indexPath(cache.dir, root, shard);
  cache?.prune();
  // Taken before the first stat: a file written after it is never trusted by its stamp alone.
  const scannedAt = Date.now();
  const previous = indexFile ? await readIndex(indexFile, root, indexVersion) : null;
  const stamps = statAll(root, files);
  const { entries, todo, rechecked } = await reuseIndex(root, files, stamps, previous, version);

  const reused = files.length - todo.length;
  if (reused > 0) options.onProgress?.(reused, files.length);
  // An output folder without a state is rewritten whole: it is emptied now and each record is
  // written as it is read, on the thread that read it, rather than all after the last file (one
  // core idle). Never when the input lies inside it: what is emptied must not be what is read.
  const emptied = todo.length > 0 && !isWithin(root, options.out) && (await emptyOutput(options.out));
  const writeTo = emptied ? options.out : undefined;
  const summarized = await summarizeAll(root, todo, { workers: options.workers, heapMib: options.heapMib, cache, version, keep: options.keep ?? KEEP, writeTo, onProgress: (done) => options.onProgress?.(reused + done, files.length) });
  const fresh = new Map(todo.map((file, i) => [file.rel, summarized[i]!]));
  const fileByPath = new Map(files.map((f) => [f.rel, f]));
  // What the worker threads just stored is read back below.
  if (todo.length > 0) cache?.refresh();
  const stampByPath = new Map(files.map((f, i) => [f.rel, stamps[i]]));
  for (const [rel, summary] of fresh) {
    const stamp = stampByPath.get(rel);
    if (summary.stable !== false && stamp) entries.set(rel, { stamp, summary });
  }

  const summaries = [
    ...files.map(({ rel }) => ({ path: rel, summary: withNote(entries.get(rel)?.summary ?? fresh.get(rel)!, walked.notes.get(rel)) })),
    ...problems.map((p) => ({ path: p.path, summary: { ok: false, error: p.error } as const })),
  ];
  const summaryByPath = new Map(summaries.map((s) => [s.path, s.summary]));
  const { manifest, keepers } = planManifest(describeInput(root, process.cwd()), summaries);
  const keyOf = (rel: string) => (entries.get(rel)?.summary ?? fresh.get(rel))!.key!;

  /**
   * Returns the output files (and the id) of a file that gave a record: as extracted this run, else
   * from the cache (with the whole outcome, when it had to be read), else extracted again; null when
   * it gives none now.
   */
  const findOutput = async (rel: string): Promise<{ id: string; output: EncodedOutput; outcome?: OkOutcome } | null> => {
    const fromRun = fresh.get(rel);
    if (fromRun?.ok && fromRun.output) return { id: fromRun.id, output: fromRun.output };
    if (fromRun?.ok && fromRun.onDisk) return { id: fromRun.id, output: readClaimedOutput(options.out, fromRun.id, fromRun.onDisk) };
    // Most records at 100,000 reports come back this way: their JSON is copied, not parsed.
    const stored = cache?.readOutput(keyOf(rel), rel);
    const id = stored && idOf(stored.json);
    if (stored && id) return { id, output: encodeOutput(stored) };
    const cached = cache?.read(keyOf(rel), rel);
    if (cached?.ok) {
      const { path, record, warnings, text, json } = cached;
      return { id: record.id, output: encodeOutput({ json: json ?? serializeRecord(record), text }), outcome: { path, ok: true, record, warnings, text } };
    }
    const again = (await summarizeAll(root, [fileByPath.get(rel)!], { workers: 0, cache, version, keep: 1 }))[0]!;
    return again.ok && again.output ? { id: again.id, output: again.output } : null;
  };
  /** Returns findOutput's answer, checked against the manifest's summary of the file. */
  const loadOutput = async (rel: string): Promise<{ output: EncodedOutput; outcome?: OkOutcome }> => {
    const summary = summaryByPath.get(rel);
    const loaded = await findOutput(rel);
    // Only when the file changed again during this run (or the cache entry was damaged): the
    // manifest already counts it, so stop rather than write a manifest that contradicts a record.
    if (!loaded || !summary?.ok || loaded.id !== summary.id) throw new Error(`${rel} changed during extraction; run again`);
    return loaded;
  };
  /** Returns the whole outcome of a file that gave a record (for a shard's part.json), without its JSON. */
  const load = async (rel: string): Promise<OkOutcome> => {
    const { output, outcome } = await loadOutput(rel);
    const summary = summaryByPath.get(rel) as Extract<FileSummary, { ok: true }>;
    if (outcome) return outcome;
    const { json, text } = decodeOutput(output);
    return { path: rel, ok: true, record: JSON.parse(json) as ReportRecord, warnings: summary.warnings, text };
  };

  await writePlanned(
    options.out,
    manifest,
    keepers.map((k) => {
      const fromRun = fresh.get(k.path);
      return { id: k.id, token: tokenOf(k.path, keyOf(k.path)), onDisk: fromRun?.ok ? fromRun.onDisk : undefined, load: async () => (await loadOutput(k.path)).output };
    }),
    { emptied },
  );
  if (shard) await writePart(options.out, { shard, input: root, extractor: version }, summaries, new Set(keepers.map((k) => k.path)), load);
  // Written last: the index only ever describes input files, so it stays valid whatever happened
  // to the output; it is not needed for a crash-safe output (.written.json is). Not rewritten when
  // every file was trusted as it stood (same files, same entries).
  const indexChanged = !previous || todo.length > 0 || rechecked > 0 || previous.files.size !== files.length;
  if (indexFile && indexChanged) await writeIndex(indexFile, root, indexVersion, { scannedAt, files: new Map(files.flatMap(({ rel }) => (entries.has(rel) ? [[rel, entries.get(rel)!]] : []))) });
  const checkFailures = keepers.flatMap(({ id, path: rel }) => {
    const s = summaryByPath.get(rel);
    return s?.ok && s.failing.length > 0 ? [{ id, path: rel, checks: s.failing }] : [];
  });
  return { manifest, keepers, skipped: walked.skipped, checkFailures };
}

/** Returns whether `inner` is `outer` or lies inside it (paths resolved). */
function isWithin(inner: string, outer: string): boolean {
  const rel = path.relative(path.resolve(outer), path.resolve(inner));
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel));
}

/** Returns a summary with a note added (a warning of a record, or after the error of a file that gave none). */
function withNote(summary: FileSummary, note: Message | undefined): FileSummary {
  if (!note) return summary;
  return summary.ok ? { ...summary, warnings: [...summary.warnings, note] } : { ...summary, note };
}

/** Extracts a corpus and writes its records and manifest; returns the manifest and the records written (read back from OUT/reports). */
export async function extractCorpus(options: ExtractOptions): Promise<{ manifest: Manifest; records: ReportRecord[] }> {
  const { manifest, keepers } = await extractToFolder(options);
  const reportsDir = path.join(options.out, 'reports');
  const records = await Promise.all(keepers.map(async (k) => JSON.parse(await readFile(path.join(reportsDir, `${k.id}.json`), 'utf8')) as ReportRecord));
  return { manifest, records };
}
