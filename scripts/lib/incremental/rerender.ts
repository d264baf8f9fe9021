/**
 * Renders the site again from the bundle the last Astro build kept (kept-bundle.ts), in place of
 * `astro build`, when nothing but the data changed: the same route modules, the same static paths
 * (selectStaticPaths decides from the build manifest which keyed pages are stale, as in the build),
 * the same app and the same build data, so the same bytes; without Vite, the content sync and
 * Astro's start-up. The pages read today's data when they render (src/lib/site/data.ts), never what
 * was bundled. Every unkeyed page (404, review) is rendered, as the build renders it
 * every time (the corpus-wide pages are keyed: src/lib/site/corpus-keys.ts); pages that vanished
 * are deleted, and the build manifest written again (site-build.ts).
 *
 * It refuses, writing nothing, when it cannot give what `astro build` would: no kept bundle, a
 * bundle of other code or settings, a site folder not written by a whole build of the same code, or
 * a route kind it does not write (redirects, fallbacks); a refusal found after the manifest was
 * removed leaves the folder without one, so the full build that follows empties it first.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { NianbaoConfig } from '../../../src/lib/config.ts';
import { abandonSiteBuild, ASSETS_DIR, finishSiteBuild, listFiles, readManifest, startSiteBuild } from './site-build.ts';
import type { BuildManifest } from '../../../src/lib/incremental/build-manifest.ts';
import { bundleDirOf, hashConfig, readBundleMeta, type BundleMeta } from './kept-bundle.ts';
import { hashSiteVersion } from './site-version.ts';
import { outputFile, requestPath, writeResponse } from './page-files.ts';

/** What a re-render did: refused (and why), or the pages rendered and kept and the stale files deleted. */
export type RerenderOutcome = { refused: string } | { rendered: number; kept: number; deleted: number };

/** A route as the bundle's manifest holds it (Astro's RouteData, the fields read here). */
interface Route {
  type: string;
  route: string;
  component: string;
}

/** The kept bundle's prerender app (Astro's BuildApp, the members used here). */
interface BundleApp {
  setInternals(internals: unknown): void;
  setOptions(options: unknown): void;
  render(request: Request, options: { routeData: Route }): Promise<Response>;
}

/** Pages rendered at once, as the build does (build.concurrency in astro.config.mjs). */
const CONCURRENCY = 4;

/** A refusal found while rendering, after the manifest was removed. */
class Refusal extends Error {}

/** Returns why the kept bundle and site folder cannot be used for code `version` and settings `config`, or null when they can. */
export function findRefusal(meta: BundleMeta | null, version: string, config: string, manifestVersion: string | null): string | null {
  if (meta === null) return 'no kept build bundle (a full Astro build keeps one)';
  if (meta.version !== version) return `the site's code changed since the kept bundle (${meta.version} → ${version})`;
  if (meta.config !== config) return 'the settings changed since the kept bundle';
  if (manifestVersion === null) return 'the site folder has no build manifest';
  if (manifestVersion !== version) return 'the site folder was built by other code';
  return null;
}

/** Returns the build data the app reads when it renders (BuildInternals and options as far as pages use them), from the bundle's description. */
function toBuildData(meta: BundleMeta, base: string) {
  const internals = { pagesByKeys: new Map(meta.pages.map(([key, styles]) => [key, { styles }])), entrySpecifierToBundleMap: new Map(meta.bundles) };
  const destination = {
    write: (event: { level: string; label: string | null; message: string }) => {
      if (event.level === 'warn' || event.level === 'error') process.stderr.write(`${event.label ? `[${event.label}] ` : ''}${event.message}\n`);
      return true;
    },
  };
  const options = { origin: meta.origin, settings: { scripts: meta.scripts, config: { base } }, logger: { options: { destination, level: 'warn' } } };
  return { internals, options };
}

