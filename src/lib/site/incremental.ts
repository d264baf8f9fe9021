/**
 * The pages' side of the incremental build: a dynamic route hands its paths, each with the site
 * path it is written to and the key of what it shows, to selectStaticPaths, which returns the paths
 * Astro must render: those whose page in the kept site folder is not already the same. The build
 * integration (scripts/lib/incremental/integration.ts) installs the state it consults when a build
 * starts; without it (the dev server) every path is rendered.
 */
import { routeFile } from '../incremental/build-manifest.ts';

/** What the build integration offers the pages while a build runs. */
export interface IncrementalBuildState {
  /** Version of the site's code (scripts/lib/incremental/site-version.ts). */
  version: string;
  /** Returns whether the file the last build wrote under `key` can stay (src/lib/incremental/build-manifest.ts canKeepPage). */
  isKept(file: string, key: string | undefined): boolean;
  /** Notes a keyed file this build writes or keeps, for the next build's manifest. */
  record(file: string, key: string | undefined): void;
}

/** Where the integration puts its state: a global, since the pages run in the build's bundle, not as the integration's module. */
export const INCREMENTAL_STATE = Symbol.for('nianbao.incrementalBuild');

/** A path of a dynamic route, as getStaticPaths returns it, with where it goes and what it shows. */
export interface KeyedPath<P> {
  /** Site path without the base, as href() takes it: `reports/<id>/`, `api/agencies/<slug>.json`. */
  route: string;
  /** Changes whenever anything the page shows changes; undefined: always rendered. */
  key: string | undefined;
  path: P;
}

/** Returns the state of the build running, or undefined outside one. */
function readState(): IncrementalBuildState | undefined {
  return (globalThis as { [INCREMENTAL_STATE]?: IncrementalBuildState })[INCREMENTAL_STATE];
}

/** Returns the version of the site's code in a build, or null outside one (the dev server): what values kept between builds are tied to. */
export function readSiteVersion(): string | null {
  return readState()?.version ?? null;
}

/** Returns the paths to render: all of them outside a build, else those whose kept page is not current. */
export function selectStaticPaths<P>(paths: readonly KeyedPath<P>[]): P[] {
  const state = readState();
  if (!state) return paths.map((p) => p.path);
  const selected: P[] = [];
  for (const { route, key, path } of paths) {
    const file = routeFile(route);
    state.record(file, key);
    if (!state.isKept(file, key)) selected.push(path);
  }
  return selected;
}
