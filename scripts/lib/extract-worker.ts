/**
 * The piscina worker: extracts a batch of files (through the cache) and returns their outcomes as
 * held (see hold) in the batch's order. Batches amortise the cost of a message per file.
 */
import type { CorpusFile } from './corpus-walk.ts';
import { closeCacheWriter } from './extract-cache.ts';
import { hold, inspectFile, type CacheOptions, type Held } from './extract-one.ts';

export interface Batch {
  root: string;
  files: CorpusFile[];
  cache: CacheOptions;
  /** The extractor version (computed once by the main thread), part of every cache key. */
  version: string;
  /** How many of the batch's first files are held whole (see hold). */
  keep: number;
}

/** Returns the outcomes of a batch as held, one per file, in order. */
export default async function extractBatch(batch: Batch): Promise<Held[]> {
  const out: Held[] = [];
  try {
    for (const file of batch.files) out.push(hold(await inspectFile(batch.root, file, batch.cache, batch.version), batch.cache, out.length < batch.keep));
  } finally {
    // A thread's pack files are not left open between batches: the pool may end the thread at any time.
    closeCacheWriter();
  }
  return out;
}
