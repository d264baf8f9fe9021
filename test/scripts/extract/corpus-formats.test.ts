import { createHash } from 'node:crypto';
import { copyFile, mkdir, mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractCorpus } from '../../../scripts/lib/extract/corpus.ts';
import type { Manifest, ReportRecord } from '../../../src/lib/schema/report.ts';

const REAL = path.resolve('test/fixtures/real');

describe('extractCorpus on HTML pages', () => {
  let manifest: Manifest;
  let records: ReportRecord[];
  let out: string;
  const byPath = (p: string) => manifest.files.find((f) => f.path === p)!;

  beforeAll(async () => {
    const input = await mkdtemp(path.join(tmpdir(), 'nianbao-html-'));
    out = await mkdtemp(path.join(tmpdir(), 'nianbao-out-'));
    await mkdir(path.join(input, '君山 片区'));
    for (const f of ['2018_pingtan.html', '2021_pingtan.html', '2023_pingtan.html']) await copyFile(path.join(REAL, f), path.join(input, f));
    // The 君山 page as a GBK .htm that declares gb2312, in a folder with a space and Chinese name.
    const junshan = await readFile(path.join(REAL, '2022_junshan.html'), 'utf8');
    await writeFile(path.join(input, '君山 片区', '2022 君山.htm'), iconv.encode(junshan.replace(/charset=utf-8/gi, 'charset=gb2312'), 'gbk'));
    ({ manifest, records } = await extractCorpus({ input, out, cache: false }));
  });

  it('makes a record of every page', () => {
    expect(manifest.counts).toMatchObject({ files: 4, records: 4, errors: 0 });
    expect(records.map((r) => [r.agency.name, r.year]).sort()).toEqual([
      ['平潭综合实验区', 2018], ['平潭综合实验区', 2021], ['平潭综合实验区', 2023], ['平潭综合实验区君山片区管理局', 2022],
    ]);
  });

  it('records the original bytes\' sha256, the encoding and the html format', async () => {
    const rec = records.find((r) => r.year === 2021)!;
    const bytes = await readFile(path.join(REAL, '2021_pingtan.html'));
    expect(rec.source).toEqual({ path: '2021_pingtan.html', sha256: createHash('sha256').update(bytes).digest('hex'), encoding: 'utf-8', format: 'html', bytes: bytes.length });
    const gbk = records.find((r) => r.year === 2022)!;
    expect(gbk.source).toMatchObject({ path: '君山 片区/2022 君山.htm', encoding: 'gb18030', format: 'html' });
    expect(gbk.requests.unavailableNotHeld.total).toBe(5);
    expect(byPath('君山 片区/2022 君山.htm').status).toBe('warning'); // its dispositionSum check fails
  });

  it('writes beside each record the page text its provenance lines refer to', async () => {
    const rec = records.find((r) => r.year === 2023)!;
    const text = await readFile(path.join(out, 'text', `${rec.id}.txt`), 'utf8');
    const line = text.split('\n')[rec.provenance['requests.newReceived.total']! - 1]!;
    expect(line.split('\t')).toContain('81');
    expect(text).not.toContain('<');
    expect((await readdir(path.join(out, 'reports'))).sort()).toEqual(records.map((r) => `${r.id}.json`).sort());
  });
});
