#!/usr/bin/env node
/**
 * npm run charts: the build's chart stage (scripts/lib/build/charts.ts) on its own: draws every
 * agency's charts into DATA/charts/ (the data setting, src/lib/config.ts) from the site data that
 * `node scripts/write-site-data.ts` wrote. Logs to stderr.
 */
import { readConfig } from '../src/lib/config.ts';
import { drawCharts } from './lib/build/charts.ts';

process.exitCode = await drawCharts(readConfig());
