/**
 * The piscina worker: extracts a batch of files (through the cache) and returns their outcomes in
 * the batch's order. Batches amortise the cost of a message per file.
 */
import type { FileOutcome } from '../../src/lib/extract/manifest.ts';
import { extractOne, type CacheOptions } from './extract-one.ts';

export interface Batch {
  root: string;
  files: string[];
  cache: CacheOptions;
}

/** Returns the outcomes of a batch, one per file, in order. */
export default async function extractBatch(batch: Batch): Promise<FileOutcome[]> {
  const out: FileOutcome[] = [];
  for (const rel of batch.files) out.push(await extractOne(batch.root, rel, batch.cache));
  return out;
}
