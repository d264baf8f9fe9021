/**
 * The Astro integration that keeps the site folder between builds: Astro no longer empties it, a
 * page whose key and code are unchanged is left as it is (neither rendered nor written), each page
 * rendered is written once, by the build's page writer (write-pages.ts; Astro's own incremental
 * build, which keeps a second copy of each page in its cache, is not used), and what the last build
 * wrote and this one did not is deleted. What was written or kept is listed in the build manifest,
 * `<site>/.nianbao-build.json` (src/lib/incremental/build-manifest.ts, site-build.ts). Files other stages write into the site
 * folder (the downloads, the search index) are never in it, so they are never touched here.
 *
 * It also keeps the build's prerender bundle, with what the build injected into each page, in the
 * extraction folder (kept-bundle.ts), so that the next build can render the changed pages again
 * without Astro's start-up (rerender.ts); and while the bundle is in the project's .astro/ (a site
 * folder outside the project), it holds a lock on it (build-lock.ts), so that two builds of one
 * project wait for each other instead of writing one bundle.
 */
import { rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { capturePrerenderer, keepBundle, prerenderDirOf, type CapturedBuild } from './kept-bundle.ts';
import { ASSETS_DIR, finishSiteBuild, listFiles, readManifest, startSiteBuild, type SiteBuild } from './site-build.ts';
import { hashSiteVersion } from './site-version.ts';
import { takeFolderLock } from './build-lock.ts';
import { writePagesOnce } from './write-pages.ts';
import { renderChartPagesLast } from './charts-last.ts';
import { waitForGo } from '../build/go.ts';

/** Where and under which settings' digest (hashConfig) the build's bundle is kept. */
export interface KeepBundleOptions {
  bundleDir: string;
  config: string;
}

/**
 * Returns `prerenderer` with its setup, which Astro runs once the site is bundled and before any page
 * is made, first waiting for the build's go (go.ts): `npm run build` starts the Astro build early, so
 * that Astro's start-up runs beside extraction, the site data and the charts, whose products the
 * pages read. Then `start` runs; when the build stopped meanwhile (a stage before failed), `stop`
 * instead, and this process ends. Run by hand, or by the bench, there is no go to wait for.
 */
function startAfterGo<P extends { setup?: () => Promise<void> }>(prerenderer: P, start: () => void, stop: () => void): P {
  return {
    ...prerenderer,
    setup: async () => {
      if (!(await waitForGo())) {
        stop();
        process.exit(0);
      }
      start();
      await prerenderer.setup?.();
    },
  };
}

/** Returns the integration (astro.config.mjs); it logs how many pages it kept and how many stale files it deleted. */
export function keepSiteFolder(keep: KeepBundleOptions): AstroIntegration {
  let outDir = '';
  let publicDir = '';
  let root = '';
  let sitePath = '/';
  let started = 0;
  let version = '';
  let build: SiteBuild | undefined;
  let captured: CapturedBuild = {};
  let written = new Set<string>();
  let releaseLock = () => {};
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
        sitePath = config.base;
      },
      'astro:build:start': async ({ setPrerenderer, logger }) => {
        const prerender = prerenderDirOf(outDir);
        // A site folder outside the project folder has its prerender bundle in the project's .astro/,
        // which another build of the same project would overwrite and delete: one at a time.
        if (!prerender.startsWith(outDir)) {
          releaseLock = await takeFolderLock(`${prerender}.lock`, (pid) => logger.warn(`等待同一项目文件夹的另一个构建（进程 ${pid}）结束 (waiting for the build of process ${pid} from the same project folder: both write ${prerender})`));
        }
        // Astro bundles after this hook and deletes the bundle once the pages are made: what is there
        // now is a stopped or failed build's, and would lie beside this build's entry.
        rmSync(prerender, { recursive: true, force: true });
        started = Date.now();
        version = hashSiteVersion(root);
        captured = {};
        written = new Set();
        // The charts stage failed, or the build stopped, while the report pages were being made: the
        // folder has no manifest (startSiteBuild), so the next build empties it.
        const stopWithoutCharts = (): never => {
          releaseLock();
          logger.error('图表阶段未完成，不生成其余页面 (the charts stage did not finish: the other pages are not made)');
          process.exit(1);
        };
        // The site folder becomes this build's only when the pages are about to be made: an early
        // build told to stop leaves the last build's folder and manifest as they were.
        setPrerenderer((base) =>
          startAfterGo(
            renderChartPagesLast(writePagesOnce(capturePrerenderer(base, prerender, captured), outDir, sitePath, written), stopWithoutCharts),
            () => (build = startSiteBuild(outDir, version)),
            () => releaseLock(),
          ),
        );
      },
      'astro:build:generated': () => {
        // The last moment the bundle is there: Astro deletes it once the pages are generated.
        keepBundle(prerenderDirOf(outDir), keep.bundleDir, root, { version, config: keep.config }, captured);
      },
      'astro:build:done': ({ dir, assets, logger }) => {
        const files: Record<string, string | null> = {};
        // Every path rendered, pages and endpoints alike: those Astro wrote, and the pages written for it.
        for (const urls of assets.values()) for (const url of urls) files[path.relative(fileURLToPath(dir), fileURLToPath(url)).split(path.sep).join('/')] = null;
        for (const file of written) files[file] = null;
        // Bundled assets are all written again by each build (so their times are this build's),
        // and the public folder is copied whole.
        for (const file of listFiles(path.join(outDir, ASSETS_DIR), outDir)) {
          if (statSync(path.join(outDir, file)).mtimeMs >= started) files[file] = null;
        }
        for (const file of listFiles(publicDir, publicDir)) files[file] = null;
        const stale = finishSiteBuild(outDir, version, build!, files);
        logger.info(`${build!.kept} unchanged pages kept, ${stale} stale files deleted`);
        releaseLock();
      },
    },
  };
}
