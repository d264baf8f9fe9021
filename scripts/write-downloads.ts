#!/usr/bin/env node
/**
 * npm run build's downloads: `node scripts/write-downloads.ts [--stage DIR | --place DIR]`.
 * Writes the dataset downloads into the built site, after `astro build`, and the API's record documents
 * (OUT/api/reports/<id>.json): OUT/data/nianbao-long.csv,
 * nianbao-wide-<table>.csv, nianbao.json and nianbao.sqlite, streamed one record at a time from the
 * extraction folder so that memory does not grow with the corpus (see scripts/lib/downloads/write.ts),
 * then datapackage.json describing the CSVs and metadata.json (Datasette's) describing the SQLite file.
 * The extraction folder, the site's folder, address and base path are the settings astro.config.mjs
 * reads too (src/lib/config.ts). dictionary.csv and manifest.json stay Astro endpoints: they are made
 * from what the site already holds. `--stage DIR` writes into DIR instead, while Astro builds (it
 * needs only the records); `--place DIR` then moves them into the built site (placeDownloads).
 */
import { parseArgs } from 'node:util';
import { readConfig } from '../src/lib/config.ts';
import { dataUrl } from '../src/lib/site/site-url.ts';
import { placeDownloads, writeDownloads } from './lib/downloads/write.ts';

const { values } = parseArgs({ options: { stage: { type: 'string' }, place: { type: 'string' } } });
const started = performance.now();
const config = readConfig();
const out = config.out;
const seconds = () => ((performance.now() - started) / 1000).toFixed(2);
if (values.place) {
  await placeDownloads(values.place, out);
  console.log(`nianbao downloads: placed ${values.place} → ${out}/ · ${seconds()}s`);
} else {
  const target = values.stage ?? out;
  const count = await writeDownloads({
    data: config.data,
    out: target,
    // The build date as the site states it (src/lib/site/data.ts builtOn).
    builtOn: new Date().toISOString().slice(0, 10),
    dataUrl: dataUrl(config),
  });
  console.log(`nianbao downloads: ${count} records → ${target}/data/ · ${seconds()}s`);
}
