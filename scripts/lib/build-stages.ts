/**
 * The stages of `npm run build`, each a Node process: extraction, the charts and the corrections'
 * check, the Astro build, the downloads and the search index. Shared by scripts/build.ts and the benchmark, so that both run the same commands.
 */
import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * V8's old-space limit for the Astro build, in MiB (NIANBAO_ASTRO_HEAP_MIB, default 1792). Without
 * one V8 lets the heap grow towards its default limit (about 4 GiB here) before collecting hard,
 * although what the build holds at once is far less (the report index, the record cache, a few
 * pages: about 1 GiB after a full collection at 100,000 reports). A lower limit costs more time in
 * the collector; a higher one, memory. Measured at 100,000 reports: 2048 peaked at 3,108 MiB of
 * resident memory in 2,802 s, 1792 at 2,818 MiB in 2,704 s (with lighter chart rendering).
 */
export const ASTRO_HEAP_MIB = Number(process.env.NIANBAO_ASTRO_HEAP_MIB ?? 1792);

/** Returns Astro's command-line entry point. */
function astroBin(): string {
  return path.join(path.dirname(createRequire(import.meta.url).resolve('astro/package.json')), 'bin/astro.mjs');
}

/** Returns the arguments of `node` for an Astro build with the heap limit. */
export function astroBuildArgs(): string[] {
  return [`--max-old-space-size=${ASTRO_HEAP_MIB}`, astroBin(), 'build'];
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
export function listBuildStages(extractArgs: readonly string[] = []): Stage[] {
  const stagedDownloads = path.join(process.env.NIANBAO_DATA ?? '.nianbao', 'downloads');
  const stagedSearch = path.join(process.env.NIANBAO_DATA ?? '.nianbao', 'search');
  return [
    { name: 'extract', args: ['scripts/extract.ts', ...extractArgs], phase: 0 },
    // The corrections file checked against the records (a bad line stops the build with its line
    // number) and the corrections no longer needed named, beside the charts; listed first, so that
    // the build names it when both stop on a bad line.
    { name: 'review', args: ['scripts/review.ts', '--check'], phase: 1 },
    // Agencies' charts on every core, before the single-threaded Astro build lays them out.
    { name: 'charts', args: ['scripts/render-charts.ts'], phase: 1 },
    // The downloads and the search index need only the records: written beside the Astro build,
    // which keeps about one core busy, into folders of their own (Astro empties dist/ when it
    // starts), then put in place.
    { name: 'astro', args: astroBuildArgs(), phase: 2 },
    { name: 'downloads', args: ['scripts/write-downloads.ts', '--stage', stagedDownloads], phase: 2 },
    { name: 'search', args: ['scripts/search-index.ts', '--stage', stagedSearch], phase: 2 },
    { name: 'place downloads', args: ['scripts/write-downloads.ts', '--place', stagedDownloads], phase: 3 },
    { name: 'place search', args: ['scripts/search-index.ts', '--place', stagedSearch], phase: 3 },
  ];
}
