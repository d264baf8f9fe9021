/**
 * The built sample site (dist/): a page per agency and per report, every internal link resolves,
 * report pages show exactly the records' figures with absent cells as —, pages stay small.
 */
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import { beforeAll, describe, expect, it } from 'vitest';
import { REQUEST_COLUMNS, REQUEST_ROWS, APPEAL_GROUPS, APPEAL_OUTCOMES } from '../../src/lib/template.ts';
import type { ReportRecord } from '../../src/lib/schema/report.ts';
import { DATA, DIST, ensureDefaultBuild, listHtml, loadBuiltRecords } from '../support/site.ts';
import { describeReportFindings } from '../../src/lib/findings/describe.ts';

let pages: string[];
let records: ReportRecord[];
const docs = new Map<string, Document>();

/** Returns the parsed page at a path relative to dist/. */
function page(rel: string): Document {
  let doc = docs.get(rel);
  if (!doc) {
    doc = parseHTML(readFileSync(path.join(DIST, rel), 'utf8')).document as unknown as Document;
    docs.set(rel, doc);
  }
  return doc;
}

beforeAll(() => {
  ensureDefaultBuild();
  pages = listHtml(DIST);
  records = loadBuiltRecords();
});

describe('pages', () => {
  it('has a page per agency (4) and per report (5)', () => {
    expect(pages.filter((p) => /^agencies\/[^/]+\/index\.html$/.test(p))).toHaveLength(4);
    expect(pages.filter((p) => /^en\/agencies\/[^/]+\/index\.html$/.test(p))).toHaveLength(4);
    expect(pages.filter((p) => /^en\/reports\/[^/]+\/index\.html$/.test(p))).toHaveLength(5);
    expect(pages.filter((p) => /^reports\/[^/]+\/index\.html$/.test(p)).sort()).toEqual(records.map((r) => `reports/${r.id}/index.html`).sort());
    for (const p of ['index.html', 'agencies/index.html', 'compare/index.html', 'quality/index.html', 'about/index.html', 'search/index.html', '404.html']) {
      expect(pages, p).toContain(p);
    }
  });

  it('marks every page with its language and a title', () => {
    for (const p of pages) {
      const doc = page(p);
      expect(doc.documentElement.getAttribute('lang'), p).toBe(p.startsWith('en/') ? 'en' : 'zh-CN');
      expect(doc.title.length, p).toBeGreaterThan(0);
    }
  });

  it('keeps every page under 200 KB of HTML', () => {
    for (const p of pages) expect(statSync(path.join(DIST, p)).size, p).toBeLessThan(200 * 1024);
  });

});

describe('a site without an address (NIANBAO_SITE unset)', () => {
  it('names no placeholder domain in any file', () => {
    const files = (readdirSync(DIST, { recursive: true }) as string[]).filter((f) => statSync(path.join(DIST, f)).isFile());
    expect(files.length).toBeGreaterThan(100);
    expect(files.filter((f) => readFileSync(path.join(DIST, f)).includes('example.org'))).toEqual([]);
  });

  it('has no sitemap, and no canonical or alternate link nor a link to a sitemap on any page', () => {
    expect(existsSync(path.join(DIST, 'sitemap.xml'))).toBe(false);
    for (const p of pages) {
      const doc = page(p);
      // The Atom feeds' alternate links are paths, valid without an address; the other-language alternate is not.
      expect(doc.querySelector('link[rel="canonical"], link[rel="alternate"]:not([type="application/atom+xml"]), a[href$="sitemap.xml"]'), p).toBeNull();
    }
  });

  it('gives relative links in the API and no URL in the dataset citation', () => {
    const index = JSON.parse(readFileSync(path.join(DIST, 'api/index.json'), 'utf8')) as { reports: { links: { page: string; pageUrl: string | null } }[]; downloads: Record<string, string> };
    expect(index.reports.map((r) => r.links.pageUrl)).toEqual(records.map(() => null));
    expect(index.reports[0]!.links.page).toMatch(/^\/reports\/[^/]+\/$/);
    expect(index.downloads['nianbao.json']).toBe('/data/nianbao.json');
    const data = JSON.parse(readFileSync(path.join(DIST, 'data/nianbao.json'), 'utf8')) as { builtOn: string; citation: { zh: string } };
    expect(data.citation.zh).toBe(`年报观察：政府信息公开工作年度报告数据集（年报观察），数据版本 ${data.builtOn}`);
  });
});

