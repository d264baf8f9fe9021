/**
 * The extractor's I/O edge: walk a corpus folder, read and hash each file, extract, and write
 * `OUT/reports/<id>.json` and `OUT/manifest.json`. No file aborts the run: each one ends up a record
 * or a manifest entry with its reason.
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { extractReport } from '../../src/lib/extract/extract-report.ts';
import { FORMAT_BY_EXTENSION, readReportText } from '../../src/lib/extract/formats.ts';
import { buildManifest, type FileOutcome } from '../../src/lib/extract/manifest.ts';
import type { Manifest, ReportRecord } from '../../src/lib/schema/report.ts';

/** Largest file read, in bytes; a larger one is listed as too large. */
export const MAX_BYTES = 20 * 1024 * 1024;

export interface ExtractOptions {
  input: string;
  out: string;
  /** Called after each file, for a progress bar. */
  onProgress?: (done: number, total: number) => void;
}

/** Returns every file under `dir`, as sorted paths relative to it with forward slashes. */
export async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && !e.name.startsWith('.'))
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
}

/** Returns the outcome of one file: its record, or why it has none. */
export async function extractFile(root: string, rel: string): Promise<FileOutcome> {
  const format = FORMAT_BY_EXTENSION[path.extname(rel).toLowerCase()];
  if (!format) return { path: rel, ok: false, error: `不支持的文件类型 ${path.extname(rel) || '(无扩展名)'} (unsupported format; reads .txt, .md, .html, .htm, .docx)` };
  const full = path.join(root, rel);
  const info = await stat(full);
  if (info.size > MAX_BYTES) {
    return { path: rel, ok: false, error: `文件过大：${(info.size / 1048576).toFixed(1)} MB，上限 ${MAX_BYTES / 1048576} MB (too large)` };
  }
  const bytes = await readFile(full);
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
  const files = await listFiles(options.input);
  const outcomes: FileOutcome[] = [];
  for (const [i, rel] of files.entries()) {
    try {
      outcomes.push(await extractFile(options.input, rel));
    } catch (error) {
      // A reader bug must cost one file, not the corpus.
      outcomes.push({ path: rel, ok: false, error: `读取失败 (internal error): ${(error as Error).message}` });
    }
    options.onProgress?.(i + 1, files.length);
  }
  const { manifest, records, texts } = buildManifest(options.input, outcomes);
  const reportsDir = path.resolve(options.out, 'reports');
  const textDir = path.resolve(options.out, 'text');
  for (const dir of [reportsDir, textDir]) {
    await rm(dir, { recursive: true, force: true });
    await mkdir(dir, { recursive: true });
  }
  for (const record of records) {
    const file = path.resolve(reportsDir, `${record.id}.json`);
    // Ids are schema-checked slugs; this guards the folder all the same.
    if (path.dirname(file) !== reportsDir) throw new Error(`unsafe record id ${record.id}`);
    await writeFile(file, JSON.stringify(record, null, 2) + '\n');
    // The decoded text the figures were read from: the report page shows it, line by line.
    await writeFile(path.resolve(textDir, `${record.id}.txt`), texts.get(record.id) ?? '');
  }
  await writeFile(path.resolve(options.out, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  return { manifest, records };
}
