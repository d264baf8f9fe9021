/**
 * The stages of `npm run build`, each a Node process: extraction, the corrections' check and the site
 * data, the charts, the Astro build and the search index, the downloads. Shared by scripts/build.ts and the benchmark, so that both run the same commands.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import type { NianbaoConfig } from '../../src/lib/config.ts';

/** Returns Astro's command-line entry point. */
function astroBin(): string {
  return path.join(path.dirname(createRequire(import.meta.url).resolve('astro/package.json')), 'bin/astro.mjs');
}

/** Returns the arguments of `node` for an Astro build with V8's old space capped at `heapMib` MiB (the astroHeapMib setting). */
export function astroBuildArgs(heapMib: number): string[] {
  return [`--max-old-space-size=${heapMib}`, astroBin(), 'build'];
}

/**
 * A stage: its name for the log, the arguments of `node`, and its phase: phases run one after
 * another, the stages of one phase side by side. A stage that exits REFUSED_EXIT is replaced by its
 * fallback, run in its place.
 */
export interface Stage {
  name: string;
  args: string[];
  phase: number;
  fallback?: Stage;
}

/** The exit code of a stage that declines to run (the re-render stage, scripts/rerender.ts): its fallback runs instead. */
export const REFUSED_EXIT = 4;

/**
 * Returns the stages of a build; `extractArgs` are passed to the extractor (--input, --out, --cache …).
 * `full`: the Astro build always, never the re-render of the pages from the last one's bundle.
 */
export function listBuildStages(config: Pick<NianbaoConfig, 'astroHeapMib' | 'data'>, extractArgs: readonly string[] = [], full = false): Stage[] {
  const stagedSearch = path.join(config.data, 'search');
  const astro: Stage = { name: 'astro', args: astroBuildArgs(config.astroHeapMib), phase: 3 };
  // The stale pages rendered again from the last Astro build's kept bundle, when neither code nor
  // settings changed since (scripts/lib/incremental/rerender.ts); else it declines, and Astro builds.
  const rerender: Stage = { name: 'rerender', args: ['scripts/rerender.ts'], phase: 3, fallback: astro };
  return [
    { name: 'extract', args: ['scripts/extract.ts', ...extractArgs], phase: 0 },
    // The corrections file checked against the records (a bad line stops the build with its line
    // number) and the corrections no longer needed named, beside the site data; listed first, so
    // that the build names it when both stop on a bad line.
    { name: 'review', args: ['scripts/review.ts', '--check'], phase: 1 },
    // The site's data product, the reports' index entries, which the charts and the pages read.
    { name: 'site data', args: ['scripts/write-site-data.ts'], phase: 1 },
    // Agencies' charts on every core, before the single-threaded Astro build lays them out.
    { name: 'charts', args: ['scripts/render-charts.ts'], phase: 2 },
    // The search index needs only the records: made beside the Astro build, which keeps about one
    // core busy, into a folder of its own (Astro empties its output folder when it starts), then put in place.
    full ? astro : rerender,
    { name: 'search', args: ['scripts/search-index.ts', '--stage', stagedSearch], phase: 3 },
    // Everything under /api and /data (the data page aside), written into the built site by its one producer.
    { name: 'downloads', args: ['scripts/write-downloads.ts'], phase: 4 },
    { name: 'place search', args: ['scripts/search-index.ts', '--place', stagedSearch], phase: 4 },
  ];
}
