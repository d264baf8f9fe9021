/** Grant-rate ranking: one bar per agency (its latest report with a rate), highest first. */
import * as Plot from '@observablehq/plot';
import type { RateBar } from '../aggregate/corpus.ts';
import { DISPOSITION_COLORS } from './colors.ts';
import { CHART_CHAR_WIDTH, renderPlot, type ChartOptions } from './render.ts';

/** Returns the SVG markup of the grant-rate ranking. */
export function drawGrantRanking(bars: readonly RateBar[], options: ChartOptions & { xLabel: string }): string {
  const { open, close } = options.punctuation;
  const labels = bars.map((b) => `${b.agency}${open}${b.year}${close}`);
  return renderPlot({
    width: options.width ?? 600,
    height: 74 + bars.length * 30,
    marginLeft: Math.min(300, 14 + Math.max(...labels.map((l) => l.length), 2) * CHART_CHAR_WIDTH),
    marginRight: 50,
    marginBottom: 48,
    ariaLabel: options.ariaLabel,
    ariaDescription: options.ariaDescription,
    x: { label: options.xLabel, labelAnchor: 'center', labelOffset: 36, labelArrow: 'none', percent: true, domain: [0, 100], grid: true },
    y: { label: null, domain: labels },
    marks: [
      Plot.barX(bars, { y: (_d: RateBar, i: number) => labels[i], x: 'rate', fill: DISPOSITION_COLORS.granted }),
      Plot.text(bars, {
        y: (_d: RateBar, i: number) => labels[i],
        x: 'rate',
        text: (d: RateBar) => `${(d.rate * 100).toFixed(1)}%`,
        textAnchor: 'start',
        dx: 4,
      }),
      Plot.ruleX([0]),
    ],
  });
}
