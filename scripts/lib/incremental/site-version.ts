/**
 * The version of the site's code and build settings: a page kept from the last build is current only
 * if this is unchanged (src/lib/incremental/build-manifest.ts canKeepPage). It covers everything a
 * page's bytes can depend on besides its data: the site's sources (every file under src/ and
 * public/, not only .ts), the Astro config and this integration, the locked dependency versions, the
 * address settings, and the Node version (its ICU formats numbers).
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/** Sources of the site under the project root: folders are read whole. */
export const SITE_SOURCES = ['src', 'public', 'scripts/lib/incremental', 'astro.config.mjs', 'package-lock.json', 'tsconfig.json'] as const;

/** Environment variables that change what pages say. */
const SITE_ENV = ['NIANBAO_BASE', 'NIANBAO_SITE'] as const;

/** Returns the files of `sources` under `root`, relative and `/`-separated, in path order. */
function listSourceFiles(root: string, sources: readonly string[]): string[] {
  const files: string[] = [];
  for (const source of sources) {
    const full = path.join(root, source);
    if (!existsSync(full)) continue;
    if (!statSync(full).isDirectory()) files.push(source);
    else for (const e of readdirSync(full, { recursive: true, withFileTypes: true })) {
      if (e.isFile()) files.push(path.relative(root, path.join(e.parentPath, e.name)).split(path.sep).join('/'));
    }
  }
  return files.sort();
}

/** Returns 16 hex digits of the sha256 of the site's sources, settings in `env` and the Node version. */
export function hashSiteVersion(root: string, env: NodeJS.ProcessEnv = process.env): string {
  const hash = createHash('sha256');
  for (const f of listSourceFiles(root, SITE_SOURCES)) hash.update(`${f}\0`).update(readFileSync(path.join(root, f))).update('\0');
  for (const name of SITE_ENV) hash.update(`${name}=${env[name] ?? ''}\0`);
  hash.update(process.version);
  return hash.digest('hex').slice(0, 16);
}
