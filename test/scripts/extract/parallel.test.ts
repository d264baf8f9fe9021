/**
 * Worker threads, the content-hash cache and sharding must not change the output: the manifest and
 * every written file are byte-identical to a sequential run without cache.
 */
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cacheKey, extractorVersion } from '../../../scripts/lib/extract/cache.ts';
import { extractCorpus } from '../../../scripts/lib/extract/corpus.ts';
import { storeTampered } from '../../support/cache.ts';
import { mergeParts, parseShard, shardOf } from '../../../scripts/lib/extract/shard.ts';
import { generateCorpus } from '../../../scripts/lib/generate/corpus.ts';

/** Returns every file under `dir` (relative path → contents), part.json excluded. */
async function snapshot(dir: string): Promise<Map<string, string>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries.filter((e) => e.isFile() && e.name !== 'part.json').map((e) => path.relative(dir, path.join(e.parentPath, e.name))).sort();
  return new Map(await Promise.all(files.map(async (f) => [f, await readFile(path.join(dir, f), 'utf8')] as const)));
}

describe('parallel, cached and sharded extraction', () => {
  let root: string;
  let input: string;
  let sequential: Map<string, string>;

  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'nianbao-par-'));
    input = path.join(root, 'in');
    const { files } = generateCorpus(240, 'parallel');
    for (const f of files) {
      await mkdir(path.join(input, path.dirname(f.path)), { recursive: true });
      await writeFile(path.join(input, f.path), f.bytes);
    }
    // Duplicates (one of them in the other shard), an unsupported and an empty file.
    const first = path.join(input, files[0]!.path);
    await copyFile(first, path.join(input, 'copy-a.txt'));
    let name = 'copy-b0.txt';
    for (let i = 1; shardOf(name, 2) === shardOf('copy-a.txt', 2); i++) name = `copy-b${i}.txt`;
    await copyFile(first, path.join(input, name));
    await writeFile(path.join(input, 'notes.pdf'), '%PDF-1.7\n');
    await writeFile(path.join(input, 'empty.txt'), '');
    await extractCorpus({ input, out: path.join(root, 'seq'), workers: 0, cache: false });
    sequential = await snapshot(path.join(root, 'seq'));
  });

  it('writes the same files with two worker threads and a cold, then a warm cache', async () => {
    const cache = path.join(root, 'cache');
    const progress: number[] = [];
    await extractCorpus({ input, out: path.join(root, 'cold'), workers: 2, cache, onProgress: (done) => progress.push(done) });
    expect(await snapshot(path.join(root, 'cold'))).toEqual(sequential);
    expect(progress.at(-1)).toBe(244);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    await extractCorpus({ input, out: path.join(root, 'warm'), workers: 2, cache });
    expect(await snapshot(path.join(root, 'warm'))).toEqual(sequential);
    await extractCorpus({ input, out: path.join(root, 'inline'), workers: 0, cache });
    expect(await snapshot(path.join(root, 'inline'))).toEqual(sequential);
  });

  it('writes the same files when only some outcomes are held in memory and the rest are read back from the cache', async () => {
    const cache = path.join(root, 'cache-retain');
    await extractCorpus({ input, out: path.join(root, 'retain-pool'), workers: 2, cache, keep: 10 });
    expect(await snapshot(path.join(root, 'retain-pool'))).toEqual(sequential);
    await rm(cache, { recursive: true, force: true });
    await extractCorpus({ input, out: path.join(root, 'retain-inline'), workers: 0, cache, keep: 0 });
    expect(await snapshot(path.join(root, 'retain-inline'))).toEqual(sequential);
  });

  it('reads unchanged files from the cache, keyed by content and extractor version', async () => {
    const cache = path.join(root, 'cache-probe');
    const out = path.join(root, 'probe');
    const { records } = await extractCorpus({ input, out, workers: 0, cache });
    const record = records[0]!;
    const key = cacheKey(record.source.sha256, record.source.format, extractorVersion());
    // Tamper with the cached entry: a second run into a new folder (which must write every record)
    // must return it, proving it did not re-parse.
    storeTampered(cache, key, record);
    const again = await extractCorpus({ input, out: path.join(root, 'probe-2'), workers: 0, cache });
    expect(again.records.find((r) => r.id === record.id)!.title).toBe('FROM CACHE');
  });

  it('two shards merged equal the single run, duplicates across shards included', async () => {
    const parts = [0, 1].map((i) => path.join(root, `shard-${i}`));
    const sizes: number[] = [];
    for (const [i, out] of parts.entries()) {
      const { manifest } = await extractCorpus({ input, out, shard: parseShard(`${i}/2`), cache: false });
      sizes.push(manifest.counts.files);
    }
    expect(sizes[0]! + sizes[1]!).toBe(244);
    expect(Math.min(...sizes)).toBeGreaterThan(80);
    await mergeParts(parts.reverse(), path.join(root, 'merged'));
    expect(await snapshot(path.join(root, 'merged'))).toEqual(sequential);
    const manifest = JSON.parse(sequential.get('manifest.json')!);
    expect(manifest.files.filter((f: { messages: { code: string }[] }) => f.messages[0]?.code.startsWith('duplicate'))).toHaveLength(2);
  });

  it('rewrites only what changed, restores deleted files and removes stale ones', async () => {
    const out = path.join(root, 'rewrite');
    await extractCorpus({ input, out, workers: 0, cache: path.join(root, 'cache') });
    const [kept, deleted] = (await readdir(path.join(out, 'reports'))).slice(0, 2) as [string, string];
    const before = (await stat(path.join(out, 'reports', kept))).mtimeMs;
    await rm(path.join(out, 'reports', deleted));
    await writeFile(path.join(out, 'reports', 'stale-2000.json'), '{}');
    await new Promise((r) => setTimeout(r, 20));
    await extractCorpus({ input, out, workers: 0, cache: path.join(root, 'cache') });
    expect((await stat(path.join(out, 'reports', kept))).mtimeMs).toBe(before);
    const again = await snapshot(out);
    expect([...again.keys()].filter((k) => !k.startsWith('.written'))).toEqual([...sequential.keys()].filter((k) => !k.startsWith('.written')));
    expect(again).toEqual(sequential);
  });

  it('refuses parts that are not the shards of one corpus', async () => {
    await expect(mergeParts([path.join(root, 'shard-0')], path.join(root, 'bad'))).rejects.toThrow(/shards 0…n-1/);
    expect(() => parseShard('2/2')).toThrow();
  });
});
