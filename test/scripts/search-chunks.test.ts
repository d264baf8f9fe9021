/**
 * The search index's chunks (scripts/lib/search/chunks.ts): each agency's pages whole in one chunk
 * chosen by its slug, so that a change to one report, or a report added or deleted, changes one
 * chunk only; and the search records made from the records (scripts/lib/search/records.ts).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chunkKey, chunkName, contentKey, chunkOfAgency, countChunks, groupByAgency, planChunks, readRecordFileName } from '../../scripts/lib/search/chunks.ts';
import { listSearchRecords } from '../../scripts/lib/search/records.ts';
import { loadSampleRecords } from '../support/records.ts';
import { readFileSync } from 'node:fs';
import { extractReport } from '../../src/lib/extract/extract-report.ts';
import { EXTRACTOR_NOTE } from '../../src/lib/extract/formats/crawled.ts';
import { readReportText } from '../../src/lib/extract/formats/formats.ts';

describe('readRecordFileName and groupByAgency', () => {
  it('reads the report id and agency slug from a record file name, and nothing from other files', () => {
    expect(readRecordFileName('zaozhuangshi-xingzheng-shenpi-fuwuju-2024.json')).toEqual({ id: 'zaozhuangshi-xingzheng-shenpi-fuwuju-2024', slug: 'zaozhuangshi-xingzheng-shenpi-fuwuju' });
    // A slug that ends in digits keeps them: the year is the last four.
    expect(readRecordFileName('a-2019-2020.json')).toEqual({ id: 'a-2019-2020', slug: 'a-2019' });
    for (const n of ['manifest.json', 'a-2024.json.tmp', 'a-24.json', '.a-2024.txt']) expect(readRecordFileName(n), n).toBeNull();
  });

  it('groups ids by agency, agencies and ids sorted, each id once', () => {
    const ids = ['b-2024', 'a-2020', 'b-2020', 'a-2020'].map((n) => readRecordFileName(`${n}.json`)!);
    expect(groupByAgency(ids)).toEqual([{ slug: 'a', ids: ['a-2020'] }, { slug: 'b', ids: ['b-2020', 'b-2024'] }]);
  });
});

describe('countChunks and planChunks', () => {
  it('cuts a site into the least power of two of chunks that keeps the average at most the size', () => {
    expect([countChunks(0, 1000), countChunks(1000, 1000), countChunks(1001, 1000), countChunks(4000, 1000), countChunks(4001, 1000)]).toEqual([1, 1, 2, 4, 8]);
    for (const size of [0, -1, 1.5, Number.NaN]) expect(() => countChunks(10, size)).toThrow(RangeError);
  });

  const agencies = fc.uniqueArray(fc.stringMatching(/^[a-z]{1,8}$/), { maxLength: 40 }).chain((slugs) =>
    fc.tuple(fc.constant(slugs), fc.array(fc.integer({ min: 1, max: 6 }), { minLength: slugs.length, maxLength: slugs.length })),
  ).map(([slugs, counts]) => slugs.map((slug, i) => ({ slug, ids: Array.from({ length: counts[i]! }, (_, y) => `${slug}-${2019 + y}`) })));

  it('holds every agency once, whole, in the chunk its slug names, in order of chunk number', () => {
    fc.assert(
      fc.property(agencies, fc.integer({ min: 1, max: 12 }), (list, size) => {
        const chunks = planChunks(list, size);
        const count = countChunks(list.reduce((n, a) => n + 1 + a.ids.length, 0), size);
        expect(chunks.flatMap((c) => c.agencies).map((a) => a.slug).sort()).toEqual(list.map((a) => a.slug).sort());
        for (const c of chunks) {
          expect(c.agencies.length).toBeGreaterThan(0);
          for (const a of c.agencies) expect(c.name).toBe(chunkName(chunkOfAgency(a.slug, count)));
        }
        expect(chunks.map((c) => c.name)).toEqual([...chunks.map((c) => c.name)].sort());
        expect(planChunks([...list].reverse(), size).map((c) => c.name)).toEqual(chunks.map((c) => c.name));
      }),
    );
  });

  it('changes one chunk only when an agency gains a report, while the number of chunks stays', () => {
    fc.assert(
      fc.property(agencies.filter((l) => l.length > 0), fc.nat(), (list, pick) => {
        const size = 10;
        const changed = list.map((a, i) => (i === pick % list.length ? { ...a, ids: [...a.ids, `${a.slug}-2030`] } : a));
        const pages = (l: typeof list) => l.reduce((n, a) => n + 1 + a.ids.length, 0);
        fc.pre(countChunks(pages(list), size) === countChunks(pages(changed), size));
        const before = new Map(planChunks(list, size).map((c) => [c.name, JSON.stringify(c.agencies)]));
        const after = planChunks(changed, size);
        expect(after.filter((c) => before.get(c.name) !== JSON.stringify(c.agencies))).toHaveLength(1);
      }),
    );
  });

  it('gives no chunks for no agencies', () => {
    expect(planChunks([], 1000)).toEqual([]);
  });
});

describe('listSearchRecords', () => {
  const records = loadSampleRecords().filter((r) => r.agency.slug === 'yiyuanxian-xingzheng-shenpi-fuwuju');

  it('gives the agency page, then each report page by year, with the URL and title the pages have', () => {
    const pages = listSearchRecords([...records].reverse());
    expect(pages.map((p) => [p.url, p.title])).toEqual([
      ['/agencies/yiyuanxian-xingzheng-shenpi-fuwuju/', '沂源县行政审批服务局'],
      ['/reports/yiyuanxian-xingzheng-shenpi-fuwuju-2020/', '沂源县行政审批服务局 2020 年政府信息公开工作年度报告'],
      ['/reports/yiyuanxian-xingzheng-shenpi-fuwuju-2024/', '沂源县行政审批服务局 2024 年政府信息公开工作年度报告'],
    ]);
  });

  it('holds the agency, region and prose sections of a report, not its figures', () => {
    const record = records.find((r) => r.year === 2024)!;
    const page = listSearchRecords(records).find((p) => p.url === `/reports/${record.id}/`)!;
    expect(page.content).toContain(record.agency.name);
    expect(page.content).toContain(record.agency.region.county!);
    for (const key of ['overview', 'problems', 'other'] as const) if (record.sections[key]) expect(page.content).toContain(record.sections[key]!.slice(0, 40));
    expect(page.content).not.toContain('予以公开');
  });

  it('words a note line of a crawled page in a prose section, as the page shows it, never its JSON', async () => {
    // The crawled 平潭 dump leaves its 政府集中采购 run 3147230 blank with a note line; a section that
    // ran over the table (a heading the reader missed) would hold it: put it in section 六.
    const read = await readReportText(new Uint8Array(readFileSync('test/fixtures/wild/pingtan-txt/2019_jinjing-district_80564.txt')), 'text');
    if (!read.ok) throw new Error(JSON.stringify(read.error));
    const result = extractReport(read.text, { path: 'x.txt', sha256: '0'.repeat(64), encoding: 'utf-8', format: 'text', bytes: read.text.length });
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    const note = read.text.split('\n').find((l) => l.startsWith(EXTRACTOR_NOTE))!;
    const record = { ...result.record, sections: { ...result.record.sections, other: `${result.record.sections.other ?? ''}\n${note}` } };
    const page = listSearchRecords([record]).find((p) => p.url === `/reports/${record.id}/`)!;
    expect(page.content).not.toContain('"code"');
    expect(page.content).toContain(`${EXTRACTOR_NOTE}表二「政府集中采购」的数字串「3147230」有 6 种拆法（如 3 / 147230；31 / 47230），表二没有勾稽关系可以确定，单元格为空 (null)`);
  });

  it('refuses records of more than one agency', () => {
    const two = loadSampleRecords().filter((r) => r.agency.slug !== records[0]!.agency.slug).slice(0, 1);
    expect(() => listSearchRecords([...records, ...two])).toThrow(/exactly one agency/);
  });
});

describe('helpers', () => {
  it('names chunks so that they sort in order', () => {
    expect([chunkName(0), chunkName(9), chunkName(10), chunkName(123)]).toEqual(['000', '009', '010', '123']);
  });

  it('keys a chunk by its record files, their bytes and the salt (Pagefind and search code versions)', () => {
    const files = [{ file: 'a-2020.json', digest: 'aa' }, { file: 'a-2024.json', digest: 'bb' }];
    const key = chunkKey(files, 'pagefind 1.6.0 zh-cn');
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(chunkKey(files.map((p) => ({ ...p })), 'pagefind 1.6.0 zh-cn')).toBe(key);
    expect(chunkKey([files[0]!, { ...files[1]!, digest: 'bc' }], 'pagefind 1.6.0 zh-cn')).not.toBe(key);
    expect(chunkKey([files[0]!], 'pagefind 1.6.0 zh-cn')).not.toBe(key);
    expect(chunkKey(files, 'pagefind 1.7.0 zh-cn')).not.toBe(key);
  });

  it('keys a chunk’s content by every search record’s URL, title and text, in order, and the salt', () => {
    const pages = [{ url: '/agencies/a/', title: 'A', content: '甲\n乙' }, { url: '/reports/a-2024/', title: 'A 2024', content: '丙' }];
    const key = contentKey(pages, 'pagefind 1.6.0 zh-cn');
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(contentKey(pages.map((p) => ({ ...p })), 'pagefind 1.6.0 zh-cn')).toBe(key);
    expect(contentKey([...pages].reverse(), 'pagefind 1.6.0 zh-cn')).not.toBe(key);
    expect(contentKey([pages[0]!, { ...pages[1]!, content: '丁' }], 'pagefind 1.6.0 zh-cn')).not.toBe(key);
    expect(contentKey([pages[0]!, { ...pages[1]!, title: 'A 2025' }], 'pagefind 1.6.0 zh-cn')).not.toBe(key);
    expect(contentKey([pages[0]!, { ...pages[1]!, url: '/reports/a-2025/' }], 'pagefind 1.6.0 zh-cn')).not.toBe(key);
    expect(contentKey(pages, 'pagefind 1.7.0 zh-cn')).not.toBe(key);
    // Text moved from one field or record to the next is another content.
    expect(contentKey([{ url: '/a/', title: 'x', content: 'yz' }], '')).not.toBe(contentKey([{ url: '/a/', title: 'xy', content: 'z' }], ''));
    expect(contentKey([{ url: '/a/', title: 'x', content: 'y\n' }, { url: '/b/', title: 'x', content: '' }], '')).not.toBe(contentKey([{ url: '/a/', title: 'x', content: 'y' }, { url: '\n/b/', title: 'x', content: '' }], ''));
  });
});
