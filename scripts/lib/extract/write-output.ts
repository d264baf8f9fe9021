/**
 * Writing an extraction's output folder: OUT/reports/<id>.json, OUT/text/<id>.txt and
 * OUT/manifest.json. Shared by the extractor and the shard merge, so both write the same bytes.
 * A re-run rewrites only what changed: OUT/.written.json remembers, for every record, the hashes of
 * its two files, so one changed report costs two writes, not twenty thousand (and unchanged files
 * keep their modification time for the site build), and its token, so that an unchanged record is
 * not even loaded. Files that are no longer produced are deleted.
 *
 * A folder without a state (a first run, or the one after a crash, which rewrites every file) is
 * emptied before extraction instead (emptyOutput), and each record's files are written by the thread
 * that read it as soon as it is read (claimOutput): the write phase after the last file then writes
 * only the manifest, the state and the few records of an id that a later duplicate won.
 */
import { createHash } from 'node:crypto';
import { closeSync, existsSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdir, readdir, rm, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Manifest, ReportRecord } from '../../../src/lib/schema/report.ts';
import { WRITTEN_STATE as STATE, type EncodedOutput, type WrittenRow } from '../../../src/lib/extract/written-state.ts';
import { cacheKey, writeAll } from './cache.ts';
import { digestIdentityLines } from '../../../src/lib/corrections/identity-digest.ts';

/** Records loaded (a load may read the cache or extract a file again) and stale files deleted at once. */
const CONCURRENCY = 64;
const DIRS = ['reports', 'text'] as const;

const encoder = new TextEncoder();

/**
 * Returns a record's output files, the record's JSON and the text it was read from, as UTF-8 bytes.
 * Each array owns its memory (unlike a small Buffer, a view of a shared pool), so that sending it to
 * another thread copies only its bytes.
 */
export function encodeFiles({ json, text }: { json: string; text: string }): EncodedOutput['bytes'] {
  return [encoder.encode(json), encoder.encode(text)];
}

/**
 * Returns a record's output files as bytes (see encodeFiles) with their digests; `files`: the
 * files as text, or as the bytes encodeFiles gave (the cache stores the same bytes: encoded once).
 */
export function encodeOutput(files: { json: string; text: string } | EncodedOutput['bytes']): EncodedOutput {
  const bytes = 'json' in files ? encodeFiles(files) : files;
  return { bytes, digests: [digest(bytes[0]), digest(bytes[1])] };
}

/** Returns the output files as text: the record's JSON and its text (for a reader of the record rather than a writer of its files). */
export function decodeOutput(output: EncodedOutput): { json: string; text: string } {
  const [json, text] = output.bytes;
  return { json: Buffer.from(json.buffer, json.byteOffset, json.byteLength).toString(), text: Buffer.from(text.buffer, text.byteOffset, text.byteLength).toString() };
}

/**
 * Returns what OUT/reports/<id>.json holds for a record: its JSON on one line. Not indented: a
 * record is some 200 figures and 400 provenance keys, and indenting made the file a quarter
 * larger, slower to write and to hash, and slower to parse for every stage that reads it (jq or a
 * browser shows it indented).
 */
export function serializeRecord(record: ReportRecord): string {
  return JSON.stringify(record) + '\n';
}

