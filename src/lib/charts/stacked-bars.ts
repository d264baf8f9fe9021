/**
 * Horizontal stacked bars: one bar per report (or agency), one segment per category. Used for
 * dispositions (normalised to shares), applicant types and appeal outcomes.
 */
import * as Plot from '@observablehq/plot';
import { CHART_CHAR_WIDTH, renderPlot, type ChartOptions } from './render.ts';

/** One segment: `bar` is the bar's label, `key` the category, `value` a count, `share` 0–1. */
export interface StackedSegment {
  bar: string;
  key: string;
  label: string;
  value: number;
  share?: number;
}

export interface StackedBarOptions extends ChartOptions {
  /** Category keys in stack order, their legend labels and colours. */
  keys: readonly string[];
  labels: readonly string[];
  colors: readonly string[];
  /** Draw `share` (0–1, as percent) instead of `value`. */
  normalize?: boolean;
  /** Axis label, with unit. */
  xLabel: string;
  /** Unit after a count in tooltips (default “ 件”). */
  unit?: string;
}

/** Returns the SVG markup of a stacked horizontal bar chart. */
export function drawStackedBars(segments: readonly StackedSegment[], options: StackedBarOptions): string {
  const bars = [...new Set(segments.map((s) => s.bar))];
  const x = options.normalize ? 'share' : 'value';
  const allZero = segments.every((s) => s.value === 0);
  return renderPlot({
    width: options.width ?? 600,
    height: 84 + bars.length * 34,
    marginLeft: Math.min(280, 14 + Math.max(...bars.map((b) => b.length), 2) * CHART_CHAR_WIDTH),
    marginBottom: 48,
    ariaLabel: options.ariaLabel,
    ariaDescription: options.ariaDescription,
    x: {
      label: options.xLabel,
      labelAnchor: 'center',
      labelOffset: 36,
      labelArrow: 'none',
      grid: true,
      percent: options.normalize ?? false,
      // Shares span 0–100%; counts that are all zero still get a readable 0–1 axis.
      ...(options.normalize ? { domain: [0, 100] } : allZero ? { domain: [0, 1] } : {}),
      tickFormat: options.normalize ? undefined : '~s',
    },
    y: { label: null, domain: bars },
    color: { legend: true, domain: options.labels as string[], range: options.colors as string[] },
    marks: [
      Plot.barX(segments, {
        y: 'bar',
        x,
        fill: 'label',
        order: options.labels as string[],
        title: (d: StackedSegment) => `${d.bar} · ${d.label}：${d.value}${options.unit ?? ' 件'}${d.share !== undefined ? `（${(d.share * 100).toFixed(1)}%）` : ''}`,
      }),
      Plot.ruleX([0]),
    ],
  });
}
