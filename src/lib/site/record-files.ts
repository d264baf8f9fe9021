/**
 * The record files the site is built from (the extractor's OUT/reports/<id>.json): their ids, a
 * record as its file holds it, and what the build says when there are none. A corpus without reports
 * still builds a site: its home page says how to add reports (src/components/EmptyCorpus.astro).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { ReportRecord } from '../schema/report.ts';

/** Returns the ids of the record files in DATA/reports, in the site's order (by id, `<`); none when the folder is missing. */
export function listRecordIds(dataDir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(path.join(dataDir, 'reports'));
  } catch {
    return [];
  }
  return names
    .filter((n) => n.endsWith('.json'))
    .map((n) => n.slice(0, -'.json'.length))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * Returns a record as its file DATA/reports/<id>.json holds it (parsed, not validated: the report
 * index validates each record against the schema when it indexes it, src/lib/site/report-index-file.ts). Synchronous: the callers wait
 * for their records anyway, and the Astro build's thread pool has four threads for all pages.
 */
export function readRecordFile(dataDir: string, id: string): ReportRecord {
  return JSON.parse(readFileSync(path.join(dataDir, 'reports', `${id}.json`), 'utf8')) as ReportRecord;
}

/** Returns the one warning of a build without reports: the corpus folder (as the manifest names it) and the files read in it. */
export function formatEmptyCorpusWarning(input: string, files: number): string {
  const read = files === 0 ? '没有文件' : `${files} 个文件都不是可读的报告`;
  const readEn = files === 0 ? 'no files' : `${files} file(s), none a readable report`;
  return (
    `nianbao: 警告：语料 ${input} 中没有报告（${read}），网站首页说明如何添加：把报告放进 content/reports 或设置 NIANBAO_CORPUS ` +
    `(warning: no reports in the corpus ${input} (${readEn}); the home page says how to add them: put them in content/reports or set NIANBAO_CORPUS)`
  );
}
