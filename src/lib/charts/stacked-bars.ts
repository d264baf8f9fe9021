/**
 * Horizontal stacked bars: one bar per report (or agency), one segment per category. Used for
 * dispositions (normalised to shares), applicant types and appeal outcomes. A segment marked
 * `unread` (the part of a total whose category was not read) is hatched and outlined, so that it
 * reads as unknown, not as one more category.
 */
import * as Plot from '@observablehq/plot';
import { CHART_CHAR_WIDTH, formatCountUnit, renderPlot, type ChartOptions, type ChartUnit } from './render.ts';

/** One segment: `bar` is the bar's label, `key` the category, `value` a count, `share` 0–1. */
export interface StackedSegment {
  bar: string;
  key: string;
  label: string;
  value: number;
  share?: number;
  /** True for the part of the bar's total whose category was not read; absent otherwise. */
  unread?: boolean;
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
  /** Unit after a count in tooltips, with its leading space where the language has one. */
  unit: ChartUnit;
  /** Legend label of the hatched part not read; its segments carry it as `label`. */
  unreadLabel: string;
}

/** Colour of the hatching and outline of a part not read. */
const UNREAD_INK = '#555555';

/**
 * Returns an id for the hatching pattern of a chart, the same for the same chart: a page holds
 * several charts, and ids must not repeat in it.
 */
function idOfPattern(options: StackedBarOptions, bars: readonly string[]): string {
  // FNV-1a over the chart's name and bars: small, and available in the browser too.
  let h = 0x811c9dc5;
  for (const ch of `${options.ariaLabel}\0${bars.join('\0')}`) h = Math.imul(h ^ ch.codePointAt(0)!, 0x01000193) >>> 0;
  return `nianbao-unread-${h.toString(16).padStart(8, '0')}`;
}

/** Returns a Plot mark that adds the hatching pattern to the SVG (a <defs> with one <pattern>). */
function hatchingMark(id: string) {
  return (_index: unknown, _scales: unknown, _values: unknown, _dimensions: unknown, context: { document: Document }) => {
    const svg = (name: string, attributes: Record<string, string>) => {
      const el = context.document.createElementNS('http://www.w3.org/2000/svg', name);
      for (const [k, v] of Object.entries(attributes)) el.setAttribute(k, v);
      return el;
    };
    const defs = svg('defs', {});
    const pattern = svg('pattern', { id, width: '6', height: '6', patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(45)' });
    pattern.append(svg('rect', { width: '6', height: '6', fill: 'white' }), svg('line', { x1: '0', y1: '0', x2: '0', y2: '6', stroke: UNREAD_INK, 'stroke-width': '2' }));
    defs.append(pattern);
    return defs;
  };
}

/** Returns the SVG markup of a stacked horizontal bar chart. */
export function drawStackedBars(segments: readonly StackedSegment[], options: StackedBarOptions): string {
  const bars = [...new Set(segments.map((s) => s.bar))];
  const x = options.normalize ? 'share' : 'value';
  const allZero = segments.every((s) => s.value === 0);
  const unreadLabel = options.unreadLabel;
  const hasUnread = segments.some((s) => s.unread);
  const pattern = hasUnread ? idOfPattern(options, bars) : '';
  const labels = hasUnread ? [...options.labels, unreadLabel] : [...options.labels];
  const { colon, open, close } = options.punctuation;
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
    color: { legend: true, domain: labels, range: hasUnread ? [...options.colors, `url(#${pattern})`] : [...options.colors] },
    marks: [
      ...(hasUnread ? [hatchingMark(pattern)] : []),
      Plot.barX(segments, {
        y: 'bar',
        x,
        fill: 'label',
        // Only the part not read is outlined: hatching alone is faint on a small segment.
        ...(hasUnread ? { stroke: (d: StackedSegment) => (d.unread ? UNREAD_INK : 'none') } : {}),
        order: labels,
        title: (d: StackedSegment) => `${d.bar} · ${d.label}${colon}${formatCountUnit(d.value, options.unit)}${d.share !== undefined ? `${open}${(d.share * 100).toFixed(1)}%${close}` : ''}`,
      }),
      Plot.ruleX([0]),
    ],
  });
}
