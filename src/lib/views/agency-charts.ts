/**
 * An agency's four charts across its years, with their titles, descriptions, sources and data
 * tables: shared by the agency page and the agency's embed pages.
 */
import { listAppealSegments, listApplicantSegments, listDispositionSegments, listRequestsPerYear, type AgencyGroup, type RequestsPoint } from '../aggregate/corpus.ts';
import { APPLICANT_COLUMNS, DISPOSITION_GROUPS } from '../aggregate/summarize.ts';
import { CATEGORY_COLORS, DISPOSITION_COLORS } from '../charts/colors.ts';
import { drawChart, type ChartDrawing, type DrawFunction } from '../charts/drawing.ts';
import type { SeriesOptions, SeriesPoint } from '../charts/series-by-year.ts';
import type { StackedBarOptions, StackedSegment } from '../charts/stacked-bars.ts';
import { APPEAL_GROUPS, APPEAL_GROUP_LABELS, COLUMN_LABELS } from '../template.ts';
import { LANGS, dictionary, type Lang } from '../i18n/index.ts';
import { listUndrawnBars } from '../aggregate/disposition-bars.ts';
import { listUnreadAppeals, listUnreadApplicants } from '../aggregate/unread-categories.ts';
import { writeDispositionNote, writeUnreadNote } from './chart-notes.ts';
import { toOutcomeSegments } from './outcome-segments.ts';

/** A chart ready for the Chart component. `svg` is '' when there is nothing to draw. */
export interface ChartSpec {
  /** Stable key, used in ids and embed URLs. */
  key: string;
  title: string;
  description: string;
  source: string;
  note?: string;
  svg: string;
  columns: string[];
  rows: (string | number | null)[][];
}

/** A chart before it is drawn: its drawing, or null when there is nothing to draw. */
type ChartPlan = Omit<ChartSpec, 'svg'> & { drawing: ChartDrawing | null };

export const AGENCY_CHART_KEYS = ['requests', 'dispositions', 'applicants', 'appeals'] as const;

export type AgencyChartKey = (typeof AGENCY_CHART_KEYS)[number];

/** Each chart's plan, so that a page drawing one chart (an embed) does not plan the other three. */
type ChartPlans = Record<AgencyChartKey, () => ChartPlan>;

const series = (rows: SeriesPoint[], options: SeriesOptions): ChartDrawing => ({ chart: 'series-by-year', rows, options });
const stacked = (rows: StackedSegment[], options: StackedBarOptions): ChartDrawing => ({ chart: 'stacked-bars', rows, options });

/**
 * Returns a point of the requests series. `fromLegacy` only where true, so that a chart without such
 * points is the same drawing (and the same stored SVG) as before they existed.
 */
function toSeriesPoint(p: RequestsPoint): SeriesPoint {
  const point: SeriesPoint = { agency: p.agency, year: p.year, value: p.received, fromProse: p.fromProse };
  if (p.fromLegacy) point.fromLegacy = true;
  return point;
}

/** Returns a planned chart with its SVG, drawn by `draw`. */
function drawPlan({ drawing, ...spec }: ChartPlan, draw: DrawFunction): ChartSpec {
  return { ...spec, svg: drawing ? draw(drawing) : '' };
}

/**
 * Returns the agency's charts, in page order, labelled in the given language. `draw` makes each
 * SVG (default: draws it now; the site passes one that takes the SVG drawn by the chart stage).
 */
export function buildAgencyCharts(group: AgencyGroup, lang: Lang = 'zh', draw: DrawFunction = drawChart): ChartSpec[] {
  const plans = planAgencyCharts(group, lang);
  return AGENCY_CHART_KEYS.map((key) => drawPlan(plans[key](), draw));
}

/** Returns one of the agency's charts in a language, drawing only that one. */
export function buildAgencyChart(group: AgencyGroup, key: AgencyChartKey, lang: Lang = 'zh', draw: DrawFunction = drawChart): ChartSpec {
  return drawPlan(planAgencyCharts(group, lang)[key](), draw);
}

/** Returns every drawing of the agency's pages (every language; the embeds draw the same again). */
export function listAgencyDrawings(group: AgencyGroup): ChartDrawing[] {
  return LANGS.map((lang) => planAgencyCharts(group, lang)).flatMap((plans) => AGENCY_CHART_KEYS.flatMap((key) => plans[key]().drawing ?? []));
}

