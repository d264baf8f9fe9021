/**
 * The Astro integration that keeps the site folder between builds: Astro no longer empties it, a
 * page whose key and code are unchanged is left as it is (neither rendered nor written), each page
 * rendered is written once (Astro's own incremental build, which keeps a second copy of each page in
 * its cache, is not used), and what the last build wrote and this one did not is deleted. What
 * Astro wrote or kept is listed in the build manifest, `<site>/.nianbao-build.json`
 * (src/lib/incremental/build-manifest.ts). Files other stages write into the site folder (the
 * downloads, the search index) are never in it, so they are never touched here.
 */
import { existsSync, readFileSync, readdirSync, rmdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import {
  BUILD_MANIFEST_FILE,
  canKeepPage,
  formatBuildManifest,
  listStaleFiles,
  parseBuildManifest,
  type BuildManifest,
} from '../../../src/lib/incremental/build-manifest.ts';
import { INCREMENTAL_STATE, type IncrementalBuildState } from '../../../src/lib/site/incremental.ts';
import { hashSiteVersion } from './site-version.ts';

/** Astro's folder of bundled assets in the site folder (build.assets). */
const ASSETS_DIR = '_astro';

/** Returns the files under `dir` (recursively) as paths relative to `base`, `/`-separated; none if it is missing. */
function listFiles(dir: string, base: string): string[] {
  if (!existsSync(dir)) return [];
  return (readdirSync(dir, { recursive: true, withFileTypes: true }))
    .filter((e) => e.isFile())
    .map((e) => path.relative(base, path.join(e.parentPath, e.name)).split(path.sep).join('/'));
}

/** Returns the build manifest in the site folder `outDir`, or null when there is none or it is damaged. */
function readManifest(outDir: string): BuildManifest | null {
  const file = path.join(outDir, BUILD_MANIFEST_FILE);
  return parseBuildManifest(existsSync(file) ? readFileSync(file, 'utf8') : null);
}

/** Deletes `file` under `outDir`, then each folder above it that is left empty, up to `outDir`. */
function deleteWithEmptyFolders(outDir: string, file: string): void {
  rmSync(path.join(outDir, file), { force: true });
  for (let dir = path.dirname(file); dir !== '.' && dir !== ''; dir = path.dirname(dir)) {
    const full = path.join(outDir, dir);
    if (!existsSync(full) || readdirSync(full).length > 0) break;
    rmdirSync(full);
  }
}

/** Returns the integration (astro.config.mjs); it logs how many pages it kept and how many stale files it deleted. */
export function keepSiteFolder(): AstroIntegration {
  let outDir = '';
  let publicDir = '';
  let root = '';
  let started = 0;
  let version = '';
  let previous: BuildManifest | null = null;
  let kept = 0;
  const keyed = new Map<string, string | null>();
  const global = globalThis as { [INCREMENTAL_STATE]?: IncrementalBuildState };
  return {
    name: 'nianbao:keep-site-folder',
    hooks: {
      'astro:config:setup': ({ command, config, updateConfig }) => {
        // Astro empties the site folder unless Vite is told not to. It is kept only when the last
        // build finished (its manifest is there and whole): a folder from a failed build, or from
        // before there were manifests, may hold files no manifest lists, so it is emptied as before.
        if (command === 'build' && readManifest(fileURLToPath(config.outDir)) !== null) updateConfig({ vite: { build: { emptyOutDir: false } } });
      },
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
        publicDir = fileURLToPath(config.publicDir);
        root = fileURLToPath(config.root);
      },
      'astro:build:start': () => {
        started = Date.now();
        version = hashSiteVersion(root);
        previous = readManifest(outDir);
        // Until this build is done, the folder is no build's: a build that fails leaves no manifest.
        rmSync(path.join(outDir, BUILD_MANIFEST_FILE), { force: true });
        keyed.clear();
        kept = 0;
        global[INCREMENTAL_STATE] = {
          version,
          isKept: (file, key) => {
            const keep = canKeepPage(previous, version, file, key, (f) => existsSync(path.join(outDir, f)));
            if (keep) kept++;
            return keep;
          },
          record: (file, key) => void keyed.set(file, key ?? null),
        };
      },
      'astro:build:done': ({ dir, assets, logger }) => {
        delete global[INCREMENTAL_STATE];
        const files: Record<string, string | null> = {};
        // Every path Astro rendered, pages and endpoints alike.
        for (const urls of assets.values()) for (const url of urls) files[path.relative(fileURLToPath(dir), fileURLToPath(url)).split(path.sep).join('/')] = null;
        // Every keyed path, rendered or kept, with its key.
        for (const [file, key] of keyed) files[file] = key;
        // Bundled assets are all written again by each build (so their times are this build's),
        // and the public folder is copied whole.
        for (const file of listFiles(path.join(outDir, ASSETS_DIR), outDir)) {
          if (statSync(path.join(outDir, file)).mtimeMs >= started) files[file] = null;
        }
        for (const file of listFiles(publicDir, publicDir)) files[file] = null;
        const next: BuildManifest = { version, files };
        const stale = listStaleFiles(previous, next);
        for (const file of stale) deleteWithEmptyFolders(outDir, file);
        writeFileSync(path.join(outDir, BUILD_MANIFEST_FILE), formatBuildManifest(next));
        logger.info(`${kept} unchanged pages kept, ${stale.length} stale files deleted`);
      },
    },
  };
}