/** Runs `task` on each item, at most `limit` at once. */
async function runLimited<T>(items: readonly T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await task(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/** A re-render ready to run: the kept bundle loaded and checked against the code, the settings and the site folder. */
export interface PreparedRerender {
  /** Renders the stale pages (reading the site's data as it is then); resolves to what it did, or why it refused after all. */
  render(): Promise<RerenderOutcome>;
}

/**
 * Returns a re-render of the site folder `config.out` from the bundle kept in the extraction folder,
 * `root` being the project folder (its code's version is checked against the bundle's), ready to
 * run, or why it cannot be: the bundle is loaded here, before any page data is read, so that the
 * build can do it while the stages before the pages run (scripts/lib/build/go.ts).
 */
export async function prepareRerender(root: string, config: Readonly<NianbaoConfig>, publicDir: string): Promise<PreparedRerender | { refused: string }> {
  const bundleDir = path.resolve(root, bundleDirOf(config.data));
  const outDir = path.resolve(root, config.out);
  const meta = readBundleMeta(bundleDir);
  const version = hashSiteVersion(root);
  // Read once: it has an entry per page, and nothing but a build writes it.
  const manifest = readManifest(outDir);
  const refusal = findRefusal(meta, version, hashConfig(config), manifest?.version ?? null);
  if (refusal !== null) return { refused: refusal };

  const { app } = (await import(pathToFileURL(path.join(bundleDir, meta!.entry)).href)) as { app: BundleApp };
  const { internals, options } = toBuildData(meta!, config.base);
  app.setInternals(internals);
  app.setOptions(options);
  const { StaticPaths } = (await import('astro/runtime/prerender/static-paths.js')) as unknown as {
    StaticPaths: new (app: BundleApp) => { getAll(): Promise<{ pathname: string; route: Route }[]> };
  };
  return { render: () => renderStale(app, new StaticPaths(app), { meta: meta!, base: config.base, outDir, version, publicDir, manifest }) };
}

/** Renders the stale pages into `outDir` with the kept bundle's app; returns what it did, or why it refused. */
async function renderStale(
  app: BundleApp,
  staticPaths: { getAll(): Promise<{ pathname: string; route: Route }[]> },
  { meta, base, outDir, version, publicDir, manifest }: { meta: BundleMeta; base: string; outDir: string; version: string; publicDir: string; manifest: BuildManifest | null },
): Promise<RerenderOutcome> {
  const build = startSiteBuild(outDir, version, manifest);
  const files: Record<string, string | null> = {};
  let rendered = 0;
  try {
    const seen = new Set<string>();
    const paths = (await staticPaths.getAll()).filter(({ pathname }) => {
      // The first route to claim a path wins, as in the build (prerenderConflictBehavior).
      const normalized = pathname.replace(/\/+$/, '');
      if (seen.has(normalized)) return false;
      seen.add(normalized);
      return true;
    });
    const other = paths.find(({ route }) => route.type !== 'page' && route.type !== 'endpoint');
    if (other) throw new Refusal(`a ${other.route.type} route (${other.route.route})`);
    await runLimited(paths, CONCURRENCY, async ({ pathname, route }) => {
      const url = new URL(requestPath(base, pathname, route.type), meta.origin);
      const response = await app.render(new Request(url), { routeData: route });
      if (response.status >= 300 && response.status < 400) throw new Refusal(`a redirect from ${pathname}`);
      if (!response.body) return;
      const file = outputFile(pathname, route.type);
      await writeResponse(outDir, file, response);
      files[file] = null;
      rendered++;
    });
  } catch (error) {
    if (error instanceof Refusal) {
      abandonSiteBuild();
      return { refused: error.message };
    }
    throw error;
  }
  // The same code wrote the bundled assets and copied the public folder: they stand as listed.
  for (const [file, key] of Object.entries(build.previous!.files)) if (file.startsWith(`${ASSETS_DIR}/`) && existsSync(path.join(outDir, file))) files[file] = key;
  for (const file of listFiles(publicDir, publicDir)) files[file] = null;
  const deleted = finishSiteBuild(outDir, version, build, files);
  return { rendered, kept: build.kept, deleted };
}
