/**
 * The search index kept between builds (scripts/search-index.ts): after a report is edited, added or
 * deleted, staging indexes only the chunks whose records changed and placing moves only those into
 * the kept site, and the site's pagefind/ folder is then byte for byte the one a run from scratch
 * (empty cache, empty site) makes of the same records. Run as processes, as the build runs it.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chunkName, chunkOfAgency, countChunks, groupByAgency, readRecordFileName } from '../../scripts/lib/search/chunks.ts';
import type { ReportRecord } from '../../src/lib/schema/report.ts';
import { loadSampleRecords } from '../support/records.ts';
import { childEnv } from '../support/site.ts';

/** Pages per chunk: the samples' nine pages in several chunks. */
const CHUNK = '3';
const records = loadSampleRecords();
let root: string;
let data: string;
let site: string;
let step = 0;

/** Writes a record file as the extractor does. */
function putRecord(record: ReportRecord): void {
  writeFileSync(path.join(data, 'reports', `${record.id}.json`), `${JSON.stringify(record, null, 2)}\n`);
}

/** Runs the search stage as the build does (`--stage`, then `--place`), or both at once without `stage`; returns what staging wrote on stderr. */
function run(out: string, cache: string, from: string, stage?: string): string {
  const env = childEnv({ NIANBAO_DATA: from, NIANBAO_OUT: out, NIANBAO_ASTRO_CACHE: cache, NIANBAO_SEARCH_CHUNK: CHUNK, NIANBAO_SEARCH_JOBS: '2' });
  const options = { env, encoding: 'utf8' as const, stdio: ['ignore', 'pipe', 'pipe'] as ['ignore', 'pipe', 'pipe'] };
  const stderr = (args: string[]) => {
    const done = spawnSync('node', args, options);
    if (done.status !== 0) throw new Error(`node ${args.join(' ')}: exit ${done.status}\n${done.stderr}`);
    return done.stderr;
  };
  if (!stage) return stderr(['scripts/search-index.ts']);
  const log = stderr(['scripts/search-index.ts', '--stage', stage]);
  stderr(['scripts/search-index.ts', '--place', stage]);
  return log;
}

/** Returns every file under `dir` (relative paths, sorted). */
function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
}

/** Returns the chunk folder holding an agency's pages with the records now in the data folder. */
function chunkOf(slug: string): string {
  const agencies = groupByAgency(readdirSync(path.join(data, 'reports')).flatMap((n) => readRecordFileName(n) ?? []));
  const pages = agencies.reduce((n, a) => n + 1 + a.ids.length, 0);
  return chunkName(chunkOfAgency(slug, countChunks(pages, Number(CHUNK))));
}

/**
 * Updates the kept site's index, and makes one from scratch into a new site; expects the two
 * pagefind/ folders to hold the same files, byte for byte. Returns each chunk folder's time before
 * and after the update, and what staging the update wrote on stderr.
 */
function updateAndCompare(): { before: Map<string, number>; after: Map<string, number>; log: string } {
  const pf = path.join(site, 'pagefind');
  const times = () => new Map(readdirSync(pf).map((n) => [n, statSync(path.join(pf, n, 'pagefind-entry.json'), { throwIfNoEntry: false })?.mtimeMs ?? 0]));
  const before = times();
  const log = run(site, path.join(root, 'cache'), data, path.join(data, 'search'));
  const after = times();
  const scratch = path.join(root, `scratch-${++step}`);
  run(scratch, path.join(root, `scratch-cache-${step}`), data);
  const kept = listFiles(pf);
  expect(kept).toEqual(listFiles(path.join(scratch, 'pagefind')));
  for (const f of kept) expect(readFileSync(path.join(pf, f)).equals(readFileSync(path.join(scratch, 'pagefind', f))), f).toBe(true);
  return { before, after, log };
}

