/**
 * The stages of `npm run build` and what each waits for: extraction; the corrections' check, the
 * site data and the charts, in the build's own process (each short, one after another, so that the
 * code they share loads once); the search index beside them; the pages, re-rendered from the last
 * Astro build's kept bundle or built by Astro; the downloads. Shared by scripts/build.ts and the
 * benchmark, so that both run the same commands; scripts/lib/build/run.ts runs them.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import type { NianbaoConfig } from '../../../src/lib/config.ts';

/** Returns Astro's command-line entry point. */
function astroBin(): string {
  return path.join(path.dirname(createRequire(import.meta.url).resolve('astro/package.json')), 'bin/astro.mjs');
}

/**
 * Pages Astro renders at once (its `build.concurrency`), in the site's build and in the bench's bare
 * build alike. Rendering is bound by the CPU, yet more pages in flight cost less CPU a page: at 10,000
 * reports the Astro build took about 9 % less CPU at 16–64 than at 4, and the bare build about 6 %
 * less (bench/results.md).
 */
export const PAGE_CONCURRENCY = 32;

/** Returns the arguments of `node` for an Astro build with V8's old space capped at `heapMib` MiB (the astroHeapMib setting). */
export function astroBuildArgs(heapMib: number): string[] {
  return [`--max-old-space-size=${heapMib}`, astroBin(), 'build'];
}

/**
 * A stage: its name (for the log, and for the stages that wait for it), the stages it waits for,
 * and what it runs: a Node process (`args`, the arguments of `node`) or a function in the build's own
 * process (`run`, resolving to an exit code; its code is imported by `load`, after the build
 * turned Node's compile cache on).
 */
export interface Stage {
  name: string;
  /** The stages that must be done first; one missing from the build (extraction, with --site-only) counts as done. */
  after: readonly string[];
  /**
   * Stages after whose fallback this one runs again when the fallback ran after the stage had been
   * told to go (a re-render that refuses half-way; the Astro build that follows empties the site
   * folder): what wrote into the folder beside it writes again.
   */
  againAfterLateFallbackOf?: readonly string[];
  args?: readonly string[];
  run?: () => Promise<number>;
  /** Imports the code of a stage in the build's own process: when it is early, at the build's start, beside extraction. */
  load?: () => Promise<unknown>;
  /**
   * The stage loads its code when the build starts, while the stages before it run: its process
   * starts and waits for go (scripts/lib/build/go.ts), or, in the build's own process, `load` runs.
   */
  early?: boolean;
  /**
   * Stages of its `after` it is told to go before (early stages only): it goes when the others are
   * done, and is told when each of these ends (go.ts waitForStage), reading their products only then.
   */
  toldOf?: readonly string[];
  /** Runs in the stage's place when it exits REFUSED_EXIT. */
  fallback?: Stage;
  /**
   * The pages do not wait for the stage (the search index, the downloads): its process runs at a
   * lower priority (BACKGROUND_NICE), so that the stages on the way to the pages get the cores first
   * and it takes what they leave.
   */
  background?: boolean;
}

/** The niceness of a background stage's process (and of the processes it starts): below the stages the pages wait for. */
export const BACKGROUND_NICE = 10;

/**
 * The niceness of the chart stage's threads beside an Astro build, which makes the report pages
 * while they draw (charts-last.ts): below Astro's bundling and pages, whose thread is the build's
 * path, above the background stages, so that the charts are drawn before the pages that show them
 * are due (bench/results.md).
 */
export const CHARTS_NICE = 5;

/**
 * Returns a stage that runs in the build's own process: `load` imports its code (once, at the
 * build's start, beside extraction), `run` runs it and returns the exit code.
 */
function inline<M>(name: string, after: string[], load: () => Promise<M>, run: (module: M) => number | Promise<number>): Stage {
  let loaded: Promise<M> | undefined;
  const get = () => (loaded ??= load());
  return { name, after, early: true, load: get, run: async () => run(await get()) };
}

/** The exit code of a stage that declines to run (the re-render stage, scripts/rerender.ts): its fallback runs instead. */
export const REFUSED_EXIT = 4;

