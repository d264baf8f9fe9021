/**
 * A content-hash cache of extraction outcomes, so that an unchanged report is not parsed again.
 * An entry is keyed by the sha256 of the file's bytes, its format and the extractor version; the
 * version is a hash of the extractor's own source and the installed dependency versions, so any
 * change to the code that reads reports invalidates every entry without anyone bumping a number.
 *
 * Entries are appended to pack files, one pack per writing thread and process (`packs/<name>.pack`),
 * each with an index of its entries (`packs/<name>.idx`, one line per entry: key, offset and the byte
 * lengths of its parts), because creating a file per entry cost a fifth of a report's extraction
 * (bench/results.md). A writer keeps its entries until it is closed (a worker thread's batch) and then
 * appends their bytes in one write and their index lines in another (a write or two per file cost
 * system time of their own), so an index line is appended only after its entry's bytes: a reader never
 * trusts half an entry, and writers never share a file: shards and worker threads can share a
 * cache folder. A reader loads every index once (see OutcomeCache.refresh), oldest pack first; a key
 * written twice holds the same outcome, and the last line read wins. A pack is named after the extractor version that
 * wrote it, and a run deletes the packs of other versions (OutcomeCache.prune): their keys, which hash the
 * version in, can never be asked for again, and a corpus of 100,000 reports fills gigabytes.
 *
 * A cache is an object (OutcomeCache) for one folder and one extractor version: what it knows of the
 * folder's packs and the pack it appends to are its own, so that each thread, and each test, holds
 * its own. The version is derived from the extractor's folder (scripts/lib/extract) and every module
 * it imports (listModuleGraph), so no list of files can miss one.
 */
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, fstatSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, rmSync, writeSync } from 'node:fs';
import { threadId } from 'node:worker_threads';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FileOutcome } from '../../../src/lib/extract/manifest.ts';
import { hashModuleGraph, listModuleGraph } from '../../../src/lib/source-version.ts';
import type { Message } from '../../../src/lib/schema/message.ts';

/** The cache's folder inside the extraction folder (the data setting), unless --cache names another. */
export const CACHE_FOLDER = 'cache';

/** The project folder, and the extractor's folder in it, whose code (with its imports) the version hashes. */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const EXTRACTOR_FOLDER = path.relative(ROOT, path.dirname(fileURLToPath(import.meta.url))).split(path.sep).join('/');

let version: string | undefined;

/** Returns the files the extractor version hashes (paths relative to the project), package-lock.json aside. */
export function listVersionSources(): string[] {
  return listModuleGraph(ROOT, EXTRACTOR_FOLDER);
}

/**
 * Returns the extractor version string: 16 hex digits of the sha256 of the extractor's modules (its
 * folder and everything it imports) and package-lock.json (dependency versions), computed once per process.
 */
export function extractorVersion(): string {
  version ??= hashModuleGraph(ROOT, EXTRACTOR_FOLDER);
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
  warnings?: Message[];
  error?: Message;
}

/** Where an entry lies: its pack, offset, and the byte lengths of its meta line, record JSON and text. */
interface Location {
  pack: string;
  offset: number;
  lengths: [meta: number, json: number, text: number];
}

const encoder = new TextEncoder();
const EMPTY = new Uint8Array(0);

/** The subfolder of a cache folder holding the packs and their indexes. */
const PACKS = 'packs';
const LINE = /^([0-9a-f]{64}) (\d+) (\d+) (\d+) (\d+)$/;

/** An entry's bytes as read from its pack: its meta line parsed, the record's JSON and the text left as bytes. */
interface Entry {
  meta: Meta;
  bytes: Buffer;
  lengths: Location['lengths'];
}

/** Where a cache lives and which extractor version it serves: all a worker thread needs to open its own. */
export interface CacheLocation {
  dir: string;
  version: string;
}

/**
 * The pack this cache appends to: its name, its size on disk, its open files between writes and
 * close(), and the entries not yet written (their bytes and their index lines, see writeEncoded).
 */
interface Writer {
  pack: string;
  size: number;
  fds?: { pack: number; idx: number };
  /** Bytes of the pending entries, in order from the start of the cache's scratch buffer. */
  pendingBytes: number;
  /** The pending entries' index lines. */
  pendingLines: string;
}

/** Pending bytes past which the entries are written at once rather than at close(). */
const FLUSH_BYTES = 4 << 20;

/** The outcome cache of one folder for one extractor version. Its file operations are synchronous (see one.ts). */
export class OutcomeCache {
  readonly dir: string;
  readonly version: string;
  /** The folder's entries as this cache knows them, loaded on first use (see refresh). */
  #index: Map<string, Location> | undefined;
  #writer: Writer | undefined;
  /**
   * The buffer pending entries are encoded into (see Writer): one per cache, reused (a buffer per
   * entry made the collector run more often).
   */
  #scratch = Buffer.alloc(0);

