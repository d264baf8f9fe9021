/**
 * A measure per year, one line per agency (requests received, handled, grant rate…). Points read
 * from prose (a report without tables) are drawn hollow, so the reader sees which figures are not
 * from the table; points of another measure from the older statistics table (受理申请 before 2019)
 * are squares on a dashed line of their own, not joined to the later points.
 */
import * as Plot from '@observablehq/plot';
import { CATEGORY_COLORS } from './colors.ts';
import { renderPlot, type ChartOptions } from './render.ts';

/** One point: an agency's value for a year. */
export interface SeriesPoint {
  agency: string;
  year: number;
  value: number;
  fromProse: boolean;
  /** True for a figure of the older statistics table (before 2019); absent otherwise. */
  fromLegacy?: boolean;
}

export interface SeriesOptions extends ChartOptions {
  /** Axis label with unit, e.g. 新收申请（件）. */
  yLabel: string;
  /** Values are fractions 0–1 shown as percent. */
  percent?: boolean;
  /** Label of the year axis. */
  xLabel: string;
  /** Words in the tooltip after the year, and after a prose figure. */
  yearSuffix: string;
  proseNote: string;
  /** Words in the tooltip after a figure of the older table. */
  legacyNote: string;
}

/** Returns the SVG markup of the per-year line chart. */
export function drawSeriesByYear(points: readonly SeriesPoint[], options: SeriesOptions): string {
  const years = [...new Set(points.map((p) => p.year))].sort();
  const show = (v: number) => (options.percent ? `${(v * 100).toFixed(1)}%` : v.toLocaleString('en-US'));
  const current = points.filter((p) => !p.fromLegacy);
  const legacy = points.filter((p) => p.fromLegacy);
  const label = (d: SeriesPoint) => `${d.agency} ${d.year}${options.yearSuffix}${options.punctuation.colon}${show(d.value)}`;
  return renderPlot({
    width: options.width ?? 600,
    height: 320,
    // Room for a tick label of six digits and a comma (123,456) at the size phones show (CHART_CHAR_WIDTH).
    marginLeft: 64,
    // Room above the top tick for the y-axis label at that size too.
    marginTop: 28,
    marginRight: 24,
    marginBottom: 48,
    ariaLabel: options.ariaLabel,
    ariaDescription: options.ariaDescription,
    x: { label: options.xLabel, labelAnchor: 'center', labelOffset: 36, labelArrow: 'none', type: 'point', domain: years, tickFormat: (d: number) => String(d), inset: 20 },
    y: { label: options.yLabel, grid: true, zero: true, percent: options.percent ?? false },
    color: { legend: true, range: CATEGORY_COLORS },
    marks: [
      Plot.ruleY([0]),
      Plot.line(current, { x: 'year', y: 'value', z: 'agency', stroke: 'agency', strokeWidth: 2 }),
      // Table figures filled, prose figures hollow: two marks so the hollow fill stays a constant.
      Plot.dot(current.filter((p) => !p.fromProse), {
        x: 'year', y: 'value', stroke: 'agency', fill: 'agency', r: 4.5, strokeWidth: 2,
        title: label,
      }),
      Plot.dot(current.filter((p) => p.fromProse), {
        x: 'year', y: 'value', stroke: 'agency', fill: 'white', r: 4.5, strokeWidth: 2,
        title: (d: SeriesPoint) => `${label(d)}${options.proseNote}`,
      }),
      // Another measure (受理申请 of the older table): its own dashed line and square points, so
      // that nothing joins it to the later 本年新收. Only drawn when there are such points.
      ...(legacy.length
        ? [
            Plot.line(legacy, { x: 'year', y: 'value', z: 'agency', stroke: 'agency', strokeWidth: 2, strokeDasharray: '5,4' }),
            Plot.dot(legacy, {
              x: 'year', y: 'value', stroke: 'agency', fill: 'agency', r: 5, strokeWidth: 2, symbol: 'square',
              title: (d: SeriesPoint) => `${label(d)}${options.legacyNote}`,
            }),
          ]
        : []),
      Plot.text(points, { x: 'year', y: 'value', text: (d: SeriesPoint) => show(d.value), dy: -11, fill: 'currentColor' }),
    ],
  });
}
