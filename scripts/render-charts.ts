#!/usr/bin/env node
/**
 * npm run charts: draws every agency's charts into DATA/charts/ (the data setting, src/lib/config.ts)
 * before the Astro build, on every core (the chartWorkers setting; default one per core). Only
 * drawings not already stored are drawn. The site draws any chart it does not find there, so the
 * stage saves time and changes nothing on the pages. Logs to stderr.
 */
import { readConfig } from '../src/lib/config.ts';
import { chartCodeVersion } from '../src/lib/site/chart-store.ts';
import { reportIndexVersion } from '../src/lib/site/report-index-file.ts';
import { renderChartStore } from './lib/charts/render-store.ts';

const started = performance.now();
const config = readConfig();
const version = chartCodeVersion(process.cwd());
if (version === null) {
  process.stderr.write('nianbao charts: run from the project folder (src/lib/charts not found); the site will draw its charts itself\n');
  process.exit(0);
}
const r = await renderChartStore({ dataDir: config.data, version, reportVersion: reportIndexVersion(process.cwd()), workers: config.chartWorkers });
process.stderr.write(
  `nianbao charts: ${r.agencies} agencies (${r.unchanged} unchanged) · ${r.drawn} drawn · ${r.reused} kept · ${r.failed} failed · ${r.removed} removed · ${((performance.now() - started) / 1000).toFixed(2)}s\n`,
);
