/**
 * The sample site in headless Chromium (Debian's /usr/bin/chromium via playwright-core): pages load
 * without console errors, pass an axe-core scan (no serious or critical violations), the compare
 * picker keeps its choice in the URL across a reload, and Chinese search works (also with the index cut
 * into chunks of 2 pages, merged at query time, and with a chunk's fragments in groups of pages). Screenshots at phone
 * and desktop widths go to test-results/screenshots/.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveStatic } from '../support/static-server.ts';
import { DATA, DIST, childEnv, ensureDefaultBuild } from '../support/site.ts';
import { groupByAgency, planChunks, readRecordFileName } from '../../scripts/lib/search/chunks.ts';
import { titleOfReport } from '../../scripts/lib/search/records.ts';
import { formatAtomFeed, nameUuid } from '../../src/lib/feed/atom.ts';
import type { ReportRecord } from '../../src/lib/schema/report.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SHOTS = 'test-results/screenshots';
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let browser: Browser;
let origin: string;
let closeServer: () => Promise<void>;

beforeAll(async () => {
  ensureDefaultBuild();
  mkdirSync(SHOTS, { recursive: true });
  ({ origin, close: closeServer } = await serveStatic(DIST));
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
});

afterAll(async () => {
  await browser?.close();
  await closeServer?.();
});

/** Opens a page at a viewport width (on the sample site unless another origin is given), collecting console errors and failed requests. */
async function open(path: string, width = 1280, at = origin): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width, height: 900 }, acceptDownloads: true });
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('requestfailed', (r) => {
    // A reload or navigation cancels requests still in flight; that is not a failure of the site.
    if (r.failure()?.errorText !== 'net::ERR_ABORTED') errors.push(`request failed: ${r.url()} ${r.failure()?.errorText}`);
  });
  await page.goto(at + path, { waitUntil: 'networkidle' });
  return { page, errors };
}

