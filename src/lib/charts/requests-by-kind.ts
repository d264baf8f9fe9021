/** Requests received against agency kind and level: one dot per report, grouped by kind/level. */
import * as Plot from '@observablehq/plot';
import { CATEGORY_COLORS } from './colors.ts';
import { formatCountUnit, measureLabel, renderPlot, type ChartOptions, type ChartUnit } from './render.ts';

/** One dot: a report's requests received, its agency's kind/level label. */
export interface KindPoint {
  agency: string;
  year: number;
  /** e.g. 县级·政府, 地市级·部门, County · government */
  kind: string;
  received: number;
}

/** Returns the SVG markup of the requests-by-kind dot plot; `unit` follows a count in tooltips. */
export function drawRequestsByKind(points: readonly KindPoint[], options: ChartOptions & { xLabel: string; unit: ChartUnit }): string {
  const kinds = [...new Set(points.map((p) => p.kind))].sort();
  return renderPlot({
    width: options.width ?? 600,
    height: 84 + kinds.length * 44,
    // Room for the longest level · kind label (English ones are long), never less than the Chinese ones take.
    marginLeft: Math.max(100, Math.min(280, 14 + Math.max(...kinds.map(measureLabel)))),
    marginBottom: 48,
    ariaLabel: options.ariaLabel,
    ariaDescription: options.ariaDescription,
    x: { label: options.xLabel, labelAnchor: 'center', labelOffset: 36, labelArrow: 'none', grid: true, zero: true },
    y: { label: null, domain: kinds },
    color: { domain: kinds, range: CATEGORY_COLORS },
    marks: [
      Plot.dot(points, {
        x: 'received',
        y: 'kind',
        fill: 'kind',
        r: 6,
        fillOpacity: 0.8,
        title: (d: KindPoint) => `${d.agency} ${d.year}${options.punctuation.colon}${formatCountUnit(d.received, options.unit)}`,
      }),
    ],
  });
}
