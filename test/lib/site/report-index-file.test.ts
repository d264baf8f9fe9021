/**
 * The site's report index file: written once, read back without reading a record; an entry whose
 * record file changed since (rewritten by the extractor or by hand), a folder the extractor left no
 * state in, or a file written by other code, is indexed from its record again.
 */
import { rmSync, utimesSync, writeFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractCorpus } from '../../../scripts/lib/extract/corpus.ts';
import { indexReport } from '../../../src/lib/aggregate/report-index.ts';
import { WRITTEN_STATE } from '../../../src/lib/extract/written-state.ts';
import type { ReportRecord } from '../../../src/lib/schema/report.ts';
import { listRecordIds, readRecordFile } from '../../../src/lib/site/record-files.ts';
import { loadReportIndex, reportIndexVersion, writeReportIndex } from '../../../src/lib/site/report-index-file.ts';

const VERSION = reportIndexVersion(process.cwd());

/** Returns the index of `data`, counting the records read. */
function load(data: string, version = VERSION) {
  const read: string[] = [];
  const index = loadReportIndex(data, listRecordIds(data), version, (id) => {
    read.push(id);
    return readRecordFile(data, id);
  });
  return { index, read };
}

describe('the report index file', () => {
  let data: string;
  let records: ReportRecord[];

  beforeAll(async () => {
    data = await mkdtemp(path.join(tmpdir(), 'nianbao-site-index-'));
    ({ records } = await extractCorpus({ input: 'content/reports', out: data, cache: false }));
    records.sort((a, b) => (a.id < b.id ? -1 : 1));
  });

  it('indexes every record when there is no file, in id order, as indexReport does', () => {
    const ids = listRecordIds(data);
    expect(ids).toEqual(records.map((r) => r.id));
    const { index, read } = load(data);
    expect(read).toEqual(ids);
    expect(index.indexed).toBe(records.length);
    expect(index.reports).toEqual(records.map(indexReport));
    expect(index.tokens.every((t) => t !== null)).toBe(true);
    expect(VERSION).toMatch(/^[0-9a-f]{16}$/);
  });

  it('reads no record once the file is written, and gives the same entries', () => {
    writeReportIndex(data, listRecordIds(data), load(data).index);
    const { index, read } = load(data);
    expect(read).toEqual([]);
    expect(index.indexed).toBe(0);
    expect(index.reports).toEqual(records.map(indexReport));
  });

  it('indexes again a record whose file changed since, even when the extractor did not write it', () => {
    const [first] = records;
    const file = path.join(data, 'reports', `${first!.id}.json`);
    const edited = { ...first!, title: `${first!.title}（改）` };
    writeFileSync(file, JSON.stringify(edited, null, 2) + '\n');
    const { index, read } = load(data);
    expect(read).toEqual([first!.id]);
    expect(index.reports[0]).toEqual(indexReport(edited));
    // Put back as it was, with its old time: the entry the file holds is the edited one, so it is read again.
    writeFileSync(file, JSON.stringify(first, null, 2) + '\n');
    utimesSync(file, new Date(2020, 0, 1), new Date(2020, 0, 1));
    expect(load(data).read).toEqual([first!.id]);
  });

  it('trusts no entry written by other code, or where the extractor left no record of what it wrote', () => {
    writeReportIndex(data, listRecordIds(data), load(data).index);
    expect(load(data).read).toEqual([]);
    expect(load(data, 'other-version').read).toHaveLength(records.length);
    expect(load(data, null).read).toHaveLength(records.length);
    rmSync(path.join(data, WRITTEN_STATE));
    const { index, read } = load(data);
    expect(read).toHaveLength(records.length);
    expect(index.tokens.every((t) => t === null)).toBe(true);
    expect(index.reports).toEqual(records.map(indexReport));
  });

  it('refuses to index a record file that does not fit the schema', () => {
    const [first] = records;
    writeFileSync(path.join(data, 'reports', `${first!.id}.json`), JSON.stringify({ ...first!, year: 'last year' }));
    expect(() => load(data)).toThrow(/year/);
    writeFileSync(path.join(data, 'reports', `${first!.id}.json`), JSON.stringify(first, null, 2) + '\n');
  });
});
