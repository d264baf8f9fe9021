/** The compare page's rows, as the site and the downloads (api/summaries.json) both give them. */
import type { CompareRow } from '../aggregate/compare.ts';
import type { IndexedReport } from '../aggregate/report-index.ts';
import { dictionary } from '../i18n/index.ts';
import { describeLevel } from './format.ts';

/** Returns each report's summary with its level · kind label in Chinese (县级·政府), in the order given. */
export function toCompareRows(reports: readonly Pick<IndexedReport, 'summary' | 'agency'>[]): CompareRow[] {
  const kinds = dictionary('zh').kind;
  return reports.map(({ summary, agency }) => ({ ...summary, kindLabel: `${describeLevel(agency.region)}·${kinds[agency.kind]}` }));
}
