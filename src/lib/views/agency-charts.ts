/**
 * An agency's four charts across its years, with their titles, descriptions, sources and data
 * tables: shared by the agency page and the agency's embed pages.
 */
import { listAppealSegments, listApplicantSegments, listDispositionSegments, listRequestsPerYear, type AgencyGroup, type RequestsPoint } from '../aggregate/corpus.ts';
import { APPLICANT_COLUMNS, DISPOSITION_GROUPS, DISPOSITION_LABELS } from '../aggregate/summarize.ts';
import { CATEGORY_COLORS, DISPOSITION_COLORS } from '../charts/colors.ts';
import { drawChart, type ChartDrawing, type DrawFunction } from '../charts/drawing.ts';
import type { SeriesOptions, SeriesPoint } from '../charts/series-by-year.ts';
import type { StackedBarOptions, StackedSegment } from '../charts/stacked-bars.ts';
import { APPEAL_GROUPS, APPEAL_GROUP_LABELS, COLUMN_LABELS } from '../template.ts';
import type { Lang } from '../site/i18n.ts';
import { listUndrawnBars, UNREAD_LABEL } from '../aggregate/disposition-bars.ts';
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
  const plans = lang === 'en' ? planEnglish(group) : planChinese(group);
  return AGENCY_CHART_KEYS.map((key) => drawPlan(plans[key](), draw));
}

/** Returns one of the agency's charts (Chinese labels), drawing only that one. */
export function buildAgencyChart(group: AgencyGroup, key: AgencyChartKey, draw: DrawFunction = drawChart): ChartSpec {
  return drawPlan(planChinese(group)[key](), draw);
}

/** Returns every drawing of the agency's pages (both languages; the embeds draw the Chinese ones again). */
export function listAgencyDrawings(group: AgencyGroup): ChartDrawing[] {
  return [planChinese(group), planEnglish(group)].flatMap((plans) => AGENCY_CHART_KEYS.flatMap((key) => plans[key]().drawing ?? []));
}

