/**
 * One file through the cache: hash its bytes, return the cached outcome when there is one,
 * otherwise extract it (extractFile) and store the outcome. Used inline and by the worker threads.
 * Its file operations are synchronous: a thread works on one file at a time, and awaiting the
 * thread pool (four threads, shared by every thread of the process) left cores idle.
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { stripFolder, summarizeOutcome, type FileOutcome, type OutcomeSummary } from '../../../src/lib/extract/manifest.ts';
import { fsPath, type CorpusFile } from './corpus-walk.ts';
import { cacheKey, readCachedSync, writeCachedSync } from './cache.ts';
import { extractFile, formatOf, MAX_BYTES } from './file.ts';
import { serializeRecord, type Serialized } from './write-output.ts';

/** Where outcomes are cached; null: no cache. */
export type CacheOptions = { dir: string } | null;

/**
 * One file's outcome with what the stat index records of it: its format and cache key (null when
 * the outcome follows from the extension or size alone); `stable`: false when the outcome is an
 * internal error, which must not be remembered (the next run tries again).
 */
export interface Inspected {
  outcome: FileOutcome;
  format: string | null;
  key: string | null;
  stable: boolean;
  /** serializeRecord(outcome.record), when it was made already (for the cache, or read from it). */
  json?: string;
}

/**
 * An outcome as the extractor's main thread holds it until the output is written: its summary
 * always; the contents of its output files (tens of kilobytes) only while the memory budget lasts,
 * or when they cannot be read back from the cache. Serialized where it was extracted (on a worker
 * thread), so that the main thread receives two strings instead of a record's object graph and its
 * serial write phase only writes.
 */
export type Held = Omit<Inspected, 'outcome'> & { serialized?: Serialized; summary: OutcomeSummary };

/** Returns a file's outcome as held: without its output when `keep` is false and the cache holds it. */
export function hold(inspected: Inspected, cache: CacheOptions, keep: boolean): Held {
  const { outcome, format, key, stable, json } = inspected;
  const summary = summarizeOutcome(outcome);
  const cached = cache !== null && key !== null && stable && outcome.ok;
  if (!outcome.ok || (cached && !keep)) return { format, key, stable, summary };
  return { format, key, stable, summary, serialized: { json: json ?? serializeRecord(outcome.record), text: outcome.text } };
}

/** Returns the outcome of one file and its cache key, never throwing: a reader bug costs one file, not the corpus. */
export async function inspectFile(root: string, file: CorpusFile, cache: CacheOptions, version: string): Promise<Inspected> {
  const { rel } = file;
  try {
    const format = formatOf(rel);
    // A path whose names are not all UTF-8 is opened by its bytes.
    const full = fsPath(root, file);
    // Unsupported, empty and oversized files are refused before reading: nothing to hash or cache.
    if (!format) return { outcome: await extractFile(root, rel), format: null, key: null, stable: true };
    const info = statSync(full);
    if (info.size === 0 || info.size > MAX_BYTES) return { outcome: await extractFile(root, rel, undefined, undefined, full), format, key: null, stable: true };
    const bytes = readFileSync(full);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const key = cacheKey(sha256, format, version);
    const cached = cache && readCachedSync(cache.dir, key, rel);
    if (cached) return { outcome: cached.outcome, format, key, stable: true, json: cached.json };
    const outcome = await extractFile(root, rel, bytes, sha256);
    // Serialized once, here, for both the cache and the output.
    const json = outcome.ok ? serializeRecord(outcome.record) : '';
    if (cache) writeCachedSync(cache.dir, version, key, outcome, json);
    return { outcome, format, key, stable: true, json: outcome.ok ? json : undefined };
  } catch (error) {
    const message = stripFolder((error as Error).message, path.resolve(root));
    return { outcome: { path: rel, ok: false, error: `读取失败 (internal error): ${message}` }, format: null, key: null, stable: false };
  }
}
