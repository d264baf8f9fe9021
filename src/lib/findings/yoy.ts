/**
 * Year-over-year change of each headline measure per agency, report by report, with "check the source"
 * flags: a jump above 5×, a fall below 1/5, and a sudden zero after a non-zero year. A change is only
 * computed when both figures are present; an absent figure is never read as 0.
 */
import { MEASURE_KEYS, readMeasure, type MeasureKey } from '../aggregate/compare.ts';
import type { ReportSummary } from '../aggregate/summarize.ts';

/** Headline measures, in display order. */
export const HEADLINE_MEASURES: readonly MeasureKey[] = MEASURE_KEYS;

/** A ratio above this (or below its inverse) is flagged. */
export const JUMP_FACTOR = 5;

export type ChangeFlag = 'jump' | 'drop' | 'suddenZero';

/** One measure of one report compared with the agency's previous report. */
export interface MeasureChange {
  slug: string;
  agency: string;
  /** Which measure: its name and unit are words, the dictionaries' `charts.measures`. */
  measure: MeasureKey;
  fromId: string;
  toId: string;
  fromYear: number;
  toYear: number;
  /** Counts, or a 0–1 share for grantRate; null when the report has no figure. */
  from: number | null;
  to: number | null;
  /** to − from (for grantRate, in share points 0–1), null unless both are present. */
  difference: number | null;
  /** to / from, null unless both are present and from > 0. */
  ratio: number | null;
  flag: ChangeFlag | null;
  /** True when a `received` figure was read from the prose, not table B. */
  fromProse: { from: boolean; to: boolean };
}

/** Returns the flag of a change from `from` to `to`, or null. */
export function flagChange(from: number | null, to: number | null): ChangeFlag | null {
  if (from === null || to === null || from <= 0) return null;
  if (to === 0) return 'suddenZero';
  if (to / from > JUMP_FACTOR) return 'jump';
  if (to / from < 1 / JUMP_FACTOR) return 'drop';
  return null;
}

/** Returns the change of every headline measure from one report to a later one of the same agency. */
export function compareSummaries(previous: ReportSummary, current: ReportSummary): MeasureChange[] {
  return HEADLINE_MEASURES.map((measure) => {
    const from = readMeasure(previous, measure);
    const to = readMeasure(current, measure);
    const both = from !== null && to !== null;
    return {
      slug: current.slug,
      agency: current.agency,
      measure,
      fromId: previous.id,
      toId: current.id,
      fromYear: previous.year,
      toYear: current.year,
      from,
      to,
      difference: both ? to - from : null,
      ratio: both && from > 0 ? to / from : null,
      flag: flagChange(from, to),
      fromProse: { from: measure === 'received' && previous.receivedFromProse, to: measure === 'received' && current.receivedFromProse },
    };
  });
}

/** Returns the changes between each consecutive pair of an agency's reports (any order in, by year out). */
export function listAgencyChanges(summaries: readonly ReportSummary[]): MeasureChange[] {
  const sorted = [...summaries].sort((a, b) => a.year - b.year);
  return sorted.slice(1).flatMap((s, i) => compareSummaries(sorted[i]!, s));
}