describe('links', () => {
  it('resolves every internal link and anchor', () => {
    const broken: string[] = [];
    for (const p of pages) {
      const doc = page(p);
      for (const a of doc.querySelectorAll('a[href], link[href], script[src]')) {
        const ref = a.getAttribute('href') ?? a.getAttribute('src')!;
        if (/^(https?:|mailto:)/.test(ref)) continue;
        const url = new URL(ref, `http://x/${p.replace(/index\.html$/, '')}`);
        const rel = decodeURIComponent(url.pathname).replace(/^\//, '');
        const target = rel === '' || rel.endsWith('/') ? `${rel}index.html` : rel;
        if (!existsSync(path.join(DIST, target))) {
          broken.push(`${p} → ${ref}`);
          continue;
        }
        if (url.hash && target.endsWith('.html')) {
          const id = decodeURIComponent(url.hash.slice(1));
          if (!page(target).getElementById(id)) broken.push(`${p} → ${ref} (no #${id})`);
        }
      }
    }
    expect(broken).toEqual([]);
  });
});

describe('report pages', () => {
  it('show exactly the records’ figures in both languages, absent cells as —', () => {
    for (const record of records) {
      for (const prefix of ['', 'en/']) checkReportFigures(record, page(`${prefix}reports/${record.id}/index.html`), prefix === 'en/');
    }
  });

  it('link each language to the other', () => {
    const zh = page('reports/yiyuanxian-renminzhengfu-2023/index.html');
    expect(zh.querySelector('.lang-switch a[hreflang="en"]')!.getAttribute('href')).toBe('/en/reports/yiyuanxian-renminzhengfu-2023/');
    const en = page('en/reports/yiyuanxian-renminzhengfu-2023/index.html');
    expect(en.querySelector('.lang-switch a[hreflang="zh-CN"]')!.getAttribute('href')).toBe('/reports/yiyuanxian-renminzhengfu-2023/');
    expect(en.querySelector('h1')!.textContent).toContain('Yiyuan County People’s Government');
    expect(en.querySelector('#table-requests tbody tr:not(.group) th')!.textContent).toBe('New requests received this year 一、本年新收政府信息公开申请数量');
  });
});

/** Asserts that a report page's tables B and C hold exactly the record's figures. */
function checkReportFigures(record: ReportRecord, doc: Document, english: boolean): void {
  {
    {
      const rows = REQUEST_ROWS.filter((r) => r.editions.includes(record.template));
      const bodyRows = [...doc.querySelectorAll('#table-requests tbody tr:not(.group)')];
      expect(bodyRows.map((tr) => tr.querySelector('th')!.textContent)).toEqual(rows.map((r) => (english ? `${r.en} ${r.zh}` : r.zh)));
      bodyRows.forEach((tr, i) => {
        const cells = [...tr.querySelectorAll('td')];
        REQUEST_COLUMNS.forEach((col, j) => {
          const value = record.requests[rows[i]!.key][col];
          const cell = cells[j]!;
          if (value === null) {
            expect(cell.textContent!.trim(), `${record.id} ${rows[i]!.key}.${col}`).toBe('—');
            expect(cell.getAttribute('data-value')).toBe('');
          } else {
            expect(Number(cell.getAttribute('data-value')), `${record.id} ${rows[i]!.key}.${col}`).toBe(value);
            expect(cell.textContent!.trim().replace(/,/g, '')).toBe(String(value));
          }
        });
      });
      const appealCells = [...doc.querySelectorAll('#table-appeals tbody td')];
      expect(appealCells.map((td) => td.getAttribute('data-value'))).toEqual(
        APPEAL_GROUPS.flatMap((g) => APPEAL_OUTCOMES.map((o) => (record.appeals[g][o] === null ? '' : String(record.appeals[g][o])))),
      );
    }
  }
}

describe('report page details', () => {
  it('links each figure to its source line, which holds the figure', () => {
    const record = records.find((r) => r.id === 'zaozhuangshi-xingzheng-shenpi-fuwuju-2024')!;
    const doc = page(`reports/${record.id}/index.html`);
    const link = doc.querySelector('#table-requests tbody tr:not(.group) td a')!;
    const line = doc.getElementById(link.getAttribute('href')!.slice(1))!;
    expect(line.textContent).toContain('一、本年新收政府信息公开申请数量\t9');
  });

  it('004: the five blank review cells are absent, the litigation figures follow', () => {
    const doc = page('reports/zaozhuangshi-xingzheng-shenpi-fuwuju-2024/index.html');
    const review = [...doc.querySelectorAll('#table-appeals tbody tr')][0]!;
    expect([...review.querySelectorAll('td')].map((td) => td.textContent!.trim())).toEqual(['—', '—', '—', '—', '—']);
    const direct = [...doc.querySelectorAll('#table-appeals tbody tr')][1]!;
    expect([...direct.querySelectorAll('td')].map((td) => td.textContent!.trim())).toEqual(['1', '0', '0', '0', '1']);
  });

  it('index for search the prose and findings, not the figures and template labels', () => {
    const doc = page('reports/yiyuanxian-renminzhengfu-2023/index.html');
    const body = doc.querySelector('[data-pagefind-body]')!;
    for (const id of ['table-proactive', 'table-requests', 'table-appeals', 'checks']) {
      const el = body.querySelector(`#${id}`)!;
      expect(el.closest('[data-pagefind-ignore]'), id).not.toBeNull();
    }
    for (const id of ['findings', 'overview', 'problems', 'other']) expect(body.querySelector(`#${id}`)!.closest('[data-pagefind-ignore]'), id).toBeNull();
    expect(doc.querySelector('#source-heading')!.closest('[data-pagefind-ignore]')).not.toBeNull();
  });

  it('003 (cut off, no table C) says so and shows no zeros for what it lacks', () => {
    const doc = page('reports/yiyuanxian-xingzheng-shenpi-fuwuju-2020/index.html');
    expect(doc.querySelector('.note')!.textContent).toContain('表格在「4.保护第三方合法权益」之后截断');
    const total = [...doc.querySelectorAll('#table-requests tbody tr')].find((tr) => tr.querySelector('th')!.textContent === '（七）总计')!;
    expect([...total.querySelectorAll('td')].every((td) => td.textContent!.trim() === '—')).toBe(true);
  });
});

describe('charts', () => {
  it('render as inline SVG with a label, a description and a data table', () => {
    for (const p of ['index.html', 'compare/index.html', 'agencies/taishanqu-xingzheng-shenpi-fuwuju/index.html']) {
      const figures = [...page(p).querySelectorAll('figure.chart')];
      expect(figures.length, p).toBeGreaterThan(0);
      for (const f of figures) {
        const svg = f.querySelector('.plot svg[aria-label]');
        expect(svg, `${p} ${f.id}`).not.toBeNull();
        expect(f.querySelector('figcaption .desc')!.textContent!.length).toBeGreaterThan(0);
        expect(f.querySelector('details table tbody tr'), `${p} ${f.id}`).not.toBeNull();
        expect([...f.querySelectorAll('.source')].some((s) => /^来源：/.test(s.textContent!)), `${p} ${f.id}`).toBe(true);
      }
    }
  });

  it('take each agency chart from the chart stage’s store: every stored SVG is on its agency’s pages', () => {
    const store = path.join(DATA, 'charts');
    const agencies = pages.filter((p) => /^agencies\/[^/]+\/index\.html$/.test(p)).map((p) => p.split('/')[1]!);
    expect(readdirSync(store).filter((f) => !f.startsWith('.')).sort()).toEqual(agencies.map((slug) => `${slug}.json`).sort());
    for (const slug of agencies) {
      const stored = Object.values(JSON.parse(readFileSync(path.join(store, `${slug}.json`), 'utf8')) as Record<string, string>);
      const html = ['agencies', 'en/agencies'].map((dir) => readFileSync(path.join(DIST, dir, slug, 'index.html'), 'utf8')).join('');
      const embedsIn = (dir: string) => ['requests', 'dispositions', 'applicants', 'appeals'].map((chart) => readFileSync(path.join(DIST, dir, slug, chart, 'index.html'), 'utf8')).join('');
      expect(stored.length, slug).toBeGreaterThan(0);
      for (const svg of stored) expect(html.includes(svg), slug).toBe(true);
      // Each language's embeds show its drawings: half of the stored ones, both halves together.
      const [zh, en] = [embedsIn('embed/agencies'), embedsIn('en/embed/agencies')];
      expect(stored.filter((svg) => zh.includes(svg)).length, slug).toBe(stored.length / 2);
      expect(stored.filter((svg) => en.includes(svg)).length, slug).toBe(stored.length / 2);
      expect(stored.filter((svg) => zh.includes(svg) || en.includes(svg)).length, slug).toBe(stored.length);
    }
  });

  it('marks the figure read from prose on the home chart', () => {
    const home = page('index.html');
    expect(home.querySelector('#home-requests')!.textContent).toContain('空心点');
    expect(home.querySelector('#home-requests g[data-mark="dot"][fill="white"] circle title')!.textContent).toBe('沂源县行政审批服务局 2024年：1（来自正文，非表格）');
  });
});

describe('embeds and citations', () => {
  it('renders each agency chart alone on its embed page, linking back', () => {
    const embeds = pages.filter((p) => p.startsWith('embed/agencies/'));
    expect(embeds).toHaveLength(4 * 4);
    expect(pages.filter((p) => p.startsWith('en/embed/agencies/'))).toHaveLength(4 * 4);
    const doc = page('embed/agencies/zaozhuangshi-xingzheng-shenpi-fuwuju/dispositions/index.html');
    expect(doc.querySelectorAll('figure.chart')).toHaveLength(1);
    expect(doc.querySelector('header, nav')).toBeNull();
    expect(doc.querySelector('meta[name="robots"]')!.getAttribute('content')).toBe('noindex');
    expect(doc.querySelector('a[target="_top"]')!.getAttribute('href')).toBe('/agencies/zaozhuangshi-xingzheng-shenpi-fuwuju/#chart-dispositions');
    expect(pages).toContain('embed/compare/series/index.html');
  });

  it('renders the English embeds in English, linking back to the English pages', () => {
    const doc = page('en/embed/agencies/zaozhuangshi-xingzheng-shenpi-fuwuju/dispositions/index.html');
    expect(doc.documentElement.getAttribute('lang')).toBe('en');
    expect(doc.querySelector('a[target="_top"]')!.getAttribute('href')).toBe('/en/agencies/zaozhuangshi-xingzheng-shenpi-fuwuju/#chart-dispositions');
    expect(doc.querySelector('a[target="_top"]')!.textContent).toBe('All data of 枣庄市行政审批服务局 · Nianbao');
    const compare = page('en/embed/compare/ranking/index.html');
    expect(compare.querySelector('a[target="_top"]')!.getAttribute('href')).toBe('/en/compare/#compare-ranking');
    const english = page('en/agencies/zaozhuangshi-xingzheng-shenpi-fuwuju/index.html');
    expect(english.querySelector('#chart-requests details.cite code')!.getAttribute('data-site-path')).toBe('/en/embed/agencies/zaozhuangshi-xingzheng-shenpi-fuwuju/requests/');
  });

  it('offers iframe code and a citation with source, the page’s path (completed by the chart script) and build date under each agency chart', () => {
    const doc = page('agencies/zaozhuangshi-xingzheng-shenpi-fuwuju/index.html');
    const cite = doc.querySelector('#chart-requests details.cite')!;
    const q = cite.querySelector('q')!;
    expect(q.textContent).toMatch(/^枣庄市行政审批服务局，每年新收政府信息公开申请。.+表三第一行.+。年报观察，\/agencies\/zaozhuangshi-xingzheng-shenpi-fuwuju\/#chart-requests，数据构建于 \d{4}-\d{2}-\d{2}。$/);
    expect(q.getAttribute('data-site-path')).toBe('/agencies/zaozhuangshi-xingzheng-shenpi-fuwuju/#chart-requests');
    const code = cite.querySelector('code')!;
    expect(code.textContent).toMatch(/^<iframe src="\/embed\/agencies\/zaozhuangshi-xingzheng-shenpi-fuwuju\/requests\/"/);
    expect(code.getAttribute('data-site-path')).toBe('/embed/agencies/zaozhuangshi-xingzheng-shenpi-fuwuju/requests/');
  });
});

describe('findings on report pages', () => {
  it('shows the boilerplate score of 沂源县行政审批服务局 2024 against its 2020 report', () => {
    const current = records.find((r) => r.id === 'yiyuanxian-xingzheng-shenpi-fuwuju-2024')!;
    const previous = records.find((r) => r.id === 'yiyuanxian-xingzheng-shenpi-fuwuju-2020')!;
    const b = describeReportFindings(current, previous).boilerplate!;
    const text = page(`reports/${current.id}/index.html`).querySelector('#findings + dl')!.textContent!.replace(/\s+/g, '');
    expect(text).toContain(`与2020年报告相比：句子重复${b.reusedSentences}/${b.sentences}`);
    expect(text).toContain(`五字片段重复${b.reusedNgrams}/${b.ngrams}`);
  });

  it('flags the 2020 report’s signature date, printed before its year ended', () => {
    const text = page('reports/yiyuanxian-xingzheng-shenpi-fuwuju-2020/index.html').querySelector('#findings + dl')!.textContent!;
    expect(text).toContain('日期存疑');
    expect(text).toContain('2020-01-27');
  });
});

