/**
 * The shape of the charts' words in every locale (chart-words-zh.ts, -en.ts; the dictionaries'
 * `charts`): the words drawn inside a chart (axes, tooltips, legends), the notes under the charts
 * that leave something out, and the compare page's labels. Written apart from the rest of the
 * dictionaries so that the compare page's script carries these words and not the whole site's
 * (chart-words-by-lang.ts chooses them by language).
 */
import type { CompareRow, LevelKey, MeasureKey } from '../aggregate/compare.ts';
import type { UndrawnReason } from '../aggregate/disposition-bars.ts';
import type { ChartPunctuation, ChartUnit } from '../charts/render.ts';
import type { DispositionGroup } from '../aggregate/summarize.ts';

export interface ChartWords {
  /** An agency's administrative level (the pages' words for it too). */
  levels: Record<LevelKey, string>;
  /** An agency's kind (the pages' words for it too). */
  kinds: Record<CompareRow['kind'], string>;
  /** In place of a chart with nothing to draw (the dictionaries' `nothingToDraw` too). */
  nothingToDraw: string;
  /** Words a chart module draws, passed as its options. */
  drawing: {
    /** Punctuation of labels and tooltips, every chart module's `punctuation` option. */
    punctuation: ChartPunctuation;
    /** The per-year line chart's year axis and tooltip words (drawSeriesByYear). */
    series: { xLabel: string; yearSuffix: string; proseNote: string; legacyNote: string };
    /** Unit after a count of requests, and of appeal cases, in tooltips. */
    requestsUnit: ChartUnit;
    casesUnit: ChartUnit;
    /** Legend label of the hatched part not read. */
    unreadLabel: string;
    /** Each disposition family's name (summarize.ts DISPOSITION_GROUPS), in legends and tooltips. */
    dispositionLabels: Record<DispositionGroup, string>;
    /** Axis of the requests-by-kind chart, and of the grant-rate ranking. */
    receivedAxis: string;
    grantRateAxis: string;
  };
  /** The notes under the charts of tables 三 and 四 that leave something out (views/chart-notes.ts). */
  notes: {
    unread: string;
    undrawn: (bars: string) => string;
    join: string;
    /** Between the parts of one note. */
    partJoin: string;
    reason: Record<UndrawnReason, string>;
    bar: (bar: string, reason: string) => string;
    applicants: (bars: string) => string;
    appeals: (bars: string) => string;
    categoryJoin: string;
    categoryBar: (bar: string, labels: string[]) => string;
  };
  /**
   * Each measure's name, and the unit written after a count of it ('' where the language writes
   * none; % for a share): the compare page's picker and axis, the findings' year-over-year changes.
   */
  measures: Record<MeasureKey, { name: string; unit: string }>;
  /** The compare page's chart labels, titles and table headings (views/compare-view.ts). */
  compare: {
    agency: string;
    year: string;
    /** The unit after a measure's name in its axis label (the measure's `unit`). */
    unit: (unit: string) => string;
    handled: string;
    share: string;
    kind: string;
    received: string;
    seriesAria: (measure: string) => string;
    dispAria: (year: string) => string;
    dispAxis: string;
    /** A disposition column of the outcomes table. */
    dispColumn: (label: string) => string;
    rankAria: (year: string) => string;
    kindAria: (year: string) => string;
    seriesTitle: (measure: string) => string;
    cross: (year: string) => string;
    dispTitle: (year: string) => string;
    rankTitle: (year: string) => string;
    kindTitle: (year: string) => string;
    /** An agency's level and kind (县级·政府, County · government). */
    kindLabel: (level: LevelKey, kind: CompareRow['kind']) => string;
  };
}
