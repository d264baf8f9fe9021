/**
 * A content-hash cache of extraction outcomes, so that an unchanged report is not parsed again.
 * An entry is keyed by the sha256 of the file's bytes, its format and the extractor version; the
 * version is a hash of the extractor's own source and the installed dependency versions, so any
 * change to the code that reads reports invalidates every entry without anyone bumping a number.
 *
 * Entries are appended to pack files, one pack per writing thread and process (`packs/<name>.pack`),
 * each with an index of its entries (`packs/<name>.idx`, one line per entry: key, offset and the byte
 * lengths of its parts), because creating a file per entry cost this disk 0.3–0.6 ms, a fifth of a
 * report's extraction. An index line is appended only after its entry's bytes, so a reader never
 * trusts half an entry, and writers never share a file: shards and worker threads can share a
 * cache folder. A reader loads every index once (see refreshCache); a key written twice holds the
 * same outcome, and the last line read wins. A pack is named after the extractor version that
 * wrote it, and a run deletes the packs of other versions (pruneCache): their keys, which hash the
 * version in, can never be asked for again, and a corpus of 100,000 reports fills gigabytes.
 */
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, fstatSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, rmSync, writeSync } from 'node:fs';
import { threadId } from 'node:worker_threads';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FileOutcome } from '../../../src/lib/extract/manifest.ts';
import { hashSources } from '../../../src/lib/source-version.ts';

/** Default cache folder, relative to the working directory. */
export const DEFAULT_CACHE_DIR = '.nianbao/cache';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
/**
 * Everything whose change can change an outcome, or the summary of one kept in the stat index
 * (index.ts): a stale summary would be as wrong as a stale outcome. Folders, not files, so a new
 * module of the extractor is covered without being listed.
 */
const VERSION_SOURCES = ['src/lib/extract', 'src/lib/schema', 'src/lib/template.ts', 'src/lib/template-legacy.ts', 'scripts/lib/extract', 'package-lock.json'];

let version: string | undefined;

/** Returns the version sources (paths relative to the project) missing from this checkout. */
export function listMissingVersionSources(): string[] {
  return hashSources(ROOT, VERSION_SOURCES).missing;
}

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

/**
 * A stored outcome, without its path (the same bytes may sit at several paths): a first line of
 * JSON (ok, warnings, error, and the path the record was made at), then the record's JSON as
 * serializeRecord writes it, then the report text. Stored as text so that a record extracted and
 * written in the same run is serialized once.
 */
interface Meta {
  ok: boolean;
  path?: string;
  warnings?: string[];
  error?: string;
}

/** Where an entry lies: its pack, offset, and the byte lengths of its meta line, record JSON and text. */
interface Location {
  pack: string;
  offset: number;
  lengths: [meta: number, json: number, text: number];
}

const PACKS = 'packs';
const LINE = /^([0-9a-f]{64}) (\d+) (\d+) (\d+) (\d+)$/;

/** Each cache folder's entries as this thread knows them, loaded on first use (see refreshCache). */
const indexes = new Map<string, Map<string, Location>>();

/**
 * Forgets what this thread knows of a cache folder's packs, so that the next read loads every index
 * again. Called at the start of a run, and before reading back what worker threads wrote.
 */
export function refreshCache(dir: string): void {
  indexes.delete(dir);
}

/**
 * Deletes the packs in `dir` written by other extractor versions than `version`; returns how many
 * files were deleted. A pack being read by another process at that moment costs it a miss (it
 * extracts the file again), never a wrong outcome.
 */
export function pruneCache(dir: string, version: string): number {
  let names: string[] = [];
  try {
    names = readdirSync(path.join(dir, PACKS));
  } catch {
    return 0;
  }
  const stale = names.filter((n) => (n.endsWith('.pack') || n.endsWith('.idx')) && !n.startsWith(`${version}-`));
  for (const name of stale) rmSync(path.join(dir, PACKS, name), { force: true });
  if (stale.length > 0) refreshCache(dir);
  return stale.length;
}

/** Returns the entries of every pack in `dir`; an index line cut off by a crash is ignored. */
function loadIndex(dir: string): Map<string, Location> {
  let index = indexes.get(dir);
  if (index) return index;
  index = new Map();
  let names: string[] = [];
  try {
    names = readdirSync(path.join(dir, PACKS)).filter((n) => n.endsWith('.idx')).sort();
  } catch {
    // No packs yet.
  }
  for (const name of names) {
    const pack = name.slice(0, -'.idx'.length);
    let text = '';
    try {
      text = readFileSync(path.join(dir, PACKS, name), 'latin1');
    } catch {
      continue;
    }
    // Only lines ended by a newline are complete.
    for (const line of text.slice(0, text.lastIndexOf('\n') + 1).split('\n')) {
      const m = LINE.exec(line);
      if (m) index.set(m[1]!, { pack, offset: Number(m[2]), lengths: [Number(m[3]), Number(m[4]), Number(m[5])] });
    }
  }
  indexes.set(dir, index);
  return index;
}

/** A cached outcome as read: the outcome, placed at the path asked for, and its record's JSON when it needs no rewriting. */
export interface CachedOutcome {
  outcome: FileOutcome;
  /** serializeRecord(outcome.record), when the entry was stored from the same path. */
  json?: string;
}

/** An entry's bytes as read from its pack: its meta line parsed, the record's JSON and the text left as bytes. */
interface Entry {
  meta: Meta;
  bytes: Buffer;
  lengths: Location['lengths'];
}

