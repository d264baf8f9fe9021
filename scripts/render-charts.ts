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
import { CorrectionsError } from '../src/lib/site/corrections.ts';

const started = performance.now();
const config = readConfig();
const version = chartCodeVersion(process.cwd());
if (version === null) {
  process.stderr.write('nianbao charts: run from the project folder (src/lib/charts not found); the site will draw its charts itself\n');
  process.exit(0);
}
let r;
try {
  r = await renderChartStore({ dataDir: config.data, version, reportVersion: reportIndexVersion(process.cwd()), workers: config.chartWorkers });
} catch (error) {
  // A bad corrections file: the review stage beside this one names its lines.
  if (!(error instanceof CorrectionsError)) throw error;
  process.stderr.write('nianbao charts: 更正文件有误，未画图表 (bad lines in the corrections file: no charts drawn; the review stage names them)\n');
  process.exit(1);
}
process.stderr.write(
  `nianbao charts: ${r.agencies} agencies (${r.unchanged} unchanged) · ${r.drawn} drawn · ${r.reused} kept · ${r.failed} failed · ${r.removed} removed · ${((performance.now() - started) / 1000).toFixed(2)}s\n`,
);
