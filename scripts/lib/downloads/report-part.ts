/**
 * What the downloads stage makes of one report, kept between builds in the extraction folder
 * (DATA/downloads-cache/parts/<id>.part) under a key of everything it is made from: the record file's
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

/**
 * One report's share of the text downloads: each file's lines of it and its API document
 * (/api/reports/<id>.json), encoded to UTF-8 once, where they are made: the same bytes are hashed,
 * kept in the part file and written into the downloads.
 */
export interface ReportPart {
  key: string;
  pieces: Record<PartPiece, Buffer>;
}

/** One report's SQLite rows, kept in its part file after its pieces: read only when the SQLite file is built or updated. */
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

/** Returns the path of a report's kept part (its pieces and its SQLite rows). */
export function partPath(cache: string, id: string): string {
  return path.join(cache, 'parts', `${id}.part`);
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

/** Returns a sha1 (16 hex digits) of a piece's bytes. */
function hashPiece(bytes: Buffer): string {
  return createHash('sha1').update(bytes).digest('hex').slice(0, 16);
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
  const api = Buffer.from(record === read ? JSON.stringify(parsed) : JSON.stringify(record));
  const sqlite = listSqliteRows(record);
  const long = Buffer.from(formatLongCsvRecord(record));
  const wide = TABLES.map((t): [TableId, Buffer] => [t, Buffer.from(formatWideCsvRecord(record, t))]);
  const json = Buffer.from(formatDatasetJsonRecord(record));
  const joined: [string, Buffer][] = [['nianbao-long.csv', long], ...wide.map(([t, piece]): [string, Buffer] => [`nianbao-wide-${t}.csv`, piece]), ['nianbao.json', json]];
  return {
    part: { key, pieces: { long, ...(Object.fromEntries(wide.map(([t, piece]) => [`wide-${t}`, piece])) as Record<`wide-${TableId}`, Buffer>), json, api } },
    rows: { key, sqlite },
    entry: {
      pieces: Object.fromEntries(joined.map(([name, piece]) => [name, hashPiece(piece)])),
      lengths: Object.fromEntries(joined.map(([name, piece]) => [name, piece.length])),
      id,
      key,
      index: indexReport(record),
      year: record.year,
      agency: sqlite.agency,
      apiBytes: api.length,
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
  keepPart(partPath(src.cache, id), made.part, made.rows);
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

/** What a part file holds after its first line: the pieces, then the SQLite rows (JSON). */
const STORED = [...PART_PIECES, 'rows'] as const;
type Stored = (typeof STORED)[number];

/**
 * Writes a report's part: a first line of JSON (its key and each piece's length in bytes), then the
 * pieces one after another and its SQLite rows, so that reading it back parses no large JSON string
 * and reads only what it needs; one file a report (a file made is the costliest call of a first run).
 */
function keepPart(file: string, part: ReportPart, rows: ReportRows): void {
  const pieces = [...PART_PIECES.map((name) => part.pieces[name]), Buffer.from(JSON.stringify(rows.sqlite))];
  const head = Buffer.from(`${JSON.stringify({ key: part.key, lengths: pieces.map((p) => p.length) })}\n`);
  writeKept(file, Buffer.concat([head, ...pieces]));
}

/** A part's pieces by name, as read: only those asked for. */
export type PartPieces = Partial<Record<PartPiece, Buffer>>;

/** Bytes read first from a part file: its first line (the key and the lengths) fits in them. */
const HEAD_BYTES = 1024;

/**
 * Returns the pieces `wanted` of a report's kept part when its file is there and of `key`, else
 * null. Only the first line and those pieces' bytes are read: a run that writes the JSON download
 * again reads a sixth of each part, not all of it.
 */
async function readPieces(file: string, key: string, wanted: readonly Stored[]): Promise<Partial<Record<Stored, Buffer>> | null> {
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
    if (kept !== key || lengths.length !== STORED.length) return null;
    const pieces: Partial<Record<Stored, Buffer>> = {};
    let at = newline + 1;
    for (const [i, name] of STORED.entries()) {
      const length = lengths[i]!;
      if (wanted.includes(name)) {
        const bytes = Buffer.allocUnsafe(length);
        if (length > 0 && readSync(fd, bytes, 0, length, at) !== length) return null;
        pieces[name] = bytes;
      }
      at += length;
    }
    return pieces;
  } finally {
    closeSync(fd);
  }
}

/**
 * Returns the pieces `wanted` of a report's kept part under `key`; when it is missing or another
 * key's, makes the part again from the record (and keeps it), so that a lost cache file costs time,
 * never a wrong download.
 */
export async function loadPieces(src: ReportSource, id: string, key: string, wanted: readonly PartPiece[]): Promise<PartPieces> {
  return (await readPieces(partPath(src.cache, id), key, wanted)) ?? (await remakeReport(src, id, key)).part.pieces;
}

/** Returns a report's kept SQLite rows under `key`, made again as `loadPieces` does when missing. */
export async function loadRows(src: ReportSource, id: string, key: string): Promise<ReportRows> {
  const rows = (await readPieces(partPath(src.cache, id), key, ['rows']))?.rows;
  return rows ? { key, sqlite: JSON.parse(rows.toString('utf8')) as SqliteRecordRows } : (await remakeReport(src, id, key)).rows;
}
