/**
 * Corpus-level aggregation: agencies grouped once (d3 group), headline totals, and the tidy rows the
 * charts draw. Nothing here scans all reports per page; pages receive their slice.
 */
import { ascending, descending, group, max, median, min, rollup, sum } from 'd3-array';
import type { Agency } from '../schema/report.ts';
import type { IndexedReport } from './report-index.ts';
import { APPEAL_GROUPS, APPEAL_GROUP_LABELS, COLUMN_LABELS } from '../template.ts';
import { APPLICANT_COLUMNS, shareOf, type ReportSummary } from './summarize.ts';
import { listBarSegments, readDispositionBar, type DispositionSegment } from './disposition-bars.ts';

export type { DispositionSegment } from './disposition-bars.ts';

/** One agency with its reports' summaries, oldest year first. */
export interface AgencyGroup {
  slug: string;
  /** The agency as its newest report names it. */
  agency: Agency;
  /**
   * Other names its reports print (溪湖区人民政府 one year, 本溪市溪湖区人民政府 the next), newest
   * first; empty when every report prints the same name.
   */
  otherNames: string[];
  reports: ReportSummary[];
  latest: ReportSummary;
  years: number[];
}

/** Returns the agencies of the corpus (by region code, then name), each with its reports by year. */
export function groupAgencies(reports: readonly IndexedReport[]): AgencyGroup[] {
  const bySlug = group(reports, (r) => r.agency.slug);
  return [...bySlug.values()]
    .map((list) => {
      const sorted = [...list].sort((a, b) => ascending(a.summary.year, b.summary.year));
      const summaries = sorted.map((r) => r.summary);
      const newest = sorted[sorted.length - 1]!;
      const otherNames = [...new Set(sorted.map((r) => r.agency.name).reverse())].filter((n) => n !== newest.agency.name);
      return { slug: newest.agency.slug, agency: newest.agency, otherNames, reports: summaries, latest: summaries[summaries.length - 1]!, years: summaries.map((r) => r.year) };
    })
    .sort((a, b) => ascending(a.agency.region.code ?? '', b.agency.region.code ?? '') || ascending(a.agency.name, b.agency.name));
}

/** Headline figures of the whole corpus. */
export interface CorpusTotals {
  agencies: number;
  reports: number;
  firstYear: number | null;
  lastYear: number | null;
  /** New requests received, summed over reports that state them (table or prose). */
  received: number;
  /** Reports whose `received` came from prose. */
  receivedFromProse: number;
  /** Granted in full / handled, over reports with both figures; 0–1. */
  grantRate: number | null;
  /** Reports where every check that ran passed, and at least one ran. */
  reportsPassingAll: number;
}

/** Returns the corpus headline figures. */
export function summarizeCorpus(summaries: readonly ReportSummary[]): CorpusTotals {
  const withBoth = summaries.filter((s) => s.dispositions.granted !== null && s.handled !== null);
  return {
    agencies: new Set(summaries.map((s) => s.slug)).size,
    reports: summaries.length,
    firstYear: min(summaries, (s) => s.year) ?? null,
    lastYear: max(summaries, (s) => s.year) ?? null,
    received: sum(summaries, (s) => s.received ?? 0),
    receivedFromProse: summaries.filter((s) => s.receivedFromProse).length,
    grantRate: shareOf(sum(withBoth, (s) => s.dispositions.granted!), sum(withBoth, (s) => s.handled!)),
    reportsPassingAll: summaries.filter((s) => s.checksRun > 0 && s.checksFailed === 0 && s.checksPassed === s.checksRun).length,
  };
}

/** A point of the requests-per-year chart. */
export interface RequestsPoint {
  agency: string;
  slug: string;
  year: number;
  /** New requests received (本年新收); with `fromLegacy`, requests accepted (受理). */
  received: number;
  fromProse: boolean;
  /** True when the figure is the older table's 受理申请 of a report before the 2019 template. */
  fromLegacy: boolean;
}

/**
 * Returns requests received per agency and year (reports without the figure are left out). With
 * `withLegacy`, a report before the 2019 template gives the 受理申请 of its older table (else its
 * prose figure): one agency's series back to 2008, its points marked, for a chart that says the two
 * measures differ. Without it, only 本年新收 and prose figures, as across agencies.
 */
export function listRequestsPerYear(summaries: readonly ReportSummary[], { withLegacy = false } = {}): RequestsPoint[] {
  return summaries
    .flatMap((s): RequestsPoint[] => {
      const base = { agency: s.agency, slug: s.slug, year: s.year };
      if (withLegacy && s.template === 'pre2019' && s.legacyReceived !== null) return [{ ...base, received: s.legacyReceived, fromProse: false, fromLegacy: true }];
      return s.received === null ? [] : [{ ...base, received: s.received, fromProse: s.receivedFromProse, fromLegacy: false }];
    })
    .sort((a, b) => ascending(a.agency, b.agency) || ascending(a.year, b.year));
}

/**
 * Returns disposition segments per report, each report one bar (`listBarSegments`): the families
 * read, the part of （七）总计 not read, and nothing for a report whose total is 0, blank or
 * contradicted by its rows (`listUndrawnBars` says which and why).
 */
