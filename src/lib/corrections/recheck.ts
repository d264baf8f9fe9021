/**
 * The template's checks run again on a record whose figures were corrected, with the same check
 * functions the extractor runs (src/lib/extract/checks.ts), so that a check reads the published
 * figures. What the extractor knew from the printed table and the record does not keep (which rows
 * were printed) is taken from the figures the record holds and the lines they were read from.
 */
import { checkLegacySum, runChecks } from '../extract/checks.ts';
import { LEGACY_KEYS, type LegacyKey } from '../template-legacy.ts';
import type { CheckResult, ReportRecord } from '../schema/report.ts';

/** Returns whether a row of a table holds a figure or a source line (was printed). */
function isRowPrinted(record: ReportRecord, table: 'requests' | 'legacy', row: string): boolean {
  const cells = (record as unknown as Record<string, Record<string, Record<string, number | null>> | null>)[table]?.[row];
  if (cells && Object.values(cells).some((v) => v !== null)) return true;
  const prefix = `${table}.${row}.`;
  return Object.keys(record.provenance).some((k) => k.startsWith(prefix));
}

/**
 * Returns the edition table 三 was checked in: as the extractor decides it, the 2019 edition's single
 * （六）其他处理 row unless the 2021 edition's three rows are printed, else the record's template.
 */
function readChecksEdition(record: ReportRecord & { template: '2021' | '2019' }): '2021' | '2019' {
  const split = (['otherNoCorrection', 'otherUnpaidFee', 'otherOther'] as const).some((row) => isRowPrinted(record, 'requests', row));
  const single = isRowPrinted(record, 'requests', 'otherHandling');
  return single && !split ? '2019' : split ? '2021' : record.template;
}

/** Returns the record's checks computed from the figures it holds, in the order the extractor gives them. */
export function recheckRecord(record: ReportRecord): CheckResult[] {
  if (record.template === 'pre2019') {
    if (!record.legacy) return record.checks;
    const printed: LegacyKey[] = LEGACY_KEYS.filter((key) => isRowPrinted(record, 'legacy', key));
    return [checkLegacySum(record.legacy, printed)];
  }
  return runChecks(record.requests, record.appeals, record.narrative, readChecksEdition(record));
}
