#!/usr/bin/env node
/**
 * `node scripts/write-site-data.ts`: the build's site-data stage (scripts/lib/build/site-data.ts) on
 * its own, after `npm run extract`; the build runs it in its own process. The extraction folder is
 * the data setting (src/lib/config.ts). Exits 1 for a bad corrections file (`npm run review -- --check`
 * names the lines).
 */
import { readConfig } from '../src/lib/config.ts';
import { writeSiteData } from './lib/build/site-data.ts';

process.exitCode = writeSiteData(readConfig());