/** Returns the id that JSON written by serializeRecord opens with (a record's first key), or null for other text. */
export function idOf(json: string): string | null {
  return /^\{"id":"([a-z0-9-]+)",/.exec(json)?.[1] ?? null;
}

/** Runs `task` over `items` with at most `limit` in flight. */
export async function forEachLimited<T>(items: readonly T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) await task(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
}

/** Returns the hash the state file records of a file's content. */
const digest = (content: Uint8Array) => createHash('sha1').update(content).digest('base64');

/** What the last complete write recorded of one record: the hashes of its two files and its token. */
interface Written {
  json: string;
  text: string;
  token: string | null;
}

/** The state file (the site-data stage reads its hashes too): one row per record, in the order written (sorted by id), so no sort is needed. */
interface StateFile {
  records: WrittenRow[];
}

/** Returns what the last complete write recorded (by record id), or null (none, or unreadable). */
async function readState(out: string): Promise<Map<string, Written> | null> {
  try {
    // Synchronous: readFile with an encoding decodes through a stream decoder, several times slower on megabytes.
    const state = JSON.parse(readFileSync(path.join(out, STATE), 'utf8')) as Partial<StateFile>;
    if (!Array.isArray(state.records)) return null;
    return new Map(state.records.map(([id, json, text, token]) => [id, { json, text, token }]));
  } catch {
    return null;
  }
}

/** Returns the files now in OUT/reports and OUT/text, as `reports/<name>` paths. */
async function listOutput(out: string): Promise<Set<string>> {
  const names = new Set<string>();
  for (const dir of DIRS) {
    for (const name of await readdir(path.join(out, dir)).catch(() => [] as string[])) names.add(`${dir}/${name}`);
  }
  return names;
}

/**
 * A record to write. `token` names its content without computing it (the source path and the cache
 * key: bytes, format and extractor version); when the last write had the same token and its files
 * are still there, they are left alone without loading the record. `load` returns its two files
 * (the record's JSON, the text it was read from), and is called only when the files must be compared
 * or written.
 */
export interface PlannedRecord {
  id: string;
  token?: string;
  load: () => Promise<EncodedOutput>;
  /** The digests of its two files when this record's own files are in the folder already (claimOutput wrote them): nothing is loaded or written. */
  onDisk?: EncodedOutput['digests'];
}

/**
 * Empties the record folders of `out` for a run that writes records as they are read (claimOutput),
 * when `out` holds no state: such a run rewrites every file anyway. Returns whether it did; false
 * (a state is there) leaves the folder to writePlanned, which rewrites only what changed.
 */
export async function emptyOutput(out: string): Promise<boolean> {
  if (existsSync(path.join(out, STATE))) return false;
  for (const dir of DIRS) await rm(path.resolve(out, dir), { recursive: true, force: true });
  for (const dir of DIRS) await mkdir(path.resolve(out, dir), { recursive: true });
  return true;
}

/**
 * Writes a record's two files into `out` (a folder emptyOutput emptied at the run's start), unless a
 * record of the same id was written there first this run. Returns whether it wrote them: the first
 * file of an id creates it exclusively, so two threads never write one; when it returns false
 * (another file of the id came first, or the write failed) the write phase writes the record the
 * duplicate rule keeps. Never throws: a failed write is only a write left for later.
 */
export function claimOutput(out: string, id: string, output: EncodedOutput): boolean {
  const name = `${id}.json`;
  if (!isInside(path.join(out, 'reports'), name)) return false;
  let fd: number;
  try {
    fd = openSync(path.join(out, 'reports', name), 'wx');
  } catch {
    return false;
  }
  try {
    writeAll(fd, output.bytes[0]);
    writeFileSync(path.join(out, 'text', `${id}.txt`), output.bytes[1]);
    return true;
  } catch {
    return false;
  } finally {
    closeSync(fd);
  }
}

/** Returns the output files claimOutput wrote into `out` for record `id`, with their digests as it recorded them. */
export function readClaimedOutput(out: string, id: string, digests: EncodedOutput['digests']): EncodedOutput {
  const bytes = [readFileSync(path.join(out, 'reports', `${id}.json`)), readFileSync(path.join(out, 'text', `${id}.txt`))] as const;
  return { bytes: [new Uint8Array(bytes[0]), new Uint8Array(bytes[1])], digests };
}

/** Returns the token of a record read from `path` with cache key `key` (see PlannedRecord). */
export function tokenOf(path: string, key: string): string {
  return `${path}\0${key}`;
}

/**
 * Writes the output folder so that it holds exactly this result; resolves when all is on disk.
 * `extractor`: the extractor version that produced the records, when known (records then get tokens).
 */
export async function writeOutput(
  out: string,
  result: { manifest: Manifest; records: readonly ReportRecord[]; texts: ReadonlyMap<string, string>; extractor?: string },
): Promise<void> {
  const { extractor } = result;
  await writePlanned(
    out,
    result.manifest,
    result.records.map((record) => ({
      id: record.id,
      token: extractor ? tokenOf(record.source.path, cacheKey(record.source.sha256, record.source.format, identityVersion(extractor, record))) : undefined,
      load: async () => encodeOutput({ json: serializeRecord(record), text: result.texts.get(record.id) ?? '' }),
    })),
  );
}

/** Returns the version a record's cache key was made under: the extractor's, with the digest of the identity lines it was given (as summarizeFile keys it). */
function identityVersion(extractor: string, record: ReportRecord): string {
  const lines = record.identityCorrections;
  return lines ? `${extractor}\0${digestIdentityLines(lines.map((c) => ({ ...c, kind: c.field })))}` : extractor;
}

/** Returns whether `name` joined to `dir` names a file directly inside it (a regular expression first: resolving 10,000 paths is slow). */
function isInside(dir: string, name: string): boolean {
  return /^[\p{L}\p{N}_-][\p{L}\p{N}_.-]*$/u.test(name) || path.dirname(path.resolve(dir, name)) === path.resolve(dir);
}

/**
 * Writes the output folder so that it holds exactly these records and this manifest; resolves when
 * all is on disk. `emptied`: emptyOutput emptied the folder at the run's start, and the records
 * that say so are on disk already (see PlannedRecord.onDisk).
 */
export async function writePlanned(out: string, manifest: Manifest, planned: readonly PlannedRecord[], { emptied = false } = {}): Promise<void> {
  for (const { id } of planned) {
    // Ids are schema-checked slugs; this guards the folder all the same.
    if (!isInside(path.join(out, 'reports'), `${id}.json`)) throw new Error(`unsafe record id ${id}`);
  }
  const previous = emptied ? null : await readState(out);
  const existing = previous || emptied ? await listOutput(out) : new Set<string>();
  const names = planned.map(({ id }) => [`reports/${id}.json`, `text/${id}.txt`] as const);
  // A record whose token is the last write's, and whose files are still there, keeps them unread.
  const written: (Written | undefined)[] = planned.map(({ id, token, onDisk }, i) => {
    if (emptied && onDisk) return { json: onDisk[0], text: onDisk[1], token: token ?? null };
    const before = previous?.get(id);
    return token && before?.token === token && names[i]!.every((n) => existing.has(n)) ? before : undefined;
  });
  const todo = planned.flatMap((_, i) => (written[i] ? [] : [i]));
  const expected = new Set<string>(names.flat());
  const stale = [...existing].filter((name) => !expected.has(name));

  const manifestText = JSON.stringify(manifest, null, 2) + '\n';
  // Nothing to write, nothing to delete, same records as last time: the state file stands as it is.
  if (previous && todo.length === 0 && stale.length === 0 && previous.size === planned.length) {
    await writeFile(path.join(out, 'manifest.json'), manifestText);
    return;
  }
  // Removed before writing and written last: after a crash there is no state, and the next run
  // rewrites everything instead of trusting hashes of half-written files.
  await rm(path.join(out, STATE), { force: true });
  if (!previous && !emptied) for (const dir of DIRS) await rm(path.resolve(out, dir), { recursive: true, force: true });
  for (const dir of DIRS) await mkdir(path.resolve(out, dir), { recursive: true });
  await forEachLimited(todo, CONCURRENCY, async (i) => {
    const { token, load } = planned[i]!;
    const before = previous?.get(planned[i]!.id);
    // The record's JSON, and the decoded text the figures were read from: the report page shows it, line by line.
    const { bytes, digests } = await load();
    written[i] = { json: digests[0], text: digests[1], token: token ?? null };
    for (const [k, name] of names[i]!.entries()) {
      if (before && (k === 0 ? before.json : before.text) === digests[k] && existing.has(name)) continue;
      // Synchronous: a promised write costs several round trips through libuv's thread pool, more
      // CPU than the write itself for a file of a few kilobytes.
      writeFileSync(path.join(out, name), bytes[k]!);
    }
  });
  await forEachLimited(stale, CONCURRENCY, (name) => unlink(path.join(out, name)));
  await writeFile(path.join(out, 'manifest.json'), manifestText);
  await writeState(out, planned, written as Written[]);
}

/** Writes the state file: one row per record, in the order planned (sorted by id: the bytes do not depend on write order). */
async function writeState(out: string, planned: readonly PlannedRecord[], written: readonly Written[]): Promise<void> {
  const state: StateFile = { records: planned.map(({ id }, i) => [id, written[i]!.json, written[i]!.text, written[i]!.token]) };
  await writeFile(path.join(out, STATE), JSON.stringify(state) + '\n');
}
