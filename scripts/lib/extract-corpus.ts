/**
 * The extractor's I/O edge: walk a corpus folder, read and hash each file, extract, and write
 * `OUT/reports/<id>.json` and `OUT/manifest.json`. No file aborts the run: each one ends up a record
 * or a manifest entry with its reason.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { extractReport } from '../../src/lib/extract/extract-report.ts';
import { FORMAT_BY_EXTENSION, readReportText } from '../../src/lib/extract/formats.ts';
import { buildManifest, type FileOutcome } from '../../src/lib/extract/manifest.ts';
import type { Manifest, ReportRecord } from '../../src/lib/schema/report.ts';
import { DEFAULT_CACHE_DIR, extractorVersion } from './extract-cache.ts';
import { extractOne, type CacheOptions } from './extract-one.ts';
import { defaultWorkers, extractInPool } from './extract-pool.ts';
import { shardOf, writePart, type Shard } from './shard.ts';
import { writeOutput } from './write-output.ts';

/** Largest file read, in bytes; a larger one is listed as too large. */
export const MAX_BYTES = 20 * 1024 * 1024;

export interface ExtractOptions {
  input: string;
  out: string;
  /** Called after each file (in worker mode: after each batch), for a progress bar. */
  onProgress?: (done: number, total: number) => void;
  /** Worker threads; 0 extracts on the main thread. Default: one per core from PARALLEL_FROM files on. */
  workers?: number;
  /** Folder of the content-hash cache of outcomes (default .nianbao/cache); false: no cache. */
  cache?: string | false;
  /** Extract only this shard of the corpus and write OUT/part.json for extract:merge. */
  shard?: Shard;
}

/** Below this many files, starting worker threads costs more than it saves. */
export const PARALLEL_FROM = 200;

/** Returns every file under `dir`, as sorted paths relative to it with forward slashes. */
export async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    // Hidden files too (.DS_Store and the like): every file is listed, with its reason if it is no report.
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
}

/**
 * Returns the outcome of one file: its record, or why it has none. `preread`: the file's bytes when
 * the caller has read them already (the cache hashes them first), so the file is read once.
 */
export async function extractFile(root: string, rel: string, preread?: Buffer): Promise<FileOutcome> {
  const format = FORMAT_BY_EXTENSION[path.extname(rel).toLowerCase()];
  if (!format) return { path: rel, ok: false, error: `不支持的文件类型 ${path.extname(rel) || '(无扩展名)'} (unsupported format; reads ${Object.keys(FORMAT_BY_EXTENSION).join(', ')})` };
  const full = path.join(root, rel);
  const size = preread?.length ?? (await stat(full)).size;
  if (size > MAX_BYTES) {
    return { path: rel, ok: false, error: `文件过大：${(size / 1048576).toFixed(1)} MB，上限 ${MAX_BYTES / 1048576} MB (too large)` };
  }
  const bytes = preread ?? (await readFile(full));
  if (bytes.length === 0) return { path: rel, ok: false, error: '文件为空 (empty file)' };
  // HTML and Word are reduced to report text; provenance lines refer to that text.
  const decoded = await readReportText(bytes, format);
  if (!decoded.ok) return { path: rel, ok: false, error: decoded.error };
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const result = extractReport(decoded.text, { path: rel, sha256, encoding: decoded.encoding, format, bytes: bytes.length });
  return result.ok
    ? { path: rel, ok: true, record: result.record, warnings: result.warnings, text: decoded.text }
    : { path: rel, ok: false, error: result.error };
}

/** Extracts a corpus and writes its records and manifest; returns the manifest and records. */
export async function extractCorpus(options: ExtractOptions): Promise<{ manifest: Manifest; records: ReportRecord[] }> {
  const all = await listFiles(options.input);
  const shard = options.shard;
  const files = shard ? all.filter((rel) => shardOf(rel, shard.count) === shard.index) : all;
  const cache: CacheOptions = options.cache === false ? null : { dir: path.resolve(options.cache ?? DEFAULT_CACHE_DIR), version: extractorVersion() };
  const workers = options.workers ?? (files.length >= PARALLEL_FROM ? defaultWorkers() : 0);
  let outcomes: FileOutcome[];
  if (workers > 0) {
    outcomes = await extractInPool(options.input, files, { workers, cache, onProgress: options.onProgress });
  } else {
    outcomes = [];
    for (const [i, rel] of files.entries()) {
      outcomes.push(await extractOne(options.input, rel, cache));
      options.onProgress?.(i + 1, files.length);
    }
  }
  const result = buildManifest(options.input, outcomes);
  await writeOutput(options.out, result);
  if (shard) await writePart(options.out, shard, options.input, outcomes, result.records);
  return { manifest: result.manifest, records: result.records };
}
