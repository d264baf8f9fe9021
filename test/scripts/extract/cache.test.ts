/**
 * The extraction cache's packs: what is stored is read back, placed at the path asked for; an index
 * line cut off, or an entry whose bytes are missing, is a miss, never half an outcome.
 */
import { appendFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cacheKey, extractorVersion, listVersionSources, OutcomeCache } from '../../../scripts/lib/extract/cache.ts';
import { hashModuleGraph, listModuleGraph } from '../../../src/lib/source-version.ts';
import { encodeFiles, idOf, serializeRecord } from '../../../scripts/lib/extract/write-output.ts';
import type { FileOutcome } from '../../../src/lib/extract/manifest.ts';
import { extractReport } from '../../../src/lib/extract/extract-report.ts';


type Ok = Extract<FileOutcome, { ok: true }>;

const FILE = '001_b87e4db93de93761.txt';

/** Returns the outcome of a sample report, as the extractor makes it. */
function sampleOutcome(): Ok {
  const text = readFileSync(new URL(`../../../content/reports/${FILE}`, import.meta.url), 'utf8');
  const result = extractReport(text, { path: FILE, sha256: 'a'.repeat(64), encoding: 'utf-8', format: 'text', bytes: text.length });
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return { path: FILE, ok: true, record: result.record, warnings: result.warnings, text };
}

const keyOf = (n: number) => cacheKey(n.toString(16).padStart(64, '0'), 'text', 'test');

/** Returns a cache in a new folder, of version v1 unless said otherwise. */
function newCache(version = 'v1'): OutcomeCache {
  return new OutcomeCache({ dir: mkdtempSync(path.join(tmpdir(), 'nianbao-cache-')), version });
}

/** Returns a cache, read afresh, holding the sample's outcome (key 1) and a failure (key 2), and what was stored. */
function storeSampleAndFailure(): { cache: OutcomeCache; outcome: Ok; json: string } {
  const writer = newCache();
  const outcome = sampleOutcome();
  const json = serializeRecord(outcome.record);
  writer.write(keyOf(1), outcome, json);
  writer.write(keyOf(2), { path: 'bad.txt', ok: false, error: { code: 'emptyFile', params: {} } }, '');
  writer.close();
  return { cache: new OutcomeCache(writer.location), outcome, json };
}

