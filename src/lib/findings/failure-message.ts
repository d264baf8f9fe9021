/**
 * A failed equation of a check as a message code with its parameters, for the page to put into
 * words in its language (the dictionaries' `failures`). Read from what every record already holds
 * (the check's id and the failure's cells), so records written before messages had codes read the
 * same; a failure it cannot place keeps the record's own words (`text`).
 */
import type { CheckFailure, Narrative } from '../schema/report.ts';
import { APPEAL_GROUPS, REQUEST_COLUMNS, type AppealGroup, type RequestColumn } from '../template.ts';
import { LEGACY_COLUMNS, LEGACY_KEYS, type LegacyColumn, type LegacyKey } from '../template-legacy.ts';
import { MEASURE_OF_CELL } from './disagreements.ts';

export type FailureMessage =
  | { code: 'balance' | 'dispositionSum'; params: { column: RequestColumn } }
  | { code: 'rowSum'; params: { row: string } }
  | { code: 'appealSum'; params: { group: AppealGroup } }
  | { code: 'narrative'; params: { measure: keyof Narrative; line: number | null } }
  | { code: 'legacySum'; params: { column: LegacyColumn; total: LegacyKey } }
  | { code: 'text'; params: { text: string } };

/** Returns the parts of a cell path (`requests.total.natural` → ['requests', 'total', 'natural']). */
function splitPath(path: string | undefined): string[] {
  return path ? path.split('.') : [];
}

/** Returns the message of a failed equation of the check `checkId`; `narrative` gives a stated figure's line. */
export function readFailureMessage(checkId: string, failure: CheckFailure, narrative: Narrative = {}): FailureMessage {
  const first = splitPath(failure.cells[0]);
  const last = splitPath(failure.cells.at(-1));
  const text = { code: 'text', params: { text: failure.where } } as const;
  const isColumn = (c: string | undefined): c is RequestColumn => (REQUEST_COLUMNS as readonly string[]).includes(c ?? '');
  switch (checkId) {
    case 'balance':
      return isColumn(first[2]) ? { code: 'balance', params: { column: first[2] } } : text;
    case 'dispositionSum':
      return isColumn(last[2]) ? { code: 'dispositionSum', params: { column: last[2] } } : text;
    case 'rowSum':
      return first[1] ? { code: 'rowSum', params: { row: first[1] } } : text;
    case 'appealSum': {
      const group = APPEAL_GROUPS.find((g) => g === first[1]);
      return group ? { code: 'appealSum', params: { group } } : text;
    }
    case 'narrative': {
      const measure = MEASURE_OF_CELL.find(([re]) => failure.cells[0] !== undefined && re.test(failure.cells[0]))?.[1];
      return measure ? { code: 'narrative', params: { measure, line: narrative[measure]?.line ?? null } } : text;
    }
    case 'legacySum': {
      const total = LEGACY_KEYS.find((k) => k === last[1]);
      const column = LEGACY_COLUMNS.find((c) => c === last[2]);
      return total && column ? { code: 'legacySum', params: { column, total } } : text;
    }
    default:
      return text;
  }
}
