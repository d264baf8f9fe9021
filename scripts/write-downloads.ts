#!/usr/bin/env node
/**
 * npm run build's downloads: `node scripts/write-downloads.ts`, after `astro build`, into the site it
 * built. The one producer of OUT/api/ and OUT/data/ (the data page aside): the dataset downloads
 * (OUT/data/nianbao-long.csv, nianbao-wide-<table>.csv, nianbao.json and nianbao.sqlite, streamed one
 * record at a time from the extraction folder so that memory does not grow with the corpus), the data
 * package, Datasette's metadata, the dictionary and the manifest, and the API's documents
 * (scripts/lib/downloads/write.ts). The extraction folder, the site's folder, address and base path
 * are the settings astro.config.mjs reads too (src/lib/config.ts). The build starts it early
 * (scripts/lib/build/go.ts): its code loads while the stages before it run. `--into DIR` writes
 * DIR/data and DIR/api instead of the site's, for the build to move in after an Astro build that
 * empties the site folder (scripts/lib/downloads/place.ts).
 */
import { rmSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { readConfig } from '../src/lib/config.ts';
import { makeLinker } from '../src/lib/export/api.ts';
import { dataUrl } from '../src/lib/site/site-url.ts';
import { writeDownloads } from './lib/downloads/write.ts';
import { waitForGo } from './lib/build/go.ts';

if (!(await waitForGo())) process.exit(0);

const started = performance.now();
const config = readConfig();
const { into } = parseArgs({ options: { into: { type: 'string' } } }).values;
// A folder of its own is written from scratch: nothing a stopped run left there is trusted.
if (into !== undefined) rmSync(into, { recursive: true, force: true });
const out = into ?? config.out;
const count = await writeDownloads({
  data: config.data,
  out,
  // The build date as the site states it (src/lib/site/data.ts builtOn).
  builtOn: new Date().toISOString().slice(0, 10),
  dataUrl: dataUrl(config),
  link: makeLinker(config.base, config.site),
});
console.log(`nianbao downloads: ${count} records → ${out}/data/, ${out}/api/ · ${((performance.now() - started) / 1000).toFixed(2)}s`);
