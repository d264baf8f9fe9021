import { mkdtemp, readFile, readdir, writeFile, copyFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractCorpus } from '../../../scripts/lib/extract/corpus.ts';
import { manifestSchema, reportRecordSchema, type Manifest } from '../../../src/lib/schema/report.ts';

const SAMPLES = path.resolve('content/reports');
/** One cache for the runs of this file: the second run over the samples reads the first's outcomes. */
const CACHE = path.join(tmpdir(), `nianbao-corpus-test-cache-${process.pid}`);

describe('extractCorpus on the five samples', () => {
  let out: string;
  let manifest: Manifest;
  beforeAll(async () => {
    out = await mkdtemp(path.join(tmpdir(), 'nianbao-out-'));
    ({ manifest } = await extractCorpus({ input: SAMPLES, out, cache: CACHE }));
  });

  it('writes five schema-valid records and a manifest', async () => {
    const files = (await readdir(path.join(out, 'reports'))).sort();
    expect(files).toHaveLength(5);
    for (const f of files) {
      const record = JSON.parse(await readFile(path.join(out, 'reports', f), 'utf8'));
      expect(reportRecordSchema.safeParse(record).success, f).toBe(true);
      expect(`${record.id}.json`).toBe(f);
    }
    const written = JSON.parse(await readFile(path.join(out, 'manifest.json'), 'utf8'));
    expect(manifestSchema.safeParse(written).success).toBe(true);
    expect(written).toEqual(manifest);
    expect(manifest.counts).toEqual({ files: 5, records: 5, warnings: 3, errors: 0, failedChecks: 0 });
  });

  it('names the corpus folder relative to the working folder, though it was given as an absolute path', () => {
    expect(SAMPLES.startsWith('/')).toBe(true);
    expect(manifest.input).toBe('content/reports');
  });

  it('is deterministic', async () => {
    const again = await mkdtemp(path.join(tmpdir(), 'nianbao-out-'));
    await extractCorpus({ input: SAMPLES, out: again, cache: CACHE });
    for (const f of await readdir(path.join(out, 'reports'))) {
      expect(await readFile(path.join(again, 'reports', f), 'utf8')).toBe(await readFile(path.join(out, 'reports', f), 'utf8'));
    }
  });
});

describe('extractCorpus outside the working folder', () => {
  it('names the corpus folder by its name alone', async () => {
    const input = await mkdtemp(path.join(tmpdir(), 'nianbao-named-'));
    await copyFile(path.join(SAMPLES, '001_b87e4db93de93761.txt'), path.join(input, 'a.txt'));
    const { manifest } = await extractCorpus({ input, out: `${input}-out`, cache: false });
    expect(manifest.input).toBe(path.basename(input));
    expect(await readFile(path.join(`${input}-out`, 'manifest.json'), 'utf8')).not.toContain(tmpdir());
  });
});

describe('extractCorpus on bad input', () => {
  let manifest: Manifest;
  let out: string;
  const byPath = (p: string) => manifest.files.find((f) => f.path === p)!;

  beforeAll(async () => {
    const input = await mkdtemp(path.join(tmpdir(), 'nianbao-in-'));
    out = await mkdtemp(path.join(tmpdir(), 'nianbao-out-'));
    await mkdir(path.join(input, '山东 省', '..hidden..'), { recursive: true });
    for (const f of ['000_951e69aa5677aff7.txt', '002_1c63ee7c050fc816.txt', '004_e73212b8dc766644.txt']) {
      await copyFile(path.join(SAMPLES, f), path.join(input, f));
    }
    await writeFile(path.join(input, 'empty.txt'), '');
    await writeFile(path.join(input, 'binary.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 1, 2, 3]));
    await writeFile(path.join(input, 'minutes.md'), '# 会议纪要\n\n本次会议研究了办公用品采购事项。\n');
    await writeFile(path.join(input, 'report.odt'), 'PK\u0003\u0004');
    await writeFile(path.join(input, '.DS_Store'), Buffer.from([0, 0, 0, 1, 66, 117, 100, 49]));
    const text = await readFile(path.join(SAMPLES, '001_b87e4db93de93761.txt'), 'utf8');
    await writeFile(path.join(input, '山东 省', '..hidden..', '泰山区 GBK.txt'), iconv.encode(text, 'gbk'));
    // The same report again under another name: a duplicate of agency and year.
    await writeFile(path.join(input, 'zz-copy-of-004.txt'), await readFile(path.join(SAMPLES, '004_e73212b8dc766644.txt')));
    ({ manifest } = await extractCorpus({ input, out, cache: CACHE }));
  });

  it('lists every input file exactly once', () => {
    expect(manifest.files.map((f) => f.path)).toEqual([
      '.DS_Store',
      '000_951e69aa5677aff7.txt',
      '002_1c63ee7c050fc816.txt',
      '004_e73212b8dc766644.txt',
      'binary.txt',
      'empty.txt',
      'minutes.md',
      'report.odt',
      'zz-copy-of-004.txt',
      '山东 省/..hidden../泰山区 GBK.txt',
    ]);
    expect(manifest.counts).toMatchObject({ files: 10, records: 4, errors: 6 });
    expect(manifest.files[0]!.messages[0]?.code).toBe('unsupportedFormat');
  });

  it('gives each bad file its reason', () => {
    expect(byPath('empty.txt')).toMatchObject({ status: 'error', id: null, messages: [{ code: 'emptyFile', params: {} }] });
    expect(byPath('binary.txt').messages[0]?.code).toMatch(/^binary/);
    expect(byPath('minutes.md').messages[0]).toEqual({ code: 'notAReport', params: {} });
    expect(byPath('report.odt').messages[0]).toMatchObject({ code: 'unsupportedFormat', params: { extension: '.odt' } });
    expect(byPath('zz-copy-of-004.txt').messages[0]).toMatchObject({ code: expect.stringMatching(/^duplicate/), params: { keeper: '004_e73212b8dc766644.txt' } });
  });

  it('reads a GBK file and records its encoding', async () => {
    const entry = byPath('山东 省/..hidden../泰山区 GBK.txt');
    expect(entry.status).toBe('ok');
    const record = JSON.parse(await readFile(path.join(out, 'reports', `${entry.id}.json`), 'utf8'));
    expect(record.source).toMatchObject({ path: '山东 省/..hidden../泰山区 GBK.txt', encoding: 'gb18030' });
    expect(record.agency.name).toBe('泰安市泰山区行政审批服务局');
    expect(record.requests.newReceived.total).toBe(28);
  });
});