export function listDispositionSegments(summaries: readonly ReportSummary[], barOf: (s: ReportSummary) => string): DispositionSegment[] {
  return summaries.flatMap((s) => listBarSegments(barOf(s), readDispositionBar([s])));
}

/** A bar of the grant-rate ranking. */
export interface RateBar {
  agency: string;
  slug: string;
  year: number;
  /** Granted in full / handled, 0–1. */
  rate: number;
  handled: number;
}

/** Returns each agency's latest report with a grant rate, highest rate first. */
export function rankGrantRates(agencies: readonly AgencyGroup[]): RateBar[] {
  return agencies
    .flatMap((a) => {
      const latest = [...a.reports].reverse().find((r) => r.grantRate !== null);
      return latest ? [{ agency: a.agency.name, slug: a.slug, year: latest.year, rate: latest.grantRate!, handled: latest.handled! }] : [];
    })
    .sort((x, y) => descending(x.rate, y.rate) || ascending(x.agency, y.agency));
}

/** A segment of an applicant-type or appeal-outcome bar: counts per category. */
export interface CategorySegment {
  bar: string;
  key: string;
  label: string;
  /** Requests (applicants) or cases (appeals). */
  value: number;
}

/** Returns new requests per applicant type, one bar per report; reports missing a column are left out. */
export function listApplicantSegments(summaries: readonly ReportSummary[], barOf: (s: ReportSummary) => string): CategorySegment[] {
  return summaries.flatMap((s) => {
    const entries = APPLICANT_COLUMNS.map((c) => [c, s.applicants[c]] as const);
    if (entries.some(([, v]) => v === null)) return [];
    return entries.map(([c, v]) => ({ bar: barOf(s), key: c, label: COLUMN_LABELS[c].zh, value: v! }));
  });
}

/** Returns appeal totals per group (review, litigation direct, after review), one bar per report. */
export function listAppealSegments(summaries: readonly ReportSummary[], barOf: (s: ReportSummary) => string): CategorySegment[] {
  return summaries.flatMap((s) =>
    APPEAL_GROUPS.flatMap((g) => {
      const v = s.appeals[g];
      return v === null ? [] : [{ bar: barOf(s), key: g, label: APPEAL_GROUP_LABELS[g].zh, value: v }];
    }),
  );
}

/** Requests received summed per year over all reports that state them. */
export interface YearTotal {
  year: number;
  /** New requests, summed. */
  received: number;
  /** Reports counted (those with the figure): one per agency and year. */
  reports: number;
  /** Of those, reports whose figure came from prose. */
  fromProse: number;
  /**
   * The median agency's new requests that year (half the agencies received more, half fewer): unlike
   * the sum, it does not jump when one large agency enters the corpus.
   */
  median: number;
}

/**
 * Returns new requests per year, oldest first: the sum, the median per agency and how many agencies
 * report the figure (for corpora too large for a line per agency). A sum over whatever agencies
 * happen to report each year is not a trend; the median and the count say what it is made of.
 */
export function sumRequestsByYear(summaries: readonly ReportSummary[]): YearTotal[] {
  const withFigure = summaries.filter((s) => s.received !== null);
  return [...rollup(withFigure, (list) => ({ received: sum(list, (s) => s.received!), reports: list.length, fromProse: list.filter((s) => s.receivedFromProse).length, median: median(list, (s) => s.received!)! }), (s) => s.year)]
    .map(([year, t]) => ({ year, ...t }))
    .sort((a, b) => ascending(a.year, b.year));
}

/** The change of new requests between two years, over the agencies that report the figure in both. */
export interface MatchedChange {
  from: number;
  to: number;
  /** Agencies with the figure in both years. */
  agencies: number;
  /** Their new requests, summed, in each year. */
  before: number;
  after: number;
}

/**
 * Returns the year-to-year change of new requests over the same agencies (those reporting the figure
 * in both years), for each pair of consecutive years present, oldest first: like compared with like.
 */
export function listMatchedChanges(summaries: readonly ReportSummary[]): MatchedChange[] {
  const byYear = group(summaries.filter((s) => s.received !== null), (s) => s.year, (s) => s.slug);
  const years = [...byYear.keys()].sort(ascending);
  return years.slice(1).map((to, i) => {
    const from = years[i]!;
    const a = byYear.get(from)!;
    const b = byYear.get(to)!;
    const both = [...a.keys()].filter((slug) => b.has(slug));
    return {
      from,
      to,
      agencies: both.length,
      before: sum(both, (slug) => a.get(slug)![0]!.received!),
      after: sum(both, (slug) => b.get(slug)![0]!.received!),
    };
  });
}

/**
 * Returns disposition segments per year, the bar being the year (labelled by `barOf`): each family and （七）总计 summed
 * over the reports whose own bar draws shares. A family that one of them did not read is unknown for
 * the year (its requests go to the part not read), so that a year's share is never a partial sum.
 */
export function sumDispositionsByYear(summaries: readonly ReportSummary[], barOf: (year: number) => string): DispositionSegment[] {
  const drawable = summaries.filter((s) => readDispositionBar([s]).undrawn === null);
  return [...group(drawable, (s) => s.year)]
    .sort((a, b) => ascending(a[0], b[0]))
    .flatMap(([year, list]) => listBarSegments(barOf(year), readDispositionBar(list)));
}