function planChinese(group: AgencyGroup): ChartPlans {
  const { reports } = group;
  const name = group.agency.name;
  const yearOf = (s: { year: number }) => `${s.year}年`;
  const points = listRequestsPerYear(reports, { withLegacy: true });
  const dispositions = listDispositionSegments(reports, yearOf);
  const applicants = listApplicantSegments(reports, yearOf);
  const appeals = listAppealSegments(reports, yearOf);
  const proseCount = points.filter((p) => p.fromProse).length;
  const legacyCount = points.filter((p) => p.fromLegacy).length;
  const notes = [
    proseCount ? `空心点：该年报告没有表格，数字取自正文（${proseCount} 个）。` : '',
    legacyCount ? `方形点、虚线：2019 年以前的报告没有表三，数字是其旧式统计表“受理政府信息公开申请总数”的本年数（${legacyCount} 个）。受理申请与 2019 年起的“本年新收申请”不是同一口径，两段之间不宜直接比较。` : '',
  ].filter(Boolean);
  return {
    requests: () => ({
      key: 'requests',
      title: '每年新收政府信息公开申请',
      description: `${name}各年度本年新收申请数（件）。空心点表示该年数字来自正文而非表格。${legacyCount ? '方形点为 2019 年以前报告旧式统计表的受理申请数，与本年新收口径不同。' : ''}`,
      source: `${name}各年度政府信息公开工作年度报告，表三第一行“本年新收政府信息公开申请数量”总计列${legacyCount ? '；2019 年以前为旧式统计表“受理政府信息公开申请总数”的本年列' : ''}。`,
      note: notes.length ? notes.join('') : undefined,
      drawing: points.length === 0 ? null : series(points.map(toSeriesPoint), { ariaLabel: `${name}每年新收申请折线图`, yLabel: legacyCount ? '新收申请 / 受理申请（件）' : '新收申请（件）' }),
      columns: ['年度', legacyCount ? '新收申请 / 受理申请（件）' : '新收申请（件）', '来源'],
      rows: points.map((p) => [`${p.year}年`, p.received, p.fromLegacy ? '旧式统计表（受理申请）' : p.fromProse ? '正文' : '表三']),
    }),
    dispositions: () => ({
      key: 'dispositions',
      title: '办理结果构成',
      description: '各年度办理结果按类别占办理总计的比例；数据表同时给出件数。未能读出的类别画为斜线部分；办理总计为 0、未读出或与各类之和不符的年度不画比例。',
      source: '表三“三、本年度办理结果”各项的总计列。',
      note: writeDispositionNote(dispositions, listUndrawnBars(reports, yearOf)),
      drawing: dispositions.length === 0 ? null : stacked(toOutcomeSegments(dispositions), {
        ariaLabel: `${name}办理结果构成堆积条形图`,
        keys: DISPOSITION_GROUPS,
        labels: DISPOSITION_GROUPS.map((g) => DISPOSITION_LABELS[g].zh),
        colors: DISPOSITION_GROUPS.map((g) => DISPOSITION_COLORS[g]),
        normalize: true,
        xLabel: '占办理结果（%）',
      }),
      columns: ['年度', ...DISPOSITION_GROUPS.map((g) => `${DISPOSITION_LABELS[g].zh}（件）`), '总计（件）'],
      rows: reports.map((r) => [yearOf(r), ...DISPOSITION_GROUPS.map((g) => r.dispositions[g]), r.handled]),
    }),
    applicants: () => ({
      key: 'applicants',
      title: '申请人类型',
      description: '各年度新收申请按申请人类型的件数。',
      source: '表三第一行“本年新收政府信息公开申请数量”各列。',
      note: writeUnreadNote('applicants', listUnreadApplicants(reports, yearOf), (c) => COLUMN_LABELS[c].zh),
      drawing: applicants.length === 0 ? null : stacked(applicants, {
        ariaLabel: `${name}申请人类型堆积条形图`,
        keys: APPLICANT_COLUMNS,
        labels: APPLICANT_COLUMNS.map((c) => COLUMN_LABELS[c].zh),
        colors: CATEGORY_COLORS.slice(0, APPLICANT_COLUMNS.length),
        xLabel: '新收申请（件）',
      }),
      columns: ['年度', ...APPLICANT_COLUMNS.map((c) => COLUMN_LABELS[c].zh)],
      rows: reports.map((r) => [yearOf(r), ...APPLICANT_COLUMNS.map((c) => r.applicants[c])]),
    }),
    appeals: () => ({
      key: 'appeals',
      title: '行政复议与行政诉讼',
      description: '各年度因政府信息公开被申请行政复议、提起行政诉讼的件数（各组总计）。',
      source: '表四各组的总计列。',
      note: writeUnreadNote('appeals', listUnreadAppeals(reports, yearOf), (g) => APPEAL_GROUP_LABELS[g].zh),
      drawing: appeals.length === 0 ? null : stacked(appeals, {
        ariaLabel: `${name}行政复议与行政诉讼堆积条形图`,
        keys: APPEAL_GROUPS,
        labels: APPEAL_GROUPS.map((g) => APPEAL_GROUP_LABELS[g].zh),
        colors: [CATEGORY_COLORS[0]!, CATEGORY_COLORS[1]!, CATEGORY_COLORS[5]!],
        xLabel: '案件（件）',
      }),
      columns: ['年度', ...APPEAL_GROUPS.map((g) => APPEAL_GROUP_LABELS[g].zh)],
      rows: reports.map((r) => [yearOf(r), ...APPEAL_GROUPS.map((g) => r.appeals[g])]),
    }),
  };
}

