/**
 * Rendering Observable Plot charts to markup. At build time Plot draws into a linkedom document
 * (installed by `./server-document.ts`, which pages and tests import) and we keep the SVG, so charts
 * read with JavaScript off. In a browser the same chart modules draw into the page's document, and
 * linkedom is never shipped to the client.
 */
import * as Plot from '@observablehq/plot';

let chartDocument: Document | undefined;

/** Sets the document charts draw into when there is no browser document (build time, tests). */
export function setChartDocument(doc: Document): void {
  chartDocument = doc;
}

/** Returns the document Plot draws into. */
function getDocument(): Document {
  const doc = chartDocument ?? (globalThis as { document?: Document }).document;
  if (!doc) throw new Error('no document to draw charts into: import src/lib/charts/server-document.ts first');
  return doc;
}

/**
 * Drawing units one character of chart text takes at the largest size pages show it: 15, the size
 * global.css gives chart text on phones, where a chart drawn 600 units wide is scaled down to the
 * screen. Margins that hold labels are sized with it, so that labels fit at that size too.
 */
export const CHART_CHAR_WIDTH = 15;

/** A full-width (CJK) character, drawn CHART_CHAR_WIDTH wide; others take about 0.6 of it. */
const FULL_WIDTH = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]/u;

/** Returns the drawing units a label of chart text takes at the largest size pages show it. */
export function measureLabel(label: string): number {
  let width = 0;
  for (const ch of label) width += FULL_WIDTH.test(ch) ? CHART_CHAR_WIDTH : CHART_CHAR_WIDTH * 0.6;
  return width;
}

/**
 * The punctuation of a chart's labels and tooltips, in the chart's language (the dictionaries'
 * `charts.drawing.punctuation`): strings, not functions, so that a drawing stays plain data.
 */
export interface ChartPunctuation {
  /** Between a label and its value: 沂源县人民政府 2023年：106, Agency 2023: 106. */
  colon: string;
  /** Around a year or a share after a label, with the space before it where the language has one. */
  open: string;
  close: string;
}

/** Options every chart takes. */
/** The word after a count in tooltips, by number: ' 件' for both in Chinese, ' request' / ' requests' in English. Plain strings, so that a drawing stays JSON. */
export interface ChartUnit {
  one: string;
  other: string;
}

/** Returns a count with its unit word (`12 requests`, `1 request`, `12 件`). */
export function formatCountUnit(n: number, unit: ChartUnit): string {
  return `${n}${n === 1 ? unit.one : unit.other}`;
}

export interface ChartOptions {
  /** Width in CSS pixels of the drawing (it scales down with the page). */
  width?: number;
  /** Accessible name of the SVG. */
  ariaLabel: string;
  /** One-sentence description for assistive technology. */
  ariaDescription?: string;
  /** Punctuation of labels and tooltips, in the chart's language. */
  punctuation: ChartPunctuation;
}

/** Returns the markup of a Plot chart (an `<svg>`, or a `<figure>` when it has a legend). */
export function renderPlot(options: Plot.PlotOptions): string {
  const node = Plot.plot({ document: getDocument(), style: { fontSize: '12px', fontFamily: 'inherit', overflow: 'visible' }, ...options });
  // Plot names each mark's <g> with aria-label, which ARIA forbids on an element without a role; keep
  // the name as data-mark and let the chart be one image with its own label and description.
  for (const g of node.querySelectorAll('g[aria-label]')) {
    g.setAttribute('data-mark', g.getAttribute('aria-label')!);
    g.removeAttribute('aria-label');
  }
  for (const svg of node.querySelectorAll('svg[aria-label]')) svg.setAttribute('role', 'img');
  if (node.matches('svg[aria-label]')) node.setAttribute('role', 'img');
  return (node as unknown as { outerHTML: string }).outerHTML;
}
