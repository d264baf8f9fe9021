/**
 * Identity lines of the corrections file, checked and applied. `agency` and `year` lines give a
 * file's agency or year: the extractor's edge (scripts/lib/extract) hands them to extractReport,
 * which makes the record with them (giveIdentity) and keeps what it read itself beside them, so a
 * file whose title cannot be read still gives a record. `merge` lines show the reports of one
 * agency name under another after extraction (applyMerge), where the cell corrections apply.
 */
import type { Identity } from '../extract/identity/read-identity.ts';
import { keyAgencyName, resolveRegion, slugifyAgency } from '../extract/identity/title.ts';
import type { Agency, AppliedIdentity, IdentityCorrection, Manifest, ReportRecord } from '../schema/report.ts';
import type { CorrectionError } from './parse.ts';
import { createMessage } from '../schema/message.ts';

/** Returns a corpus path as the manifest lists it (no leading `./`). */
function normalizePath(file: string): string {
  return file.replace(/^\.\//, '');
}

/**
 * Returns the `agency` and `year` lines by the file they name (its path as the manifest lists it),
 * and an error for a file given its agency, or its year, twice.
 */
export function groupFileIdentities(identities: readonly IdentityCorrection[]): { byFile: Map<string, IdentityCorrection[]>; errors: CorrectionError[] } {
  const byFile = new Map<string, IdentityCorrection[]>();
  const errors: CorrectionError[] = [];
  for (const c of identities) {
    if (c.kind === 'merge') continue;
    const file = normalizePath(c.report);
    const list = byFile.get(file) ?? [];
    if (list.some((d) => d.kind === c.kind)) {
      errors.push({ line: c.line, message: `文件 ${file} 的 ${c.kind} 已在前面更正过 (the ${c.kind} of ${file} is corrected twice)` });
      continue;
    }
    list.push(c);
    byFile.set(file, list);
  }
  return { byFile, errors };
}

/**
 * Returns the identity a file's record is made with: the agency and year of its identity lines,
 * the rest as read (`read`: the extractor's own reading, null when it found none), with each line
 * applied beside what was read; `identity` is null when neither gives both agency and year.
 * Without lines, the identity as read.
 */
export function giveIdentity(read: Identity | null, lines: readonly IdentityCorrection[] = []): { identity: Identity | null; applied: AppliedIdentity[] } {
  if (lines.length === 0) return { identity: read, applied: [] };
  const agency = lines.find((c) => c.kind === 'agency');
  const year = lines.find((c) => c.kind === 'year');
  const name = agency?.value ?? read?.name;
  const published = year ? Number(year.value) : read?.year;
  const applied = lines.map((c): AppliedIdentity => {
    const field = c.kind === 'year' ? 'year' : 'agency';
    const was = read === null ? null : field === 'year' ? String(read.year) : read.name;
    return { line: c.line, field, read: was, value: c.value, reason: c.reason, source: c.source, date: c.date };
  });
  if (name === undefined || published === undefined) return { identity: null, applied };
  return {
    identity: {
      name,
      year: published,
      title: read?.title ?? `${name}${published}年政府信息公开工作年度报告`,
      source: 'correction',
      messages: [...(read?.messages ?? []), createMessage('identityFromCorrection', { lines: lines.map((c) => ({ field: c.kind === 'year' ? 'year' : 'agency', line: c.line })) })],
    },
    applied,
  };
}

/** Returns the slug the extractor gives an agency of this name (its id's first part). */
export function slugOfAgencyName(name: string): string {
  return slugifyAgency(keyAgencyName(name), resolveRegion(name).region);
}

/** A merge line resolved: the slug of the name the reports print and of the agency to show them under. */
export interface ResolvedMerge {
  merge: IdentityCorrection;
  from: string;
  to: string;
}

/** Returns the slug and year of each record id the manifest lists (`<slug>-<year>`). */
function listRecordKeys(manifest: Pick<Manifest, 'files'>): { slug: string; year: number; id: string }[] {
  return manifest.files.flatMap((f) => {
    const m = f.status === 'error' || f.id === null ? null : /^(.+)-(\d{4})$/.exec(f.id);
    return m ? [{ slug: m[1]!, year: Number(m[2]), id: f.id! }] : [];
  });
}

/**
 * Returns the merge lines resolved against the records the manifest lists, by the slug they move,
 * and an error for each that names an agency no record has (by name or slug), that moves an agency
 * twice, that moves into an agency which is itself moved, or that would put two reports of one
 * year under one agency.
 */
export function resolveMerges(identities: readonly IdentityCorrection[], manifest: Pick<Manifest, 'files'>): { bySlug: Map<string, ResolvedMerge>; errors: CorrectionError[] } {
  const keys = listRecordKeys(manifest);
  const years = new Map<string, Set<number>>();
  for (const k of keys) years.set(k.slug, (years.get(k.slug) ?? new Set()).add(k.year));
  const slugOf = (nameOrSlug: string) => (years.has(nameOrSlug) ? nameOrSlug : slugOfAgencyName(nameOrSlug));
  const bySlug = new Map<string, ResolvedMerge>();
  const errors: CorrectionError[] = [];
  const merges = identities.filter((c) => c.kind === 'merge');
  for (const merge of merges) {
    const [from, to] = [slugOf(merge.report), slugOf(merge.value)];
    const unknown = [merge.report, merge.value].filter((n, i) => !years.has([from, to][i]!));
    if (unknown.length > 0) errors.push({ line: merge.line, message: `没有机关「${unknown.join('」「')}」的报告（填报告页上的机关名称或其网址中的代号） (no reports of agency "${unknown.join('", "')}": give the name on its page or the slug in its URL)` });
    else if (from === to) errors.push({ line: merge.line, message: `merge 的两个名称是同一机关 ${to} (a merge names one agency twice: ${to})` });
    else if (bySlug.has(from)) errors.push({ line: merge.line, message: `机关 ${merge.report} 已在第 ${bySlug.get(from)!.merge.line} 行合并过 (agency ${merge.report} is merged twice)` });
    else bySlug.set(from, { merge, from, to });
  }
  // Checked once all lines are read: a chain, and two reports of one year under one agency.
  const shown = new Map([...years].map(([slug, list]) => [slug, new Set(list)]));
  for (const resolved of [...bySlug.values()].sort((a, b) => a.merge.line - b.merge.line)) {
    const { merge, from, to } = resolved;
    if (bySlug.has(to)) {
      errors.push({ line: merge.line, message: `「${merge.value}」本身在第 ${bySlug.get(to)!.merge.line} 行合并入另一机关：请直接合并到那里 (agency "${merge.value}" is itself merged into another: merge into that one)` });
      bySlug.delete(from);
      continue;
    }
    const target = shown.get(to)!;
    const both = [...years.get(from)!].filter((y) => target.has(y)).sort();
    if (both.length > 0) {
      errors.push({ line: merge.line, message: `合并后 ${to} 在 ${both.join('、')} 年有两份报告 (the merge gives ${to} two reports of ${both.join(', ')})` });
      bySlug.delete(from);
      continue;
    }
    for (const y of years.get(from)!) target.add(y);
    shown.delete(from);
  }
  return { bySlug, errors };
}

/**
 * Returns a record shown under the agency it is merged into (`agency`: that agency, as its own
 * records name it), keeping the agency it names in `agencyMerge`; the same record when no merge
 * moves it. Its id (and page address) stays.
 */
export function applyMerge(record: ReportRecord, merge: ResolvedMerge | undefined, agency: Agency): ReportRecord {
  if (!merge) return record;
  const { line, reason, source, date } = merge.merge;
  return { ...record, agency, agencyMerge: { line, name: record.agency.name, slug: record.agency.slug, reason, source, date } };
}
