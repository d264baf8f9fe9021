/**
 * The piscina worker: extracts a batch of files (through the cache) and returns their outcomes in
 * the batch's order. Batches amortise the cost of a message per file.
 */
import { inspectFile, type CacheOptions, type Inspected } from './extract-one.ts';

export interface Batch {
  root: string;
  files: string[];
  cache: CacheOptions;
  /** The extractor version (computed once by the main thread), part of every cache key. */
  version: string;
}

/** Returns the outcomes of a batch, one per file, in order. */
export default async function extractBatch(batch: Batch): Promise<Inspected[]> {
  const out: Inspected[] = [];
  for (const rel of batch.files) out.push(await inspectFile(batch.root, rel, batch.cache, batch.version));
  return out;
}