/** Returns the plans of the agency's four charts, their words from the language's dictionary. */
function planAgencyCharts(group: AgencyGroup, lang: Lang): ChartPlans {
  const words = dictionary(lang).agencyCharts;
  const { drawing: chartWords, notes: noteWords } = dictionary(lang).charts;
  const { reports } = group;
  const name = group.agency.name;
  const yearOf = (s: { year: number }) => words.yearOf(s.year);
  const points = listRequestsPerYear(reports, { withLegacy: true });
  const dispositions = listDispositionSegments(reports, yearOf);
  const applicants = listApplicantSegments(reports, yearOf).map((s) => ({ ...s, label: COLUMN_LABELS[s.key as keyof typeof COLUMN_LABELS][lang] }));
  const appeals = listAppealSegments(reports, yearOf).map((s) => ({ ...s, label: APPEAL_GROUP_LABELS[s.key as keyof typeof APPEAL_GROUP_LABELS][lang] }));
  const proseCount = points.filter((p) => p.fromProse).length;
  const legacyCount = points.filter((p) => p.fromLegacy).length;
  const legacy = legacyCount > 0;
  const notes = [proseCount ? words.proseNote(proseCount) : '', legacyCount ? words.legacyNote(legacyCount) : ''].filter(Boolean);
  return {
    requests: () => ({
      key: 'requests',
      title: words.requests.title,
      description: words.requests.description(name, legacy),
      source: words.requests.source(name, legacy),
      note: notes.length ? notes.join(words.noteSeparator) : undefined,
      drawing: points.length === 0 ? null : series(points.map(toSeriesPoint), { ariaLabel: words.requests.aria(name), yLabel: words.requests.axis(legacy), ...chartWords.series, punctuation: chartWords.punctuation }),
      columns: words.requests.columns(legacy),
      rows: points.map((p) => [yearOf(p), p.received, p.fromLegacy ? words.requests.readFrom.legacy : p.fromProse ? words.requests.readFrom.prose : words.requests.readFrom.table]),
    }),
    dispositions: () => ({
      key: 'dispositions',
      title: words.dispositions.title,
      description: words.dispositions.description,
      source: words.dispositions.source,
      note: writeDispositionNote(dispositions, listUndrawnBars(reports, yearOf), noteWords),
      drawing: dispositions.length === 0 ? null : stacked(toOutcomeSegments(dispositions, chartWords), {
        ariaLabel: words.dispositions.aria(name),
        keys: DISPOSITION_GROUPS,
        labels: DISPOSITION_GROUPS.map((g) => chartWords.dispositionLabels[g]),
        colors: DISPOSITION_GROUPS.map((g) => DISPOSITION_COLORS[g]),
        normalize: true,
        xLabel: words.dispositions.axis,
        unit: chartWords.requestsUnit,
        unreadLabel: chartWords.unreadLabel,
        punctuation: chartWords.punctuation,
      }),
      columns: [words.requests.columns(false)[0]!, ...DISPOSITION_GROUPS.map((g) => words.dispositions.column(chartWords.dispositionLabels[g])), words.dispositions.total],
      rows: reports.map((r) => [yearOf(r), ...DISPOSITION_GROUPS.map((g) => r.dispositions[g]), r.handled]),
    }),
    applicants: () => ({
      key: 'applicants',
      title: words.applicants.title,
      description: words.applicants.description,
      source: words.applicants.source,
      note: writeUnreadNote('applicants', listUnreadApplicants(reports, yearOf), (c) => COLUMN_LABELS[c][lang], noteWords),
      drawing: applicants.length === 0 ? null : stacked(applicants, {
        ariaLabel: words.applicants.aria(name),
        keys: APPLICANT_COLUMNS,
        labels: APPLICANT_COLUMNS.map((c) => COLUMN_LABELS[c][lang]),
        colors: CATEGORY_COLORS.slice(0, APPLICANT_COLUMNS.length),
        xLabel: words.applicants.axis,
        unit: chartWords.requestsUnit,
        unreadLabel: chartWords.unreadLabel,
        punctuation: chartWords.punctuation,
      }),
      columns: [words.requests.columns(false)[0]!, ...APPLICANT_COLUMNS.map((c) => COLUMN_LABELS[c][lang])],
      rows: reports.map((r) => [yearOf(r), ...APPLICANT_COLUMNS.map((c) => r.applicants[c])]),
    }),
    appeals: () => ({
      key: 'appeals',
      title: words.appeals.title,
      description: words.appeals.description,
      source: words.appeals.source,
      note: writeUnreadNote('appeals', listUnreadAppeals(reports, yearOf), (g) => APPEAL_GROUP_LABELS[g][lang], noteWords),
      drawing: appeals.length === 0 ? null : stacked(appeals, {
        ariaLabel: words.appeals.aria(name),
        keys: APPEAL_GROUPS,
        labels: APPEAL_GROUPS.map((g) => APPEAL_GROUP_LABELS[g][lang]),
        colors: [CATEGORY_COLORS[0]!, CATEGORY_COLORS[1]!, CATEGORY_COLORS[5]!],
        xLabel: words.appeals.axis,
        unit: chartWords.casesUnit,
        unreadLabel: chartWords.unreadLabel,
        punctuation: chartWords.punctuation,
      }),
      columns: [words.requests.columns(false)[0]!, ...APPEAL_GROUPS.map((g) => APPEAL_GROUP_LABELS[g][lang])],
      rows: reports.map((r) => [yearOf(r), ...APPEAL_GROUPS.map((g) => r.appeals[g])]),
    }),
  };
}
