/**
 * The extraction cache's packs: what is stored is read back, placed at the path asked for; an index
 * line cut off, or an entry whose bytes are missing, is a miss, never half an outcome.
 */
import { appendFileSync, mkdtempSync, readdirSync, readFileSync, statSync, truncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cacheKey, closeCacheWriter, listMissingVersionSources, pruneCache, readCachedOutputSync, readCachedSync, refreshCache, writeCachedSync } from '../../../scripts/lib/extract/cache.ts';
import { idOf, serializeRecord } from '../../../scripts/lib/extract/write-output.ts';
import type { FileOutcome } from '../../../src/lib/extract/manifest.ts';
import { extractReport } from '../../../src/lib/extract/extract-report.ts';


type Ok = Extract<FileOutcome, { ok: true }>;

const FILE = '001_b87e4db93de93761.txt';

/** Returns the outcome of a sample report, as the extractor makes it. */
function sampleOutcome(): Ok {
  const text = readFileSync(new URL(`../../../content/reports/${FILE}`, import.meta.url), 'utf8');
  const result = extractReport(text, { path: FILE, sha256: 'a'.repeat(64), encoding: 'utf-8', format: 'text', bytes: text.length });
  if (!result.ok) throw new Error(result.error);
  return { path: FILE, ok: true, record: result.record, warnings: result.warnings, text };
}

const keyOf = (n: number) => cacheKey(n.toString(16).padStart(64, '0'), 'text', 'test');

/** Returns a new cache folder holding the sample's outcome (key 1) and a failure (key 2), and what was stored. */
function storeSampleAndFailure(): { dir: string; outcome: Ok; json: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'nianbao-cache-'));
  const outcome = sampleOutcome();
  const json = serializeRecord(outcome.record);
  writeCachedSync(dir, 'v1', keyOf(1), outcome, json);
  writeCachedSync(dir, 'v1', keyOf(2), { path: 'bad.txt', ok: false, error: '文件为空 (empty file)' }, '');
  closeCacheWriter();
  refreshCache(dir);
  return { dir, outcome, json };
}

describe('the extraction cache', () => {
  it('reads back what was stored, at the path asked for', () => {
    const { dir, outcome, json } = storeSampleAndFailure();

    expect(readCachedSync(dir, keyOf(1), outcome.path)).toEqual({ outcome, json });
    // The same bytes at another path: the record names that path, and its JSON is made again.
    const moved = readCachedSync(dir, keyOf(1), 'copy/elsewhere.txt')!;
    expect(moved.json).toBeUndefined();
    expect(moved.outcome).toEqual({ ...outcome, path: 'copy/elsewhere.txt', record: { ...outcome.record, source: { ...outcome.record.source, path: 'copy/elsewhere.txt' } } });
    expect(readCachedSync(dir, keyOf(2), 'other.txt')).toEqual({ outcome: { path: 'other.txt', ok: false, error: '文件为空 (empty file)' } });
    expect(readCachedSync(dir, keyOf(3), 'x.txt')).toBeNull();
  });

  it('gives a record\'s output files unparsed only when they were stored from the same path', () => {
    const { dir, outcome, json } = storeSampleAndFailure();

    expect(readCachedOutputSync(dir, keyOf(1), outcome.path)).toEqual({ json, text: outcome.text });
    // Another path: its record must name that path, so it is parsed and rewritten (readCachedSync).
    expect(readCachedOutputSync(dir, keyOf(1), 'copy/elsewhere.txt')).toBeNull();
    expect(readCachedOutputSync(dir, keyOf(2), 'bad.txt')).toBeNull();
    expect(readCachedOutputSync(dir, keyOf(3), 'x.txt')).toBeNull();
  });

  it('reads a record\'s id off the start of its JSON', () => {
    const { record } = sampleOutcome();
    expect(idOf(serializeRecord(record))).toBe('taishanqu-xingzheng-shenpi-fuwuju-2024');
    expect(idOf(serializeRecord(record))).toBe(record.id);
    expect(idOf(JSON.stringify(record))).toBeNull();
    expect(idOf('')).toBeNull();
  });

  it('keeps appending to a thread\'s pack, and the last entry of a key wins', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'nianbao-cache-'));
    const outcome = sampleOutcome();
    writeCachedSync(dir, 'v1', keyOf(1), outcome, serializeRecord(outcome.record));
    closeCacheWriter();
    const renamed = { ...outcome, record: { ...outcome.record, title: '另一个标题' } };
    writeCachedSync(dir, 'v1', keyOf(1), renamed, serializeRecord(renamed.record));
    closeCacheWriter();
    refreshCache(dir);
    expect(readdirSync(path.join(dir, 'packs'))).toHaveLength(2);
    expect(readCachedSync(dir, keyOf(1), outcome.path)!.outcome).toEqual(renamed);
  });

  it('ignores an index line cut off by a crash, and an entry whose bytes are not all there', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'nianbao-cache-'));
    const outcome = sampleOutcome();
    const json = serializeRecord(outcome.record);
    writeCachedSync(dir, 'v1', keyOf(1), outcome, json);
    writeCachedSync(dir, 'v1', keyOf(2), outcome, json);
    closeCacheWriter();
    const [idx, pack] = readdirSync(path.join(dir, 'packs')).sort().map((n) => path.join(dir, 'packs', n));
    // A third entry's line, cut off before its newline.
    appendFileSync(idx!, `${keyOf(3)} 0 10 20 3`);
    refreshCache(dir);
    expect(readCachedSync(dir, keyOf(3), outcome.path)).toBeNull();
    expect(readCachedSync(dir, keyOf(1), outcome.path)!.outcome).toEqual(outcome);
    // The pack lost the second entry's last byte.
    expect(readCachedSync(dir, keyOf(2), outcome.path)!.outcome).toEqual(outcome);
    truncateSync(pack!, statSync(pack!).size - 1);
    expect(readCachedSync(dir, keyOf(2), outcome.path)).toBeNull();
    expect(readCachedSync(dir, keyOf(1), outcome.path)!.outcome).toEqual(outcome);
  });

  it('deletes the packs of other extractor versions, and keeps its own', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'nianbao-cache-'));
    const outcome = sampleOutcome();
    const json = serializeRecord(outcome.record);
    writeCachedSync(dir, 'v1', keyOf(1), outcome, json);
    writeCachedSync(dir, 'v2', keyOf(2), outcome, json);
    closeCacheWriter();
    expect(pruneCache(dir, 'v2')).toBe(2);
    expect(readdirSync(path.join(dir, 'packs')).map((n) => n.split('-')[0])).toEqual(['v2', 'v2']);
    expect(readCachedSync(dir, keyOf(1), outcome.path)).toBeNull();
    expect(readCachedSync(dir, keyOf(2), outcome.path)!.outcome).toEqual(outcome);
    expect(pruneCache(dir, 'v2')).toBe(0);
  });
});

describe('the extractor version', () => {
  it('hashes every source it lists: none is missing from the checkout, so no edit to the extractor is missed', () => {
    expect(listMissingVersionSources()).toEqual([]);
  });
});
