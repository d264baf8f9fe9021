/**
 * Extraction on every core: files are cut into batches and handed to piscina worker threads;
 * outcomes are put back in the files' order, so the result is the same as a sequential run.
 */
import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import type { CorpusFile } from './corpus-walk.ts';
import type { CacheOptions, Held } from './extract-one.ts';
import type { Batch } from './extract-worker.ts';

/** Files per task: large enough to amortise a message, small enough to balance the cores. */
const BATCH = 32;

/** Returns the number of worker threads used by default: one per core. */
export function defaultWorkers(): number {
  return availableParallelism();
}

/**
 * Returns the outcome of every file, in the order of `files`, extracted by `workers` threads, held
 * whole for the first `retain` files (see hold); `onProgress`: files done so far.
 */
export async function extractInPool(
  root: string,
  files: readonly CorpusFile[],
  options: { workers: number; cache: CacheOptions; version: string; retain: number; onProgress?: (done: number) => void },
): Promise<Held[]> {
  const pool = new Piscina<Batch, Held[]>({
    filename: new URL('./extract-worker.ts', import.meta.url).href,
    minThreads: options.workers,
    maxThreads: options.workers,
  });
  const outcomes: Held[] = new Array(files.length);
  let done = 0;
  try {
    const tasks: Promise<void>[] = [];
    for (let start = 0; start < files.length; start += BATCH) {
      const batch = files.slice(start, start + BATCH);
      tasks.push(
        pool.run({ root, files: batch, cache: options.cache, version: options.version, keep: Math.max(0, options.retain - start) }).then((result) => {
          result.forEach((o, i) => (outcomes[start + i] = o));
          done += batch.length;
          options.onProgress?.(done);
        }),
      );
    }
    await Promise.all(tasks);
  } finally {
    await pool.destroy();
  }
  return outcomes;
}
