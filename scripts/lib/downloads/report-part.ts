/**
 * What the downloads stage makes of one report, kept between builds in the extraction folder
 * (DATA/downloads-cache/parts/<id>.json) under a key of everything it is made from: the record file's
 * bytes, the report's corrections, its text file and the downloads code's version. A build in which
 * one report changed makes that report's part again and joins the corpus-wide files from the kept
 * parts, without reading (or validating) the other records.
 */
import { createHash } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readFileSync, readSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { indexReport, type IndexedReport } from '../../../src/lib/aggregate/report-index.ts';
import { TABLES, type TableId } from '../../../src/lib/export/cells.ts';
import { formatDatasetJsonRecord, formatLongCsvRecord, formatWideCsvRecord } from '../../../src/lib/export/dataset.ts';
import { listSqliteRows, type SqliteRecordRows, type SqliteRow } from '../../../src/lib/export/sqlite.ts';
import { reportRecordSchema } from '../../../src/lib/schema/report.ts';
import { wordNoteLines } from '../../../src/lib/i18n/word-message.ts';
import { isTextCut } from '../../../src/lib/site/bounds.ts';
import { statSize } from '../write-if-changed.ts';
import { stampRecordFile } from '../../../src/lib/extract/written-state.ts';
import type { Corrector } from '../../../src/lib/site/corrections.ts';

/** One report's share of the text downloads: each file's lines of it and its API document. */
export interface ReportPart {
  key: string;
  long: string;
  wide: Record<TableId, string>;
  json: string;
  /** /api/reports/<id>.json. */
  api: string;
}

/** One report's SQLite rows, kept apart from its text part: read only when the SQLite file is built whole. */
export interface ReportRows {
  key: string;
  sqlite: SqliteRecordRows;
}

/** What the corpus-wide documents need of a report, kept for every report in the cache's state file. */
export interface ReportEntry {
  id: string;
  key: string;
  /** Its index entry (the API's index, summaries and agency documents). */
  index: IndexedReport;
  year: number;
  /** Its agency's SQLite row (the agencies table keeps the newest report's). */
  agency: SqliteRow;
  /** Bytes of its API document. */
  apiBytes: number;
  /** Bytes of its whole text when the site offers it (too long for its page), else null. */
  text: number | null;
  /** A sha1 (16 hex digits) of its piece of each joined file, by name: a file is joined again only when one of these changed. */
  pieces: Record<string, string>;
  /** The bytes of its piece of each joined file, by name: where its piece lies in the file (splice.ts). */
  lengths: Record<string, number>;
}

/** Where a run reads reports from and keeps their parts, and what their keys are made of. */
export interface ReportSource {
  /** The extraction folder: records in reports/, texts in text/. */
  data: string;
  /** The downloads' cache folder (parts/ in it). */
  cache: string;
  /** The downloads code's version. */
  version: string;
  corrector: Corrector;
  /** The extractor's hash of each record file, by id (readRecordHashes). */
  hashes: ReadonlyMap<string, string>;
}

/** A report made again: its parts and its entry. */
export interface MadeReport {
  part: ReportPart;
  rows: ReportRows;
  entry: ReportEntry;
}

/** Returns the paths of a report's kept part and rows. */
export function partPaths(cache: string, id: string): { part: string; rows: string } {
  return { part: path.join(cache, 'parts', `${id}.part`), rows: path.join(cache, 'parts', `${id}.rows.json`) };
}

/** Returns a report's record file. */
function recordPath(data: string, id: string): string {
  return path.join(data, 'reports', `${id}.json`);
}

/** Returns a report's text file (as the extractor wrote it). */
export function textPath(data: string, id: string): string {
  return path.join(data, 'text', `${id}.txt`);
}

/**
 * Returns a report's whole text as the site offers it: the extractor's text with its note lines in
 * words (a crawled page's glued runs left blank hold their message as JSON there).
 */
export async function readPublishedText(data: string, id: string): Promise<string | Uint8Array> {
  // Synchronous: called for every report, one after another (see write-if-changed.ts).
  const bytes = readFileSync(textPath(data, id));
  const text = bytes.toString('utf8');
  const worded = wordNoteLines(text);
  // Without a note, the file's own bytes: nothing decoded and encoded again.
  return worded === text ? bytes : worded;
}

/**
 * Returns a report's key: a sha256 (hex) of the downloads code's `version`, its record file's token
 * (the extractor's hash of it with its size and time, or the sha256 of its bytes), the digest of its
 * corrections and the size and time of its text file (or its absence).
 */
