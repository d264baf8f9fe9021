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

/** Builds the default site unless dist/ already holds it. */
export function ensureDefaultBuild(): void {
  const manifestFile = path.join(DATA, 'manifest.json');
  const built = existsSync(path.join(DIST, 'index.html')) && existsSync(path.join(DIST, 'pagefind')) && existsSync(manifestFile);
  const fromSamples = built && (JSON.parse(readFileSync(manifestFile, 'utf8')) as Manifest).input === 'content/reports';
  if (!fromSamples) {
    const env = { ...process.env };
    delete env.NIANBAO_CORPUS;
    delete env.NIANBAO_OUT;
    delete env.NIANBAO_DATA;
    execFileSync('npm', ['run', 'build'], { stdio: 'inherit', env });
  }
}

/** Returns every .html file under a folder, as paths relative to it. */
export function listHtml(dir: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[]).filter((f) => f.endsWith('.html')).sort();
}

/** Returns the records the site was built from. */
export function loadBuiltRecords(data = DATA): ReportRecord[] {
  const dir = path.join(data, 'reports');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as ReportRecord);
}
