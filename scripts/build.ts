#!/usr/bin/env node
/**
 * npm run build [-- extract options | --site-only]: extraction (npm run extract; its options, such as
 * --input, are passed on), then the Astro build, the downloads and the search index
 * (scripts/lib/build-stages.ts), each in its own process, stopping at the first that fails with its
 * exit code. --site-only skips extraction: the site from records already there (after
 * `npm run extract:merge`, say). Logs each stage's time to stderr.
 */
import { spawnSync } from 'node:child_process';
import { listBuildStages } from './lib/build-stages.ts';

const args = process.argv.slice(2);
const siteOnly = args.includes('--site-only');
const stages = listBuildStages(args).filter((s) => !(siteOnly && s.name === 'extract'));

const started = performance.now();
for (const stage of stages) {
  const t = performance.now();
  const { status, signal } = spawnSync(process.execPath, stage.args, { stdio: 'inherit' });
  if (status !== 0) {
    process.stderr.write(`nianbao build: ${stage.name} failed (${signal ?? `exit code ${status}`})\n`);
    process.exit(status ?? 1);
  }
  process.stderr.write(`nianbao build: ${stage.name} ${((performance.now() - t) / 1000).toFixed(1)}s\n`);
}
process.stderr.write(`nianbao build: done in ${((performance.now() - started) / 1000).toFixed(1)}s\n`);
