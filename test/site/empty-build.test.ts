/**
 * A build from an empty folder, run as `npm run build` runs: it exits 0 with one warning, and its
 * home pages say how to add reports instead of drawing charts of nothing (no axis labelled
 * 0.000000, no years —–—). Built at an address (NIANBAO_SITE), so that the one warning is the
 * empty corpus's.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import { beforeAll, describe, expect, it } from 'vitest';
import { childEnv, listHtml } from '../support/site.ts';

let dist: string;
let status: number | null;
let output: string;

beforeAll(() => {
  const root = mkdtempSync(path.join(tmpdir(), 'nianbao-empty-'));
  const corpus = path.join(root, 'reports');
  mkdirSync(corpus);
  dist = path.join(root, 'dist');
  const env = childEnv({ NIANBAO_DATA: path.join(root, 'data'), NIANBAO_OUT: dist, NIANBAO_ASTRO_CACHE: path.join(root, 'astro'), NIANBAO_SITE: 'https://nianbao.test' });
  const run = spawnSync('node', ['scripts/build.ts', '--input', corpus, '--no-cache'], { env, encoding: 'utf8' });
  status = run.status;
  output = `${run.stdout}\n${run.stderr}`;
}, 300_000);

const doc = (rel: string) => parseHTML(readFileSync(path.join(dist, rel), 'utf8')).document as unknown as Document;

describe('a build from an empty folder', () => {
  it('exits 0 with one warning, which names the folder', () => {
    expect(status, output).toBe(0);
    // Astro's warnings say [WARN]; ours 警告 … (warning: …). The extractor's summary counts "warnings 0".
    const warnings = output.split('\n').filter((line) => /\[WARN\]|警告|warning:/i.test(line));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('no reports in the corpus reports (no files)');
  });

  it('says on both home pages how to add reports', () => {
    const zh = doc('index.html').querySelector('#empty-corpus')!;
    expect(zh.querySelector('h2')!.textContent).toBe('还没有报告');
    expect(zh.textContent).toContain('本站由文件夹 reports 生成，其中没有文件');
    expect(zh.textContent).toContain('content/reports/');
    expect(zh.textContent).toContain('NIANBAO_CORPUS=/path/to/reports npm run build');
    const en = doc('en/index.html').querySelector('#empty-corpus')!;
    expect(en.querySelector('h2')!.textContent).toBe('No reports yet');
    expect(en.textContent).toContain('NIANBAO_CORPUS=/path/to/reports npm run build');
    expect(en.textContent).toContain('This site was built from the folder reports, which holds no files.');
    // The folder and the variable shown as code in both languages; no Chinese on the English page.
    for (const note of [zh, en]) expect([...note.querySelectorAll('p code')].map((c) => c.textContent)).toEqual(['reports', 'content/reports/', 'NIANBAO_CORPUS']);
    expect(en.textContent).not.toMatch(/[\u4e00-\u9fff]/);
    expect(doc('index.html').querySelector('.stats, figure.chart')).toBeNull();
  });

  it('draws no chart of nothing on any page', () => {
    for (const p of listHtml(dist)) {
      const html = readFileSync(path.join(dist, p), 'utf8');
      for (const bad of ['0.000000', '—–—', 'NaN', 'Infinity']) expect(html, `${p}: ${bad}`).not.toContain(bad);
    }
  });

  it('still builds every corpus-wide page and an empty search index', () => {
    for (const p of ['agencies/index.html', 'compare/index.html', 'quality/index.html', 'findings/index.html', 'data/index.html', 'search/index.html', 'en/index.html']) {
      expect(existsSync(path.join(dist, p)), p).toBe(true);
    }
    expect(JSON.parse(readFileSync(path.join(dist, 'pagefind/chunks.json'), 'utf8'))).toEqual({ chunks: ['000/'], pages: 0 });
  });
});
