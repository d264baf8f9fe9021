/**
 * The compare page's data: one light row per report (shipped as /api/summaries.json for the client
 * picker), the measures a reader can choose, and the selection read from and written to the URL.
 */
import { ascending, group, max } from 'd3-array';
import type { ReportSummary } from './summarize.ts';

/** An agency's administrative level: the most specific level its region names. */
export type LevelKey = 'province' | 'prefecture' | 'county' | 'unknown';

/** One report as the compare page needs it. */
export interface CompareRow extends ReportSummary {
  /** The agency's administrative level (words: the charts' `levels`). */
  level: LevelKey;
  /** The agency's kind (words: the charts' `kinds`). */
  kind: 'government' | 'department';
  /** Level · kind in Chinese (县级·政府), for readers of /api/summaries.json; the pages word the keys above. */
  kindLabel: string;
}

/**
 * The measures a reader can choose, in display order. Their names and units are words, in each
 * language's dictionary (the charts' words, `measures`, keyed by MeasureKey); here is only what is data.
 */
export const MEASURE_KEYS = ['received', 'handled', 'grantRate', 'review', 'litigation'] as const;
export type MeasureKey = (typeof MEASURE_KEYS)[number];

/** Whether each measure is a 0–1 share (shown as a percentage) rather than a count. */
export const MEASURE_IS_SHARE: Readonly<Record<MeasureKey, boolean>> = { received: false, handled: false, grantRate: true, review: false, litigation: false };

/** Returns true when `key` names a measure (a query string's `m`, say). */
export function isMeasureKey(key: string): key is MeasureKey {
  return (MEASURE_KEYS as readonly string[]).includes(key);
}

/** Returns a report's value of a measure (counts, or a 0–1 share for grantRate), or null. */
export function readMeasure(row: ReportSummary, measure: MeasureKey): number | null {
  switch (measure) {
    case 'received':
      return row.received;
    case 'handled':
      return row.handled;
    case 'grantRate':
      return row.grantRate;
    case 'review':
      return row.appeals.review;
    case 'litigation': {
      const { litigationDirect: a, litigationAfterReview: b } = row.appeals;
      return a === null || b === null ? null : a + b;
    }
  }
}

/** The reader's choice: agencies (slugs), a year for the cross-section, a measure. */
export interface Selection {
  agencies: string[];
  year: number | null;
  measure: MeasureKey;
}

/** Returns the default selection: up to 6 agencies with the most reports, the year with most reports. */
export function chooseDefaultSelection(rows: readonly CompareRow[]): Selection {
  const bySlug = [...group(rows, (r) => r.slug)].sort((a, b) => b[1].length - a[1].length || ascending(a[0], b[0]));
  const byYear = [...group(rows, (r) => r.year)].sort((a, b) => b[1].length - a[1].length || b[0] - a[0]);
  return { agencies: bySlug.slice(0, 6).map(([slug]) => slug), year: byYear[0]?.[0] ?? max(rows, (r) => r.year) ?? null, measure: 'received' };
}

/** Returns the selection encoded in a query string (?a=slug,slug&y=2024&m=received), with defaults. */
export function readSelection(search: string, rows: readonly CompareRow[]): Selection {
  const params = new URLSearchParams(search);
  const fallback = chooseDefaultSelection(rows);
  const known = new Set(rows.map((r) => r.slug));
  const agencies = (params.get('a') ?? '').split(',').filter((s) => known.has(s));
  const year = Number(params.get('y'));
  const m = params.get('m') ?? '';
  return {
    agencies: agencies.length ? agencies : fallback.agencies,
    year: rows.some((r) => r.year === year) ? year : fallback.year,
    measure: isMeasureKey(m) ? m : fallback.measure,
  };
}

/** Returns the query string for a selection (without the leading ?). */
export function writeSelection(selection: Selection): string {
  const params = new URLSearchParams();
  params.set('a', selection.agencies.join(','));
  if (selection.year !== null) params.set('y', String(selection.year));
  params.set('m', selection.measure);
  return params.toString().replace(/%2C/g, ',');
}
