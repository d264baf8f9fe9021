/**
 * The compare page's four charts for a selection, as SVG plus data-table rows. The page renders the
 * default selection at build time; the client script calls the same function when the reader picks.
 */
import { ascending, descending } from 'd3-array';
import { MEASURES, readMeasure, type CompareRow, type Selection } from '../aggregate/compare.ts';
import { listDispositionSegments } from '../aggregate/corpus.ts';
import { DISPOSITION_GROUPS, DISPOSITION_LABELS, type DispositionGroup } from '../aggregate/summarize.ts';
import type { Lang } from '../i18n/index.ts';
import { DISPOSITION_COLORS } from '../charts/colors.ts';
import { drawGrantRanking } from '../charts/ranking.ts';
import { drawRequestsByKind } from '../charts/requests-by-kind.ts';
import { drawSeriesByYear } from '../charts/series-by-year.ts';
import { drawStackedBars } from '../charts/stacked-bars.ts';
import { listUndrawnBars, UNREAD_LABEL } from '../aggregate/disposition-bars.ts';
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

const WORDS = {
  zh: {
    agency: '机关', year: '年度', unit: (u: string) => `（${u}）`, handled: '办理总计（件）', share: '予以公开占比', kind: '层级·类型', received: '新收申请（件）',
    seriesAria: (m: string) => `所选机关每年${m}折线图`, dispAria: (y: string) => `${y}年所选机关办理结果构成`, dispAxis: '占办理结果（%）',
    rankAria: (y: string) => `${y}年所选机关予以公开比例排名`, kindAria: (y: string) => `${y}年所选机关新收申请与机关层级类型`,
    seriesTitle: (m: string) => `每年${m}`, cross: (y: string) => `${y} 年`, count: '件',
    dispTitle: (y: string) => `办理结果构成（${y} 年）`, rankTitle: (y: string) => `予以公开比例排名（${y} 年）`, kindTitle: (y: string) => `新收申请与机关层级、类型（${y} 年）`,
  },
  en: {
    agency: 'Agency', year: 'Year', unit: (u: string) => (u === '%' ? ' (%)' : ''), handled: 'Total handled', share: 'Share granted in full', kind: 'Level · kind', received: 'New requests',
    seriesAria: (m: string) => `${m} per year, selected agencies`, dispAria: (y: string) => `Outcomes in ${y}, selected agencies`, dispAxis: 'Share of requests handled (%)',
    rankAria: (y: string) => `Share granted in full in ${y}, ranked`, kindAria: (y: string) => `New requests by agency level and kind, ${y}`,
    seriesTitle: (m: string) => `${m} per year`, cross: (y: string) => y, count: '',
    dispTitle: (y: string) => `Outcomes, ${y}`, rankTitle: (y: string) => `Share granted in full, ${y}`, kindTitle: (y: string) => `New requests by agency level and kind, ${y}`,
  },
} as const;

const KIND_WORDS: Record<string, string> = { 县级: 'County', 地市级: 'Prefecture', 省级: 'Province', 未知: 'Unknown', 政府: 'government', 部门: 'department' };

/** Returns a kind label (县级·政府) in English (County·government). */
function translateKind(label: string): string {
  return label.split('·').map((w) => KIND_WORDS[w] ?? w).join(' · ');
}

/** Returns the four charts for the selection, labelled in the given language. */
export function buildCompareView(all: readonly CompareRow[], selection: Selection, lang: Lang = 'zh'): CompareView {
  const w = WORDS[lang];
  const en = lang === 'en';
  const chosen = new Set(selection.agencies);
  const rows = all.filter((r) => chosen.has(r.slug)).sort((a, b) => ascending(a.agency, b.agency) || ascending(a.year, b.year));
  const measure = MEASURES[selection.measure];
  const measureName = en ? measure.en : measure.zh;
  const yLabel = `${measureName}${w.unit(measure.unit)}`;
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
          percent: measure.percent,
          ...(en ? { xLabel: 'Year', yearSuffix: '', proseNote: ' (from prose, not a table)' } : {}),
        })
      : '',
    columns: [w.agency, w.year, yLabel],
    rows: points.map((p) => [p.agency, String(p.year), measure.percent ? pct(p.value) : p.value]),
  };

  const inYear = rows.filter((r) => r.year === selection.year);
  const segments = listDispositionSegments(inYear, (s) => s.agency);
  const dispositionLabel = (g: DispositionGroup) => (en ? DISPOSITION_LABELS[g].en : DISPOSITION_LABELS[g].zh);
  const note = writeDispositionNote(segments, listUndrawnBars(inYear, (s) => s.agency), lang);
  const dispositions: ChartView = {
    ...(note ? { note } : {}),
    svg: segments.length
      ? drawStackedBars(toOutcomeSegments(segments, lang), {
          ariaLabel: w.dispAria(year),
          keys: DISPOSITION_GROUPS,
          labels: DISPOSITION_GROUPS.map(dispositionLabel),
          colors: DISPOSITION_GROUPS.map((g) => DISPOSITION_COLORS[g]),
          normalize: true,
          xLabel: w.dispAxis,
          ...(en ? { unit: ' requests', unreadLabel: UNREAD_LABEL.en } : {}),
        })
      : '',
    columns: [w.agency, ...DISPOSITION_GROUPS.map((g) => (en ? dispositionLabel(g) : `${dispositionLabel(g)}（件）`)), w.handled],
    rows: inYear.map((r) => [r.agency, ...DISPOSITION_GROUPS.map((g) => r.dispositions[g]), r.handled]),
  };

  const bars = inYear
    .filter((r) => r.grantRate !== null)
    .map((r) => ({ agency: r.agency, slug: r.slug, year: r.year, rate: r.grantRate!, handled: r.handled! }))
    .sort((a, b) => descending(a.rate, b.rate) || ascending(a.agency, b.agency));
  const ranking: ChartView = {
    svg: bars.length ? drawGrantRanking(bars, { ariaLabel: w.rankAria(year), ...(en ? { xLabel: 'Granted in full, share of handled (%)' } : {}) }) : '',
    columns: [w.agency, w.year, w.share, w.handled],
    rows: bars.map((b) => [b.agency, String(b.year), pct(b.rate), b.handled]),
  };

  const kindPoints = inYear
    .filter((r) => r.received !== null)
    .map((r) => ({ agency: r.agency, year: r.year, kind: en ? translateKind(r.kindLabel) : r.kindLabel, received: r.received! }));
  const kind: ChartView = {
    svg: kindPoints.length ? drawRequestsByKind(kindPoints, { ariaLabel: w.kindAria(year), ...(en ? { xLabel: 'New requests', unit: ' requests' } : {}) }) : '',
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
