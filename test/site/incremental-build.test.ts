/**
 * Rebuilding after one report changed (Astro's incremental build, keyed in src/lib/site/data.ts):
 * only the changed agency's pages are rendered again, the others are restored from the cache, and
 * the result is byte for byte the site a cold build of the changed corpus gives.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { childEnv } from '../support/site.ts';

const CHANGED = '003_9ea34a5d9b67e804.txt';
const ADDED = '（本句为增量构建测试所加。）';

let root: string;
let rebuildLog: string;

/** Extracts `corpus` into `data` and builds it into `dist` with Astro's cache in `cache`; returns the build log. */
function build(corpus: string, data: string, dist: string, cache: string): string {
  // Astro's line per page (which says "(restored)") is logged at info only, above the build's default.
  const env = childEnv({ NIANBAO_DATA: data, NIANBAO_OUT: dist, NIANBAO_ASTRO_CACHE: cache, NIANBAO_ASTRO_LOG: 'info' });
  execFileSync('node', ['scripts/extract.ts', '--input', corpus, '--no-cache'], { env, stdio: 'ignore' });
  return execFileSync('npx', ['astro', 'build'], { env, encoding: 'utf8' });
}

/** Returns every file under `dir` with its bytes, by relative path. */
function readTree(dir: string): Map<string, Buffer> {
  const files = (readdirSync(dir, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[]).filter((e) => e.isFile());
  return new Map(files.map((e) => {
    const full = path.join(e.parentPath, e.name);
    return [path.relative(dir, full), readFileSync(full)];
  }));
}

beforeAll(() => {
  root = mkdtempSync(path.join(tmpdir(), 'nianbao-incremental-'));
  const corpus = path.join(root, 'corpus');
  cpSync('content/reports', corpus, { recursive: true });
  build(corpus, path.join(root, 'data'), path.join(root, 'dist'), path.join(root, 'cache'));
  const file = path.join(corpus, CHANGED);
  const text = readFileSync(file, 'utf8');
  if (!text.includes('政务信息公开工作做到及时高效。')) throw new Error('fixture changed: sentence not found');
  writeFileSync(file, text.replace('政务信息公开工作做到及时高效。', `政务信息公开工作做到及时高效。${ADDED}`));
  rebuildLog = build(corpus, path.join(root, 'data'), path.join(root, 'dist'), path.join(root, 'cache'));
  build(corpus, path.join(root, 'data-cold'), path.join(root, 'dist-cold'), path.join(root, 'cache-cold'));
}, 600_000);

describe('a rebuild after one report changed', () => {
  it('renders the changed agency again and restores the other agencies from the cache', () => {
    // Astro prints a restored page's path and "(restored)" together, but a rendered page's path
    // first and its time when done, with other pages' lines between (four render at once): so the
    // mark must follow the path itself, and the path be whole (not the end of /en/agencies/…).
    const log = rebuildLog.replace(/\x1b\[[0-9;]*m/g, '');
    const restored = (page: string) => new RegExp(`(?:^|\\s)${page.replace(/[/.]/g, '\\$&')}\\s*\\(restored\\)`, 'm').test(log);
    // On failure, the rebuild's lines for the changed agency say what Astro did with each of its pages.
    const changedLines = log.split('\n').filter((l) => l.includes('yiyuanxian-xingzheng-shenpi-fuwuju')).join('\n');
    expect(restored('/reports/yiyuanxian-xingzheng-shenpi-fuwuju-2020/index.html'), changedLines).toBe(false);
    expect(restored('/agencies/yiyuanxian-xingzheng-shenpi-fuwuju/index.html'), changedLines).toBe(false);
    expect(restored('/reports/yiyuanxian-renminzhengfu-2023/index.html')).toBe(true);
    expect(restored('/agencies/zaozhuangshi-xingzheng-shenpi-fuwuju/index.html')).toBe(true);
  });

  it('shows the change on the report page', () => {
    const page = readFileSync(path.join(root, 'dist/reports/yiyuanxian-xingzheng-shenpi-fuwuju-2020/index.html'), 'utf8');
    expect(page).toContain(ADDED);
  });

  it('gives the same files as a cold build of the changed corpus', () => {
    const warm = readTree(path.join(root, 'dist'));
    const cold = readTree(path.join(root, 'dist-cold'));
    expect([...warm.keys()].sort()).toEqual([...cold.keys()].sort());
    const differing = [...warm].filter(([rel, bytes]) => !bytes.equals(cold.get(rel)!)).map(([rel]) => rel);
    expect(differing).toEqual([]);
  });
});
