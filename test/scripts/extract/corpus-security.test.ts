/**
 * Report files are untrusted input. Their names cannot steer where the extractor writes, and the
 * markup or MDX they contain stays plain text in the records (the site escapes it when rendering).
 */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractCorpus } from '../../../scripts/lib/extract/corpus.ts';
import type { Manifest, ReportRecord } from '../../../src/lib/schema/report.ts';

const HOSTILE = [
  '<script>alert("x")</script>',
  '<img src=x onerror=alert(1)>',
  '<a href="javascript:alert(1)">点此</a>',
  '{props.secret} {/* mdx */} <Component client:load />',
  'import Evil from "../../../etc/passwd"',
  'export const x = 1;',
  '---',
  '${process.env.HOME}',
].join('\n');

function report(agency: string, year: number): string {
  return [
    `${agency}${year}年政府信息公开工作年度报告`,
    '一、总体情况',
    HOSTILE,
    '二、主动公开政府信息情况',
    '三、收到和处理政府信息公开申请情况',
    '四、政府信息公开行政复议、行政诉讼情况',
    '五、存在的主要问题及改进情况',
    '<iframe src="https://evil.example"></iframe>',
  ].join('\n');
}

/** Returns every path under `dir`, relative to it. */
async function tree(dir: string): Promise<string[]> {
  return (await readdir(dir, { recursive: true })).map((p) => p.split(path.sep).join('/')).sort();
}

describe('untrusted file names and report text', () => {
  const parent = mkdtempSync(path.join(tmpdir(), 'nianbao-sec-'));
  const input = path.join(parent, 'in');
  const out = path.join(parent, 'out');
  let manifest: Manifest;
  let records: ReportRecord[];

  beforeAll(async () => {
    await mkdir(path.join(input, '..  ..', '山东 省 ..'), { recursive: true });
    // (Names starting with a dot are hidden files, which listFiles skips.)
    await writeFile(path.join(input, '..  ..', '山东 省 ..', 'r..%2F..%2Fescape.txt'), report('某某县人民政府', 2023));
    await writeFile(path.join(input, 'x...txt.md'), report('某某县交通运输局', 2022));
    await writeFile(path.join(input, '<b>..<i>.txt'), report('某某县<script>alert</script>人民政府', 2020));
    await writeFile(path.join(input, '泰山区 报告 (最终版)..html'), `<html><body><p>${report('某某县财政局', 2024).replace(/</g, '&lt;').replace(/\n/g, '</p><p>')}</p></body></html>`);
    await writeFile(path.join(input, 'a..b..c.txt'), report('某某县../../人民政府', 2021));
    ({ manifest, records } = await extractCorpus({ input, out, cache: false }));
  });

  it('writes only inside the output folder, under ids it makes itself', async () => {
    expect(await tree(parent)).toEqual(
      [...(await tree(input)).map((p) => `in/${p}`), 'in', 'out', ...(await tree(out)).map((p) => `out/${p}`)].sort(),
    );
    const written = await tree(out);
    expect(written.every((p) => /^(manifest\.json|\.written\.json|reports|text|reports\/[a-z0-9-]+\.json|text\/[a-z0-9-]+\.txt)$/.test(p))).toBe(true);
    expect(manifest.files.map((f) => f.path).sort()).toEqual([
      '<b>..<i>.txt', 'x...txt.md', '..  ../山东 省 ../r..%2F..%2Fescape.txt', 'a..b..c.txt', '泰山区 报告 (最终版)..html',
    ].sort());
  });

  it('makes a record of each report, whatever its file name, with a URL-safe id', () => {
    expect(records.map((r) => r.source.path).sort()).toEqual(['<b>..<i>.txt', 'x...txt.md', '..  ../山东 省 ../r..%2F..%2Fescape.txt', '泰山区 报告 (最终版)..html'].sort());
    expect(records.every((r) => /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(r.id))).toBe(true);
    expect(records.find((r) => r.year === 2020)!.agency.name).toBe('某某县<script>alert</script>人民政府');
  });

  it('lists a title it cannot read as an error with its reason', () => {
    // "../" breaks the agency name (a title has no "." in it): not a title, so not a record.
    const entry = manifest.files.find((f) => f.path === 'a..b..c.txt')!;
    expect(entry).toMatchObject({ status: 'error', id: null });
    expect(entry.messages.map((m) => m.code)).toEqual(['noIdentity']);
  });

  it('keeps markup, javascript: links and MDX as plain text in the records', async () => {
    for (const record of records) {
      expect(record.sections.overview, record.source.path).toBe(HOSTILE);
      const json = await readFile(path.join(out, 'reports', `${record.id}.json`), 'utf8');
      expect(JSON.parse(json).sections.overview).toBe(HOSTILE);
    }
  });
});
