/**
 * The re-render stage (scripts/rerender.ts) against the reference, a full build from scratch: after
 * a report's figure is edited, a report added and one deleted, `npm run build` takes the re-render
 * path (not `astro build`), and the site folder it leaves is byte for byte, file for file, the one a
 * full build of the same corpus into empty folders gives, build manifest included (the SQLite download:
 * the same rows in every table). After blank lines are added to a report (its record changes, no
 * index entry does), the pages made from the index are not written again. A kept bundle of
 * other code is never used: the build falls back to the full Astro build, with the same result.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUNDLE_META_FILE, bundleDirOf } from '../../scripts/lib/incremental/kept-bundle.ts';
import { childEnv, listTree } from '../support/site.ts';
import { readTables } from '../support/sqlite.ts';

/** Edited: a report of 沂源县行政审批服务局 (which has two); added: 枣庄市行政审批服务局's; deleted: 泰山区行政审批服务局's only one. */
const [EDITED, ADDED, DELETED] = ['003_9ea34a5d9b67e804.txt', '004_e73212b8dc766644.txt', '001_b87e4db93de93761.txt'];
/** The edited report's page. */
const EDITED_PAGE = 'reports/yiyuanxian-xingzheng-shenpi-fuwuju-2020/index.html';
/** The edited report's row （一）予以公开 of table 三 as printed, and the same with its first figure (自然人) read as 1. */
const ROW = '| 三、本年度办理结果 | （一）予以公开 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | |';
const EDITED_ROW = '| 三、本年度办理结果 | （一）予以公开 | 1 | 0 | 0 | 0 | 0 | 0 | 0 | |';

let root: string;
let corpus: string;

/** Runs `npm run build` of the corpus into `dir`'s data, site and cache folders; returns its log (stderr, where the build logs its stages). */
function buildLogged(dir: string, ...args: string[]): string {
  const env = childEnv({ NIANBAO_DATA: path.join(dir, 'data'), NIANBAO_OUT: path.join(dir, 'dist'), NIANBAO_ASTRO_CACHE: path.join(dir, 'cache') });
  return execFileSync('sh', ['-c', 'node scripts/build.ts "$@" 2>&1 >/dev/null', 'build', '--input', corpus, ...args], { env, encoding: 'utf8' });
}

/**
 * Returns the files that differ between two site folders: present in one only, or with other bytes;
 * a SQLite file differs when its rows do (the downloads update it in place, so a report added later
 * has another rowid than in a file built whole: test/lib/export/downloads-incremental.test.ts).
 */
function compareTrees(a: string, b: string): { onlyA: string[]; onlyB: string[]; differing: string[] } {
  const filesA = listTree(a);
  const filesB = listTree(b);
  const setA = new Set(filesA);
  const setB = new Set(filesB);
  return {
    onlyA: filesA.filter((f) => !setB.has(f)),
    onlyB: filesB.filter((f) => !setA.has(f)),
    differing: filesA.filter((f) => setB.has(f) && !isSameFile(path.join(a, f), path.join(b, f))),
  };
}

/** Returns whether two files hold the same bytes, or (SQLite) the same rows. */
function isSameFile(a: string, b: string): boolean {
  if (readFileSync(a).equals(readFileSync(b))) return true;
  return a.endsWith('.sqlite') && JSON.stringify(readTables(a)) === JSON.stringify(readTables(b));
}

/** The edited report's page before the edit and after it, in the incrementally built folder. */
const editedPage: { before?: string; after?: string } = {};

/**
 * Corpus-wide pages (src/lib/site/corpus-keys.ts): written again only when an index entry or the
 * manifest changes, or (the findings and their feed) an agency's part of the findings.
 */
const CORPUS_PAGES = [
  'index.html', 'en/index.html', 'compare/index.html', 'en/embed/compare/series/index.html', 'agencies/index.html', 'quality/index.html', 'data/index.html', 'about/index.html',
  'findings/index.html', 'en/findings/index.html', 'feed/findings.xml', 'feed/reports.xml',
];

/** When each of CORPUS_PAGES was written, before and after the build that followed the blank lines' edit. */
const corpusPages: { before?: Map<string, number>; after?: Map<string, number> } = {};

