/**
 * A content-hash cache of extraction outcomes, so that an unchanged report is not parsed again.
 * An entry is keyed by the sha256 of the file's bytes, its format and the extractor version; the
 * version is a hash of the extractor's own source and the installed dependency versions, so any
 * change to the code that reads reports invalidates every entry without anyone bumping a number.
 * One small JSON file per entry: shards and worker threads can share a cache folder safely.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { threadId } from 'node:worker_threads';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FileOutcome } from '../../src/lib/extract/manifest.ts';
import { hashSources } from '../../src/lib/source-version.ts';

/** Default cache folder, relative to the working directory. */
export const DEFAULT_CACHE_DIR = '.nianbao/cache';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/**
 * Everything whose change can change an outcome, or the summary of one kept in the stat index
 * (extract-index.ts): a stale summary would be as wrong as a stale outcome.
 */
const VERSION_SOURCES = ['src/lib/extract', 'src/lib/schema', 'src/lib/template.ts', 'scripts/lib/extract-file.ts', 'scripts/lib/extract-index.ts', 'package-lock.json'];

let version: string | undefined;

/**
 * Returns the extractor version string: 16 hex digits of the sha256 of the extractor's source files
 * and package-lock.json (dependency versions), computed once per process.
 */
export function extractorVersion(): string {
  // Sources that are missing (a trimmed checkout) are left out, as they cannot change an outcome.
  version ??= hashSources(ROOT, VERSION_SOURCES).version;
  return version;
}

/** Returns the cache key (64 hex digits) of a file's content sha256 in a format. */
export function cacheKey(sha256: string, format: string, extractor = extractorVersion()): string {
  return createHash('sha256').update(`${extractor}\0${format}\0${sha256}`).digest('hex');
}

const entryPath = (dir: string, key: string) => path.join(dir, key.slice(0, 2), `${key}.json`);

/** A cached outcome has no path: the same bytes may sit at several paths. */
type Entry = { ok: true; record: Extract<FileOutcome, { ok: true }>['record']; warnings: string[]; text: string } | { ok: false; error: string };

/** Returns the cached outcome for `key`, placed at `rel`, or null on a miss or an unreadable entry. */
export async function readCached(dir: string, key: string, rel: string): Promise<FileOutcome | null> {
  try {
    return placeEntry(JSON.parse(await readFile(entryPath(dir, key), 'utf8')) as Entry, rel);
  } catch {
    return null;
  }
}

/**
 * readCached, synchronously: for worker threads, which have one file to work on at a time, so that
 * waiting on the thread pool (shared by every thread of the process) never leaves a core idle.
 */
export function readCachedSync(dir: string, key: string, rel: string): FileOutcome | null {
  try {
    return placeEntry(JSON.parse(readFileSync(entryPath(dir, key), 'utf8')) as Entry, rel);
  } catch {
    return null;
  }
}

/** Returns a cached entry as the outcome of the file at `rel`. */
function placeEntry(entry: Entry, rel: string): FileOutcome {
  if (!entry.ok) return { path: rel, ok: false, error: entry.error };
  return { path: rel, ok: true, record: { ...entry.record, source: { ...entry.record.source, path: rel } }, warnings: entry.warnings, text: entry.text };
}

const madeDirs = new Set<string>();

/**
 * Stores an outcome under `key` (written to a temporary name, then renamed: readers never see half
 * a file). Synchronous, as readCachedSync.
 */
export function writeCachedSync(dir: string, key: string, outcome: FileOutcome): void {
  const file = entryPath(dir, key);
  // 256 sub-folders at most: create each once per process, not once per entry.
  if (!madeDirs.has(path.dirname(file))) {
    mkdirSync(path.dirname(file), { recursive: true });
    madeDirs.add(path.dirname(file));
  }
  // Process and thread in the name: worker threads of one process, and shards, share the folder.
  const tmp = `${file}.${process.pid}.${threadId}.${Math.floor(performance.now() * 1000)}.tmp`;
  writeFileSync(tmp, serializeEntry(outcome));
  renameSync(tmp, file);
}

/** Returns the JSON of a cache entry: the outcome without its path. */
function serializeEntry(outcome: FileOutcome): string {
  const entry: Entry = outcome.ok
    ? { ok: true, record: outcome.record, warnings: outcome.warnings, text: outcome.text }
    : { ok: false, error: outcome.error };
  return JSON.stringify(entry);
}