export function keyReport(version: string, recordToken: string, corrections: string, text: { size: number; mtimeMs: number } | null): string {
  return createHash('sha256').update(`${version}\0${recordToken}\0${corrections}\0${text ? `${text.size}:${text.mtimeMs}` : '-'}`).digest('hex');
}

/**
 * Returns the key of a report as its files are now: from the hash the extractor recorded of its
 * record file (`hashes`, readRecordHashes) with the file's size and time, without reading it; from
 * its bytes when the extractor recorded none (or `bytes` are given).
 */
export async function readReportKey(src: ReportSource, id: string, bytes?: Uint8Array): Promise<string> {
  const file = recordPath(src.data, id);
  // Synchronous: called for every report, one after another (see write-if-changed.ts).
  const text = statSync(textPath(src.data, id), { throwIfNoEntry: false }) ?? null;
  const token = stampRecordFile(src.data, id, src.hashes.get(id)) ?? createHash('sha256').update(bytes ?? readFileSync(file)).digest('hex');
  return keyReport(src.version, token, src.corrector.keyOf(id), text && { size: text.size, mtimeMs: text.mtimeMs });
}

/** Returns a sha1 (16 hex digits) of a piece of text. */
function hashPiece(text: string): string {
  return createHash('sha1').update(text).digest('hex').slice(0, 16);
}

/**
 * Returns a record's parts and entry (a pure function of its file's bytes and its corrections): the
 * record as validated by the schema the site's content collection uses and corrected; its API document
 * as its file holds it (compact), or the corrected record. `publishedTextBytes` is the size in bytes
 * of its whole text as offered (readPublishedText) when its page shows only part of it, else null.
 */
export function makeReport(id: string, key: string, recordBytes: Uint8Array, corrector: Corrector, publishedTextBytes: number | null): MadeReport {
  const parsed = JSON.parse(Buffer.from(recordBytes).toString('utf8')) as unknown;
  const read = reportRecordSchema.parse(parsed);
  if (read.id !== id) throw new Error(`reports/${id}.json holds record ${read.id}`);
  // With corrections, the record as published: its values, its checks and each value as read beside.
  const record = corrector.correctOrThrow(read);
  const api = record === read ? JSON.stringify(parsed) : JSON.stringify(record);
  const sqlite = listSqliteRows(record);
  const long = formatLongCsvRecord(record);
  const wide = Object.fromEntries(TABLES.map((t) => [t, formatWideCsvRecord(record, t)])) as Record<TableId, string>;
  const json = formatDatasetJsonRecord(record);
  const joined: [string, string][] = [['nianbao-long.csv', long], ...TABLES.map((t): [string, string] => [`nianbao-wide-${t}.csv`, wide[t]]), ['nianbao.json', json]];
  return {
    part: { key, long, wide, json, api },
    rows: { key, sqlite },
    entry: {
      pieces: Object.fromEntries(joined.map(([name, piece]) => [name, hashPiece(piece)])),
      lengths: Object.fromEntries(joined.map(([name, piece]) => [name, Buffer.byteLength(piece)])),
      id,
      key,
      index: indexReport(record),
      year: record.year,
      agency: sqlite.agency,
      apiBytes: Buffer.byteLength(api),
      text: publishedTextBytes,
    },
  };
}

/**
 * Makes a report's parts again from its files (`data` the extraction folder) and keeps them in the
 * cache; throws when its key is no longer `key` (its files changed during the run).
 */
export async function remakeReport(src: ReportSource, id: string, key: string): Promise<MadeReport> {
  // Synchronous file calls: called for every report, one after another (see write-if-changed.ts).
  const bytes = readFileSync(recordPath(src.data, id));
  if ((await readReportKey(src, id, bytes)) !== key) throw new Error(`reports/${id}.json changed while the downloads were written`);
  const textBytes = await statSize(textPath(src.data, id));
  const published = textBytes !== null && isTextCut(textBytes) ? Buffer.byteLength(await readPublishedText(src.data, id)) : null;
  const made = makeReport(id, key, bytes, src.corrector, published);
  const files = partPaths(src.cache, id);
  keepPart(files.part, made.part);
  keepJson(files.rows, made.rows);
  return made;
}

/**
 * Writes a cache file in place, making its folder only when the write finds none (once per cache,
 * not once per report). No temporary name: a file a crash cut short fails its lengths or its JSON
 * when read (readPieces, readKept), and is made again.
 */
