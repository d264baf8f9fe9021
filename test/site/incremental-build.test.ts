/**
 * Rebuilding into the kept site folder (scripts/lib/incremental/integration.ts): after a report is
 * edited, one added and one deleted, only the pages whose keys changed are written again, the
 * deleted report's and agency's pages are gone, Astro keeps no second copy of the pages, files no
 * manifest lists are left alone, and the result is byte for byte the site a cold build of the
 * changed corpus gives (into a folder without a manifest, which is emptied first).
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BUILD_MANIFEST_FILE, parseBuildManifest } from '../../src/lib/incremental/build-manifest.ts';
import { childEnv, listTree } from '../support/site.ts';

// The samples: 000 and 003 are two years of 沂源县行政审批服务局, 001 泰山区行政审批服务局's only
// report, 002 沂源县人民政府's, 004 枣庄市行政审批服务局's.
const EDITED = '003_9ea34a5d9b67e804.txt';
const DELETED = '001_b87e4db93de93761.txt';
const ADDED = '004_e73212b8dc766644.txt';
const SENTENCE = '政务信息公开工作做到及时高效。';
const INSERTED = '（本句为增量构建测试所加。）';

const EDITED_PAGE = 'reports/yiyuanxian-xingzheng-shenpi-fuwuju-2020/index.html';
const SIBLING_PAGE = 'reports/yiyuanxian-xingzheng-shenpi-fuwuju-2024/index.html';
/** Pages the Astro build writes for an agency no change touched (its API document is the downloads stage's, written whole each build). */
const UNCHANGED_PAGES = ['reports/yiyuanxian-renminzhengfu-2023/index.html', 'en/reports/yiyuanxian-renminzhengfu-2023/index.html', 'agencies/yiyuanxian-renminzhengfu/index.html', 'en/agencies/yiyuanxian-renminzhengfu/index.html'];
const DELETED_AGENCY = 'taishanqu-xingzheng-shenpi-fuwuju';
const ADDED_AGENCY = 'zaozhuangshi-xingzheng-shenpi-fuwuju';

const STRAY = 'stray-from-another-stage.txt';

let root: string;
/** Whether the stray file was still in the kept folder after the rebuild. */
let strayKept = false;
/** Modification times of the first build's pages, by path under the site folder. */
let before: Map<string, number>;

/** Extracts `corpus` into `data` and builds it into `dist` with Astro's cache in `cache`; returns the build log. */
function build(corpus: string, data: string, dist: string, cache: string): string {
  // Astro's line per page (which says "(restored)") is logged at info only, above the build's default.
  const env = childEnv({ NIANBAO_DATA: data, NIANBAO_OUT: dist, NIANBAO_ASTRO_CACHE: cache, NIANBAO_ASTRO_LOG: 'info' });
  execFileSync('node', ['scripts/extract.ts', '--input', corpus, '--no-cache'], { env, stdio: 'ignore' });
  return execFileSync('npx', ['astro', 'build'], { env, encoding: 'utf8' });
}

beforeAll(() => {
  root = mkdtempSync(path.join(tmpdir(), 'nianbao-incremental-'));
  const corpus = path.join(root, 'corpus');
  cpSync('content/reports', corpus, { recursive: true });
  rmSync(path.join(corpus, ADDED));
  const dirs = ['data', 'dist', 'cache'].map((d) => path.join(root, d)) as [string, string, string];
  build(corpus, ...dirs);
  before = new Map(listTree(dirs[1]).map((f) => [f, statSync(path.join(dirs[1], f)).mtimeMs]));

  const file = path.join(corpus, EDITED);
  const text = readFileSync(file, 'utf8');
  if (!text.includes(SENTENCE)) throw new Error('fixture changed: sentence not found');
  writeFileSync(file, text.replace(SENTENCE, `${SENTENCE}${INSERTED}`));
  rmSync(path.join(corpus, DELETED));
  cpSync(path.join('content/reports', ADDED), path.join(corpus, ADDED));
  // A file another stage wrote into the kept folder: no manifest lists it, so the rebuild leaves it.
  writeFileSync(path.join(dirs[1], STRAY), 'x');
  build(corpus, ...dirs);
  strayKept = existsSync(path.join(dirs[1], STRAY));
  rmSync(path.join(dirs[1], STRAY), { force: true });
  // A folder without a build manifest (from a build that failed, or from before manifests) is emptied first.
  mkdirSync(path.join(root, 'dist-cold'));
  writeFileSync(path.join(root, 'dist-cold', STRAY), 'x');
  build(corpus, path.join(root, 'data-cold'), path.join(root, 'dist-cold'), path.join(root, 'cache-cold'));
}, 600_000);

describe('a rebuild into the kept site folder after an edit, an addition and a deletion', () => {
  const dist = () => path.join(root, 'dist');
  const changedSince = (file: string) => statSync(path.join(dist(), file)).mtimeMs !== before.get(file);

  it('leaves the pages of an unchanged agency as they were, unwritten', () => {
    for (const page of UNCHANGED_PAGES) {
      expect(before.has(page), page).toBe(true);
      expect(changedSince(page), page).toBe(false);
    }
  });

  it('writes the edited report and its agency again, and shows the edit', () => {
    expect(changedSince(EDITED_PAGE)).toBe(true);
    expect(changedSince(SIBLING_PAGE)).toBe(true);
    expect(changedSince('agencies/yiyuanxian-xingzheng-shenpi-fuwuju/index.html')).toBe(true);
    expect(readFileSync(path.join(dist(), EDITED_PAGE), 'utf8')).toContain(INSERTED);
  });

  it('deletes the pages of the deleted report and agency, and adds the new ones', () => {
    const files = listTree(dist());
    expect(files.filter((f) => f.includes(DELETED_AGENCY))).toEqual([]);
    expect(before.has(`agencies/${DELETED_AGENCY}/index.html`)).toBe(true);
    expect(files).toContain(`agencies/${ADDED_AGENCY}/index.html`);
  });

  it('lists every file the Astro build owns in the build manifest, and Astro keeps no second copy of the pages', () => {
    const manifest = parseBuildManifest(readFileSync(path.join(dist(), BUILD_MANIFEST_FILE), 'utf8'));
    expect(manifest).not.toBeNull();
    const files = new Set(listTree(dist()));
    for (const file of Object.keys(manifest!.files)) expect(files.has(file), file).toBe(true);
    expect(manifest!.files[EDITED_PAGE]).toEqual(expect.any(String));
    expect(existsSync(path.join(root, 'cache', 'dist'))).toBe(false);
  });

  it('leaves a file no manifest lists in a kept folder, and empties a folder without a manifest', () => {
    expect(strayKept).toBe(true);
    expect(existsSync(path.join(root, 'dist-cold', STRAY))).toBe(false);
  });

  it('gives the same files as a cold build of the changed corpus', () => {
    const warm = listTree(dist());
    const cold = listTree(path.join(root, 'dist-cold'));
    expect(warm).toEqual(cold);
    const differing = warm.filter((f) => !readFileSync(path.join(dist(), f)).equals(readFileSync(path.join(root, 'dist-cold', f))));
    expect(differing).toEqual([]);
  });
});