/** Returns axe-core violations of impact serious or critical. */
async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: AXE });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}): ${v.targets.join(', ')}`);
}

const PAGES = [
  ['home', '/'],
  ['agencies', '/agencies/'],
  ['agency', '/agencies/yiyuanxian-xingzheng-shenpi-fuwuju/'],
  ['report', '/reports/zaozhuangshi-xingzheng-shenpi-fuwuju-2024/'],
  ['compare', '/compare/'],
  ['quality', '/quality/'],
  ['about', '/about/'],
  ['findings', '/findings/'],
  ['data', '/data/'],
  ['review', '/review/'],
  ['en-home', '/en/'],
  ['en-report', '/en/reports/yiyuanxian-xingzheng-shenpi-fuwuju-2020/'],
  ['en-agency', '/en/agencies/zaozhuangshi-xingzheng-shenpi-fuwuju/'],
  ['en-compare', '/en/compare/'],
] as const;

describe.each(PAGES)('%s page', (name, path) => {
  it('loads without console errors, passes axe, and is screenshotted at phone and desktop widths', async () => {
    for (const [label, width] of [['phone', 390], ['desktop', 1280]] as const) {
      const { page, errors } = await open(path, width);
      await page.screenshot({ path: `${SHOTS}/${name}-${label}.png`, fullPage: true });
      expect(errors, `${path} at ${width}px`).toEqual([]);
      if (label === 'desktop') expect(await seriousViolations(page), path).toEqual([]);
      // Nothing wider than the viewport but scrollable tables and charts.
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `${path} horizontal overflow at ${width}px`).toBeLessThanOrEqual(0);
      await page.close();
    }
  });
});

describe('phone layout (390 px)', () => {
  it.each([
    ['report', '/reports/zaozhuangshi-xingzheng-shenpi-fuwuju-2024/'],
    ['agency', '/agencies/yiyuanxian-xingzheng-shenpi-fuwuju/'],
  ])('%s page: wide tables scroll with the row labels in view, labels keep their width, charts fit', async (_name, path) => {
    const { page, errors } = await open(path, 390);
    const tables = await page.evaluate(() =>
      [...document.querySelectorAll('.table-scroll')]
        .filter((w) => w.scrollWidth > w.clientWidth && w.querySelector('tbody tr > th[scope="row"]:first-child'))
        .map((w) => {
          const label = w.querySelector('tbody tr > th[scope="row"]:first-child') as HTMLElement;
          w.scrollLeft = w.scrollWidth;
          // Scrolled to its end, the table's first column still starts at the wrapper's left edge.
          const offset = label.getBoundingClientRect().left - w.getBoundingClientRect().left;
          w.scrollLeft = 0;
          return { label: label.textContent!.trim(), offset, background: getComputedStyle(label).backgroundColor };
        }),
    );
    expect(tables.length, path).toBeGreaterThan(0);
    for (const t of tables) {
      expect(Math.abs(t.offset), t.label).toBeLessThanOrEqual(1);
      expect(t.background, t.label).not.toBe('rgba(0, 0, 0, 0)');
    }
    // No label is squeezed to a character or two a line (tables in closed <details> are not laid out).
    // Layout widths are whole 64ths of a pixel: a label at exactly its 4em minimum may measure a
    // fraction of one less (58.875 px for 4 × 14.72 px), which is not squeezing.
    const narrow = await page.evaluate(() =>
      [...document.querySelectorAll('.table-scroll th')]
        .filter((th) => th.checkVisibility() && th.textContent!.trim().length > 3 && th.getBoundingClientRect().width < 4 * parseFloat(getComputedStyle(th).fontSize) - 1 / 64)
        .map((th) => th.textContent!.trim()),
    );
    expect(narrow, path).toEqual([]);
    const charts = await page.evaluate(() => [...document.querySelectorAll('figure.chart .plot svg[role="img"]')].map((svg) => [Math.round(svg.getBoundingClientRect().width), svg.closest('figure.chart')!.clientWidth]));
    for (const [width, column] of charts) expect(width).toBe(column);
    if (path.startsWith('/agencies/')) expect(charts.length).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('feeds', () => {
  /** Returns what the browser's strict XML parser makes of a text: parse errors, entry count and entry titles. */
  const parseInBrowser = (page: Page, xml: string) =>
    page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'application/xml');
      const atom = 'http://www.w3.org/2005/Atom';
      return {
        errors: [...doc.getElementsByTagName('parsererror')].map((e) => e.textContent),
        root: doc.documentElement.namespaceURI,
        titles: [...doc.getElementsByTagNameNS(atom, 'entry')].map((e) => e.getElementsByTagNameNS(atom, 'title')[0]?.textContent ?? null),
        scripts: doc.getElementsByTagName('script').length,
      };
    }, xml);

  it('are well-formed XML to the browser’s strict parser, the built ones and one of hostile text', async () => {
    const { page, errors } = await open('/data/');
    for (const f of ['/feed/reports.xml', '/feed/findings.xml']) {
      const response = await page.request.get(origin + f);
      expect(response.ok(), f).toBe(true);
      const parsed = await parseInBrowser(page, await response.text());
      expect(parsed.errors, f).toEqual([]);
      expect(parsed.root, f).toBe('http://www.w3.org/2005/Atom');
      expect(parsed.titles.length, f).toBeGreaterThan(0);
    }
    const hostile = '<script>alert(1)</script> & 某局\f\uD800';
    const xml = formatAtomFeed({
      id: nameUuid('x'), title: hostile, updated: '2025-01-02T00:00:00Z', lang: 'zh-CN', author: hostile, self: '/feed/x.xml', alternate: '/',
      entries: [{ id: nameUuid('y'), title: hostile, link: '/?a=1&b=<2>', updated: '2025-01-02T00:00:00Z', summary: hostile }],
    });
    const parsed = await parseInBrowser(page, xml);
    expect(parsed.errors).toEqual([]);
    expect(parsed.titles).toEqual(['<script>alert(1)</script> & 某局\uFFFD\uFFFD']);
    expect(parsed.scripts).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('report page', () => {
  it('shows the figures of 004 as read from the report', async () => {
    const { page } = await open('/reports/zaozhuangshi-xingzheng-shenpi-fuwuju-2024/');
    const firstRow = await page.locator('#table-requests tbody tr').first().locator('td').allTextContents();
    expect(firstRow.map((t) => t.trim())).toEqual(['9', '0', '0', '0', '0', '0', '9']);
    await page.locator('#table-requests tbody tr').first().locator('td a').first().click();
    expect(new URL(page.url()).hash).toMatch(/^#L\d+$/);
    await page.close();
  });

  it('names a figure’s row, column and source line when pointed at, with no title in the page as built', async () => {
    const { page, errors } = await open('/reports/zaozhuangshi-xingzheng-shenpi-fuwuju-2024/');
    expect(await page.locator('td[data-value][title]').count()).toBe(0);
    const cell = page.locator('#table-requests tbody tr').first().locator('td').first();
    const line = (await cell.locator('a').getAttribute('href'))!.slice(2);
    await cell.hover();
    expect(await cell.getAttribute('title')).toBe(`一、本年新收政府信息公开申请数量·自然人 (原文第 ${line} 行)`);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('chart tools', () => {
  it('adds data, picture and link tools to every chart, and the CSV holds the table', async () => {
    const { page, errors } = await open('/agencies/taishanqu-xingzheng-shenpi-fuwuju/');
    const tools = page.locator('#chart-requests .chart-tools button');
    expect(await tools.allTextContents()).toEqual(['下载数据 CSV', '下载 SVG', '下载 PNG', '复制链接']);
    const [csv] = await Promise.all([page.waitForEvent('download'), tools.nth(0).click()]);
    const text = readFileSync((await csv.path())!, 'utf8');
    expect(text).toBe('\uFEFF年度,新收申请（件）,来源\r\n2024年,28,表三\r\n');
    const [png] = await Promise.all([page.waitForEvent('download'), tools.nth(2).click()]);
    expect(png.suggestedFilename()).toBe('chart-requests.png');
    expect(readFileSync((await png.path())!).subarray(1, 4).toString()).toBe('PNG');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('completes the citation and the iframe code of a site without an address with the address the page is read at', async () => {
    const { page, errors } = await open('/agencies/taishanqu-xingzheng-shenpi-fuwuju/');
    const cite = page.locator('#chart-requests details.cite');
    expect(await cite.locator('q').textContent()).toContain(`，${origin}/agencies/taishanqu-xingzheng-shenpi-fuwuju/#chart-requests，`);
    expect(await cite.locator('code').textContent()).toMatch(new RegExp(`^<iframe src="${origin}/embed/agencies/taishanqu-xingzheng-shenpi-fuwuju/requests/"`));
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('compare picker', () => {
  it('keeps the chosen agencies, year and measure in the URL across a reload', async () => {
    const { page, errors } = await open('/compare/');
    await page.waitForSelector('html[data-compare-ready]', { timeout: 60_000 });
    const boxes = page.locator('#compare-controls input[name="a"]');
    // Choose exactly two agencies: 沂源县人民政府 and 枣庄市行政审批服务局.
    for (const box of await boxes.all()) await box.uncheck();
    await page.locator('#compare-controls input[value="yiyuanxian-renminzhengfu"]').check();
    await page.locator('#compare-controls input[value="zaozhuangshi-xingzheng-shenpi-fuwuju"]').check();
    await page.selectOption('#compare-controls select[name="m"]', 'handled');
    const url = new URL(page.url());
    expect(url.searchParams.get('a')).toBe('yiyuanxian-renminzhengfu,zaozhuangshi-xingzheng-shenpi-fuwuju');
    expect(url.searchParams.get('m')).toBe('handled');
    const tableRows = async () =>
      page.locator('#compare-series tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent!.trim()).join(' ')));
    // 办理总计: 沂源县人民政府 2023 → 103; 枣庄市行政审批服务局 2024 → 9.
    expect(await tableRows()).toEqual(['枣庄市行政审批服务局 2024 9', '沂源县人民政府 2023 103']);

    await page.reload({ waitUntil: 'networkidle' });
    await page.waitForSelector('html[data-compare-ready]', { timeout: 60_000 });
    expect(await page.locator('#compare-controls input[name="a"]:checked').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value))).toEqual([
      'yiyuanxian-renminzhengfu',
      'zaozhuangshi-xingzheng-shenpi-fuwuju',
    ]);
    expect(await page.locator('#compare-controls select[name="m"]').inputValue()).toBe('handled');
    expect(await tableRows()).toEqual(['枣庄市行政审批服务局 2024 9', '沂源县人民政府 2023 103']);
    expect(await page.locator('#compare-series .title').textContent()).toBe('每年办理总计');
    expect(errors).toEqual([]);
    await page.close();
  });
});

