#!/usr/bin/env node
/**
 * npm run build's site-data stage: `node scripts/write-site-data.ts`, after extraction, before the
 * charts. Writes the site's data product, the index entry of every report (DATA/site/reports.json,
 * src/lib/site/report-index-file.ts), which the chart stage and the pages read instead of every
 * record file; only the records the extractor wrote since the last run are read. The extraction
 * folder is the data setting (src/lib/config.ts). Logs to stderr.
 */
import { readConfig } from '../src/lib/config.ts';
import { listRecordIds, readRecordFile } from '../src/lib/site/record-files.ts';
import { loadReportIndex, reportIndexVersion, writeReportIndex } from '../src/lib/site/report-index-file.ts';

const started = performance.now();
const { data } = readConfig();
const ids = listRecordIds(data);
const index = loadReportIndex(data, ids, reportIndexVersion(process.cwd()), (id) => readRecordFile(data, id));
writeReportIndex(data, ids, index);
process.stderr.write(`nianbao site data: ${ids.length} reports (${index.indexed} read, ${ids.length - index.indexed} unchanged) · ${((performance.now() - started) / 1000).toFixed(2)}s\n`);
