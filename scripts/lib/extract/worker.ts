/**
 * The piscina worker: extracts a batch of files (through the cache) and returns their summaries
 * (see summarizeFile) in the batch's order. Batches amortise the cost of a message per file.
 */
import path from 'node:path';
import type { CorpusFile } from './corpus-walk.ts';
import { OutcomeCache, type CacheLocation } from './cache.ts';
import { summarizeFile } from './one.ts';
import type { FileSummary } from '../../../src/lib/extract/manifest.ts';

export interface Batch {
  root: string;
  files: CorpusFile[];
  /** The cache the main thread uses, which this thread opens for itself; null: none. */
  cache: CacheLocation | null;
  /** The extractor version (computed once by the main thread), part of every cache key. */
  version: string;
  /** How many of the batch's first files keep their output files (see summarizeFile). */
  keep: number;
  /** The output folder, emptied for this run, that records are written into as they are read (see summarizeFile); undefined: none. */
  writeTo?: string;
}

/** How the test hook makes a worker die: exit, throw outside any promise, or fill the heap. */
export type CrashHow = 'exit' | 'throw' | 'oom';

/**
 * Reads the test hook NIANBAO_TEST_WORKER_CRASH=`<how>:<file name>` (how: exit, throw or oom): a
 * worker thread that reaches a file of that name (the last part of its path) dies as a crashing
 * reader would, so that a test can show the pool losing only that file (test/scripts/extract/pool.test.ts).
 * Unset (always, outside that test) it does nothing; it never touches a file, and the extraction on
 * the main thread (fewer than 200 files) does not read it. Returns null when unset; throws when malformed.
 */
export function readCrashHook(value: string | undefined): { how: CrashHow; name: string } | null {
  if (!value) return null;
  const match = /^(exit|throw|oom):(.+)$/.exec(value);
  if (!match) throw new Error(`NIANBAO_TEST_WORKER_CRASH must be exit:<name>, throw:<name> or oom:<name>, got ${JSON.stringify(value)}`);
  return { how: match[1] as CrashHow, name: match[2]! };
}

const crashHook = readCrashHook(process.env.NIANBAO_TEST_WORKER_CRASH);

/** Ends this worker thread as the test hook says; never returns. */
async function crash(how: CrashHow, name: string): Promise<never> {
  if (how === 'exit') process.exit(70);
  if (how === 'oom') {
    const hog: number[][] = [];
    for (;;) hog.push(new Array<number>(1 << 20).fill(hog.length));
  }
  setImmediate(() => {
    throw new Error(`test crash on ${name}`);
  });
  return new Promise<never>(() => {});
}

/** This thread's cache, opened on its first batch and kept for the next (its index is loaded once). */
let threadCache: OutcomeCache | null = null;

/** Returns this thread's cache at `location`, or null for none. */
function openCache(location: CacheLocation | null): OutcomeCache | null {
  if (!location) return null;
  if (threadCache?.dir !== location.dir || threadCache.version !== location.version) threadCache = new OutcomeCache(location);
  return threadCache;
}

/** Returns the summaries of a batch, one per file, in order. */
export default async function extractBatch(batch: Batch): Promise<FileSummary[]> {
  const out: FileSummary[] = [];
  const cache = openCache(batch.cache);
  try {
    for (const file of batch.files) {
      if (crashHook && path.posix.basename(file.rel) === crashHook.name) await crash(crashHook.how, crashHook.name);
      out.push(await summarizeFile(batch.root, file, batch.version, cache, out.length < batch.keep, batch.writeTo));
    }
  } finally {
    // A thread's pack files are not left open between batches: the pool may end the thread at any time.
    cache?.close();
  }
  return out;
}
