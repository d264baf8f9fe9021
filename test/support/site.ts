/**
 * Access to a built site for the build and browser tests. If dist/ is missing or was built from
 * another corpus, the default build (`npm run build` on content/reports) runs first.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
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
