/**
 * The stages of `npm run build`, each a Node process: extraction, the site data, the charts, the
 * Astro build, the downloads and the search index. Shared by scripts/build.ts and the benchmark, so that both run the same commands.
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
 * another, the stages of one phase side by side.
 */
export interface Stage {
  name: string;
  args: string[];
  phase: number;
}

/** Returns the stages of a build; `extractArgs` are passed to the extractor (--input, --out, --cache …). */
export function listBuildStages(config: Pick<NianbaoConfig, 'astroHeapMib'>, extractArgs: readonly string[] = []): Stage[] {
  return [
    { name: 'extract', args: ['scripts/extract.ts', ...extractArgs], phase: 0 },
    // The site's data product, the reports' index entries, which the charts and the pages read.
    { name: 'site data', args: ['scripts/write-site-data.ts'], phase: 1 },
    // Agencies' charts on every core, before the single-threaded Astro build lays them out.
    { name: 'charts', args: ['scripts/render-charts.ts'], phase: 2 },
    // Astro empties its output folder when it starts: what other stages write into the site comes after it.
    { name: 'astro', args: astroBuildArgs(config.astroHeapMib), phase: 3 },
    // Everything under /api and /data (the data page aside), written into the built site by its one
    // producer, beside the search index, which reads only the report and agency pages.
    { name: 'downloads', args: ['scripts/write-downloads.ts'], phase: 4 },
    { name: 'search', args: ['scripts/search-index.ts'], phase: 4 },
  ];
}
