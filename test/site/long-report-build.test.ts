/**
 * A build with a report of 19 MB of text (just under the 20 MB file limit), its tables past the
 * first 120,000 lines: its pages stay small (a page used to hold the whole text, 42 MB, and took
 * Pagefind minutes), say that they show part of the text and link to the whole text, which the
 * build offers as a download, and every figure still links to its line.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import { beforeAll, describe, expect, it } from 'vitest';
import { PAGE_TEXT_BYTES, SECTION_BYTES, fullTextPath } from '../../src/lib/site/bounds.ts';
import { childEnv } from '../support/site.ts';

const ID = 'yiyuanxian-renminzhengfu-2023';
const FILLER = '本单位持续推进政务公开标准化规范化建设，完善公开目录，加强政策解读和回应关切，做好政府信息公开申请办理工作。\n';

let data: string;
let dist: string;

beforeAll(() => {
  const root = mkdtempSync(path.join(tmpdir(), 'nianbao-long-'));
  const corpus = path.join(root, 'corpus');
  data = path.join(root, 'data');
  dist = path.join(root, 'dist');
  mkdirSync(corpus);
  const text = readFileSync('content/reports/002_1c63ee7c050fc816.txt', 'utf8');
  const filler = FILLER.repeat(Math.floor((19 * 1024 * 1024) / Buffer.byteLength(FILLER)));
  writeFileSync(path.join(corpus, 'long.txt'), text.replace('一、总体情况\n', `一、总体情况\n${filler}`));
  copyFileSync('content/reports/001_b87e4db93de93761.txt', path.join(corpus, 'short.txt'));
  const env = childEnv({ NIANBAO_DATA: data, NIANBAO_OUT: dist, NIANBAO_ASTRO_CACHE: path.join(root, 'astro'), NIANBAO_SITE: 'https://nianbao.test' });
  execFileSync('node', ['scripts/extract.ts', '--input', corpus, '--no-cache'], { env, stdio: 'inherit' });
  execFileSync('npx', ['astro', 'build', '--silent'], { env, stdio: 'inherit' });
  execFileSync('node', ['scripts/write-downloads.ts'], { env, stdio: 'inherit' });
  execFileSync('node', ['scripts/search-index.ts'], { env, stdio: 'inherit' });
}, 600_000);

const html = (rel: string) => readFileSync(path.join(dist, rel), 'utf8');
const doc = (rel: string) => parseHTML(html(rel)).document as unknown as Document;

describe('a report of 19 MB of text', () => {
  it('is read whole (its record is 19 MB) but its pages stay under 200 KB', () => {
    expect(statSync(path.join(data, 'text', `${ID}.txt`)).size).toBeGreaterThan(19 * 1024 * 1024);
    for (const p of [`reports/${ID}/index.html`, `en/reports/${ID}/index.html`]) expect(statSync(path.join(dist, p)).size, p).toBeLessThan(200 * 1024);
  });

  it('says the page shows its first lines, and links to the whole text, which the build offers as it was extracted', () => {
    const zh = doc(`reports/${ID}/index.html`).querySelector('#source-cut')!;
    expect(zh.textContent).toMatch(/^原文过长，页面只显示前 \d+ 行及表格、正文数字所在的 \d+ 行；全文见下载（纯文本，UTF-8）。$/);
    expect(zh.querySelector('a[download]')!.getAttribute('href')).toBe(`/${fullTextPath(ID)}`);
    const en = doc(`en/reports/${ID}/index.html`).querySelector('#source-cut')!;
    expect(en.textContent).toMatch(/^The text is too long to show whole: the Chinese page shows its first \d+ lines, and the \d+ lines that figures link to; the whole text is a download/);
    expect(en.querySelector('a[download]')!.getAttribute('href')).toBe(`/${fullTextPath(ID)}`);
    // Buffer.equals: a deep toEqual of 19 MB walks every byte as a property.
    expect(readFileSync(path.join(dist, fullTextPath(ID))).equals(readFileSync(path.join(data, 'text', `${ID}.txt`)))).toBe(true);
  });

  it('shows at most PAGE_TEXT_BYTES of text from the first line, then the lines figures link to', () => {
    const page = doc(`reports/${ID}/index.html`);
    const first = Number(/前 (\d+) 行/.exec(page.querySelector('#source-cut')!.textContent!)![1]);
    const items = [...page.querySelectorAll('ol.source-text li[id]')];
    const shownFirst = items.slice(0, first);
    expect(shownFirst.map((li) => li.id)).toEqual(Array.from({ length: first }, (_, i) => `L${i + 1}`));
    expect(Buffer.byteLength(shownFirst.map((li) => li.textContent).join('\n'))).toBeLessThanOrEqual(PAGE_TEXT_BYTES);
    const later = items.slice(first).map((li) => Number(li.id.slice(1)));
    expect(later.length).toBeGreaterThan(50);
    expect(later.every((n) => n > 120_000)).toBe(true);
    expect(page.querySelectorAll('ol.source-text li.gap').length).toBeGreaterThan(0);
  });

  it('links every figure to a line the Chinese page shows, in both languages (the English page links to it)', () => {
    const zh = doc(`reports/${ID}/index.html`);
    for (const [p, prefix] of [[`reports/${ID}/index.html`, '#L'], [`en/reports/${ID}/index.html`, `/reports/${ID}/#L`]] as const) {
      const page = doc(p);
      const links = [...page.querySelectorAll(`a[href^="${prefix}"]`)].map((a) => a.getAttribute('href')!.split('#')[1]!);
      expect(links.length, p).toBeGreaterThan(100);
      for (const id of new Set(links)) expect(zh.getElementById(id), `${p}: #${id}`).not.toBeNull();
    }
    expect(doc(`en/reports/${ID}/index.html`).querySelector('ol.source-text'), 'the English page does not repeat the text').toBeNull();
  });

  it('shows (and indexes) at most SECTION_BYTES of a prose section, and says so', () => {
    const page = doc(`reports/${ID}/index.html`);
    const overview = page.querySelector('#overview + .prose')!;
    expect(Buffer.byteLength(overview.textContent!)).toBeLessThanOrEqual(SECTION_BYTES);
    expect(page.querySelector('#overview + .prose + .note')!.textContent).toBe('本节过长，页面只显示开头 16 KB；全文见原文下载。');
    expect(Buffer.byteLength(page.querySelector('[data-pagefind-body]')!.textContent!)).toBeLessThan(3 * SECTION_BYTES + 20 * 1024);
  });

  it('leaves a report of ordinary length whole, with no download, and indexes every page', () => {
    const page = doc('reports/taishanqu-xingzheng-shenpi-fuwuju-2024/index.html');
    expect(page.querySelector('#source-cut, .prose + .note')).toBeNull();
    expect(page.querySelectorAll('ol.source-text li.gap')).toHaveLength(0);
    expect(existsSync(path.join(dist, fullTextPath('taishanqu-xingzheng-shenpi-fuwuju-2024')))).toBe(false);
    expect(JSON.parse(html('pagefind/chunks.json'))).toEqual({ chunks: ['000/'], pages: 4 });
  });
});