/**
 * Returns the stages of a build from settings `config`; `extractArgs` are passed to the extractor
 * (--input, --out, --cache …). `full`: the Astro build always, never the re-render of the pages from
 * the last one's bundle. `siteOnly`: no extraction, the site from the records already there.
 * `siteKept`: the site folder holds a whole build (its manifest, scripts/lib/incremental/site-build.ts),
 * which Astro keeps; without one it empties the folder when it starts.
 */
export function listBuildStages(
  config: Readonly<NianbaoConfig>,
  { extractArgs = [], full = false, siteOnly = false, siteKept = false }: { extractArgs?: readonly string[]; full?: boolean; siteOnly?: boolean; siteKept?: boolean } = {},
): Stage[] {
  const stagedSearch = path.join(config.data, 'search');
  const stagedDownloads = path.join(config.data, 'downloads-stage');
  const pagesAfter = ['review', 'site data', 'charts'];
  const astro: Stage = { name: 'astro', args: astroBuildArgs(config.astroHeapMib), after: pagesAfter };
  // Without a whole build in the site folder there is nothing to re-render, and Astro empties the folder when it starts.
  const pages: Stage =
    full || !siteKept
      ? // Started with the build: Astro bundles the site while the stages before it run, and makes the
        // pages on go, the report pages (which show no chart) beside the charts and the others once
        // told the charts are drawn (scripts/lib/incremental/charts-last.ts).
        { ...astro, early: true, toldOf: ['charts'] }
      : // The stale pages rendered again from the last Astro build's kept bundle, when neither code nor
        // settings changed since (scripts/lib/incremental/rerender.ts); else it declines, and Astro builds.
        { name: 'rerender', args: ['scripts/rerender.ts'], after: pagesAfter, early: true, fallback: astro };
  // What writes into the site folder: beside the pages when the folder is kept (a re-render that
  // refuses half-way has removed its manifest, so Astro empties it: that writer then runs again);
  // else into a folder of its own, moved in after the Astro build, or after it.
  const intoSite = (after: string[]): Pick<Stage, 'after' | 'againAfterLateFallbackOf'> => (siteKept ? { after, againAfterLateFallbackOf: [pages.name] } : { after: [...after, pages.name] });
  // Beside an Astro build, which takes far longer, the search index and the downloads give way to the
  // stages the pages wait for; beside a re-render they take about as long as it does, and each is on
  // the way to the build's end.
  const background = pages.name === astro.name;
  const stages: Stage[] = [
    { name: 'extract', args: ['scripts/extract.ts', ...extractArgs], after: [] },
    // The corrections file checked against the records (a bad line stops the build with its line
    // number), and the corrections no longer needed named; before the site data, so that the build
    // names the bad lines rather than the stages that cannot read them.
    inline('review', ['extract'], () => import('./review-check.ts'), (m) => m.checkCorrectionsFile(config)),
    // The site's data product, the reports' index entries, which the charts and the pages read.
    inline('site data', ['review'], () => import('./site-data.ts'), (m) => m.writeSiteData(config)),
    // Agencies' charts on every core, for the pages to lay out; beside an Astro build at a lower
    // priority, while it makes the report pages, which show none.
    inline('charts', ['site data'], () => import('./charts.ts'), (m) => m.drawCharts(config, { niceness: background ? CHARTS_NICE : 0 })),
    // The search index needs only the records: made beside the rest into a folder of its own, then put in place.
    { name: 'search', args: ['scripts/search-index.ts', '--stage', stagedSearch], after: ['extract'], background },
    pages,
    // Everything under /api and /data (the data page aside), by its one producer.
    ...(siteKept
      ? [{ name: 'downloads', args: ['scripts/write-downloads.ts'], ...intoSite(['review']), early: true, background }]
      : [
          { name: 'downloads', args: ['scripts/write-downloads.ts', '--into', stagedDownloads], after: ['review'], early: true, background },
          { name: 'place downloads', run: async () => ((await import('../downloads/place.ts')).placeDownloads(stagedDownloads, config.out), 0), after: ['downloads', pages.name] },
        ]),
    // A few renames and small files: in the build's own process, with no Node process to start.
    {
      name: 'place search',
      run: async () => {
        const { placeSearchIndex, searchCachePath } = await import('../search/place.ts');
        await placeSearchIndex(stagedSearch, config.out, searchCachePath(config.astroCache));
        return 0;
      },
      ...intoSite(['search']),
    },
  ];
  return siteOnly ? stages.filter((s) => s.name !== 'extract') : stages;
}
