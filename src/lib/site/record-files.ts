/**
 * The record files the site is built from (the extractor's OUT/reports/<id>.json): whether there
 * are any, and what the build says when there are none. A corpus without reports still builds a
 * site: its home page says how to add reports (src/components/EmptyCorpus.astro).
 */
import { opendirSync } from 'node:fs';

/** Returns whether a folder holds a record file (`*.json`), reading its listing only up to the first; false when it is missing. */
export function hasRecordFiles(dir: string): boolean {
  let handle;
  try {
    handle = opendirSync(dir);
  } catch {
    return false;
  }
  try {
    for (let entry = handle.readSync(); entry; entry = handle.readSync()) if (entry.name.endsWith('.json')) return true;
    return false;
  } finally {
    handle.closeSync();
  }
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