/** Returns the entry stored under `key`, or null on a miss or an unreadable entry. */
function readEntrySync(dir: string, key: string): Entry | null {
  const at = loadIndex(dir).get(key);
  if (!at) return null;
  const [metaLength, jsonLength, textLength] = at.lengths;
  const bytes = Buffer.allocUnsafe(metaLength + jsonLength + textLength);
  let fd: number | undefined;
  try {
    fd = openSync(path.join(dir, PACKS, `${at.pack}.pack`), 'r');
    if (readSync(fd, bytes, 0, bytes.length, at.offset) !== bytes.length) return null;
    return { meta: JSON.parse(bytes.toString('utf8', 0, metaLength)) as Meta, bytes, lengths: at.lengths };
  } catch {
    return null;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Returns the cached outcome for `key`, placed at `rel`, or null on a miss or an unreadable entry. */
export function readCachedSync(dir: string, key: string, rel: string): CachedOutcome | null {
  const entry = readEntrySync(dir, key);
  if (!entry) return null;
  const { meta, bytes, lengths: [metaLength, jsonLength] } = entry;
  if (!meta.ok) return { outcome: { path: rel, ok: false, error: meta.error ?? '' } };
  const json = bytes.toString('utf8', metaLength, metaLength + jsonLength);
  try {
    const record = JSON.parse(json) as Extract<FileOutcome, { ok: true }>['record'];
    const text = bytes.toString('utf8', metaLength + jsonLength);
    if (meta.path === rel) return { outcome: { path: rel, ok: true, record, warnings: meta.warnings ?? [], text }, json };
    return { outcome: { path: rel, ok: true, record: { ...record, source: { ...record.source, path: rel } }, warnings: meta.warnings ?? [], text } };
  } catch {
    return null;
  }
}

/**
 * Returns the output files of the record cached for `key` (its JSON as serializeRecord writes it,
 * and its text), without parsing the record; null on a miss, an outcome without a record, or an
 * entry stored from another path (whose record names that path: readCachedSync rewrites it). The
 * extractor reads most records back this way at 100,000 reports, where parsing each was a twentieth
 * of the run.
 */
export function readCachedOutputSync(dir: string, key: string, rel: string): { json: string; text: string } | null {
  const entry = readEntrySync(dir, key);
  if (!entry?.meta.ok || entry.meta.path !== rel) return null;
  const { bytes, lengths: [metaLength, jsonLength] } = entry;
  return { json: bytes.toString('utf8', metaLength, metaLength + jsonLength), text: bytes.toString('utf8', metaLength + jsonLength) };
}

/** This thread's pack in each cache folder: its name and size, and its files while a batch is open. */
interface Writer {
  pack: string;
  size: number;
  fds?: { pack: number; idx: number };
}

/** By cache folder and extractor version. */
const writers = new Map<string, Writer>();

/**
 * Stores an outcome under `key` (made with extractor `version`), appending it to this thread's pack.
 * `json`: serializeRecord of its record (write-output.ts; '' for a file without one), which the
 * caller writes to the output too. The pack's files stay open until closeCacheWriter.
 */
export function writeCachedSync(dir: string, version: string, key: string, outcome: FileOutcome, json: string): void {
  let writer = writers.get(`${dir}\0${version}`);
  if (!writer) {
    mkdirSync(path.join(dir, PACKS), { recursive: true });
    // Process, thread and chance in the name: no two writers ever append to one file.
    writer = { pack: `${version}-${process.pid}-${threadId}-${randomBytes(6).toString('hex')}`, size: 0 };
    writers.set(`${dir}\0${version}`, writer);
  }
  if (!writer.fds) {
    const pack = openSync(path.join(dir, PACKS, `${writer.pack}.pack`), 'a');
    writer.fds = { pack, idx: openSync(path.join(dir, PACKS, `${writer.pack}.idx`), 'a') };
    writer.size = fstatSync(pack).size;
  }
  const meta: Meta = outcome.ok ? { ok: true, path: outcome.path, warnings: outcome.warnings } : { ok: false, error: outcome.error };
  const parts = [JSON.stringify(meta) + '\n', outcome.ok ? json : '', outcome.ok ? outcome.text : ''] as const;
  // Each part encoded once, into one buffer kept for the thread's next entry: a buffer per entry
  // (outside V8's heap) made the collector run more often.
  const buffer = scratchFor(parts[0].length + parts[1].length + parts[2].length);
  const metaLength = buffer.write(parts[0], 0);
  const jsonLength = buffer.write(parts[1], metaLength);
  const lengths: Location['lengths'] = [metaLength, jsonLength, buffer.write(parts[2], metaLength + jsonLength)];
  writeAll(writer.fds.pack, buffer.subarray(0, lengths[0] + lengths[1] + lengths[2]));
  // The index line last: an entry is found only once its bytes are in the pack.
  writeSync(writer.fds.idx, `${key} ${writer.size} ${lengths.join(' ')}\n`);
  loadIndex(dir).set(key, { pack: writer.pack, offset: writer.size, lengths });
  writer.size += lengths[0] + lengths[1] + lengths[2];
}

let scratch = Buffer.alloc(0);

/** Returns this thread's scratch buffer, large enough for `units` UTF-16 code units as UTF-8 (at most 3 bytes each). */
function scratchFor(units: number): Buffer {
  if (scratch.length < units * 3) scratch = Buffer.allocUnsafe(Math.max(units * 3, 1 << 20));
  return scratch;
}

/** Writes all of `bytes` to `fd` (a write to a file may be short). */
function writeAll(fd: number, bytes: Buffer): void {
  for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done, bytes.length - done);
}

/** Closes this thread's open pack files (they are reopened, and appended to, by the next write). */
export function closeCacheWriter(): void {
  for (const writer of writers.values()) {
    if (!writer.fds) continue;
    closeSync(writer.fds.pack);
    closeSync(writer.fds.idx);
    writer.fds = undefined;
  }
}
