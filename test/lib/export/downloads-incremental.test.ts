/**
 * The downloads from digests (scripts/lib/downloads/write.ts, report-part.ts): after a report is
 * edited, added or deleted, a run over the kept site and cache writes what a run from scratch writes
 * — every file under data/ and api/ byte for byte, the SQLite file row for row in every table —
 * updates the SQLite file in place, and leaves every file whose bytes did not change untouched.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { downloadsCachePath, writeDownloads } from '../../../scripts/lib/downloads/write.ts';
import { makeLinker } from '../../../src/lib/export/api.ts';
import { buildManifest } from '../../../src/lib/extract/manifest.ts';
import type { ReportRecord } from '../../../src/lib/schema/report.ts';
import { editRequests, loadSampleRecords } from '../../support/records.ts';
import { readTables } from '../../support/sqlite.ts';

const records = loadSampleRecords().sort((a, b) => (a.id < b.id ? -1 : 1));
let root: string;
/** The extraction folder and site kept between the runs, as a build keeps them. */
let data: string;
let site: string;
let step = 0;

/** Writes a record file as the extractor does. */
function putRecord(dir: string, record: ReportRecord): void {
  writeFileSync(path.join(dir, 'reports', `${record.id}.json`), `${JSON.stringify(record, null, 2)}\n`);
}