describe('the extraction cache', () => {
  it('stores the same bytes from the encoded output files as from their text', () => {
    const outcome = sampleOutcome();
    const json = serializeRecord(outcome.record);
    const [fromText, fromBytes] = [newCache(), newCache()];
    fromText.write(keyOf(1), outcome, json);
    fromBytes.writeEncoded(keyOf(1), outcome, encodeFiles({ json, text: outcome.text }));
    const packOf = (cache: OutcomeCache) => {
      cache.close();
      const dir = path.join(cache.dir, 'packs');
      return readdirSync(dir).sort().map((name) => readFileSync(path.join(dir, name), 'latin1').replace(/^[0-9a-f]{64} /, ''));
    };
    expect(packOf(fromBytes)).toEqual(packOf(fromText));
    expect(new OutcomeCache(fromBytes.location).readOutput(keyOf(1), outcome.path)).toEqual({ json, text: outcome.text });
  });

  it('reads back what was stored, at the path asked for', () => {
    const { cache, outcome, json } = storeSampleAndFailure();

    expect(cache.read(keyOf(1), outcome.path)).toEqual({ ...outcome, json });
    // The same bytes at another path: the record names that path, and its JSON is made again.
    const moved = cache.read(keyOf(1), 'copy/elsewhere.txt')!;
    expect(moved.ok && moved.json).toBeUndefined();
    expect(moved).toEqual({ ...outcome, path: 'copy/elsewhere.txt', record: { ...outcome.record, source: { ...outcome.record.source, path: 'copy/elsewhere.txt' } } });
    expect(cache.read(keyOf(2), 'other.txt')).toEqual({ path: 'other.txt', ok: false, error: { code: 'emptyFile', params: {} } });
    expect(cache.read(keyOf(3), 'x.txt')).toBeNull();
  });

  it('gives a record\'s output files unparsed only when they were stored from the same path', () => {
    const { cache, outcome, json } = storeSampleAndFailure();

    expect(cache.readOutput(keyOf(1), outcome.path)).toEqual({ json, text: outcome.text });
    // Another path: its record must name that path, so it is parsed and rewritten (read).
    expect(cache.readOutput(keyOf(1), 'copy/elsewhere.txt')).toBeNull();
    expect(cache.readOutput(keyOf(2), 'bad.txt')).toBeNull();
    expect(cache.readOutput(keyOf(3), 'x.txt')).toBeNull();
  });

  it('reads a record\'s id off the start of its JSON', () => {
    const { record } = sampleOutcome();
    expect(idOf(serializeRecord(record))).toBe('taishanqu-xingzheng-shenpi-fuwuju-2024');
    expect(idOf(serializeRecord(record))).toBe(record.id);
    expect(idOf(JSON.stringify(record, null, 2))).toBeNull();
    expect(idOf('')).toBeNull();
  });

  it('keeps appending to a thread\'s pack, and the last entry of a key wins', () => {
    const cache = newCache();
    const outcome = sampleOutcome();
    cache.write(keyOf(1), outcome, serializeRecord(outcome.record));
    cache.close();
    const renamed = { ...outcome, record: { ...outcome.record, title: '另一个标题' } };
    cache.write(keyOf(1), renamed, serializeRecord(renamed.record));
    cache.close();
    cache.refresh();
    expect(readdirSync(path.join(cache.dir, 'packs'))).toHaveLength(2);
    expect(cache.read(keyOf(1), outcome.path)).toEqual({ ...renamed, json: serializeRecord(renamed.record) });
  });

  it('writes a writer\'s entries when it is closed, and reads back one it has not written yet', () => {
    const cache = newCache();
    const outcome = sampleOutcome();
    const json = serializeRecord(outcome.record);
    cache.write(keyOf(1), outcome, json);
    cache.write(keyOf(2), { path: 'bad.txt', ok: false, error: { code: 'emptyFile', params: {} } }, '');
    const dir = path.join(cache.dir, 'packs');
    const sizes = () => readdirSync(dir).sort().map((n) => statSync(path.join(dir, n)).size);
    expect(sizes()).toEqual([0, 0]);
    // Another reader finds nothing yet; the writer itself finds its entry (the same bytes twice in a batch).
    expect(new OutcomeCache(cache.location).read(keyOf(1), outcome.path)).toBeNull();
    expect(cache.read(keyOf(1), outcome.path)).toEqual({ ...outcome, json });
    cache.write(keyOf(3), outcome, json);
    cache.close();
    const reader = new OutcomeCache(cache.location);
    expect(reader.read(keyOf(1), outcome.path)).toEqual({ ...outcome, json });
    expect(reader.read(keyOf(2), 'bad.txt')).toEqual({ path: 'bad.txt', ok: false, error: { code: 'emptyFile', params: {} } });
    expect(reader.read(keyOf(3), outcome.path)).toEqual({ ...outcome, json });
    expect(readFileSync(path.join(dir, readdirSync(dir).find((n) => n.endsWith('.idx'))!), 'latin1').split('\n')).toHaveLength(4);
  });

  it('gives the entry of the cache that wrote a key last, whatever the random part of the pack names', async () => {
    const first = newCache();
    const outcome = sampleOutcome();
    first.write(keyOf(1), outcome, serializeRecord(outcome.record));
    first.close();
    // Pack names start with their time in milliseconds: one later is enough.
    await new Promise((resolve) => setTimeout(resolve, 5));
    for (let i = 0; i < 8; i++) {
      const later = new OutcomeCache(first.location);
      const renamed = { ...outcome, record: { ...outcome.record, title: `标题 ${i}` } };
      later.write(keyOf(1), renamed, serializeRecord(renamed.record));
      later.close();
      expect(new OutcomeCache(first.location).read(keyOf(1), outcome.path)).toEqual({ ...renamed, json: serializeRecord(renamed.record) });
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  });

  it('ignores an index line cut off by a crash, and an entry whose bytes are not all there', () => {
    const cache = newCache();
    const outcome = sampleOutcome();
    const json = serializeRecord(outcome.record);
    cache.write(keyOf(1), outcome, json);
    cache.write(keyOf(2), outcome, json);
    cache.close();
    const [idx, pack] = readdirSync(path.join(cache.dir, 'packs')).sort().map((n) => path.join(cache.dir, 'packs', n));
    // A third entry's line, cut off before its newline.
    appendFileSync(idx!, `${keyOf(3)} 0 10 20 3`);
    cache.refresh();
    expect(cache.read(keyOf(3), outcome.path)).toBeNull();
    expect(cache.read(keyOf(1), outcome.path)).toEqual({ ...outcome, json });
    // The pack lost the second entry's last byte.
    expect(cache.read(keyOf(2), outcome.path)).toEqual({ ...outcome, json });
    truncateSync(pack!, statSync(pack!).size - 1);
    expect(cache.read(keyOf(2), outcome.path)).toBeNull();
    expect(cache.read(keyOf(1), outcome.path)).toEqual({ ...outcome, json });
  });

  it('deletes the packs of other extractor versions, and keeps its own', () => {
    const v1 = newCache('v1');
    const v2 = new OutcomeCache({ dir: v1.dir, version: 'v2' });
    const outcome = sampleOutcome();
    const json = serializeRecord(outcome.record);
    v1.write(keyOf(1), outcome, json);
    v2.write(keyOf(2), outcome, json);
    v1.close();
    v2.close();
    const cache = new OutcomeCache(v2.location);
    expect(cache.prune()).toBe(2);
    expect(readdirSync(path.join(cache.dir, 'packs')).map((n) => n.split('-')[0])).toEqual(['v2', 'v2']);
    expect(cache.read(keyOf(1), outcome.path)).toBeNull();
    expect(cache.read(keyOf(2), outcome.path)).toEqual({ ...outcome, json });
    expect(cache.prune()).toBe(0);
  });
});

describe('the extractor version', () => {
  it('hashes the extractor folder and every module it imports, wherever it lives', () => {
    const sources = listVersionSources();
    for (const f of ['scripts/lib/extract/one.ts', 'scripts/lib/extract/file.ts', 'src/lib/extract/extract-report.ts', 'src/lib/extract/formats/html.ts', 'src/lib/extract/tables/requests.ts', 'src/lib/extract/identity/title.ts', 'src/lib/extract/manifest.ts', 'src/lib/schema/report.ts', 'src/lib/template.ts', 'src/lib/template-legacy.ts']) {
      expect(sources, f).toContain(f);
    }
    // The site's code is not the extractor's: editing it leaves the cache valid.
    expect(sources.filter((f) => f.startsWith('src/lib/site/') || f.startsWith('src/pages/'))).toEqual([]);
    expect(extractorVersion()).toMatch(/^[0-9a-f]{16}$/);
  });

  it('follows static, dynamic and URL imports, and changes when any module reached changes, not when another does', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'nianbao-graph-'));
    const put = (rel: string, text: string) => {
      mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
      writeFileSync(path.join(root, rel), text);
    };
    put('package-lock.json', '{}');
    put('run/a.ts', "import { b } from './b.ts';\nconst c = () => import('../lib/c.ts');\nnew URL('./w.ts', import.meta.url);\n");
    put('run/b.ts', "export { d } from '../lib/d.ts';\nimport x from 'some-package';\n");
    put('run/w.ts', '');
    put('lib/c.ts', '');
    put('lib/d.ts', 'export const d = 1;\n');
    put('lib/unrelated.ts', '');
    expect(listModuleGraph(root, 'run')).toEqual(['lib/c.ts', 'lib/d.ts', 'run/a.ts', 'run/b.ts', 'run/w.ts']);
    const before = hashModuleGraph(root, 'run');
    put('lib/unrelated.ts', 'changed');
    expect(hashModuleGraph(root, 'run')).toBe(before);
    put('lib/d.ts', 'export const d = 2;\n');
    expect(hashModuleGraph(root, 'run')).not.toBe(before);
  });
});
