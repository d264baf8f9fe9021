/**
 * Boilerplate score: how much of a report's prose (sections 一 总体情况, 五 问题, 六 其他) repeats the
 * same agency's previous report. Two measures: the share of sentences reused exactly (sentences split
 * on 。！？； and line breaks, whitespace ignored), and the share of distinct character 5-grams reused.
 */
import { group } from 'd3-array';
import type { ReportRecord } from '../schema/report.ts';

export const NGRAM_SIZE = 5;
const SECTIONS = ['overview', 'problems', 'other'] as const;

/** Returns text without any whitespace (half- or full-width), so layout does not count as change. */
export function squeeze(text: string): string {
  return text.replace(/[\s\u3000]+/g, '');
}

/** Returns the sentences of a text: split on 。！？； and line breaks, whitespace removed, empty ones dropped. */
export function splitSentences(text: string): string[] {
  return text
    .split(/[。！？；\n]/)
    .map(squeeze)
    .filter((s) => s.length > 0);
}

/** Returns the prose sections of a record that are present, in order. */
export function listProse(record: ReportRecord): string[] {
  return SECTIONS.map((k) => record.sections[k]).filter((s): s is string => s !== null);
}

/** Returns the distinct character n-grams of each text (whitespace removed; n-grams do not cross texts). */
export function collectNgrams(texts: readonly string[], n = NGRAM_SIZE): Set<string> {
  const grams = new Set<string>();
  for (const text of texts) {
    const squeezed = squeeze(text);
    const chars = [...squeezed];
    // Without characters beyond the BMP each character is one UTF-16 unit: slices of the string are
    // the n-grams, without an array joined per n-gram.
    if (chars.length === squeezed.length) {
      for (let i = 0; i + n <= squeezed.length; i++) grams.add(squeezed.slice(i, i + n));
    } else {
      for (let i = 0; i + n <= chars.length; i++) grams.add(chars.slice(i, i + n).join(''));
    }
  }
  return grams;
}

/** A report's prose compared with the agency's previous report. */
export interface BoilerplateScore {
  id: string;
  slug: string;
  agency: string;
  year: number;
  previousId: string;
  previousYear: number;
  /** Sentences of this report, and how many appear word for word in the previous one. */
  sentences: number;
  reusedSentences: number;
  /** reusedSentences / sentences, 0–1; null when this report has no prose. */
  sentenceShare: number | null;
  /** Distinct 5-grams of this report, and how many also occur in the previous one. */
  ngrams: number;
  reusedNgrams: number;
  /** reusedNgrams / ngrams, 0–1; null when this report has no prose. */
  ngramShare: number | null;
  /** The longest reused sentences (up to 5), as printed without whitespace. */
  examples: string[];
}

/**
 * Scores already computed, by report then previous report: the report, agency and findings pages (in
 * both languages) all ask for the same pairs, and 5-gram sets are the costliest part of a page.
 * Keyed by the record objects, which are never modified, so the cache cannot go stale.
 */
const scored = new WeakMap<ReportRecord, WeakMap<ReportRecord, BoilerplateScore>>();

/** Returns the boilerplate score of a report against the agency's previous report (computed once per pair). */
export function scoreBoilerplate(record: ReportRecord, previous: ReportRecord): BoilerplateScore {
  let byPrevious = scored.get(record);
  if (!byPrevious) scored.set(record, (byPrevious = new WeakMap()));
  let score = byPrevious.get(previous);
  if (!score) byPrevious.set(previous, (score = computeBoilerplate(record, previous)));
  return score;
}

/** A record's prose as the scores compare it: its sentences and its distinct 5-grams. */
interface ProseParts {
  sentences: string[];
  sentenceSet: Set<string>;
  grams: Set<string>;
}

/**
 * The prose parts made last, by record object (never modified): an agency's pairs are scored one
 * after another, each report as the later of one pair and the earlier of the next, so its parts are
 * made once. Only a few are kept: 5-gram sets are large, and a corpus's would crowd the heap. A
 * short list searched by identity rather than the site's createRecentCache, a Map keyed by the
 * record objects, which measured slower (bench/results.md, "Figures behind constants in the code").
 */
const recentParts: [ReportRecord, ProseParts][] = [];
const RECENT_PARTS = 4;

/** Returns a record's sentences and 5-grams, from the recent ones when there. */
function readProseParts(record: ReportRecord): ProseParts {
  const known = recentParts.find(([r]) => r === record);
  if (known) return known[1];
  const prose = listProse(record);
  const sentences = prose.flatMap(splitSentences);
  const parts = { sentences, sentenceSet: new Set(sentences), grams: collectNgrams(prose) };
  recentParts.unshift([record, parts]);
  recentParts.length = Math.min(recentParts.length, RECENT_PARTS);
  return parts;
}

function computeBoilerplate(record: ReportRecord, previous: ReportRecord): BoilerplateScore {
  const { sentences, grams } = readProseParts(record);
  const { sentenceSet: known, grams: previousGrams } = readProseParts(previous);
  const reused = sentences.filter((s) => known.has(s));
  let reusedNgrams = 0;
  for (const g of grams) if (previousGrams.has(g)) reusedNgrams++;
  return {
    id: record.id,
    slug: record.agency.slug,
    agency: record.agency.name,
    year: record.year,
    previousId: previous.id,
    previousYear: previous.year,
    sentences: sentences.length,
    reusedSentences: reused.length,
    sentenceShare: sentences.length ? reused.length / sentences.length : null,
    ngrams: grams.size,
    reusedNgrams,
    ngramShare: grams.size ? reusedNgrams / grams.size : null,
    examples: [...new Set(reused)].sort((a, b) => b.length - a.length).slice(0, 5),
  };
}

/** Returns the report of the same agency with the latest year before this one's, or null. */
export function findPrevious(records: readonly ReportRecord[], record: ReportRecord): ReportRecord | null {
  let best: ReportRecord | null = null;
  for (const r of records) {
    if (r.agency.slug === record.agency.slug && r.year < record.year && (!best || r.year > best.year)) best = r;
  }
  return best;
}

/** Returns the score of every report that has a previous report, most 5-grams reused first. */
export function rankBoilerplate(records: readonly ReportRecord[]): BoilerplateScore[] {
  // Grouped by agency first: finding each report's predecessor in the whole corpus would be quadratic.
  return sortBoilerplate([...group(records, (r) => r.agency.slug).values()].flatMap(scoreAgencyBoilerplate));
}

/** Returns the score of each of one agency's reports that has a previous report, in the order given. */
export function scoreAgencyBoilerplate(list: readonly ReportRecord[]): BoilerplateScore[] {
  return list.flatMap((r) => {
    const previous = findPrevious(list, r);
    return previous ? [scoreBoilerplate(r, previous)] : [];
  });
}

/** Returns the scores sorted most 5-grams reused first, then most sentences, then by id. */
export function sortBoilerplate(scores: readonly BoilerplateScore[]): BoilerplateScore[] {
  return [...scores].sort((a, b) => (b.ngramShare ?? -1) - (a.ngramShare ?? -1) || (b.sentenceShare ?? -1) - (a.sentenceShare ?? -1) || (a.id < b.id ? -1 : 1));
}
