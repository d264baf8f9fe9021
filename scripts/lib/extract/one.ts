/**
 * One file through the cache: hash its bytes, take the cached outcome when there is one, otherwise
 * extract it (extractFile) and store the outcome; then summarise it. Used inline and by the worker
 * threads. Its file operations are synchronous: a thread works on one file at a time, and awaiting
 * the thread pool (four threads, shared by every thread of the process) left cores idle.
 *
 * A file passes through two shapes: its outcome (FileOutcome: the record, its warnings and text, or
 * why there is none) where it is read, and its summary (FileSummary) from there on.
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { stripFolder, summarizeOutcome, type FileOutcome, type OutcomeSummary } from '../../../src/lib/extract/manifest.ts';
import { fsPath, type CorpusFile } from './corpus-walk.ts';
import { cacheKey, type OutcomeCache } from './cache.ts';
import { extractFile, formatOf, MAX_BYTES } from './file.ts';
import { encodeOutput, serializeRecord, type EncodedOutput } from './write-output.ts';
import { createMessage } from '../../../src/lib/schema/message.ts';

/**
 * A file's outcome as the run carries it from the thread that read the file: the outcome's summary
 * (what the manifest needs), what the stat index records (its format and cache key, null when the
 * outcome follows from the extension or size alone; `stable`: false when the outcome is an internal
 * error, which must not be remembered, so the next run tries again) and, when it was kept, its
 * record's output files. They are serialized where the file was read (on a worker thread), so that
 * the main thread receives two strings instead of a record's object graph, and its write phase only
 * writes. Memory keeps them for a bounded number of files: the others are read back from the cache.
 */
export interface FileSummary {
  summary: OutcomeSummary;
  format: string | null;
  key: string | null;
  stable: boolean;
  output?: EncodedOutput;
}

/**
 * Returns the summary of an outcome with its output files when `keep` is true or the cache cannot
 * give them back; `json`: serializeRecord(outcome.record), when it was made already.
 */
function summarize(outcome: FileOutcome, facts: { format: string | null; key: string | null; stable: boolean; json?: string }, cache: OutcomeCache | null, keep: boolean): FileSummary {
  const { format, key, stable, json } = facts;
  const summary = summarizeOutcome(outcome);
  const cached = cache !== null && key !== null && stable && outcome.ok;
  if (!outcome.ok || (cached && !keep)) return { format, key, stable, summary };
  return { format, key, stable, summary, output: encodeOutput({ json: json ?? serializeRecord(outcome.record), text: outcome.text }) };
}

/**
 * Returns the summary of one file (with its output files when `keep`, see FileSummary), through
 * the cache when there is one; its key is made under extractor `version` either way (the output's
 * tokens use it). Never throws: a reader bug costs one file, not the corpus.
 */
export async function summarizeFile(root: string, file: CorpusFile, version: string, cache: OutcomeCache | null, keep: boolean): Promise<FileSummary> {
  const { rel } = file;
  try {
    const format = formatOf(rel);
    // A path whose names are not all UTF-8 is opened by its bytes.
    const full = fsPath(root, file);
    // Unsupported, empty and oversized files are refused before reading: nothing to hash or cache.
    if (!format) return summarize(await extractFile(root, rel), { format: null, key: null, stable: true }, cache, keep);
    const info = statSync(full);
    if (info.size === 0 || info.size > MAX_BYTES) return summarize(await extractFile(root, rel, undefined, undefined, full), { format, key: null, stable: true }, cache, keep);
    const bytes = readFileSync(full);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    // A file given its identity by the corrections file has an outcome of its own, under its own key.
    const key = cacheKey(sha256, format, file.identity ? `${version}\0${file.identity.digest}` : version);
    const cached = cache?.read(key, rel);
    if (cached) return summarize(cached.outcome, { format, key, stable: true, json: cached.json }, cache, keep);
    const outcome = await extractFile(root, rel, bytes, sha256, full, file.identity?.lines);
    // Serialized once, here, for both the cache and the output.
    const json = outcome.ok ? serializeRecord(outcome.record) : '';
    cache?.write(key, outcome, json);
    return summarize(outcome, { format, key, stable: true, json: outcome.ok ? json : undefined }, cache, keep);
  } catch (error) {
    const message = stripFolder((error as Error).message, path.resolve(root));
    return summarize({ path: rel, ok: false, error: createMessage('internalError', { detail: message }) }, { format: null, key: null, stable: false }, cache, keep);
  }
}