/**
 * Searches through the search page's own UI, pressing “load more” until every result shows; returns
 * the result pages and the number of results the UI announces.
 */
async function searchAll(at: string, path: string, term: string): Promise<{ links: string[]; count: number; errors: string[] }> {
  const { page, errors } = await open(`${path}?q=${encodeURIComponent(term)}`, 1280, at);
  // The message reads “N results” once the search (over every chunk) is done.
  await page.waitForFunction(() => /\d/.test(document.querySelector('.pagefind-ui__message')?.textContent ?? ''), null, { timeout: 15_000 });
  const count = Number(/\d+/.exec((await page.locator('.pagefind-ui__message').textContent()) ?? '')![0]);
  // Pagefind may redraw the list (back to the first page of results) while it loads: poll.
  const shown = async () => new Set(await page.locator('.pagefind-ui__result-link').evaluateAll((els) => els.map((e) => new URL((e as HTMLAnchorElement).href).pathname)));
  let links = await shown();
  for (const deadline = Date.now() + 30_000; links.size < count && Date.now() < deadline; links = await shown()) {
    const more = page.locator('.pagefind-ui__button');
    if (await more.isVisible()) await more.click().catch(() => undefined);
    await page.waitForTimeout(200);
  }
  await page.close();
  return { links: [...links], count, errors };
}

