/**
 * A worker thread that dies takes down only its file: with the test hook NIANBAO_TEST_WORKER_CRASH
 * a worker exits, throws outside any promise or runs out of heap on one file; that file is an error
 * naming the reason, the pool starts another worker, and every other file's outcome is the one a
 * run without the crash gives.
 */
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { walkCorpus, type CorpusFile } from '../../../scripts/lib/extract/corpus-walk.ts';
import { extractCorpus, PARALLEL_FROM } from '../../../scripts/lib/extract/corpus.ts';
import type { FileSummary } from '../../../src/lib/extract/manifest.ts';
import { extractInPool } from '../../../scripts/lib/extract/pool.ts';
import { readCrashHook } from '../../../scripts/lib/extract/worker.ts';
import { generateCorpus } from '../../../scripts/lib/generate/corpus.ts';

/** Writes `count` generated reports under a new folder; returns the folder. */
async function writeCorpus(count: number, seed: string): Promise<string> {
  const input = await mkdtemp(path.join(tmpdir(), 'nianbao-pool-'));
  for (const f of generateCorpus(count, seed).files) {
    await mkdir(path.join(input, path.dirname(f.path)), { recursive: true });
    await writeFile(path.join(input, f.path), f.bytes);
  }
  return input;
}

/** Runs the pool over the files with the crash hook set (and a heap limit, when given). */
async function runWith(hook: string | undefined, input: string, files: CorpusFile[], heapMib?: number): Promise<FileSummary[]> {
  const saved = process.env.NIANBAO_TEST_WORKER_CRASH;
  if (hook) process.env.NIANBAO_TEST_WORKER_CRASH = hook;
  try {
    return await extractInPool(input, files, { workers: 2, heapMib, cache: null, version: 'pool-test', keep: files.length });
  } finally {
    if (saved === undefined) delete process.env.NIANBAO_TEST_WORKER_CRASH;
    else process.env.NIANBAO_TEST_WORKER_CRASH = saved;
  }
}

afterEach(() => {
  expect(process.env.NIANBAO_TEST_WORKER_CRASH).toBeUndefined();
});

describe('a worker that dies', () => {
  let input: string;
  let files: CorpusFile[];
  let clean: FileSummary[];
  let victim: number;

  beforeAll(async () => {
    // Two batches of 32 and a third: the file that kills its worker sits inside the second.
    input = await writeCorpus(70, 'pool-crash');
    files = walkCorpus(input).files;
    victim = 40;
    clean = await runWith(undefined, input, files);
    expect(clean.every((h) => h.ok)).toBe(true);
  });

  for (const [how, reason] of [
    ['exit', /worker exited with code: 70/],
    ['throw', /test crash on /],
    ['oom', /memory limit/],
  ] as const) {
    it(`(${how}) costs only its file, listed with the reason; every other outcome is as without the crash`, async () => {
      const name = path.posix.basename(files[victim]!.rel);
      const held = await runWith(`${how}:${name}`, input, files, how === 'oom' ? 256 : undefined);
      expect(held).toHaveLength(files.length);
      const lost = held[victim]!;
      expect(lost.ok).toBe(false);
      expect(lost.stable).toBe(false);
      const error = lost.ok ? null : lost.error;
      expect(error?.code).toBe('workerDied');
      const detail = error?.code === 'workerDied' ? error.params.detail : '';
      expect(detail).toMatch(reason);
      expect(detail).not.toContain(input);
      held.forEach((h, i) => {
        if (i !== victim) expect(h, files[i]!.rel).toEqual(clean[i]);
      });
    }, 120_000);
  }
});

describe('a corpus run whose worker dies on one file', () => {
  it('completes with every other record, the file listed in the manifest as an error', async () => {
    const input = await writeCorpus(PARALLEL_FROM, 'pool-run');
    const victim = walkCorpus(input).files[7]!.rel;
    process.env.NIANBAO_TEST_WORKER_CRASH = `exit:${path.posix.basename(victim)}`;
    let result;
    try {
      result = await extractCorpus({ input, out: `${input}-out`, workers: 2, cache: `${input}-cache` });
    } finally {
      delete process.env.NIANBAO_TEST_WORKER_CRASH;
    }
    const { manifest, records } = result;
    expect(manifest.counts.files).toBe(PARALLEL_FROM);
    const entry = manifest.files.find((f) => f.path === victim)!;
    expect(entry.status).toBe('error');
    expect(entry.messages[0]).toMatchObject({ code: 'workerDied', params: { detail: expect.stringContaining('worker exited with code: 70') } });
    expect(manifest.files.filter((f) => f.status === 'error').map((f) => f.path)).toEqual([victim]);
    expect(records).toHaveLength(manifest.counts.records);
    // Not remembered: the next run, without the crash, reads the file.
    const again = await extractCorpus({ input, out: `${input}-out`, workers: 2, cache: `${input}-cache` });
    expect(again.manifest.files.find((f) => f.path === victim)!.status).not.toBe('error');
    expect(again.manifest.counts.records).toBe(manifest.counts.records + 1);
  }, 300_000);
});

describe('the crash hook', () => {
  it('reads the hook strictly, and nothing when unset', () => {
    expect(readCrashHook(undefined)).toBeNull();
    expect(readCrashHook('')).toBeNull();
    expect(readCrashHook('exit:a b.txt')).toEqual({ how: 'exit', name: 'a b.txt' });
    expect(readCrashHook('oom:x:y.txt')).toEqual({ how: 'oom', name: 'x:y.txt' });
    expect(() => readCrashHook('boom:a.txt')).toThrow(/NIANBAO_TEST_WORKER_CRASH/);
    expect(() => readCrashHook('exit:')).toThrow(/NIANBAO_TEST_WORKER_CRASH/);
  });
});
