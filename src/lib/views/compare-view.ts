/**
 * The compare page's four charts for a selection, as SVG plus data-table rows. The page renders the
 * default selection at build time; the client script calls the same function when the reader picks.
 */
import { ascending, descending } from 'd3-array';
import { MEASURES, readMeasure, type CompareRow, type Selection } from '../aggregate/compare.ts';
import { listDispositionSegments } from '../aggregate/corpus.ts';
import { DISPOSITION_GROUPS, DISPOSITION_LABELS } from '../aggregate/summarize.ts';
import { DISPOSITION_COLORS } from '../charts/colors.ts';
import { drawGrantRanking } from '../charts/ranking.ts';
import { drawRequestsByKind } from '../charts/requests-by-kind.ts';
import { drawSeriesByYear } from '../charts/series-by-year.ts';
import { drawStackedBars } from '../charts/stacked-bars.ts';

/** One chart of the view: its SVG ('' when there is nothing to draw) and its data table. */
export interface ChartView {
  svg: string;
  columns: string[];
  rows: (string | number | null)[][];
}

export interface CompareView {
  series: ChartView;
  dispositions: ChartView;
  ranking: ChartView;
  kind: ChartView;
  /** Titles that depend on the selection. */
  seriesTitle: string;
  crossTitle: string;
}

const pct = (x: number | null) => (x === null ? null : `${(x * 100).toFixed(1)}%`);

/** Returns the four charts for the selection. */
export function buildCompareView(all: readonly CompareRow[], selection: Selection): CompareView {
  const chosen = new Set(selection.agencies);
  const rows = all.filter((r) => chosen.has(r.slug)).sort((a, b) => ascending(a.agency, b.agency) || ascending(a.year, b.year));
  const measure = MEASURES[selection.measure];
  const yLabel = `${measure.zh}（${measure.unit}）`;

  const points = rows.flatMap((r) => {
    const value = readMeasure(r, selection.measure);
    return value === null ? [] : [{ agency: r.agency, year: r.year, value, fromProse: selection.measure === 'received' && r.receivedFromProse }];
  });
  const series: ChartView = {
    svg: points.length ? drawSeriesByYear(points, { ariaLabel: `所选机关每年${measure.zh}折线图`, yLabel, percent: measure.percent }) : '',
    columns: ['机关', '年度', yLabel],
    rows: points.map((p) => [p.agency, String(p.year), measure.percent ? pct(p.value) : p.value]),
  };

  const inYear = rows.filter((r) => r.year === selection.year);
  const segments = listDispositionSegments(inYear, (s) => s.agency);
  const dispositions: ChartView = {
    svg: segments.length
      ? drawStackedBars(segments.map((d) => ({ bar: d.bar, key: d.group, label: d.label, value: d.count, share: d.share })), {
          ariaLabel: `${selection.year}年所选机关办理结果构成`,
          keys: DISPOSITION_GROUPS,
          labels: DISPOSITION_GROUPS.map((g) => DISPOSITION_LABELS[g].zh),
          colors: DISPOSITION_GROUPS.map((g) => DISPOSITION_COLORS[g]),
          normalize: true,
          xLabel: '占办理结果（%）',
        })
      : '',
    columns: ['机关', ...DISPOSITION_GROUPS.map((g) => `${DISPOSITION_LABELS[g].zh}（件）`), '办理总计（件）'],
    rows: inYear.map((r) => [r.agency, ...DISPOSITION_GROUPS.map((g) => r.dispositions[g]), r.handled]),
  };

  const bars = inYear
    .filter((r) => r.grantRate !== null)
    .map((r) => ({ agency: r.agency, slug: r.slug, year: r.year, rate: r.grantRate!, handled: r.handled! }))
    .sort((a, b) => descending(a.rate, b.rate) || ascending(a.agency, b.agency));
  const ranking: ChartView = {
    svg: bars.length ? drawGrantRanking(bars, { ariaLabel: `${selection.year}年所选机关予以公开比例排名` }) : '',
    columns: ['机关', '年度', '予以公开占比', '办理总计（件）'],
    rows: bars.map((b) => [b.agency, String(b.year), pct(b.rate), b.handled]),
  };

  const kindPoints = inYear.filter((r) => r.received !== null).map((r) => ({ agency: r.agency, year: r.year, kind: r.kindLabel, received: r.received! }));
  const kind: ChartView = {
    svg: kindPoints.length ? drawRequestsByKind(kindPoints, { ariaLabel: `${selection.year}年所选机关新收申请与机关层级类型` }) : '',
    columns: ['机关', '层级·类型', '新收申请（件）'],
    rows: kindPoints.map((p) => [p.agency, p.kind, p.received]),
  };

  return {
    series,
    dispositions,
    ranking,
    kind,
    seriesTitle: `每年${measure.zh}`,
    crossTitle: `${selection.year ?? '—'} 年`,
  };
}
