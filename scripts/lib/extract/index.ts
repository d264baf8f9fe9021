/**
 * The stat index: what the last run learnt about each input file (its size, times and inode, its
 * cache key and a summary of its outcome), so that a re-run neither reads, hashes nor loads the
 * cached outcome of a file that has not changed. It lives in the cache folder, one file per input
 * folder (and shard), and is only ever a shortcut: every entry is checked against the file's stat
 * before it is used, and a run that cannot use it does the full work.
 *
 * **When is a file unchanged?** When its size, mtime, ctime and inode all equal the recorded ones,
 * and the recorded mtime and ctime are older than the start of the run that recorded them by more
 * than RACY_MS. The second condition handles coarse timestamps (the kernel's clock tick, 2 s on
 * FAT): a file rewritten with the same size within the same tick as its previous write would keep
 * its mtime, so an entry recorded while the file was that fresh is not trusted ("racily clean", as
 * git calls it) and the file is hashed again on the next run. ctime catches tools that restore the
 * mtime (tar, rsync -t: they cannot set ctime); the inode catches a file replaced by a rename.
 * A file whose content hash still matches after a stat change (touched, copied back) keeps its
 * summary: only its stat is updated.
 */
import { createHash } from 'node:crypto';
import { readFileSync, type Stats } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { FileSummary } from '../../../src/lib/extract/manifest.ts';
import type { Shard } from './shard.ts';
import type { Message } from '../../../src/lib/schema/message.ts';

/** Bump when the index's layout or the meaning of a summary changes: older indexes are ignored. */
const INDEX_FORMAT = 3;

/** How much older than a run's start a file's times must be for its entry to be trusted later. */
export const RACY_MS = 3000;

/** What stat says about a file; equal stamps (and an old enough entry) mean an unchanged file. */
export interface Stamp {
  size: number;
  mtimeMs: number;
  ctimeMs: number;
  ino: number;
}

/** One file in the index: its stamp and its summary (with its format and cache key, see FileSummary). */
export interface IndexEntry {
  stamp: Stamp;
  summary: FileSummary;
}

/** The index of one input folder, as read back: entries by path and when the run that wrote them started. */
export interface StatIndex {
  scannedAt: number;
  files: Map<string, IndexEntry>;
}

/** An entry on disk: a row rather than nested objects, a third smaller and quicker to parse. */
type Row = [path: string, size: number, mtimeMs: number, ctimeMs: number, ino: number, format: string | null, key: string | null, summary: SummaryRow];
/** A summary on disk: the error, or the record's id, agency, year, figures, failed checks, warnings and the file's sha256. */
type SummaryRow = Message | [id: string, agency: string, year: number, figures: number, failing: string[], warnings: Message[], sha256: string | null];

interface IndexFile {
  format: number;
  extractor: string;
  input: string;
  scannedAt: number;
  files: Row[];
}

/** Returns an entry as a row (see Row). */
function toRow(rel: string, e: IndexEntry): Row {
  const s = e.summary;
  const summary: SummaryRow = s.ok ? [s.id, s.agency, s.year, s.figures, s.failing, s.warnings, s.sha256] : s.error;
  return [rel, e.stamp.size, e.stamp.mtimeMs, e.stamp.ctimeMs, e.stamp.ino, s.format ?? null, s.key ?? null, summary];
}

/** Returns the entry a row holds. */
function fromRow([, size, mtimeMs, ctimeMs, ino, format, key, s]: Row): IndexEntry {
  const summary: FileSummary =
    !Array.isArray(s) ? { ok: false, error: s } : { ok: true, id: s[0], agency: s[1], year: s[2], figures: s[3], failedChecks: s[4].length, failing: s[4], warnings: s[5], sha256: s[6] };
  if (format !== null) summary.format = format;
  if (key !== null) summary.key = key;
  return { stamp: { size, mtimeMs, ctimeMs, ino }, summary };
}

/** Returns the stamp of a stat result. */
export function stampOf(stats: Stats): Stamp {
  return { size: stats.size, mtimeMs: stats.mtimeMs, ctimeMs: stats.ctimeMs, ino: stats.ino };
}

/** Returns whether a file with stamp `now` can be taken as unchanged since `entry` was recorded in a run started at `scannedAt`. */
export function isUnchanged(entry: IndexEntry, now: Stamp, scannedAt: number): boolean {
  const was = entry.stamp;
  const same = was.size === now.size && was.mtimeMs === now.mtimeMs && was.ctimeMs === now.ctimeMs && was.ino === now.ino;
  return same && Math.max(was.mtimeMs, was.ctimeMs) < scannedAt - RACY_MS;
}

/** Returns the index file of an input folder (resolved) and shard inside a cache folder. */
export function indexPath(cacheDir: string, input: string, shard?: Shard): string {
  const name = createHash('sha256').update(`${path.resolve(input)}\0${shard ? `${shard.index}/${shard.count}` : ''}`).digest('hex').slice(0, 16);
  return path.join(cacheDir, 'index', `${name}.json`);
}

/** Returns the index in `file` if it was written for this input folder by this extractor version, else null. */
export async function readIndex(file: string, input: string, extractor: string): Promise<StatIndex | null> {
  try {
    // Synchronous: readFile with an encoding decodes through a stream decoder, several times slower on megabytes.
    const index = JSON.parse(readFileSync(file, 'utf8')) as IndexFile;
    if (index.format !== INDEX_FORMAT || index.extractor !== extractor || index.input !== path.resolve(input)) return null;
    return { scannedAt: index.scannedAt, files: new Map(index.files.map((row) => [row[0], fromRow(row)])) };
  } catch {
    return null;
  }
}

/** Writes an index (to a temporary name, then renamed: a reader never sees half of it). */
export async function writeIndex(file: string, input: string, extractor: string, index: StatIndex): Promise<void> {
  const rows = [...index.files].map(([rel, entry]) => toRow(rel, entry));
  const content: IndexFile = { format: INDEX_FORMAT, extractor, input: path.resolve(input), scannedAt: index.scannedAt, files: rows };
  await mkdir(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, JSON.stringify(content));
  await rename(tmp, file);
}
