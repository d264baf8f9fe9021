/**
 * The kept build bundle: what a page needs to be rendered again after the Astro build that made
 * it, without Astro's start-up (scripts/lib/incremental/rerender.ts). Astro renders the pages from
 * a prerender bundle it writes during `astro build` and deletes afterwards (`<outDir>/.prerender/`,
 * or `.astro/.prerender/` under the working folder when the site folder is outside it); the build's
 * integration copies it to DATA/site/bundle/ before it goes, with what the build knew besides the
 * bundle: per page the stylesheets the build injects into its head, the bundled scripts, and the
 * origin of the requests. The bundle holds the site's code and its settings compiled in
 * (virtual:nianbao/config), so it is tied to both: the site version (hashSiteVersion) and a digest
 * of every setting; a bundle of any other version is never used.
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { NianbaoConfig } from '../../../src/lib/config.ts';

/** The kept bundle's folder in the extraction folder. */
export function bundleDirOf(dataDir: string): string {
  return path.join(dataDir, 'site', 'bundle');
}

/** What the bundle's folder holds besides Astro's files: this description, written last. */
export const BUNDLE_META_FILE = 'nianbao-bundle.json';

/** Bump when the description's layout changes: an older one is then not used. */
const BUNDLE_FORMAT = 1;

/** A stylesheet as Astro's build data holds it for a page (BuildInternals pagesByKeys[...].styles). */
export interface KeptStyle {
  depth: number;
  order: number;
  sheet: { type: 'inline'; content: string } | { type: 'external'; src: string };
}

/** The description of a kept bundle. */
export interface BundleMeta {
  format: number;
  /** hashSiteVersion of the code the bundle was built from. */
  version: string;
  /** hashConfig of the settings compiled into it. */
  config: string;
  /** The prerender entry's file name inside the folder. */
  entry: string;
  /** The origin of the build's requests (Astro.url). */
  origin: string;
  /** Per page key (route and component, as Astro keys its build data), the stylesheets of its head. */
  pages: [key: string, styles: KeptStyle[]][];
  /** The bundled scripts: entry specifier and the file it was bundled into. */
  bundles: [specifier: string, file: string][];
  /** The scripts integrations inject (settings.scripts). */
  scripts: { stage: string; content: string }[];
}

/** Returns 16 hex digits of the sha256 of every setting: the bundle holds them compiled in. */
export function hashConfig(config: Readonly<NianbaoConfig>): string {
  return createHash('sha256').update(JSON.stringify(config)).digest('hex').slice(0, 16);
}

/** The prefix of Astro's prerender entry file (PRERENDER_ENTRY_FILENAME_PREFIX in astro/dist/core/build). */
const ENTRY_PREFIX = 'prerender-entry';

/**
 * Returns where `astro build` writes its prerender bundle for the site folder `outDir` run from
 * `cwd` (getPrerenderOutputDirectory in astro/dist/prerender/utils.js, static output).
 */
export function prerenderDirOf(outDir: string, cwd: string = process.cwd()): string {
  const server = outDir.startsWith(cwd) ? outDir : path.join(cwd, '.astro');
  return path.join(server, '.prerender');
}

/**
 * Returns the prerender entry's file name in `dir`, the newest when there are several; throws when
 * there is none. Astro deletes the folder only after the pages are made: a build that stopped or
 * failed before leaves its entry there, and the build now running has just written its own.
 */
export function findPrerenderEntry(dir: string): string {
  let newest: { name: string; mtimeMs: number } | undefined;
  for (const name of readdirSync(dir)) {
    if (!name.startsWith(ENTRY_PREFIX) || !name.endsWith('.mjs')) continue;
    const { mtimeMs } = statSync(path.join(dir, name));
    if (!newest || mtimeMs > newest.mtimeMs) newest = { name, mtimeMs };
  }
  if (!newest) throw new Error(`no ${ENTRY_PREFIX} in ${dir}`);
  return newest.name;
}

/** What the build's prerender app receives from Astro, as far as a page's bytes depend on it. */
export interface CapturedBuild {
  internals?: { prerenderEntryFileName?: string; pagesByKeys?: Map<string, { styles?: KeptStyle[] }>; entrySpecifierToBundleMap?: Map<string, string> };
  options?: { origin?: string; settings?: { scripts?: { stage: string; content: string }[] } };
}

/**
 * Copies the prerender bundle `from` to `bundleDir` (replacing what was there), with its
 * description written last: a folder without one (a copy cut short) is never used. The bundle's
 * bare imports (astro, linkedom …) resolve from the project's node_modules through a link.
 */
export function keepBundle(from: string, bundleDir: string, root: string, meta: Omit<BundleMeta, 'format' | 'entry' | 'pages' | 'bundles' | 'scripts' | 'origin'>, captured: CapturedBuild): void {
  const { internals, options } = captured;
  if (!internals?.pagesByKeys || !options) throw new Error('the prerender app was not set up');
  const full: BundleMeta = {
    format: BUNDLE_FORMAT,
    ...meta,
    // The entry this build's app was loaded from, as the build names it.
    entry: internals.prerenderEntryFileName ?? findPrerenderEntry(from),
    origin: options.origin ?? '',
    pages: [...internals.pagesByKeys].map(([key, data]) => [key, data.styles ?? []]),
    bundles: [...(internals.entrySpecifierToBundleMap ?? new Map<string, string>())],
    scripts: (options.settings?.scripts ?? []).map(({ stage, content }) => ({ stage, content })),
  };
  const next = `${bundleDir}.next`;
  rmSync(next, { recursive: true, force: true });
  mkdirSync(path.dirname(next), { recursive: true });
  cpSync(from, next, { recursive: true });
  symlinkSync(path.join(root, 'node_modules'), path.join(next, 'node_modules'), 'dir');
  writeFileSync(path.join(next, BUNDLE_META_FILE), JSON.stringify(full));
  rmSync(bundleDir, { recursive: true, force: true });
  renameSync(next, bundleDir);
}

/** Returns the description of the bundle kept in `bundleDir`, or null when there is none, it is damaged or of another format. */
export function readBundleMeta(bundleDir: string): BundleMeta | null {
  const file = path.join(bundleDir, BUNDLE_META_FILE);
  if (!existsSync(file)) return null;
  try {
    const meta = JSON.parse(readFileSync(file, 'utf8')) as BundleMeta;
    return meta.format === BUNDLE_FORMAT && existsSync(path.join(bundleDir, meta.entry)) ? meta : null;
  } catch {
    return null;
  }
}

/**
 * Wraps Astro's default prerenderer so that the build data its app receives (setInternals,
 * setOptions) is noted in `captured`: the app is the prerender entry's export, and Astro's default
 * setup imports the entry by the same URL, so patching the instance first sees both calls.
 */
export function capturePrerenderer<P extends { setup?: () => Promise<void> }>(base: P, prerenderDir: string, captured: CapturedBuild): P {
  return {
    ...base,
    setup: async () => {
      const entry = pathToFileURL(path.join(prerenderDir, findPrerenderEntry(prerenderDir))).href;
      const { app } = (await import(entry)) as { app: { setInternals(i: unknown): void; setOptions(o: unknown): void } };
      const { setInternals, setOptions } = app;
      app.setInternals = (internals) => {
        captured.internals = internals as CapturedBuild['internals'];
        setInternals.call(app, internals);
      };
      app.setOptions = (options) => {
        captured.options = options as CapturedBuild['options'];
        setOptions.call(app, options);
      };
      await base.setup?.();
    },
  };
}
