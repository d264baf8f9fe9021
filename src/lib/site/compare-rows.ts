/** The compare page's rows, as the site and the downloads (api/summaries.json) both give them. */
import type { CompareRow } from '../aggregate/compare.ts';
import type { IndexedReport } from '../aggregate/report-index.ts';
import { chartWords } from '../i18n/chart-words-by-lang.ts';
import { readLevel } from './format.ts';

/** Returns each report's summary with its agency's level and kind, and those in Chinese (县级·政府), in the order given. */
export function toCompareRows(reports: readonly Pick<IndexedReport, 'summary' | 'agency'>[]): CompareRow[] {
  const label = chartWords('zh').compare.kindLabel;
  return reports.map(({ summary, agency }) => {
    const level = readLevel(agency.region);
    return { ...summary, level, kind: agency.kind, kindLabel: label(level, agency.kind) };
  });
}
