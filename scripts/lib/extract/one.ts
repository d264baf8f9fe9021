/**
 * One file through the cache: hash its bytes, take the cached outcome when there is one, otherwise
 * extract it (extractFile) and store the outcome; then summarise it. Used inline and by the worker
 * threads. Its file operations are synchronous: a thread works on one file at a time, and awaiting
 * the thread pool (four threads, shared by every thread of the process) left cores idle.
 *
 * A file passes through two shapes (src/lib/extract/manifest.ts): its outcome (FileOutcome: the
 * record, its warnings and text, or why there is none) where it is read, and its summary
 * (FileSummary) from there on, which carries the record's output files to the writer when it keeps
 * them.
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { stripFolder, summarizeOutcome, type FileOutcome, type FileSummary } from '../../../src/lib/extract/manifest.ts';
import { fsPath, type CorpusFile } from './corpus-walk.ts';
import { cacheKey, type OutcomeCache } from './cache.ts';
import { extractFile, formatOf, MAX_BYTES } from './file.ts';
import { claimOutput, encodeFiles, encodeOutput, serializeRecord } from './write-output.ts';
import { createMessage } from '../../../src/lib/schema/message.ts';
import type { EncodedOutput } from '../../../src/lib/extract/written-state.ts';

/**
 * Returns the summary of an outcome with `facts` (what the stat index records besides it), and with
 * its record's output files when `keep` is true or the cache cannot give them back. They are encoded
 * here, on the thread that read the file, so that the main thread receives bytes instead of a
 * record's object graph and its write phase only writes; the run keeps them in memory for a bounded
 * number of files and reads the others back from the cache. With `writeTo` (an output folder
 * emptied for this run, see emptyOutput) the record's files are written there at once when no
 * record of its id came first, and the summary says so (`onDisk`) instead of carrying them.
 */
function summarize(
  outcome: FileOutcome,
  facts: Pick<FileSummary, 'format' | 'key' | 'stable'>,
  cache: OutcomeCache | null,
  keep: boolean,
  writeTo?: string,
  files?: EncodedOutput['bytes'],
): FileSummary {
  const summary = { ...facts, ...summarizeOutcome(outcome) };
  const cached = cache !== null && facts.key !== undefined && facts.stable !== false;
  if (!outcome.ok || !summary.ok || (cached && !keep && writeTo === undefined)) return summary;
  const output = encodeOutput(files ?? { json: outcome.json ?? serializeRecord(outcome.record), text: outcome.text });
  if (writeTo !== undefined && claimOutput(writeTo, summary.id, output)) return { ...summary, onDisk: output.digests };
  return cached && !keep ? summary : { ...summary, output };
}

/**
 * Returns the summary of one file (with its output files when `keep`, or them written into
 * `writeTo`: see summarize), through the cache when there is one; its key is made under extractor
 * `version` either way (the output's tokens use it). Never throws: a reader bug costs one file, not the corpus.
 */
export async function summarizeFile(root: string, file: CorpusFile, version: string, cache: OutcomeCache | null, keep: boolean, writeTo?: string): Promise<FileSummary> {
  const { rel } = file;
  try {
    const format = formatOf(rel);
    // A path whose names are not all UTF-8 is opened by its bytes.
    const full = fsPath(root, file);
    // Unsupported, empty and oversized files are refused before reading: nothing to hash or cache.
    if (!format) return summarize(await extractFile(root, rel), {}, cache, keep);
    const info = statSync(full);
    if (info.size === 0 || info.size > MAX_BYTES) return summarize(await extractFile(root, rel, undefined, undefined, full), { format }, cache, keep);
    const bytes = readFileSync(full);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    // A file given its identity by the corrections file has an outcome of its own, under its own key.
    const key = cacheKey(sha256, format, file.identity ? `${version}\0${file.identity.digest}` : version);
    const cached = cache?.read(key, rel);
    if (cached) return summarize(cached, { format, key }, cache, keep, writeTo);
    const extracted = await extractFile(root, rel, bytes, sha256, full, file.identity?.lines);
    // Serialized and encoded once, here, for both the cache and the output.
    const outcome = extracted.ok ? { ...extracted, json: serializeRecord(extracted.record) } : extracted;
    const files = outcome.ok ? encodeFiles(outcome) : undefined;
    cache?.writeEncoded(key, outcome, files ?? null);
    return summarize(outcome, { format, key }, cache, keep, writeTo, files);
  } catch (error) {
    const message = stripFolder((error as Error).message, path.resolve(root));
    return summarize({ path: rel, ok: false, error: createMessage('internalError', { detail: message }) }, { stable: false }, cache, keep);
  }
}
