/**
 * The extractor's record of what it wrote into an output folder (OUT/.written.json, written last, by
 * scripts/lib/extract/write-output.ts): per record the hashes of its two files. The site-data stage
 * reads the hashes to tell which records changed without reading them (src/lib/site/report-index-file.ts).
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/** The state file's name in an output folder. */
export const WRITTEN_STATE = '.written.json';

/**
 * A record's two output files (OUT/reports/<id>.json, OUT/text/<id>.txt) as UTF-8 bytes, with the
 * digests the state file records of them (encodeOutput in scripts/lib/extract/write-output.ts makes
 * it, decodeOutput gives the text back). Made where the record was serialized (a worker thread, in
 * parallel), so that the write phase on the main thread, which runs after every file is read, only
 * writes.
 */
export interface EncodedOutput {
  bytes: readonly [json: Uint8Array, text: Uint8Array];
  digests: readonly [json: string, text: string];
}

/** A row of the state file: the record's id, the hashes of its JSON and text files, and its token (see write-output.ts). */
export type WrittenRow = [id: string, json: string, text: string, token: string | null];

/** Returns the hash of every record file the extractor last wrote into `out`, by id; empty when it left no state. */
export function readRecordHashes(out: string): Map<string, string> {
  try {
    const state = JSON.parse(readFileSync(path.join(out, WRITTEN_STATE), 'utf8')) as { records?: WrittenRow[] };
    return new Map((state.records ?? []).map(([id, json]) => [id, json]));
  } catch {
    return new Map();
  }
}

/**
 * Returns the stamp of a record file (OUT/reports/<id>.json) as it is now: the hash the extractor
 * recorded of it (`hash`, from readRecordHashes) with the file's size and modification time, which
 * change when anything else writes the file; null without a recorded hash (the caller then reads
 * the file). The site data, the downloads and the search index key their work by it, so that an
 * unchanged record is never read.
 */
export function stampRecordFile(out: string, id: string, hash: string | undefined): string | null {
  if (hash === undefined) return null;
  const { size, mtimeMs } = statSync(path.join(out, 'reports', `${id}.json`));
  return `${hash} ${size} ${mtimeMs}`;
}
