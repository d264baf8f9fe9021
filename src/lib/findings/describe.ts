/**
 * The findings as plain data (no markup) for the report, agency and findings pages: year-over-year
 * changes with "check the source" flags, boilerplate score, timeliness, prose-vs-table disagreements,
 * applicant mix and the data-quality ranking.
 */
import { ascending, group } from 'd3-array';
import { summarizeReport } from '../aggregate/summarize.ts';
import type { ReportRecord } from '../schema/report.ts';
import { dictionary, type Lang } from '../i18n/index.ts';
import { combineApplicantMix, describeApplicantMix, type ReportApplicantMix, type YearApplicantMix } from './applicants.ts';
import { findPrevious, scoreAgencyBoilerplate, scoreBoilerplate, sortBoilerplate, type BoilerplateScore } from './boilerplate.ts';
import { listDisagreements, type Disagreement } from './disagreements.ts';
import { measureAgencyQuality, rankAgencyQuality, rankQuality, type AgencyQuality } from './quality.ts';
import { assessTimeliness, type Timeliness } from './timeliness.ts';
import { compareSummaries, listAgencyChanges, type MeasureChange } from './yoy.ts';
import { describeChangeFlag, describeTimeliness } from '../i18n/word-finding.ts';

/**
 * A "check the source" note: the finding it is about, put into words by describeFindingNote in the
 * reader's language.
 */
export type FindingNote = {
  /** The report the note is about. */
  id: string;
  /** Names the note among its report's notes, the same from build to build (the feed's entry ids). */
  key: string;
} & ({ kind: 'change'; change: MeasureChange } | { kind: 'timeliness'; timeliness: Timeliness } | { kind: 'disagreement'; disagreement: Disagreement });

/** Returns a prose-vs-table disagreement in words of a language (the dictionary's; the report page says the same). */
export function describeDisagreement(d: Disagreement, lang: Lang = 'zh'): string {
  const ui = dictionary(lang);
  return ui.report.disagreement(d.measure ? ui.narrativeLabels[d.measure]! : d.where, d.prose, d.proseLine, d.proseText, d.table);
}

/** Returns a note in words of a language (the dictionary's: the same as the pages say). */
export function describeFindingNote(note: FindingNote, lang: Lang = 'zh'): string {
  switch (note.kind) {
    case 'change':
      return describeChangeFlag(note.change, lang) ?? '';
    case 'timeliness':
      return dictionary(lang).timeliness.note(describeTimeliness(note.timeliness, lang));
    case 'disagreement':
      return describeDisagreement(note.disagreement, lang);
  }
}

/**
 * Returns the notes of findings, in this order: each flagged change, each report published late or
 * dated implausibly, each figure the prose states and the tables contradict.
 */
export function listFindingNotes(changes: readonly MeasureChange[], timeliness: readonly Timeliness[], disagreements: readonly Disagreement[]): FindingNote[] {
  return [
    ...changes.filter((c) => c.flag !== null).map((c) => ({ kind: 'change' as const, id: c.toId, key: `change:${c.measure}`, change: c })),
    ...timeliness
      .filter((t) => t.status === 'late' || t.status === 'implausible')
      .map((t) => ({ kind: 'timeliness' as const, id: t.id, key: 'timeliness', timeliness: t })),
    ...disagreements.map((d) => ({ kind: 'disagreement' as const, id: d.id, key: `disagreement:${d.measure ?? ''}:${d.where}`, disagreement: d })),
  ];
}

/** Returns the notes of one report's findings. */
function collectNotes(changes: readonly MeasureChange[], timeliness: Timeliness, disagreements: readonly Disagreement[]): FindingNote[] {
  return listFindingNotes(changes, [timeliness], disagreements);
}

/** The findings of one report. */
export interface ReportFindings {
  id: string;
  /** The agency's previous report compared with, or null. */
  previousId: string | null;
  /** Each headline measure against the previous report ([] without one). */
  changes: MeasureChange[];
  /** The flagged changes only. */
  flags: MeasureChange[];
  boilerplate: BoilerplateScore | null;
  timeliness: Timeliness;
  disagreements: Disagreement[];
  applicants: ReportApplicantMix;
  notes: FindingNote[];
}

/**
 * Findings already described, by report then previous report (or none): the report page in each
 * language asks for the same. Keyed by the record objects, which are never modified.
 */
const described = new WeakMap<ReportRecord, { none?: ReportFindings; after: WeakMap<ReportRecord, ReportFindings> }>();

/** Returns the findings of a report, compared with the agency's previous report when given (described once per pair). */
export function describeReportFindings(record: ReportRecord, previous: ReportRecord | null): ReportFindings {
  let entry = described.get(record);
  if (!entry) described.set(record, (entry = { after: new WeakMap() }));
  if (!previous) return (entry.none ??= computeReportFindings(record, null));
  let findings = entry.after.get(previous);
  if (!findings) entry.after.set(previous, (findings = computeReportFindings(record, previous)));
  return findings;
}

/** What a report's "check the source" notes are made of: its changes, flagged changes, timeliness and disagreements. */
export type ReportChecks = Pick<ReportFindings, 'changes' | 'flags' | 'timeliness' | 'disagreements'>;

/**
 * Returns a report's changes against the agency's previous report (when given), the flagged ones,
 * its timeliness and its prose-vs-table disagreements: the findings the search records put into
 * words, without the boilerplate score and applicant mix, which cost most of describeReportFindings
 * (the boilerplate's n-grams) and which no search record holds.
 */
