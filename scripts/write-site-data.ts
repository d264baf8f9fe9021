#!/usr/bin/env node
/**
 * npm run build's site-data stage: `node scripts/write-site-data.ts`, after extraction, before the
 * charts. Writes the site's data product, the index entry of every report (DATA/site/reports.json,
 * src/lib/site/report-index-file.ts), which the chart stage and the pages read instead of every
 * record file; only the records the extractor wrote since the last run, or whose corrections
 * changed, are read. Entries are of the corrected records (content/corrections.csv), as every page
 * shows them. The extraction folder is the data setting (src/lib/config.ts). Logs to stderr; a bad
 * corrections file exits 1 (the review stage beside it names the lines).
 */
import { readConfig } from '../src/lib/config.ts';
import { CorrectionsError } from '../src/lib/site/corrections.ts';
import { listRecordIds } from '../src/lib/site/record-files.ts';
import { loadCorrectedReportIndex, reportIndexVersion, writeReportIndex } from '../src/lib/site/report-index-file.ts';

const started = performance.now();
const { data } = readConfig();
const ids = listRecordIds(data);
let index;
try {
  index = loadCorrectedReportIndex(data, ids, reportIndexVersion(process.cwd()));
} catch (error) {
  if (!(error instanceof CorrectionsError)) throw error;
  // The review stage beside this one names every bad line.
  process.stderr.write('nianbao site data: 更正文件有误，未写站点数据 (bad lines in the corrections file: no site data written; the review stage names them)\n');
  process.exit(1);
}
writeReportIndex(data, ids, index);
process.stderr.write(`nianbao site data: ${ids.length} reports (${index.indexed} read, ${ids.length - index.indexed} unchanged) · ${((performance.now() - started) / 1000).toFixed(2)}s\n`);