/** Per change: the incremental build's log, and how its site folder compares with a full build's from scratch. */
const outcomes = new Map<string, { log: string; diff: ReturnType<typeof compareTrees> }>();

/**
 * Builds the changed corpus incrementally into `warm` and notes the outcome under `name`, against a
 * full build from scratch into a new folder, or into `cold` when it holds one of the same corpus.
 */
function buildBothWays(name: string, warm: string, cold = path.join(root, `cold-${name}`)): void {
  const log = buildLogged(warm);
  if (!existsSync(cold)) buildLogged(cold, '--full');
  outcomes.set(name, { log, diff: compareTrees(path.join(warm, 'dist'), path.join(cold, 'dist')) });
}

beforeAll(() => {
  root = mkdtempSync(path.join(tmpdir(), 'nianbao-rerender-'));
  corpus = path.join(root, 'corpus');
  cpSync('content/reports', corpus, { recursive: true });
  rmSync(path.join(corpus, ADDED));
  const warm = path.join(root, 'warm');
  buildLogged(warm);

  // (a) one figure of a report edited.
  const file = path.join(corpus, EDITED);
  const text = readFileSync(file, 'utf8');
  if (!text.includes(ROW)) throw new Error('fixture changed: row （一）予以公开 not found');
  editedPage.before = readFileSync(path.join(warm, 'dist', EDITED_PAGE), 'utf8');
  writeFileSync(file, text.replace(ROW, EDITED_ROW));
  buildBothWays('edit', warm);
  editedPage.after = readFileSync(path.join(warm, 'dist', EDITED_PAGE), 'utf8');

  // (b) a report added, of an agency not yet in the corpus.
  cpSync(path.join('content/reports', ADDED), path.join(corpus, ADDED));
  buildBothWays('add', warm);

  // (c) a report deleted, its agency's only one.
  rmSync(path.join(corpus, DELETED));
  buildBothWays('delete', warm);

  // (d) blank lines appended to a report: its record changes (the file's digest and size), no index entry does.
  const writtenAt = () => new Map(CORPUS_PAGES.map((f) => [f, statSync(path.join(warm, 'dist', f)).mtimeMs]));
  corpusPages.before = writtenAt();
  writeFileSync(file, `${readFileSync(file, 'utf8')}\n\n`);
  buildBothWays('blank-lines', warm);
  corpusPages.after = writtenAt();

  // A kept bundle of other code, the corpus unchanged: the build must not use it.
  const metaFile = path.join(bundleDirOf(path.join(warm, 'data')), BUNDLE_META_FILE);
  const meta = JSON.parse(readFileSync(metaFile, 'utf8')) as { version: string };
  writeFileSync(metaFile, JSON.stringify({ ...meta, version: `other-${meta.version}` }));
  buildBothWays('other-code', warm, path.join(root, 'cold-blank-lines'));
}, 900_000);

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('a build after a change re-renders from the kept bundle, and gives what a full build gives', () => {
  it.each(['edit', 'add', 'delete'])('%s: takes the re-render path, not the Astro build', (name) => {
    const { log } = outcomes.get(name)!;
    expect(log).toMatch(/nianbao build: rerender /);
    expect(log).not.toMatch(/nianbao build: astro /);
  });

  it('shows the edited figure on the re-rendered page', () => {
    expect(editedPage.after).not.toEqual(editedPage.before);
  });

  it('after an edit that changes no index entry, leaves the pages made from the index as they were', () => {
    expect(outcomes.get('blank-lines')!.log).toMatch(/nianbao build: rerender /);
    expect(corpusPages.after).toEqual(corpusPages.before);
  });

  it.each(['edit', 'add', 'delete', 'blank-lines', 'other-code'])('%s: the site folder is byte for byte a full build\'s from scratch', (name) => {
    expect(outcomes.get(name)!.diff).toEqual({ onlyA: [], onlyB: [], differing: [] });
  });

  it('falls back to the full Astro build when the kept bundle is of other code', () => {
    const { log } = outcomes.get('other-code')!;
    expect(log).toMatch(/nianbao rerender: .*the site's code changed since the kept bundle/);
    expect(log).toMatch(/nianbao build: astro /);
    expect(log).not.toMatch(/nianbao build: rerender /);
  });
});
