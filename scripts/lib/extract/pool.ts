/**
 * Extraction on every core: files are cut into batches and handed to piscina worker threads;
 * outcomes are put back in the files' order, so the result is the same as a sequential run.
 *
 * A worker that dies (a reader that calls process.exit, throws outside any promise or runs out of
 * memory) takes down only its file: piscina rejects the batch the worker held and starts another
 * worker; the batch's files are then run one per task, and the file whose task fails again is an
 * error with the reason, not remembered by the stat index (the next run tries it again). Every other
 * file gives its outcome as usual.
 */
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { Piscina } from 'piscina';
import type { CorpusFile } from './corpus-walk.ts';
import type { CacheLocation } from './cache.ts';
import { stripFolder, type FileSummary } from '../../../src/lib/extract/manifest.ts';
import type { Batch } from './worker.ts';
import { createMessage } from '../../../src/lib/schema/message.ts';

/** Files per task: large enough to amortise a message, small enough to balance the cores. */
const BATCH = 32;

/** Returns the number of worker threads used by default: one per core. */
export function defaultWorkers(): number {
  return availableParallelism();
}

/**
 * Returns the summary of a file whose task failed on its own: the worker died on it (or the task
 * failed otherwise). An error naming the reason, with the corpus folder's absolute path taken out;
 * not stable, so the stat index does not remember it.
 */
export function summarizeCrash(root: string, file: CorpusFile, error: unknown): FileSummary {
  const reason = stripFolder(error instanceof Error ? error.message : String(error), path.resolve(root));
  return { stable: false, ok: false, error: createMessage('workerDied', { detail: reason }) };
}

/**
 * Each worker's young generation, in MiB. A report's reading makes many short-lived strings and
 * nodes (the HTML reader's tree above all); with V8's default young generation they outlive it and
 * are promoted, and garbage collection was a fifth of a worker's time (bench/results.md, "Cold extraction").
 */
const YOUNG_GENERATION_MIB = 48;

/**
 * Returns the summary of every file, in the order of `files`, extracted by `workers` threads (each
 * with a heap of at most `heapMib` MiB when given: a worker over it dies, and only its file is
 * lost), the first `keep` with their output files (see summarizeFile), or them written into
 * `writeTo` (see Batch); `onProgress`: files done so far.
 */
export async function extractInPool(
  root: string,
  files: readonly CorpusFile[],
  options: { workers: number; heapMib?: number; cache: CacheLocation | null; version: string; keep: number; writeTo?: string; onProgress?: (done: number) => void },
): Promise<FileSummary[]> {
  const { heapMib } = options;
  const pool = new Piscina<Batch, FileSummary[]>({
    filename: new URL('./worker.ts', import.meta.url).href,
    minThreads: options.workers,
    maxThreads: options.workers,
    resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MIB, ...(heapMib ? { maxOldGenerationSizeMb: heapMib } : {}) },
  });
  const summaries: FileSummary[] = new Array(files.length);
  let done = 0;
  const finish = (count: number) => {
    done += count;
    options.onProgress?.(done);
  };
  /** Runs the files from `start` as one task; when it fails, each again on its own, and a file alone that fails is an error. */
  const run = async (start: number, batch: readonly CorpusFile[]): Promise<void> => {
    try {
      const result = await pool.run({ root, files: [...batch], cache: options.cache, version: options.version, keep: Math.max(0, options.keep - start), writeTo: options.writeTo });
      result.forEach((o, i) => (summaries[start + i] = o));
    } catch (error) {
      if (batch.length > 1) {
        await Promise.all(batch.map((file, i) => run(start + i, [file])));
        return;
      }
      summaries[start] = summarizeCrash(root, batch[0]!, error);
    }
    finish(batch.length);
  };
  try {
    const tasks: Promise<void>[] = [];
    for (let start = 0; start < files.length; start += BATCH) tasks.push(run(start, files.slice(start, start + BATCH)));
    await Promise.all(tasks);
  } finally {
    // Not awaited: the threads' exit (their heaps torn down) overlaps the write phase, on the core
    // they leave idle; the process waits for them before it ends.
    pool.destroy().catch(() => undefined);
  }
  return summaries;
}
