/**
 * A second build, the way a maintainer would run it on their own corpus: at an address
 * (NIANBAO_SITE) under a sub-path (NIANBAO_BASE=/nianbao/), from a folder mixing good reports,
 * hostile report text and bad files.
 * Every good report gets its page, every bad file is listed with its reason, report text stays inert
 * text on every page, and every internal link carries the base path and resolves. It is built with
 * a record cache of one (NIANBAO_RECORD_CACHE=1), as a corpus far larger than the cache is: every
 * page reads its agency's records again.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import { beforeAll, describe, expect, it } from 'vitest';
import { listAtomProblems, readAtomFeed } from '../support/atom.ts';
import { childEnv, listHtml } from '../support/site.ts';

const BASE = '/nianbao/';
const SITE = 'https://nianbao.test';
const HOSTILE_NAME = '恶意<img src=x onerror=alert(3)>.txt';
const INJECTED = [
  '<script>alert("xss")</script>',
  '<img src=x onerror="alert(1)">',
  '[点此](javascript:alert(1)) <a href="javascript:alert(2)">链接</a>',
  "{1+1} export const x = 1; import Evil from './evil.astro' <Evil />",
].join('\n');

let root: string;
let dist: string;
let pages: string[];

beforeAll(() => {
  root = mkdtempSync(path.join(tmpdir(), 'nianbao-variant-'));
  const corpus = path.join(root, 'corpus');
  const data = path.join(root, 'data');
  dist = path.join(root, 'dist');
  execFileSync('mkdir', ['-p', corpus]);
  for (const f of ['001_b87e4db93de93761.txt', '004_e73212b8dc766644.txt']) copyFileSync(path.join('content/reports', f), path.join(corpus, f));
  const text = readFileSync('content/reports/002_1c63ee7c050fc816.txt', 'utf8');
  writeFileSync(path.join(corpus, HOSTILE_NAME), text.replace('一、总体情况\n', `一、总体情况\n${INJECTED}\n`));
  writeFileSync(path.join(corpus, 'empty.txt'), '');
  writeFileSync(path.join(corpus, 'minutes.md'), '# 会议纪要\n\n研究了办公用品采购。\n');
  writeFileSync(path.join(corpus, 'scan.pdf'), '%PDF-1.4\n');
  const env = childEnv({ NIANBAO_DATA: data, NIANBAO_OUT: dist, NIANBAO_BASE: BASE, NIANBAO_SITE: SITE, NIANBAO_RECORD_CACHE: '1' });
  execFileSync('node', ['scripts/extract.ts', '--input', corpus], { env, stdio: 'inherit' });
  execFileSync('npx', ['astro', 'build', '--silent'], { env, stdio: 'inherit' });
  execFileSync('node', ['scripts/write-downloads.ts'], { env, stdio: 'inherit' });
  execFileSync('node', ['scripts/search-index.ts'], { env, stdio: 'inherit' });
  pages = listHtml(dist);
}, 300_000);

const doc = (rel: string) => parseHTML(readFileSync(path.join(dist, rel), 'utf8')).document as unknown as Document;

describe('a mixed corpus under a sub-path', () => {
  it('has a page for every good report', () => {
    expect(pages.filter((p) => p.startsWith('reports/')).sort()).toEqual([
      'reports/taishanqu-xingzheng-shenpi-fuwuju-2024/index.html',
      'reports/yiyuanxian-renminzhengfu-2023/index.html',
      'reports/zaozhuangshi-xingzheng-shenpi-fuwuju-2024/index.html',
    ]);
  });

  it('lists every bad file with its reason on the quality page', () => {
    const rows = [...doc('quality/index.html').querySelectorAll('#files ~ .table-scroll tbody tr')].map((tr) => tr.textContent!);
    expect(rows).toHaveLength(3);
    expect(rows.find((r) => r.includes('empty.txt'))).toContain('文件为空');
    expect(rows.find((r) => r.includes('minutes.md'))).toContain('不是政府信息公开工作年度报告');
    expect(rows.find((r) => r.includes('scan.pdf'))).toContain('无法读取 PDF');
  });

  it('keeps report text inert on every page', () => {
    for (const p of pages) {
      const html = readFileSync(path.join(dist, p), 'utf8');
      expect(html, p).not.toContain('<script>alert');
      expect(html, p).not.toContain('<img src=x');
      expect(html, p).not.toContain('<Evil');
      for (const el of doc(p).querySelectorAll('*')) {
        for (const attr of el.getAttributeNames()) {
          expect(attr.startsWith('on'), `${p}: <${el.tagName.toLowerCase()} ${attr}>`).toBe(false);
        }
        const ref = el.getAttribute('href') ?? el.getAttribute('src') ?? '';
        expect(ref.trim().toLowerCase().startsWith('javascript:'), `${p}: ${ref}`).toBe(false);
      }
    }
    const report = readFileSync(path.join(dist, 'reports/yiyuanxian-renminzhengfu-2023/index.html'), 'utf8');
    expect(report).toContain('&lt;script&gt;alert(&quot;xss&quot;)&lt;/script&gt;');
    expect(report).toContain('{1+1} export const x = 1; import Evil from &#39;./evil.astro&#39; &lt;Evil /&gt;');
    expect(report).toContain('恶意&lt;img src=x onerror=alert(3)&gt;.txt');
  });

  it('writes the downloads of the good reports, citing the data folder under the base path', () => {
    const data = JSON.parse(readFileSync(path.join(dist, 'data/nianbao.json'), 'utf8')) as { count: number; records: { id: string }[]; citation: { zh: string } };
    expect(data.count).toBe(3);
    expect(data.records.map((r) => r.id)).toEqual(['taishanqu-xingzheng-shenpi-fuwuju-2024', 'yiyuanxian-renminzhengfu-2023', 'zaozhuangshi-xingzheng-shenpi-fuwuju-2024']);
    expect(data.citation.zh).toMatch(/，https:\/\/nianbao\.test\/nianbao\/data\/$/);
    const page = doc('data/index.html');
    for (const f of ['nianbao-long.csv', 'nianbao-wide-appeals.csv', 'nianbao.json', 'nianbao.sqlite']) {
      expect(page.querySelector(`a[href="${BASE}data/${f}"]`), f).not.toBeNull();
      expect(existsSync(path.join(dist, 'data', f)), f).toBe(true);
    }
  });

  it('gives every page its canonical URL at the site address, and lists the pages in the sitemap', () => {
    for (const p of pages) {
      if (p === '404.html') continue;
      const canonical = doc(p).querySelector('link[rel="canonical"]')?.getAttribute('href');
      // An embed's canonical page is the page its chart belongs to, in its language.
      if (/^(en\/)?embed\//.test(p)) expect(canonical, p).toMatch(new RegExp(`^${SITE}${BASE}${p.startsWith('en/') ? 'en/' : ''}(agencies/[^/]+/|compare/)(#[\\w-]+)?$`));
      else expect(canonical, p).toBe(`${SITE}${BASE}${p.replace(/index\.html$/, '')}`);
    }
    expect(doc('reports/yiyuanxian-renminzhengfu-2023/index.html').querySelector('link[rel="alternate"]')!.getAttribute('href')).toBe(`${SITE}${BASE}en/reports/yiyuanxian-renminzhengfu-2023/`);
    const sitemap = readFileSync(path.join(dist, 'sitemap.xml'), 'utf8');
    const locs = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
    for (const id of ['taishanqu-xingzheng-shenpi-fuwuju-2024', 'yiyuanxian-renminzhengfu-2023', 'zaozhuangshi-xingzheng-shenpi-fuwuju-2024']) expect(locs).toContain(`${SITE}${BASE}reports/${id}/`);
    expect(locs).toContain(`${SITE}${BASE}`);
    expect(locs.every((l) => l!.startsWith(`${SITE}${BASE}`))).toBe(true);
    // Every page in both languages, each with both as its alternates; the operator's review queue in neither.
    expect(locs).toContain(`${SITE}${BASE}en/reports/yiyuanxian-renminzhengfu-2023/`);
    expect(locs).toContain(`${SITE}${BASE}en/findings/`);
    expect(locs.filter((l) => l!.startsWith(`${SITE}${BASE}en/`))).toHaveLength(locs.length / 2);
    expect(locs.some((l) => l!.includes('/review/'))).toBe(false);
    const entry = /<url>\s*<loc>([^<]+)<\/loc>([\s\S]*?)<\/url>/g;
    const alternates = new Map([...sitemap.matchAll(entry)].map((m) => [m[1], [...m[2]!.matchAll(/hreflang="([^"]+)" href="([^"]+)"/g)].map((a) => `${a[1]} ${a[2]}`)]));
    const both = [`zh-CN ${SITE}${BASE}reports/yiyuanxian-renminzhengfu-2023/`, `en ${SITE}${BASE}en/reports/yiyuanxian-renminzhengfu-2023/`];
    expect(alternates.get(`${SITE}${BASE}reports/yiyuanxian-renminzhengfu-2023/`)).toEqual(both);
    expect(alternates.get(`${SITE}${BASE}en/reports/yiyuanxian-renminzhengfu-2023/`)).toEqual(both);
    expect(doc('index.html').querySelector(`a[href="${BASE}sitemap.xml"]`)).not.toBeNull();
    const cite = doc('agencies/taishanqu-xingzheng-shenpi-fuwuju/index.html').querySelector('#chart-requests details.cite')!;
    expect(cite.querySelector('q')!.textContent).toContain(`，${SITE}${BASE}agencies/taishanqu-xingzheng-shenpi-fuwuju/#chart-requests，`);
    expect(cite.querySelector('q')!.hasAttribute('data-site-path')).toBe(false);
    expect(cite.querySelector('code')!.textContent).toContain(`<iframe src="${SITE}${BASE}embed/agencies/taishanqu-xingzheng-shenpi-fuwuju/requests/"`);
  });

  it('publishes the manifest with the corpus folder by its name, and no file names the folders of the machine that built it', () => {
    const manifest = JSON.parse(readFileSync(path.join(dist, 'data/manifest.json'), 'utf8')) as { input: string; files: unknown[] };
    expect(manifest.input).toBe('corpus');
    expect(manifest.files).toHaveLength(6);
    const naming = (readdirSync(dist, { recursive: true }) as string[]).filter((f) => {
      const file = path.join(dist, f);
      return statSync(file).isFile() && readFileSync(file).includes(root);
    });
    expect(naming).toEqual([]);
  });

  it('prefixes every internal link with the base path, and every link resolves', () => {
    const broken: string[] = [];
    for (const p of pages) {
      for (const el of doc(p).querySelectorAll('a[href], link[href], script[src]')) {
        const ref = el.getAttribute('href') ?? el.getAttribute('src')!;
        if (/^(https?:|mailto:|#)/.test(ref)) continue;
        // Relative links (hand-written MDX) resolve against the page; absolute ones must carry the base.
        if (ref.startsWith('/') && !ref.startsWith(BASE)) {
          broken.push(`${p}: ${ref} lacks ${BASE}`);
          continue;
        }
        const url = new URL(ref, `http://x${BASE}${p.replace(/index\.html$/, '')}`);
        if (!url.pathname.startsWith(BASE)) {
          broken.push(`${p}: ${ref} leaves ${BASE}`);
          continue;
        }
        const rel = decodeURIComponent(url.pathname).slice(BASE.length);
        const target = rel === '' || rel.endsWith('/') ? `${rel}index.html` : rel;
        if (!existsSync(path.join(dist, target))) broken.push(`${p}: ${ref}`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('writes feeds whose links carry the site address and base path and resolve, with the report text escaped', () => {
    for (const f of ['feed/reports.xml', 'feed/findings.xml']) {
      const xml = readFileSync(path.join(dist, f), 'utf8');
      const feed = readAtomFeed(xml);
      expect(listAtomProblems(feed), f).toEqual([]);
      // This build has a site address (NIANBAO_SITE): feed links are absolute, under the base path.
      expect(feed.self).toBe(`${SITE}${BASE}${f}`);
      for (const e of feed.entries) {
        expect(e.link!.startsWith(`${SITE}${BASE}reports/`), e.link!).toBe(true);
        expect(existsSync(path.join(dist, new URL(e.link!).pathname.slice(BASE.length), 'index.html')), e.link!).toBe(true);
      }
      expect(xml, f).not.toContain('<script');
      expect(xml, f).not.toContain('<img');
    }
    expect(readAtomFeed(readFileSync(path.join(dist, 'feed/reports.xml'), 'utf8')).entries).toHaveLength(3);
  });
});