  constructor(location: CacheLocation) {
    this.dir = location.dir;
    this.version = location.version;
  }

  /** Returns where this cache lives and its version, to open the same cache on another thread. */
  get location(): CacheLocation {
    return { dir: this.dir, version: this.version };
  }

  /**
   * Forgets what this cache knows of the folder's packs, so that the next read loads every index
   * again. Called at the start of a run, and before reading back what worker threads wrote.
   */
  refresh(): void {
    this.#index = undefined;
  }

  /**
   * Deletes the packs written by other extractor versions; returns how many files were deleted. A
   * pack being read by another process at that moment costs it a miss (it extracts the file again),
   * never a wrong outcome.
   */
  prune(): number {
    let names: string[] = [];
    try {
      names = readdirSync(path.join(this.dir, PACKS));
    } catch {
      return 0;
    }
    const stale = names.filter((n) => (n.endsWith('.pack') || n.endsWith('.idx')) && !n.startsWith(`${this.version}-`));
    for (const name of stale) rmSync(path.join(this.dir, PACKS, name), { force: true });
    if (stale.length > 0) this.refresh();
    return stale.length;
  }

  /** Returns the entries of every pack in the folder; an index line cut off by a crash is ignored. */
  #loadIndex(): Map<string, Location> {
    if (this.#index) return this.#index;
    const index = new Map<string, Location>();
    let names: string[] = [];
    try {
      names = readdirSync(path.join(this.dir, PACKS)).filter((n) => n.endsWith('.idx')).sort();
    } catch {
      // No packs yet.
    }
    for (const name of names) {
      const pack = name.slice(0, -'.idx'.length);
      let text = '';
      try {
        text = readFileSync(path.join(this.dir, PACKS, name), 'latin1');
      } catch {
        continue;
      }
      // Only lines ended by a newline are complete.
      for (const line of text.slice(0, text.lastIndexOf('\n') + 1).split('\n')) {
        const m = LINE.exec(line);
        if (m) index.set(m[1]!, { pack, offset: Number(m[2]), lengths: [Number(m[3]), Number(m[4]), Number(m[5])] });
      }
    }
    this.#index = index;
    return index;
  }

  /** Returns the entry stored under `key`, or null on a miss or an unreadable entry. */
  #readEntry(key: string): Entry | null {
    const at = this.#loadIndex().get(key);
    if (!at) return null;
    // An entry this cache wrote and has not flushed yet (the same bytes twice in one batch).
    if (at.pack === this.#writer?.pack && this.#writer.pendingBytes > 0) this.#flush();
    const [metaLength, jsonLength, textLength] = at.lengths;
    const bytes = Buffer.allocUnsafe(metaLength + jsonLength + textLength);
    let fd: number | undefined;
    try {
      fd = openSync(path.join(this.dir, PACKS, `${at.pack}.pack`), 'r');
      if (readSync(fd, bytes, 0, bytes.length, at.offset) !== bytes.length) return null;
      return { meta: JSON.parse(bytes.toString('utf8', 0, metaLength)) as Meta, bytes, lengths: at.lengths };
    } catch {
      return null;
    } finally {
      if (fd !== undefined) closeSync(fd);
    }
  }

  /**
   * Returns the cached outcome for `key`, placed at `rel`, or null on a miss or an unreadable entry.
   * Its `json` (the record as stored) is set when the entry was stored from the same path: from
   * another one the record names `rel` instead, and its JSON is made again when needed.
   */
  read(key: string, rel: string): FileOutcome | null {
    const entry = this.#readEntry(key);
    if (!entry) return null;
    const { meta, bytes, lengths: [metaLength, jsonLength] } = entry;
    if (!meta.ok && meta.error) return { path: rel, ok: false, error: meta.error };
    if (!meta.ok) return null;
    const json = bytes.toString('utf8', metaLength, metaLength + jsonLength);
    try {
      const record = JSON.parse(json) as Extract<FileOutcome, { ok: true }>['record'];
      const text = bytes.toString('utf8', metaLength + jsonLength);
      if (meta.path === rel) return { path: rel, ok: true, record, warnings: meta.warnings ?? [], text, json };
      return { path: rel, ok: true, record: { ...record, source: { ...record.source, path: rel } }, warnings: meta.warnings ?? [], text };
    } catch {
      return null;
    }
  }