export function describeReportChecks(record: ReportRecord, previous: ReportRecord | null): ReportChecks {
  if (previous && (previous.agency.slug !== record.agency.slug || previous.year >= record.year)) {
    throw new Error(`${previous.id} is not an earlier report of ${record.agency.slug}`);
  }
  const changes = previous ? compareSummaries(summarizeReport(previous), summarizeReport(record)) : [];
  return { changes, flags: changes.filter((c) => c.flag !== null), timeliness: assessTimeliness(record), disagreements: listDisagreements(record) };
}

function computeReportFindings(record: ReportRecord, previous: ReportRecord | null): ReportFindings {
  const { changes, flags, timeliness, disagreements } = describeReportChecks(record, previous);
  return {
    id: record.id,
    previousId: previous?.id ?? null,
    changes,
    flags,
    boilerplate: previous ? scoreBoilerplate(record, previous) : null,
    timeliness,
    disagreements,
    applicants: describeApplicantMix(record),
    notes: collectNotes(changes, timeliness, disagreements),
  };
}

/** The findings of one agency over its reports (oldest first). */
export interface AgencyFindings {
  slug: string;
  agency: string;
  years: number[];
  changes: MeasureChange[];
  flags: MeasureChange[];
  boilerplate: BoilerplateScore[];
  timeliness: Timeliness[];
  disagreements: Disagreement[];
  applicants: ReportApplicantMix[];
  quality: AgencyQuality;
  notes: FindingNote[];
}

/** Returns the findings of one agency from its reports (all of the same agency, any order). */
export function describeAgencyFindings(records: readonly ReportRecord[]): AgencyFindings {
  const sorted = [...records].sort((a, b) => a.year - b.year);
  const first = sorted[0];
  if (!first) throw new Error('no reports');
  if (sorted.some((r) => r.agency.slug !== first.agency.slug)) throw new Error('reports of more than one agency');
  const changes = listAgencyChanges(sorted.map(summarizeReport));
  const timeliness = sorted.map(assessTimeliness);
  const disagreements = sorted.flatMap(listDisagreements);
  return {
    slug: first.agency.slug,
    agency: sorted[sorted.length - 1]!.agency.name,
    years: sorted.map((r) => r.year),
    changes,
    flags: changes.filter((c) => c.flag !== null),
    boilerplate: sorted.slice(1).map((r, i) => scoreBoilerplate(r, sorted[i]!)),
    timeliness,
    disagreements,
    applicants: sorted.map(describeApplicantMix),
    quality: rankAgencyQuality(sorted)[0]!,
    notes: sorted.flatMap((r, i) => collectNotes(changes.filter((c) => c.toId === r.id), timeliness[i]!, disagreements.filter((d) => d.id === r.id))),
  };
}

/** The findings of the whole corpus, for the findings page. */
export interface CorpusFindings {
  /** Every year-over-year comparison, by agency then year. */
  changes: MeasureChange[];
  flags: MeasureChange[];
  /** Reports with a previous report, most reused first. */
  boilerplate: BoilerplateScore[];
  /** Every report, by agency then year. */
  timeliness: Timeliness[];
  disagreements: Disagreement[];
  /** Per report, by agency then year. */
  applicants: ReportApplicantMix[];
  applicantsByYear: YearApplicantMix[];
  quality: AgencyQuality[];
}

/** One agency's share of the corpus findings: what combineCorpusFindings puts together. */
export type CorpusPart = Pick<CorpusFindings, 'changes' | 'boilerplate' | 'timeliness' | 'disagreements' | 'applicants'> & { quality: AgencyQuality };

/** Returns one agency's part of the corpus findings, from its records. */
export function collectCorpusPart(records: readonly ReportRecord[]): CorpusPart {
  const sorted = [...records].sort((a, b) => ascending(a.year, b.year));
  return {
    changes: listAgencyChanges(sorted.map(summarizeReport)),
    boilerplate: scoreAgencyBoilerplate(sorted),
    timeliness: sorted.map(assessTimeliness),
    disagreements: sorted.flatMap(listDisagreements),
    applicants: sorted.map(describeApplicantMix),
    quality: measureAgencyQuality(sorted),
  };
}

/**
 * Returns the corpus findings from every agency's part, given in order of agency slug. The site
 * builds the parts one agency at a time, so the corpus's records are never all in memory at once.
 */
export function combineCorpusFindings(parts: readonly CorpusPart[]): CorpusFindings {
  const changes = parts.flatMap((p) => p.changes);
  const applicants = parts.flatMap((p) => p.applicants);
  return {
    changes,
    flags: changes.filter((c) => c.flag !== null),
    boilerplate: sortBoilerplate(parts.flatMap((p) => p.boilerplate)),
    timeliness: parts.flatMap((p) => p.timeliness),
    disagreements: parts.flatMap((p) => p.disagreements),
    applicants,
    applicantsByYear: combineApplicantMix(applicants),
    quality: rankQuality(parts.map((p) => p.quality)),
  };
}

/** Returns the corpus findings (every agency's part, by agency slug, combined). */
export function describeCorpusFindings(records: readonly ReportRecord[]): CorpusFindings {
  const bySlug = [...group(records, (r) => r.agency.slug)].sort((a, b) => ascending(a[0], b[0]));
  return combineCorpusFindings(bySlug.map(([, list]) => collectCorpusPart(list)));
}

export { findPrevious };
