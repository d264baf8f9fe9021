#!/usr/bin/env node
/**
 * npm run build [-- extract options | --site-only | --full]: extraction (npm run extract; its options,
 * such as --input, are passed on), the corrections' check, the site data, the charts, the pages and
 * the downloads, with the search index beside them (scripts/lib/build/stages.ts), each as soon as
 * what it needs is done (scripts/lib/build/run.ts), stopping after a stage fails, with its exit code.
 * --site-only skips extraction: the site from records already there (after `npm run extract:merge`,
 * say). The pages are the re-render of the stale pages from the last Astro build's kept bundle when
 * it can be (scripts/rerender.ts); --full always builds with Astro. Logs each stage's time to stderr.
 * Its options are checked before any stage runs (usage errors exit 2, scripts/lib/cli.ts).
 */
import module from 'node:module';
import path from 'node:path';
import { readConfig } from '../src/lib/config.ts';

/**
 * Turns on Node's compile cache in the extraction folder (as the stages' environment names it,
 * scripts/lib/build/command.ts) before the build's own modules load: their compiled and
 * type-stripped code then comes from the cache too, not only the stages'. Off with
 * NODE_DISABLE_COMPILE_CACHE=1, and left to the command when the settings are wrong (it says why).
 */
function enableCompileCacheEarly(): void {
  if (process.env.NODE_DISABLE_COMPILE_CACHE === '1') return;
  let data: string;
  try {
    data = readConfig(process.env).data;
  } catch {
    return;
  }
  module.enableCompileCache(process.env.NODE_COMPILE_CACHE ?? path.join(data, 'compile-cache'));
}

enableCompileCacheEarly();
const { runBuildCommand } = await import('./lib/build/command.ts');
await runBuildCommand();
