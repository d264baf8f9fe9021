/**
 * Prose vs tables: figures the prose states that disagree with the report's own tables, read from the
 * failures of the `narrative` check, each with both numbers and the prose line it was read from.
 */
import type { Narrative, ReportRecord } from '../schema/report.ts';

/** Which stated figure a narrative-check equation compares, by its first cell path. */
export const MEASURE_OF_CELL: [RegExp, keyof Narrative][] = [
  [/^requests\.newReceived\./, 'requestsReceived'],
  [/^requests\.granted\./, 'granted'],
  [/^requests\.partiallyGranted\./, 'partiallyGranted'],
  [/^requests\.withheld/, 'withheld'],
  [/^requests\.unavailable/, 'unavailable'],
  [/^requests\.notProcessed/, 'notProcessed'],
  [/^appeals\.review\./, 'reviewCases'],
  [/^appeals\.litigation/, 'litigationCases'],
];

/** A figure stated in prose that the table contradicts. */
export interface Disagreement {
  id: string;
  slug: string;
  agency: string;
  year: number;
  /** The stated figure's key (its name is the dictionaries' narrativeLabels), or null when the equation cannot be matched to one. */
  measure: keyof Narrative | null;
  /** The number in the prose, its 1-based source line and words (null when not matched). */
  prose: number;
  proseLine: number | null;
  proseText: string | null;
  /** The table's figure (sum of `cells`). */
  table: number;
  cells: string[];
  /** The check's description of the equation. */
  where: string;
}

/** Returns the disagreements between a report's prose and its tables. */
export function listDisagreements(record: ReportRecord): Disagreement[] {
  const check = record.checks.find((c) => c.id === 'narrative');
  if (!check) return [];
  return check.failures.map((f) => {
    const measure = MEASURE_OF_CELL.find(([re]) => f.cells[0] !== undefined && re.test(f.cells[0]))?.[1] ?? null;
    const stated = measure ? record.narrative[measure] : undefined;
    return {
      id: record.id,
      slug: record.agency.slug,
      agency: record.agency.name,
      year: record.year,
      measure,
      prose: f.expected,
      proseLine: stated?.line ?? null,
      proseText: stated?.text ?? null,
      table: f.actual,
      cells: f.cells,
      where: f.where,
    };
  });
}