const 行政审批_REPORTS = ['yiyuanxian-xingzheng-shenpi-fuwuju-2024', 'yiyuanxian-xingzheng-shenpi-fuwuju-2020', 'taishanqu-xingzheng-shenpi-fuwuju-2024', 'zaozhuangshi-xingzheng-shenpi-fuwuju-2024'];

describe('search', () => {
  it('finds the 行政审批服务局 reports for the Chinese query 行政审批', async () => {
    const { links, count, errors } = await searchAll(origin, '/search/', '行政审批');
    for (const id of 行政审批_REPORTS) expect(links, JSON.stringify(links)).toContain(`/reports/${id}/`);
    expect(links).toHaveLength(count);
    // Only the Chinese report and agency pages are indexed.
    for (const link of links) expect(link, link).toMatch(/^\/(reports|agencies)\/[^/]+\/$/);
    expect(errors).toEqual([]);
  });

  it('finds them from the English search page too', async () => {
    const { links, errors } = await searchAll(origin, '/en/search/', '行政审批');
    for (const id of 行政审批_REPORTS) expect(links, JSON.stringify(links)).toContain(`/reports/${id}/`);
    expect(errors).toEqual([]);
  });

  describe('with the index in chunks of 2 pages (NIANBAO_SEARCH_CHUNK=2), merged at query time', () => {
    let chunked: { origin: string; close: () => Promise<void> };
    let chunkOf: Map<string, string>;

    beforeAll(async () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'nianbao-search-chunks-'));
      cpSync(DIST, dir, { recursive: true, filter: (src) => path.relative(DIST, src) !== 'pagefind' });
      execFileSync('node', ['scripts/search-index.ts'], { env: childEnv({ NIANBAO_OUT: dir, NIANBAO_SEARCH_CHUNK: '2' }), stdio: 'inherit' });
      const list = JSON.parse(readFileSync(path.join(dir, 'pagefind/chunks.json'), 'utf8')) as { chunks: string[] };
      // The same cut the script made, from the record files: page → its chunk's folder.
      const cut = planChunks(groupByAgency(readdirSync(path.join(DATA, 'reports')).flatMap((n) => readRecordFileName(n) ?? [])), 2);
      expect(list.chunks).toEqual(cut.map((c) => `${c.name}/`));
      chunkOf = new Map(cut.flatMap((c) => c.agencies.flatMap((a) => [[`/agencies/${a.slug}/`, c.name], ...a.ids.map((id) => [`/reports/${id}/`, c.name] as const)] as const)));
      chunked = await serveStatic(dir);
    });

    afterAll(async () => {
      await chunked?.close();
    });

    it('still finds every 行政审批服务局 report, from several chunks', async () => {
      const { links, count, errors } = await searchAll(chunked.origin, '/search/', '行政审批');
      for (const id of 行政审批_REPORTS) expect(links, JSON.stringify(links)).toContain(`/reports/${id}/`);
      expect(links).toHaveLength(count);
      expect(new Set(links.map((l) => chunkOf.get(l))).size).toBeGreaterThan(2);
      // The same results as from the single index.
      expect([...links].sort()).toEqual([...(await searchAll(origin, '/search/', '行政审批')).links].sort());
      expect(errors).toEqual([]);
      const en = await searchAll(chunked.origin, '/en/search/', '行政审批');
      expect([...en.links].sort()).toEqual([...links].sort());
      expect(en.errors).toEqual([]);
    });
  });

  describe('with a chunk of more pages than its fragment files (Pagefind’s maxFragments: each file a group of pages)', () => {
    /** Copies of the sample agencies in the grouped index, each under a slug of its own. */
    const COPIES = 8;
    let grouped: { origin: string; close: () => Promise<void> };
    let dir: string;
    /** Each copy's pages and their titles (the report page's heading, the agency's name). */
    const titles = new Map<string, string>();

    beforeAll(async () => {
      dir = mkdtempSync(path.join(tmpdir(), 'nianbao-search-groups-'));
      cpSync(DIST, path.join(dir, 'site'), { recursive: true, filter: (src) => path.relative(DIST, src) !== 'pagefind' });
      mkdirSync(path.join(dir, 'data', 'reports'), { recursive: true });
      for (const name of readdirSync(path.join(DATA, 'reports')).filter((n) => n.endsWith('.json'))) {
        const record = JSON.parse(readFileSync(path.join(DATA, 'reports', name), 'utf8')) as ReportRecord;
        for (let i = 0; i < COPIES; i++) {
          const slug = `${record.agency.slug}-copy${i}`;
          const copy = { ...record, id: `${slug}-${record.year}`, agency: { ...record.agency, slug } };
          writeFileSync(path.join(dir, 'data', 'reports', `${copy.id}.json`), JSON.stringify(copy));
          titles.set(`/reports/${copy.id}/`, titleOfReport(copy));
          titles.set(`/agencies/${slug}/`, record.agency.name);
        }
      }
      const env = childEnv({ NIANBAO_DATA: path.join(dir, 'data'), NIANBAO_OUT: path.join(dir, 'site'), NIANBAO_ASTRO_CACHE: path.join(dir, 'cache'), NIANBAO_SEARCH_CHUNK: '1000' });
      execFileSync('node', ['scripts/search-index.ts'], { env, stdio: 'inherit' });
      grouped = await serveStatic(path.join(dir, 'site'));
    });

    afterAll(async () => {
      await grouped?.close();
      rmSync(dir, { recursive: true, force: true });
    });

    it('finds every copy of each page the single index finds, each result with its title and text', async () => {
      const pages = titles.size;
      const fragments = readdirSync(path.join(dir, 'site', 'pagefind', '000', 'fragment'));
      // One chunk, its pages' fragments in fewer files than pages.
      expect(JSON.parse(readFileSync(path.join(dir, 'site', 'pagefind', 'chunks.json'), 'utf8'))).toEqual({ chunks: ['000/'], pages });
      expect(fragments.length).toBeLessThan(pages);
      const single = await searchAll(origin, '/search/', '行政审批');
      const { page, errors } = await open(`/search/?q=${encodeURIComponent('行政审批')}`, 1280, grouped.origin);
      await page.waitForFunction(() => /\d/.test(document.querySelector('.pagefind-ui__message')?.textContent ?? ''), null, { timeout: 15_000 });
      expect(Number(/\d+/.exec((await page.locator('.pagefind-ui__message').textContent()) ?? '')![0])).toBe(single.count * COPIES);
      await page.waitForSelector('.pagefind-ui__result-excerpt', { timeout: 15_000 });
      const results = await page.locator('.pagefind-ui__result').evaluateAll((els) =>
        els.map((e) => [new URL((e.querySelector('.pagefind-ui__result-link') as HTMLAnchorElement).href).pathname, e.querySelector('.pagefind-ui__result-link')!.textContent!.trim(), e.querySelector('.pagefind-ui__result-excerpt')?.textContent ?? ''] as const),
      );
      expect(results.length).toBeGreaterThan(0);
      for (const [link, title, excerpt] of results) {
        expect(title, link).toBe(titles.get(link));
        expect(excerpt, link).toContain('行政审批');
      }
      expect(errors).toEqual([]);
      await page.close();
    });
  });

  it('the header search box leads to results', async () => {
    const { page } = await open('/');
    await page.fill('#site-search', '枣庄');
    await page.press('#site-search', 'Enter');
    await page.waitForSelector('.pagefind-ui__result-link', { timeout: 15_000 });
    const links = await page.locator('.pagefind-ui__result-link').evaluateAll((els) => els.map((e) => new URL((e as HTMLAnchorElement).href).pathname));
    expect(links).toContain('/reports/zaozhuangshi-xingzheng-shenpi-fuwuju-2024/');
    // Each result is titled as its page's heading (the index is made from the records, not the pages).
    const results = await page.locator('.pagefind-ui__result-link').evaluateAll((els) => els.map((e) => [new URL((e as HTMLAnchorElement).href).pathname, e.textContent!.trim()] as const));
    for (const [link, title] of results) {
      const heading = /<h1[^>]*>([^<]*)<\/h1>/.exec(readFileSync(path.join(DIST, link, 'index.html'), 'utf8'))![1]!.trim();
      expect(title, link).toBe(heading);
    }
    await page.close();
  });
});
