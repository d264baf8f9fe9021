/**
 * The build's site-data stage, after extraction, before the charts: writes the site's data product,
 * the index entry of every report (DATA/site/reports.json, src/lib/site/report-index-file.ts), which
 * the chart stage and the pages read instead of every record file; only the records the extractor
 * wrote since the last run, or whose corrections changed, are read. Entries are of the corrected
 * records (the corrections file), as every page shows them. Logs to stderr.
 */
import type { NianbaoConfig } from '../../../src/lib/config.ts';
import { CorrectionsError } from '../../../src/lib/site/corrections.ts';
import { listRecordIds } from '../../../src/lib/site/record-files.ts';
import { loadCorrectedReportIndex, reportIndexVersion, writeReportIndex } from '../../../src/lib/site/report-index-file.ts';

/** Writes the site data of the records in `config.data`; returns the exit code: 0, or 1 for a bad corrections file. */
export function writeSiteData(config: Pick<NianbaoConfig, 'data'>, root = process.cwd()): number {
  const started = performance.now();
  const ids = listRecordIds(config.data);
  let index;
  try {
    index = loadCorrectedReportIndex(config.data, ids, reportIndexVersion(root));
  } catch (error) {
    if (!(error instanceof CorrectionsError)) throw error;
    // The review stage names every bad line.
    process.stderr.write('nianbao site data: 更正文件有误，未写站点数据 (bad lines in the corrections file: no site data written; the review stage names them)\n');
    return 1;
  }
  writeReportIndex(config.data, ids, index);
  process.stderr.write(`nianbao site data: ${ids.length} reports (${index.indexed} read, ${ids.length - index.indexed} unchanged) · ${((performance.now() - started) / 1000).toFixed(2)}s\n`);
  return 0;
}