/** Writes the manifest of the records in `dir`. */
function putManifest(dir: string, list: readonly ReportRecord[]): void {
  const { manifest } = buildManifest(path.join(root, 'corpus'), list.map((r) => ({ path: r.source.path, ok: true, record: r, warnings: [], text: '' })));
  writeFileSync(path.join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
}

/** Runs the downloads stage into `out` from `from`, as the build does. */
function write(from: string, out: string): Promise<number> {
  return writeDownloads({ data: from, out, builtOn: '2025-01-02', dataUrl: null, link: makeLinker('/', undefined) });
}

/** Returns every file under `dir` (relative paths, sorted). */
function listFiles(dir: string): string[] {
  return (readdirSync(dir, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
}

/**
 * Runs the downloads over the kept folders and from scratch (a copy of the records without the
 * cache, into an empty site), and returns both sites.
 */
async function runBoth(list: readonly ReportRecord[]): Promise<{ kept: string; scratch: string; before: Map<string, number> }> {
  putManifest(data, list);
  const before = new Map(listFiles(site).map((f) => [f, statSync(path.join(site, f)).mtimeMs]));
  expect(await write(data, site)).toBe(list.length);
  const fresh = path.join(root, `fresh-${++step}`);
  mkdirSync(fresh);
  cpSync(path.join(data, 'reports'), path.join(fresh, 'reports'), { recursive: true });
  cpSync(path.join(data, 'manifest.json'), path.join(fresh, 'manifest.json'));
  const scratch = path.join(root, `scratch-${step}`);
  await write(fresh, scratch);
  return { kept: site, scratch, before };
}

/** Expects the kept site to equal the scratch one: files byte for byte, the SQLite file table by table. */
function expectSameSites(kept: string, scratch: string): void {
  expect(listFiles(kept)).toEqual(listFiles(scratch));
  for (const f of listFiles(scratch)) {
    if (f.endsWith('.sqlite')) expect(readTables(path.join(kept, f)), f).toEqual(readTables(path.join(scratch, f)));
    else expect(readFileSync(path.join(kept, f)).equals(readFileSync(path.join(scratch, f))), f).toBe(true);
  }
}

const sqliteOf = (dir: string) => path.join(dir, 'data', 'nianbao.sqlite');

beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'nianbao-downloads-inc-'));
  data = path.join(root, 'data');
  mkdirSync(path.join(data, 'reports'), { recursive: true });
  for (const r of records) putRecord(data, r);
  putManifest(data, records);
  site = path.join(root, 'site');
  await write(data, site);
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('downloads from digests', () => {
  it('keeps a part per report in the extraction folder, and a second run with nothing changed writes no file', async () => {
    expect(readdirSync(path.join(downloadsCachePath(data), 'parts')).filter((f) => f.endsWith('.part')).sort()).toEqual(records.map((r) => `${r.id}.part`));
    const { kept, scratch, before } = await runBoth(records);
    expectSameSites(kept, scratch);
    for (const f of listFiles(kept)) expect(statSync(path.join(kept, f)).mtimeMs, f).toBe(before.get(f));
  });

  it('after an edit: the same files as from scratch, the SQLite file updated in place, unchanged files untouched', async () => {
    const edited = editRequests(records[1]!, { total: { natural: 123456 } });
    putRecord(data, edited);
    const list = records.map((r) => (r.id === edited.id ? edited : r));
    const inode = statSync(sqliteOf(site)).ino;
    const { kept, scratch, before } = await runBoth(list);
    expectSameSites(kept, scratch);
    expect(statSync(sqliteOf(kept)).ino).toBe(inode);
    expect(readFileSync(path.join(kept, 'api', 'reports', `${edited.id}.json`), 'utf8')).toBe(JSON.stringify(edited));
    const untouched = (f: string) => statSync(path.join(kept, f)).mtimeMs === before.get(f);
    // The other reports' documents, and the files that hold no figure of the report, keep their time.
    for (const r of records.filter((x) => x.id !== edited.id)) expect(untouched(path.join('api', 'reports', `${r.id}.json`)), r.id).toBe(true);
    for (const f of ['dictionary.csv', 'datapackage.json', 'metadata.json', 'nianbao-wide-proactive.csv']) expect(untouched(path.join('data', f)), f).toBe(true);
    for (const f of ['nianbao-long.csv', 'nianbao-wide-requests.csv', 'nianbao.json']) expect(untouched(path.join('data', f)), f).toBe(false);
  });

  it('after a report is added: the same files as from scratch, the SQLite file updated in place', async () => {
    const base = records[1]!;
    const added: ReportRecord = { ...base, id: base.id.replace(/\d{4}$/, '2022'), year: 2022, source: { ...base.source, path: 'added-2022.txt' } };
    putRecord(data, added);
    const list = [...records.map((r) => (r.id === records[1]!.id ? editRequests(r, { total: { natural: 123456 } }) : r)), added];
    const inode = statSync(sqliteOf(site)).ino;
    const { kept, scratch } = await runBoth(list);
    expectSameSites(kept, scratch);
    expect(statSync(sqliteOf(kept)).ino).toBe(inode);
    expect(listFiles(path.join(kept, 'api', 'reports'))).toContain(`${added.id}.json`);
  });

  it('after a report is deleted: the same files as from scratch, its documents and part gone', async () => {
    const gone = records[3]!;
    unlinkSync(path.join(data, 'reports', `${gone.id}.json`));
    const list = readdirSync(path.join(data, 'reports')).map((f) => JSON.parse(readFileSync(path.join(data, 'reports', f), 'utf8')) as ReportRecord);
    const { kept, scratch } = await runBoth(list);
    expectSameSites(kept, scratch);
    expect(listFiles(path.join(kept, 'api', 'reports'))).not.toContain(`${gone.id}.json`);
    expect(readdirSync(path.join(downloadsCachePath(data), 'parts')).filter((f) => f.startsWith(gone.id))).toEqual([]);
  });

  it('builds the SQLite file whole, and equal, when it is missing or was changed by someone else', async () => {
    const list = readdirSync(path.join(data, 'reports')).map((f) => JSON.parse(readFileSync(path.join(data, 'reports', f), 'utf8')) as ReportRecord);
    writeFileSync(sqliteOf(site), 'not a database');
    const { kept, scratch } = await runBoth(list);
    expectSameSites(kept, scratch);
    expect(readFileSync(sqliteOf(kept)).equals(readFileSync(sqliteOf(scratch)))).toBe(true);
  });

  it('makes a lost part again from its record', async () => {
    const list = readdirSync(path.join(data, 'reports')).map((f) => JSON.parse(readFileSync(path.join(data, 'reports', f), 'utf8')) as ReportRecord);
    rmSync(path.join(downloadsCachePath(data), 'parts'), { recursive: true });
    rmSync(path.join(site, 'data', 'nianbao-long.csv'));
    // Its copy kept in the cache goes too (kept.ts), so that the file is joined again from the parts.
    rmSync(path.join(downloadsCachePath(data), 'kept'), { recursive: true });
    const { kept, scratch } = await runBoth(list);
    expectSameSites(kept, scratch);
  });

  it('into an empty folder, links the last run’s big files and API documents from the cache and writes what a run from scratch writes', async () => {
    const list = readdirSync(path.join(data, 'reports')).map((f) => JSON.parse(readFileSync(path.join(data, 'reports', f), 'utf8')) as ReportRecord);
    const big = ['nianbao-long.csv', 'nianbao-wide-requests.csv', 'nianbao.json', 'nianbao.sqlite'];
    const docs = list.map((r) => path.join('api', 'reports', `${r.id}.json`));
    const inodes = [...big.map((f) => path.join('data', f)), ...docs].map((f) => statSync(path.join(site, f)).ino);
    const empty = path.join(root, `empty-${++step}`);
    expect(await write(data, empty)).toBe(list.length);
    expect([...big.map((f) => path.join('data', f)), ...docs].map((f) => statSync(path.join(empty, f)).ino)).toEqual(inodes);
    expectSameSites(empty, site);
    // The site's own files are those of the state now (the same files): a run there writes none.
    const before = new Map(listFiles(site).map((f) => [f, statSync(path.join(site, f)).mtimeMs]));
    const state = path.join(downloadsCachePath(data), 'state.json');
    const stateTime = statSync(state).mtimeMs;
    await write(data, site);
    for (const f of listFiles(site)) expect(statSync(path.join(site, f)).mtimeMs, f).toBe(before.get(f));
    // Nothing changed: neither did the state.
    expect(statSync(state).mtimeMs).toBe(stateTime);
  });

  it('after an edit, joins the files again from the last run’s files, reading no other report’s part', async () => {
    const current = readdirSync(path.join(data, 'reports')).map((f) => JSON.parse(readFileSync(path.join(data, 'reports', f), 'utf8')) as ReportRecord);
    const edited = editRequests(current[0]!, { total: { natural: 654321 } });
    putRecord(data, edited);
    const list = current.map((r) => (r.id === edited.id ? edited : r));
    const parts = path.join(downloadsCachePath(data), 'parts');
    // A part read now fails the run: a folder cannot be read as a file.
    const others = list.filter((r) => r.id !== edited.id).map((r) => path.join(parts, `${r.id}.part`));
    for (const part of others) {
      rmSync(part);
      mkdirSync(part);
    }
    try {
      const { kept, scratch } = await runBoth(list);
      expectSameSites(kept, scratch);
    } finally {
      for (const part of others) rmSync(part, { recursive: true, force: true });
    }
  });
});
