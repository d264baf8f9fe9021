/**
 * One build into the kept site folder, as the Astro integration (integration.ts) and the re-render
 * stage (rerender.ts) both run it: the last build's manifest read and removed (until this build is
 * done the folder is no build's: one that fails leaves no manifest), the state the pages consult
 * (selectStaticPaths: a keyed page whose key and code are unchanged is kept), and at the end the
 * files the last build listed and this one did not deleted and the new manifest written.
 */
import { existsSync, readdirSync, readFileSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  BUILD_MANIFEST_FILE,
  canKeepPage,
  formatBuildManifest,
  listStaleFiles,
  parseBuildManifest,
  type BuildManifest,
} from '../../../src/lib/incremental/build-manifest.ts';
import { INCREMENTAL_STATE, type IncrementalBuildState } from '../../../src/lib/site/incremental.ts';

/** Astro's folder of bundled assets in the site folder (build.assets). */
export const ASSETS_DIR = '_astro';

/** Returns the files under `dir` (recursively) as paths relative to `base`, `/`-separated; none if it is missing. */
export function listFiles(dir: string, base: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(base, path.join(e.parentPath, e.name)).split(path.sep).join('/'));
}

/** Returns the build manifest in the site folder `outDir`, or null when there is none or it is damaged. */
export function readManifest(outDir: string): BuildManifest | null {
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

/** A build running into the kept site folder. */
export interface SiteBuild {
  /** The last build's manifest, or null (none, damaged, or from a build that failed). */
  previous: BuildManifest | null;
  /** Every keyed file this build writes or keeps, with its key (null: none). */
  keyed: Map<string, string | null>;
  /** Keyed pages kept as they were. */
  kept: number;
}

/**
 * Starts a build of site version `version` into `outDir`: removes the manifest and installs the
 * pages' state (until finishSiteBuild). `previous`: the manifest, when the caller has read it.
 */
export function startSiteBuild(outDir: string, version: string, previous: BuildManifest | null = readManifest(outDir)): SiteBuild {
  const build: SiteBuild = { previous, keyed: new Map(), kept: 0 };
  rmSync(path.join(outDir, BUILD_MANIFEST_FILE), { force: true });
  (globalThis as { [INCREMENTAL_STATE]?: IncrementalBuildState })[INCREMENTAL_STATE] = {
    version,
    isKept: (file, key) => {
      const keep = canKeepPage(build.previous, version, file, key, (f) => existsSync(path.join(outDir, f)));
      if (keep) build.kept++;
      return keep;
    },
    record: (file, key) => void build.keyed.set(file, key ?? null),
  };
  return build;
}

/**
 * Finishes a build: `files` are the unkeyed files it wrote (null keys), to which the keyed ones are
 * added; deletes what the last build listed and this one does not, writes the manifest. Returns
 * the number of files deleted.
 */
export function finishSiteBuild(outDir: string, version: string, build: SiteBuild, files: Record<string, string | null>): number {
  abandonSiteBuild();
  for (const [file, key] of build.keyed) files[file] = key;
  const next: BuildManifest = { version, files };
  const stale = listStaleFiles(build.previous, next);
  for (const file of stale) deleteWithEmptyFolders(outDir, file);
  writeFileSync(path.join(outDir, BUILD_MANIFEST_FILE), formatBuildManifest(next));
  return stale.length;
}

/** Ends a build that stopped before its end: the pages' state removed, no manifest written (the next build empties the folder). */
export function abandonSiteBuild(): void {
  delete (globalThis as { [INCREMENTAL_STATE]?: IncrementalBuildState })[INCREMENTAL_STATE];
}
