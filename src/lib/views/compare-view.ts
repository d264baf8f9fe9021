/**
 * The compare page's four charts for a selection, as SVG plus data-table rows. The page renders the
 * default selection at build time; the client script calls the same function when the reader picks.
 */
import { ascending, descending } from 'd3-array';
import { MEASURE_IS_SHARE, readMeasure, type CompareRow, type Selection } from '../aggregate/compare.ts';
import { listDispositionSegments } from '../aggregate/corpus.ts';
import { DISPOSITION_GROUPS } from '../aggregate/summarize.ts';
import { chartWords } from '../i18n/chart-words-by-lang.ts';
import type { Lang } from '../i18n/index.ts';
import { DISPOSITION_COLORS } from '../charts/colors.ts';
import { drawGrantRanking } from '../charts/ranking.ts';
import { drawRequestsByKind } from '../charts/requests-by-kind.ts';
import { drawSeriesByYear } from '../charts/series-by-year.ts';
import { drawStackedBars } from '../charts/stacked-bars.ts';
import { listUndrawnBars } from '../aggregate/disposition-bars.ts';
import { writeDispositionNote } from './chart-notes.ts';
import { toOutcomeSegments } from './outcome-segments.ts';

/** One chart of the view: its SVG ('' when there is nothing to draw), a note under it, and its data table. */
export interface ChartView {
  svg: string;
  /** What the drawing leaves out or marks as not read; absent when nothing. */
  note?: string;
  columns: string[];
  rows: (string | number | null)[][];
}

export interface CompareView {
  series: ChartView;
  dispositions: ChartView;
  ranking: ChartView;
  kind: ChartView;
  /** Titles that depend on the selection and language. */
  seriesTitle: string;
  crossTitle: string;
  titles: { series: string; dispositions: string; ranking: string; kind: string };
}

const pct = (x: number | null) => (x === null ? null : `${(x * 100).toFixed(1)}%`);

/**
 * Returns the four charts for the selection, labelled in the given language (the charts' words,
 * chart-words.ts: the compare page's script carries those, not the whole dictionary).
 */
export function buildCompareView(all: readonly CompareRow[], selection: Selection, lang: Lang): CompareView {
  const { compare: w, drawing, notes, measures } = chartWords(lang);
  const chosen = new Set(selection.agencies);
  const rows = all.filter((r) => chosen.has(r.slug)).sort((a, b) => ascending(a.agency, b.agency) || ascending(a.year, b.year));
  const { name: measureName, unit } = measures[selection.measure];
  const percent = MEASURE_IS_SHARE[selection.measure];
  const yLabel = `${measureName}${w.unit(unit)}`;
  const year = String(selection.year ?? '—');

  const points = rows.flatMap((r) => {
    const value = readMeasure(r, selection.measure);
    return value === null ? [] : [{ agency: r.agency, year: r.year, value, fromProse: selection.measure === 'received' && r.receivedFromProse }];
  });
  const series: ChartView = {
    svg: points.length
      ? drawSeriesByYear(points, {
          ariaLabel: w.seriesAria(measureName),
          yLabel,
          percent,
          ...drawing.series,
          punctuation: drawing.punctuation,
        })
      : '',
    columns: [w.agency, w.year, yLabel],
    rows: points.map((p) => [p.agency, String(p.year), percent ? pct(p.value) : p.value]),
  };

  const inYear = rows.filter((r) => r.year === selection.year);
  const segments = listDispositionSegments(inYear, (s) => s.agency);
  const note = writeDispositionNote(segments, listUndrawnBars(inYear, (s) => s.agency), notes);
  const dispositions: ChartView = {
    ...(note ? { note } : {}),
    svg: segments.length
      ? drawStackedBars(toOutcomeSegments(segments, drawing), {
          ariaLabel: w.dispAria(year),
          keys: DISPOSITION_GROUPS,
          labels: DISPOSITION_GROUPS.map((g) => drawing.dispositionLabels[g]),
          colors: DISPOSITION_GROUPS.map((g) => DISPOSITION_COLORS[g]),
          normalize: true,
          xLabel: w.dispAxis,
          unit: drawing.requestsUnit,
          unreadLabel: drawing.unreadLabel,
          punctuation: drawing.punctuation,
        })
      : '',
    columns: [w.agency, ...DISPOSITION_GROUPS.map((g) => w.dispColumn(drawing.dispositionLabels[g])), w.handled],
    rows: inYear.map((r) => [r.agency, ...DISPOSITION_GROUPS.map((g) => r.dispositions[g]), r.handled]),
  };

  const bars = inYear
    .filter((r) => r.grantRate !== null)
    .map((r) => ({ agency: r.agency, slug: r.slug, year: r.year, rate: r.grantRate!, handled: r.handled! }))
    .sort((a, b) => descending(a.rate, b.rate) || ascending(a.agency, b.agency));
  const ranking: ChartView = {
    svg: bars.length ? drawGrantRanking(bars, { ariaLabel: w.rankAria(year), xLabel: drawing.grantRateAxis, punctuation: drawing.punctuation }) : '',
    columns: [w.agency, w.year, w.share, w.handled],
    rows: bars.map((b) => [b.agency, String(b.year), pct(b.rate), b.handled]),
  };

  const kindPoints = inYear
    .filter((r) => r.received !== null)
    .map((r) => ({ agency: r.agency, year: r.year, kind: w.kindLabel(r.level, r.kind), received: r.received! }));
  const kind: ChartView = {
    svg: kindPoints.length ? drawRequestsByKind(kindPoints, { ariaLabel: w.kindAria(year), xLabel: drawing.receivedAxis, unit: drawing.requestsUnit, punctuation: drawing.punctuation }) : '',
    columns: [w.agency, w.kind, w.received],
    rows: kindPoints.map((p) => [p.agency, p.kind, p.received]),
  };

  return {
    series,
    dispositions,
    ranking,
    kind,
    seriesTitle: w.seriesTitle(measureName),
    crossTitle: w.cross(year),
    titles: { series: w.seriesTitle(measureName), dispositions: w.dispTitle(year), ranking: w.rankTitle(year), kind: w.kindTitle(year) },
  };
}
