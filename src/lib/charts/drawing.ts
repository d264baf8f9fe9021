/**
 * A chart to draw, as plain data: which chart module and its arguments. Naming a drawing by its
 * content lets the build draw agencies' charts ahead of the Astro build, on every core, and keep
 * them between builds (scripts/render-charts.ts): the same drawing always gives the same SVG, so a
 * page can take the stored one instead of drawing it again.
 */
import { createHash } from 'node:crypto';
import { drawSeriesByYear, type SeriesOptions, type SeriesPoint } from './series-by-year.ts';
import { drawStackedBars, type StackedBarOptions, type StackedSegment } from './stacked-bars.ts';

/** A call of one chart module: its name and its two arguments. */
export type ChartDrawing =
  | { chart: 'series-by-year'; rows: SeriesPoint[]; options: SeriesOptions }
  | { chart: 'stacked-bars'; rows: StackedSegment[]; options: StackedBarOptions };

/** Turns a drawing into SVG markup. */
export type DrawFunction = (drawing: ChartDrawing) => string;

/** Returns the SVG markup of a drawing, drawn now by its chart module. */
export function drawChart(drawing: ChartDrawing): string {
  return drawing.chart === 'series-by-year' ? drawSeriesByYear(drawing.rows, drawing.options) : drawStackedBars(drawing.rows, drawing.options);
}

/**
 * Returns the key of a drawing (40 hex digits): the sha1 of `version` (the chart code's version,
 * see chartCodeVersion) and the drawing's JSON. Equal keys mean equal SVG.
 */
export function keyOfDrawing(drawing: ChartDrawing, version: string): string {
  return createHash('sha1').update(version).update('\0').update(JSON.stringify(drawing)).digest('hex');
}
