/**
 * A re-run with a cache trusts the stat index for unchanged files and extracts only what changed;
 * whatever changed (content, a same-size rewrite with its mtime put back, a deletion, an addition,
 * a touch, the kept file of a duplicate pair gone), its output must be byte-identical to a cold
 * run without cache on the changed corpus.
 */
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { cacheKey, extractorVersion } from '../../../scripts/lib/extract/cache.ts';
import { extractCorpus } from '../../../scripts/lib/extract/corpus.ts';
import { storeTampered } from '../../support/cache.ts';
import { indexPath, isUnchanged, RACY_MS, readIndex, writeIndex, type IndexEntry } from '../../../scripts/lib/extract/index.ts';
import { buildManifest, planManifest, summarizeOutcome, type FileOutcome } from '../../../src/lib/extract/manifest.ts';
import { generateCorpus } from '../../../scripts/lib/generate/corpus.ts';
import type { ReportRecord } from '../../../src/lib/schema/report.ts';

/** Returns every file under `dir` (relative path → contents). */
async function snapshot(dir: string): Promise<Map<string, string>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries.filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name))).sort();
  return new Map(await Promise.all(files.map(async (f) => [f, await readFile(path.join(dir, f), 'utf8')] as const)));
}

/**
 * Moves the start of every run recorded in the cache's indexes an hour later, as if the files had
 * been written long before: they were written a moment ago, so their entries are not trusted yet
 * (see RACY_MS), and the test could only wait.
 */
async function ageIndexes(cache: string): Promise<void> {
  for (const name of await readdir(path.join(cache, 'index'))) {
    const file = path.join(cache, 'index', name);
    const index = JSON.parse(await readFile(file, 'utf8'));
    index.scannedAt += 3_600_000;
    await writeFile(file, JSON.stringify(index));
  }
}