function writeKept(file: string, content: string | Uint8Array): void {
  try {
    writeFileSync(file, content);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
}

/** The pieces of a part in the order its file holds them, after its first line. */
const PART_PIECES = ['long', ...TABLES.map((t) => `wide-${t}` as const), 'json', 'api'] as const;

/** A piece of a part: a joined file's share (the long CSV's, a wide CSV's, the JSON's) or the API document. */
export type PartPiece = (typeof PART_PIECES)[number];

/**
 * Writes a report's part: a first line of JSON (its key and each piece's length in bytes), then the
 * pieces one after another, so that reading it back parses no large JSON string.
 */
function keepPart(file: string, part: ReportPart): void {
  const named = listPieces(part);
  const pieces = PART_PIECES.map((name) => Buffer.from(named[name]));
  const head = Buffer.from(`${JSON.stringify({ key: part.key, lengths: pieces.map((p) => p.length) })}\n`);
  writeKept(file, Buffer.concat([head, ...pieces]));
}

/** A part's pieces by name, as read: only those asked for. */
export type PartPieces = Partial<Record<PartPiece, string>>;

/** Returns a part's pieces by name. */
export function listPieces(part: ReportPart): Record<PartPiece, string> {
  return { long: part.long, ...(Object.fromEntries(TABLES.map((t) => [`wide-${t}`, part.wide[t]])) as Record<`wide-${TableId}`, string>), json: part.json, api: part.api };
}

/** Bytes read first from a part file: its first line (the key and the lengths) fits in them. */
const HEAD_BYTES = 1024;

/**
 * Returns the pieces `wanted` of a report's kept part when its file is there and of `key`, else
 * null. Only the first line and those pieces' bytes are read: a run that writes the JSON download
 * again reads a sixth of each part, not all of it.
 */
async function readPieces(file: string, key: string, wanted: readonly PartPiece[]): Promise<PartPieces | null> {
  // Synchronous: called for every report, one after another (see write-if-changed.ts).
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return null;
  }
  try {
    let head = Buffer.alloc(HEAD_BYTES);
    let newline = head.subarray(0, readSync(fd, head, 0, head.length, 0)).indexOf(0x0a);
    if (newline < 0) {
      head = readFileSync(fd);
      newline = head.indexOf(0x0a);
    }
    if (newline < 0) return null;
    const { key: kept, lengths } = JSON.parse(head.subarray(0, newline).toString('utf8')) as { key: string; lengths: number[] };
    if (kept !== key || lengths.length !== PART_PIECES.length) return null;
    const pieces: PartPieces = {};
    let at = newline + 1;
    for (const [i, name] of PART_PIECES.entries()) {
      const length = lengths[i]!;
      if (wanted.includes(name)) {
        const bytes = Buffer.alloc(length);
        if (length > 0 && readSync(fd, bytes, 0, length, at) !== length) return null;
        pieces[name] = bytes.toString('utf8');
      }
      at += length;
    }
    return pieces;
  } finally {
    closeSync(fd);
  }
}

/** Writes a JSON file (see writeKept). */
function keepJson(file: string, value: unknown): void {
  writeKept(file, JSON.stringify(value));
}

/** Returns a kept JSON file's content when it is there and of `key`, else null. */
async function readKept<T extends { key: string }>(file: string, key: string): Promise<T | null> {
  // Synchronous: called for every report, one after another (see write-if-changed.ts).
  let kept: T;
  try {
    kept = JSON.parse(readFileSync(file, 'utf8')) as T;
  } catch {
    return null;
  }
  return kept.key === key ? kept : null;
}

/**
 * Returns the pieces `wanted` of a report's kept part under `key`; when it is missing or another
 * key's, makes the part again from the record (and keeps it), so that a lost cache file costs time,
 * never a wrong download.
 */
export async function loadPieces(src: ReportSource, id: string, key: string, wanted: readonly PartPiece[]): Promise<PartPieces> {
  return (await readPieces(partPaths(src.cache, id).part, key, wanted)) ?? listPieces((await remakeReport(src, id, key)).part);
}

/** Returns a report's kept SQLite rows under `key`, made again as `loadPart` does when missing. */
export async function loadRows(src: ReportSource, id: string, key: string): Promise<ReportRows> {
  return (await readKept<ReportRows>(partPaths(src.cache, id).rows, key)) ?? (await remakeReport(src, id, key)).rows;
}