  /**
   * Returns the output files of the record cached for `key` (its JSON as serializeRecord writes it,
   * and its text), without parsing the record; null on a miss, an outcome without a record, or an
   * entry stored from another path (whose record names that path: read rewrites it). The extractor
   * reads most records back this way at 100,000 reports, where parsing each was a twentieth of the run.
   */
  readOutput(key: string, rel: string): { json: string; text: string } | null {
    const entry = this.#readEntry(key);
    if (!entry?.meta.ok || entry.meta.path !== rel) return null;
    const { bytes, lengths: [metaLength, jsonLength] } = entry;
    return { json: bytes.toString('utf8', metaLength, metaLength + jsonLength), text: bytes.toString('utf8', metaLength + jsonLength) };
  }

  /**
   * Stores an outcome under `key`, appending it to this cache's pack. `json`: serializeRecord of its
   * record (write-output.ts; '' for a file without one), which the caller writes to the output too.
   * The pack's files stay open until close().
   */
  write(key: string, outcome: FileOutcome, json: string): void {
    this.writeEncoded(key, outcome, outcome.ok ? [encoder.encode(json), encoder.encode(outcome.text)] : null);
  }

  /**
   * Stores an outcome under `key` as write does, given its record's JSON and its text as UTF-8
   * (encodeFiles in write-output.ts: the bytes the output files hold, encoded once for both); null
   * for an outcome without a record. The entry is appended to the pack at close(), or once the
   * pending entries pass FLUSH_BYTES: two writes for a batch of files rather than two per file.
   */
  writeEncoded(key: string, outcome: FileOutcome, files: readonly [json: Uint8Array, text: Uint8Array] | null): void {
    if (!this.#writer) {
      mkdirSync(path.join(this.dir, PACKS), { recursive: true });
      // Process, thread and chance in the name: no two writers ever append to one file. The time
      // first, so that packs load oldest first and a key written again later wins over an earlier one.
      const created = Date.now().toString(36).padStart(9, '0');
      this.#writer = { pack: `${this.version}-${created}-${process.pid}-${threadId}-${randomBytes(6).toString('hex')}`, size: 0, pendingBytes: 0, pendingLines: '' };
    }
    const writer = this.#writer;
    if (!writer.fds) {
      const pack = openSync(path.join(this.dir, PACKS, `${writer.pack}.pack`), 'a');
      writer.fds = { pack, idx: openSync(path.join(this.dir, PACKS, `${writer.pack}.idx`), 'a') };
      writer.size = fstatSync(pack).size;
    }
    const meta: Meta = outcome.ok ? { ok: true, path: outcome.path, warnings: outcome.warnings } : { ok: false, error: outcome.error };
    const metaLine = JSON.stringify(meta) + '\n';
    const [json, text] = outcome.ok && files ? files : [EMPTY, EMPTY];
    const start = writer.pendingBytes;
    const buffer = this.#scratchFor(start + metaLine.length * 3 + json.length + text.length);
    const metaLength = buffer.write(metaLine, start);
    buffer.set(json, start + metaLength);
    buffer.set(text, start + metaLength + json.length);
    const lengths: Location['lengths'] = [metaLength, json.length, text.length];
    const offset = writer.size + start;
    writer.pendingBytes = start + lengths[0] + lengths[1] + lengths[2];
    writer.pendingLines += `${key} ${offset} ${lengths.join(' ')}\n`;
    this.#loadIndex().set(key, { pack: writer.pack, offset, lengths });
    if (writer.pendingBytes >= FLUSH_BYTES) this.#flush();
  }

  /** Appends the pending entries to the pack, then their lines to its index: a line is found only once its entry's bytes are in the pack. */
  #flush(): void {
    const writer = this.#writer;
    if (!writer?.fds || writer.pendingBytes === 0) return;
    writeAll(writer.fds.pack, this.#scratch.subarray(0, writer.pendingBytes));
    writeSync(writer.fds.idx, writer.pendingLines);
    writer.size += writer.pendingBytes;
    writer.pendingBytes = 0;
    writer.pendingLines = '';
  }

  /** Returns the scratch buffer, at least `bytes` long, with the pending entries kept. */
  #scratchFor(bytes: number): Buffer {
    if (this.#scratch.length < bytes) {
      const larger = Buffer.allocUnsafe(Math.max(bytes, 2 * this.#scratch.length, 1 << 20));
      this.#scratch.copy(larger, 0, 0, this.#writer?.pendingBytes ?? 0);
      this.#scratch = larger;
    }
    return this.#scratch;
  }

  /** Writes the pending entries and closes this cache's open pack files (they are reopened, and appended to, by the next write). */
  close(): void {
    const fds = this.#writer?.fds;
    if (!fds) return;
    this.#flush();
    closeSync(fds.pack);
    closeSync(fds.idx);
    this.#writer!.fds = undefined;
  }
}

/** Writes all of `bytes` to `fd` (a write to a file may be short). */
export function writeAll(fd: number, bytes: Uint8Array): void {
  for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done, bytes.length - done);
}
