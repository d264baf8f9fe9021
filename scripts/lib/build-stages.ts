/**
 * The stages of `npm run build`, each a Node process: extraction, the charts, the Astro build, the
 * downloads and the search index. Shared by scripts/build.ts and the benchmark, so that both run the same commands.
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
export function listBuildStages(config: Pick<NianbaoConfig, 'data' | 'astroHeapMib'>, extractArgs: readonly string[] = []): Stage[] {
  const stagedDownloads = path.join(config.data, 'downloads');
  return [
    { name: 'extract', args: ['scripts/extract.ts', ...extractArgs], phase: 0 },
    // Agencies' charts on every core, before the single-threaded Astro build lays them out.
    { name: 'charts', args: ['scripts/render-charts.ts'], phase: 1 },
    // The downloads need only the records: written beside the Astro build, which keeps about one
    // core busy, into a folder of their own (Astro empties dist/ when it starts), then put in place.
    { name: 'astro', args: astroBuildArgs(config.astroHeapMib), phase: 2 },
    { name: 'downloads', args: ['scripts/write-downloads.ts', '--stage', stagedDownloads], phase: 2 },
    { name: 'place downloads', args: ['scripts/write-downloads.ts', '--place', stagedDownloads], phase: 3 },
    { name: 'search', args: ['scripts/search-index.ts'], phase: 3 },
  ];
}