beforeAll(() => {
  root = mkdtempSync(path.join(tmpdir(), 'nianbao-search-'));
  data = path.join(root, 'data');
  site = path.join(root, 'site');
  mkdirSync(path.join(data, 'reports'), { recursive: true });
  for (const r of records) putRecord(r);
  run(site, path.join(root, 'cache'), data, path.join(data, 'search'));
}, 120_000);

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('search index updated in place', () => {
  it('lists several chunks, and staging with nothing changed indexes none', () => {
    expect((JSON.parse(readFileSync(path.join(site, 'pagefind', 'chunks.json'), 'utf8')) as { chunks: string[] }).chunks.length).toBeGreaterThan(1);
    const { before, after } = updateAndCompare();
    expect(after).toEqual(before);
  }, 120_000);

  it('after an edit of what the search records hold: only the edited report’s chunk is indexed and moved in, and the index equals one made from scratch', () => {
    const edited = records.find((r) => r.agency.slug === 'yiyuanxian-renminzhengfu')!;
    putRecord({ ...edited, sections: { ...edited.sections, overview: `${edited.sections.overview ?? ''}增量搜索测试` } });
    const { before, after, log } = updateAndCompare();
    const changed = [...after].filter(([name, t]) => before.get(name) !== t).map(([name]) => name);
    expect(changed).toEqual([chunkOf(edited.agency.slug)]);
    expect(log).toMatch(/: 1 indexed \(/);
  }, 120_000);

  it('after an edit the search records do not hold (the record file changed, its pages’ words did not): no chunk is indexed or moved, and the index equals one made from scratch', () => {
    const edited = records.find((r) => r.agency.slug === 'zaozhuangshi-xingzheng-shenpi-fuwuju')!;
    // The record's title is not a search record's: the page's heading is made of the agency and year.
    putRecord({ ...edited, title: `${edited.title}（增量搜索测试）` });
    const { before, after, log } = updateAndCompare();
    expect(after).toEqual(before);
    expect(log).toMatch(/: 0 indexed \(\), 1 of the same records, /);
  }, 120_000);

  it('chunks whose kept records files and map of stamps are cut short make their search records again from the record files: the same, so none is indexed', () => {
    const cache = path.join(root, 'cache', 'pagefind-chunks', 'records');
    for (const name of readdirSync(cache)) writeFileSync(path.join(cache, name), '{"agencies":[{"slug"');
    writeFileSync(path.join(cache, '..', 'keys.json'), '{"a');
    const edited = records.find((r) => r.agency.slug === 'zaozhuangshi-xingzheng-shenpi-fuwuju')!;
    putRecord({ ...edited, title: `${edited.title}（再次）` });
    const { before, after, log } = updateAndCompare();
    expect(after).toEqual(before);
    // Every chunk's records made again, none indexed.
    const chunks = (JSON.parse(readFileSync(path.join(site, 'pagefind', 'chunks.json'), 'utf8')) as { chunks: string[] }).chunks.length;
    expect(log).toMatch(new RegExp(`: 0 indexed \\(\\), ${chunks} of the same records, 0 in the cache`));
  }, 120_000);

  it('places again after an Astro build emptied the site folder (a re-render that refused half-way): every chunk copied from the cache, the same files', () => {
    const pf = path.join(site, 'pagefind');
    const kept = new Map(listFiles(pf).map((f) => [f, readFileSync(path.join(pf, f))]));
    rmSync(site, { recursive: true, force: true });
    const env = childEnv({ NIANBAO_DATA: data, NIANBAO_OUT: site, NIANBAO_ASTRO_CACHE: path.join(root, 'cache'), NIANBAO_SEARCH_CHUNK: CHUNK, NIANBAO_SEARCH_JOBS: '2' });
    const log = execFileSync('node', ['scripts/search-index.ts', '--place', path.join(data, 'search')], { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    expect(listFiles(pf)).toEqual([...kept.keys()]);
    for (const [f, bytes] of kept) expect(readFileSync(path.join(pf, f)).equals(bytes), f).toBe(true);
    expect(log).toBe('');
  }, 120_000);

  it('after a report is added and one deleted, the index equals one made from scratch', () => {
    const base = records.find((r) => r.agency.slug === 'zaozhuangshi-xingzheng-shenpi-fuwuju')!;
    putRecord({ ...base, id: base.id.replace(/\d{4}$/, '2022'), year: 2022 });
    updateAndCompare();
    const gone = records.find((r) => r.agency.slug === 'taishanqu-xingzheng-shenpi-fuwuju')!;
    unlinkSync(path.join(data, 'reports', `${gone.id}.json`));
    updateAndCompare();
  }, 120_000);
});