describe('incremental extraction', () => {
  let root: string;
  let input: string;
  const corpus = generateCorpus(24, 'incremental');
  const [keptOfPair, changed, deleted, touched, tampered, ...rest] = corpus.files.slice(0, 20);
  const added = corpus.files[20]!;
  // A UTF-8 text report: its bytes can be changed without changing its length.
  const sameSize = rest.find((f) => f.path.endsWith('.txt') && corpus.answers.files[f.path]!.encoding === 'utf-8')!;
  const OLD = new Date(2020, 0, 1);

  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'nianbao-inc-'));
    input = path.join(root, 'in');
    for (const f of corpus.files.slice(0, 20)) {
      await mkdir(path.join(input, path.dirname(f.path)), { recursive: true });
      await writeFile(path.join(input, f.path), f.bytes);
    }
    // Two copies of one report: the original (first path in sorted order) is kept.
    const ext = path.extname(keptOfPair!.path);
    await copyFile(path.join(input, keptOfPair!.path), path.join(input, `copy-a${ext}`));
    await copyFile(path.join(input, keptOfPair!.path), path.join(input, `copy-b${ext}`));
    await writeFile(path.join(input, 'notes.xyz'), 'not a report');
    await writeFile(path.join(input, 'empty.txt'), '');
    // A whole-second mtime, so that it can be put back exactly after a rewrite.
    await utimes(path.join(input, sameSize.path), OLD, OLD);
  });

  it('writes what a cold run writes after changes, additions and deletions, without loading unchanged files', async () => {
    expect(sameSize).toBeDefined();
    const cache = path.join(root, 'cache');
    const out = path.join(root, 'out');
    const first = await extractCorpus({ input, out, workers: 0, cache });
    await ageIndexes(cache);

    const full = (f: { path: string }) => path.join(input, f.path);
    // New content, and an mtime set by hand (as a copy preserving times would).
    await writeFile(full(changed!), Buffer.concat([Buffer.from(changed!.bytes), Buffer.from('\n')]));
    await utimes(full(changed!), new Date(2001, 0, 1), new Date(2001, 0, 1));
    // Same length, different bytes, the old mtime put back: only ctime tells.
    const before = await stat(full(sameSize));
    const text = (await readFile(full(sameSize), 'utf8')).replace(/(\d)(\D*)$/, (_, d: string, tail: string) => `${(Number(d) + 1) % 10}${tail}`);
    await writeFile(full(sameSize), text);
    await utimes(full(sameSize), OLD, OLD);
    const after = await stat(full(sameSize));
    expect([after.size, after.mtimeMs, after.ino]).toEqual([before.size, before.mtimeMs, before.ino]);
    // Touched: new mtime, same bytes.
    await utimes(full(touched!), new Date(), new Date());
    await rm(full(deleted!));
    await rm(full(keptOfPair!)); // copy-a is now the kept file of the pair: never extracted, read from the cache
    await mkdir(path.dirname(full(added)), { recursive: true });
    await writeFile(full(added), added.bytes);
    // A damaged cache entry for an unchanged file: the re-run must not even read it.
    const record = first.records.find((r) => r.source.path === tampered!.path)!;
    const key = cacheKey(record.source.sha256, record.source.format, extractorVersion());
    storeTampered(cache, key, record);

    const again = await extractCorpus({ input, out, workers: 0, cache });
    await extractCorpus({ input, out: path.join(root, 'cold'), workers: 0, cache: false });
    const cold = await snapshot(path.join(root, 'cold'));
    expect(await snapshot(out)).toEqual(cold);
    expect(again.records.find((r) => r.source.path === tampered!.path)!.title).not.toBe('FROM CACHE');
    expect(again.manifest.files.map((f) => f.path)).toContain(added.path);
    expect(again.manifest.files.map((f) => f.path)).not.toContain(deleted!.path);
    expect(again.records.some((r) => r.source.path === `copy-a${path.extname(keptOfPair!.path)}`)).toBe(true);

    // Nothing changed since: same output, and the report files are not rewritten.
    const reportFile = path.join(out, 'reports', (await readdir(path.join(out, 'reports')))[0]!);
    const mtime = (await stat(reportFile)).mtimeMs;
    await ageIndexes(cache);
    await extractCorpus({ input, out, workers: 0, cache });
    expect(await snapshot(out)).toEqual(cold);
    expect((await stat(reportFile)).mtimeMs).toBe(mtime);
  });

  it('trusts a stat only when the file was older than the run that recorded it by RACY_MS', () => {
    const stamp = { size: 10, mtimeMs: 1_000_000, ctimeMs: 1_000_000, ino: 7 };
    const entry: IndexEntry = { stamp, summary: { format: 'text', key: 'k', ok: false, error: { code: 'emptyFile', params: {} } } };
    expect(isUnchanged(entry, { ...stamp }, stamp.mtimeMs + RACY_MS + 1)).toBe(true);
    // Written within the timestamp granularity of the run: it could change again without its mtime moving.
    expect(isUnchanged(entry, { ...stamp }, stamp.mtimeMs + RACY_MS - 1)).toBe(false);
    for (const field of ['size', 'mtimeMs', 'ctimeMs', 'ino'] as const) {
      expect(isUnchanged(entry, { ...stamp, [field]: stamp[field] + 1 }, stamp.mtimeMs + 10 * RACY_MS)).toBe(false);
    }
  });

  it('ignores an index written by another extractor version or for another input folder', async () => {
    const cache = path.join(root, 'cache-version');
    const file = indexPath(cache, input);
    const entry: IndexEntry = { stamp: { size: 1, mtimeMs: 2, ctimeMs: 3, ino: 4 }, summary: { ok: false, error: { code: 'emptyFile', params: {} } } };
    await writeIndex(file, input, 'v1', { scannedAt: 5, files: new Map([['a.txt', entry]]) });
    expect((await readIndex(file, input, 'v1'))!.files.get('a.txt')).toEqual(entry);
    expect(await readIndex(file, input, 'v2')).toBeNull();
    expect(await readIndex(file, path.join(input, 'other'), 'v1')).toBeNull();
    expect(indexPath(cache, input)).not.toBe(indexPath(cache, input, { index: 0, count: 2 }));
  });

  it('plans the same manifest as buildManifest from summaries alone (duplicates, ties, errors)', () => {
    const file = fc.record({
      agency: fc.integer({ min: 0, max: 3 }),
      year: fc.integer({ min: 2019, max: 2020 }),
      figures: fc.integer({ min: 0, max: 3 }),
      failed: fc.integer({ min: 0, max: 2 }),
      warnings: fc.array(fc.constantFrom({ code: 'legacyIgnored', params: {} } as const, { code: 'legacyOnly', params: {} } as const), { maxLength: 2 }),
      error: fc.option(fc.constantFrom({ code: 'emptyFile', params: {} } as const, { code: 'invalidUtf8', params: {} } as const)),
    });
    fc.assert(
      fc.property(fc.uniqueArray(fc.tuple(fc.stringMatching(/^[a-c]{1,3}\.txt$/), file), { selector: ([p]) => p, maxLength: 12 }), (files) => {
        const outcomes: FileOutcome[] = files.map(([p, f]) => {
          if (f.error) return { path: p, ok: false, error: f.error };
          // Only what the duplicate rule and the counts read: a record stands in for a whole one.
          const record = {
            id: `agency-${f.agency}-${f.year}`,
            agency: { name: `机关${f.agency}` },
            year: f.year,
            proactive: Object.fromEntries(Array.from({ length: f.figures }, (_, i) => [`c${i}`, i])),
            requests: null,
            appeals: null,
            checks: Array.from({ length: f.failed }, () => ({ status: 'fail' })),
            source: { path: p },
          } as unknown as ReportRecord;
          return { path: p, ok: true, record, warnings: f.warnings, text: '' };
        });
        const built = buildManifest('in', outcomes);
        const planned = planManifest('in', outcomes.map((o) => ({ path: o.path, summary: summarizeOutcome(o) })));
        expect(planned.manifest).toEqual(built.manifest);
        expect(planned.keepers).toEqual(built.records.map((r) => ({ id: r.id, path: r.source.path })));
      }),
    );
  });
});
