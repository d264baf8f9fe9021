/**
 * Access to a built site for the build and browser tests. If dist/ is missing or was built from
 * another corpus, the default build (`npm run build` on content/reports) runs first.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import type { Manifest, ReportRecord } from '../../src/lib/schema/report.ts';

export const DIST = path.resolve('dist');
export const DATA = path.resolve('.nianbao');

/**
 * Returns an environment for a child build: the test runner exports Vite's own variables
 * (BASE_URL, MODE, DEV, PROD, SSR) into process.env, and a child Astro build would take them over.
 */
export function childEnv(overrides: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'NIANBAO_CORPUS', 'NIANBAO_OUT', 'NIANBAO_DATA', 'NIANBAO_BASE', 'NIANBAO_SITE']) delete env[key];
  for (const key of Object.keys(env)) if (key.startsWith('VITEST') || key.startsWith('VITE_')) delete env[key];
  return { ...env, ...overrides };
}

/** The folders of a test's own build: its corpus, its extraction folder and its site folder. */
export interface BuildFolders {
  corpus: string;
  data: string;
  dist: string;
}

/** Runs `npm run build -- ARGS` on the test's folders; returns its exit code and its output (stdout, then stderr). */
export function runBuild(folders: BuildFolders, args: readonly string[] = []): { status: number | null; output: string } {
  const env = childEnv({ NIANBAO_CORPUS: folders.corpus, NIANBAO_DATA: folders.data, NIANBAO_OUT: folders.dist });
  const r = spawnSync('npm', ['run', 'build', '--', ...args], { env, encoding: 'utf8' });
  return { status: r.status, output: `${r.stdout}${r.stderr}` };
}

/** Returns the built page `rel` (relative to the site folder `dist`) as a DOM document. */
export function readDocument(dist: string, rel: string): Document {
  return parseHTML(readFileSync(path.join(dist, rel), 'utf8')).document as unknown as Document;
}

/**
 * Builds the default site (the samples, no site address: NIANBAO_SITE unset) unless dist/ already
 * holds it; a dist/ with a sitemap was built with an address.
 */
export function ensureDefaultBuild(): void {
  const manifestFile = path.join(DATA, 'manifest.json');
  const built = existsSync(path.join(DIST, 'index.html')) && existsSync(path.join(DIST, 'pagefind')) && existsSync(manifestFile) && !existsSync(path.join(DIST, 'sitemap.xml'));
  const fromSamples = built && (JSON.parse(readFileSync(manifestFile, 'utf8')) as Manifest).input === 'content/reports';
  if (!fromSamples) {
    execFileSync('npm', ['run', 'build'], { stdio: 'inherit', env: childEnv() });
  }
}

/** Returns every .html file under a folder, as paths relative to it. */
export function listHtml(dir: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[]).filter((f) => f.endsWith('.html')).sort();
}

/** Returns the paths of every file under `dir`, relative to it, in order. */
export function listTree(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
}

/** Returns the records the site was built from. */
export function loadBuiltRecords(data = DATA): ReportRecord[] {
  const dir = path.join(data, 'reports');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as ReportRecord);
}