/** The same four charts with English titles, axes and legends (agency names stay Chinese). */
function planEnglish(group: AgencyGroup): ChartPlans {
  const { reports } = group;
  const name = group.agency.name;
  const yearOf = (s: { year: number }) => String(s.year);
  const points = listRequestsPerYear(reports, { withLegacy: true });
  const dispositions = listDispositionSegments(reports, yearOf);
  const applicants = listApplicantSegments(reports, yearOf).map((s) => ({ ...s, label: COLUMN_LABELS[s.key as keyof typeof COLUMN_LABELS].en }));
  const appeals = listAppealSegments(reports, yearOf).map((s) => ({ ...s, label: APPEAL_GROUP_LABELS[s.key as keyof typeof APPEAL_GROUP_LABELS].en }));
  const proseCount = points.filter((p) => p.fromProse).length;
  const legacyCount = points.filter((p) => p.fromLegacy).length;
  const notes = [
    proseCount ? `Hollow dots: that year’s report has no tables; the figure is from its prose (${proseCount}).` : '',
    legacyCount ? `Squares on a dashed line: a report before 2019 has no table 3; the figure is requests accepted (受理) in its older statistics table (${legacyCount}). Requests accepted and the new requests received (本年新收) counted from 2019 on are not the same measure: do not compare the two stretches directly.` : '',
  ].filter(Boolean);
  return {
    requests: () => ({
      key: 'requests',
      title: 'New requests per year',
      description: `New information requests received by ${name} each year. A hollow dot marks a figure read from the prose, not a table.${legacyCount ? ' A square marks requests accepted in the older statistics table of a report before 2019, another measure.' : ''}`,
      source: `Each year’s annual report, table 3, first row (本年新收政府信息公开申请数量), total column${legacyCount ? '; before 2019, the older statistics table’s 受理政府信息公开申请总数, this year’s column' : ''}.`,
      note: notes.length ? notes.join(' ') : undefined,
      drawing: points.length === 0 ? null : series(points.map(toSeriesPoint), { ariaLabel: `New requests per year, ${name}`, yLabel: legacyCount ? 'New / accepted requests' : 'New requests', xLabel: 'Year', yearSuffix: '', proseNote: ' (from prose, not a table)', legacyNote: ' (before 2019: requests accepted, older statistics table)' }),
      columns: ['Year', legacyCount ? 'New (accepted) requests' : 'New requests', 'Read from'],
      rows: points.map((p) => [String(p.year), p.received, p.fromLegacy ? 'older table (accepted)' : p.fromProse ? 'prose' : 'table 3']),
    }),
    dispositions: () => ({
      key: 'dispositions',
      title: 'Outcomes of requests handled',
      description: 'Share of each outcome among requests handled each year; the table gives counts. Outcomes that could not be read are drawn hatched; years whose total handled is 0, not read or contradicted by the outcomes draw no shares.',
      source: 'Table 3, section 三 (outcomes), total column.',
      note: writeDispositionNote(dispositions, listUndrawnBars(reports, yearOf), 'en'),
      drawing: dispositions.length === 0 ? null : stacked(toOutcomeSegments(dispositions, 'en'), {
        ariaLabel: `Outcomes per year, ${name}`,
        keys: DISPOSITION_GROUPS,
        labels: DISPOSITION_GROUPS.map((g) => DISPOSITION_LABELS[g].en),
        colors: DISPOSITION_GROUPS.map((g) => DISPOSITION_COLORS[g]),
        normalize: true,
        xLabel: 'Share of requests handled (%)',
        unit: ' requests',
        unreadLabel: UNREAD_LABEL.en,
      }),
      columns: ['Year', ...DISPOSITION_GROUPS.map((g) => DISPOSITION_LABELS[g].en), 'Total handled'],
      rows: reports.map((r) => [yearOf(r), ...DISPOSITION_GROUPS.map((g) => r.dispositions[g]), r.handled]),
    }),
    applicants: () => ({
      key: 'applicants',
      title: 'Who asked',
      description: 'New requests by type of applicant.',
      source: 'Table 3, first row, applicant columns.',
      note: writeUnreadNote('applicants', listUnreadApplicants(reports, yearOf), (c) => COLUMN_LABELS[c].en, 'en'),
      drawing: applicants.length === 0 ? null : stacked(applicants, {
        ariaLabel: `Applicant types per year, ${name}`,
        keys: APPLICANT_COLUMNS,
        labels: APPLICANT_COLUMNS.map((c) => COLUMN_LABELS[c].en),
        colors: CATEGORY_COLORS.slice(0, APPLICANT_COLUMNS.length),
        xLabel: 'New requests',
        unit: ' requests',
      }),
      columns: ['Year', ...APPLICANT_COLUMNS.map((c) => COLUMN_LABELS[c].en)],
      rows: reports.map((r) => [yearOf(r), ...APPLICANT_COLUMNS.map((c) => r.applicants[c])]),
    }),
    appeals: () => ({
      key: 'appeals',
      title: 'Administrative review and litigation',
      description: 'Cases brought over information disclosure each year (group totals).',
      source: 'Table 4, total column of each group.',
      note: writeUnreadNote('appeals', listUnreadAppeals(reports, yearOf), (g) => APPEAL_GROUP_LABELS[g].en, 'en'),
      drawing: appeals.length === 0 ? null : stacked(appeals, {
        ariaLabel: `Review and litigation per year, ${name}`,
        keys: APPEAL_GROUPS,
        labels: APPEAL_GROUPS.map((g) => APPEAL_GROUP_LABELS[g].en),
        colors: [CATEGORY_COLORS[0]!, CATEGORY_COLORS[1]!, CATEGORY_COLORS[5]!],
        xLabel: 'Cases',
        unit: ' cases',
      }),
      columns: ['Year', ...APPEAL_GROUPS.map((g) => APPEAL_GROUP_LABELS[g].en)],
      rows: reports.map((r) => [yearOf(r), ...APPEAL_GROUPS.map((g) => r.appeals[g])]),
    }),
  };
}

