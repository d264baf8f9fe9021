/**
 * One report's text → the file's outcome (FileOutcome, manifest.ts): one validated record with its
 * warnings and the text it was read from, or the reason it is not one. Pure: the caller reads the
 * file, decodes it and hashes it; this composes the readers (sections, tables, prose, identity,
 * checks) and validates the result against the shared schema.
 */
import { reportRecordSchema, type TableStatus } from '../schema/report.ts';
import { createMessage, type Message } from '../schema/message.ts';
import type { FileOutcome } from './manifest.ts';
import { PROACTIVE_ROWS, REQUEST_ROWS, type RequestRowKey } from '../template.ts';
import { readRows, type Row } from './tables/cells.ts';
import { checkLegacySum, runChecks } from './checks.ts';
import { EMPTY_META, mergeMeta, readCrawlerHeader, readFileNameMeta, type DocumentMeta } from './identity/document-meta.ts';
import { classifyAgency, keyAgencyName, readSignatureDate, readStatisticalYear, resolveRegion, slugifyAgency } from './identity/title.ts';
import { readIdentity } from './identity/read-identity.ts';
import { giveIdentity } from '../corrections/identity.ts';
import type { IdentityCorrection } from '../schema/report.ts';
import { EXTRACTOR_NOTE, readExtractorNote } from './formats/crawled.ts';
import { normalizeConverterLines } from './formats/layout-text.ts';
import { splitLines } from './normalize.ts';
import { readNarrative } from './prose.ts';
import { findSections, readSectionText, type SectionKey, type SectionRange } from './sections.ts';
import { createEmptyAppeals, readAppealsTable } from './tables/appeals.ts';
import { detectProactiveEdition, readProactiveTable, type Edition } from './tables/proactive.ts';
import { createEmptyLegacy, mayHoldLegacyTable, readLegacyTable } from './tables/legacy.ts';
import { readRequestsTable } from './tables/requests.ts';

/** What the caller knows about the file. */
export interface SourceInfo {
  path: string;
  sha256: string;
  encoding: string;
  format: 'text' | 'markdown' | 'html' | 'docx' | 'pdf';
  bytes: number;
}

/**
 * Returns the outcome of a report's text at `source.path`: the record extracted from it with its
 * warnings and `text` itself (the record's provenance lines refer to it), or the reason there is
 * none. `meta`: what the file says besides its text (a web page's or PDF's title and dates;
 * document-meta.ts); `identityLines`: the agency or year the corrections file gives the file (read
 * at the caller's edge).
 */
export function extractReport(text: string, source: SourceInfo, meta: DocumentMeta = EMPTY_META, identityLines: readonly IdentityCorrection[] = []): FileOutcome {
  const path = source.path;
  // pdftotext output: -layout rows become tab rows, line for line; plain output's figures alone on
  // their lines are never read (layout-text.ts).
  const converted = normalizeConverterLines(splitLines(text));
  const lines = converted.lines;
  if (!text.trim()) return { path, ok: false, error: createMessage('emptyFile', {}) };
  const header = readCrawlerHeader(lines);
  const fileMeta = mergeMeta(mergeMeta(header.meta, meta), readFileNameMeta(source.path));
  const given = giveIdentity(readIdentity(lines, header.bodyStart, fileMeta), identityLines);
  const title = given.identity;
  const sections = findSections(lines);
  if (!title && sections.length < 3) {
    return { path, ok: false, error: createMessage('notAReport', {}) };
  }
  const messages: Message[] = [...(fileMeta.notes ?? []), ...converted.notes];
  const extension = /\.[^./\\]+$/.exec(source.path)?.[0].toLowerCase() ?? '';
  if (source.format === 'html' && (extension === '.txt' || extension === '.md' || extension === '.markdown')) {
    messages.push(createMessage('htmlExtension', { extension }));
  }
  // Notes a reader of the bytes left in the text (crawled.ts: a glued run not split, and why).
  for (const line of lines) if (line.startsWith(EXTRACTOR_NOTE)) messages.push(readExtractorNote(line));
  if (title) messages.push(...title.messages);
  const statYear = readStatisticalYear(lines);
  if (title && statYear !== null && statYear !== title.year) {
    messages.push(createMessage('statYearDiffers', { titleYear: title.year, statYear }));
  }
  // The older statistics table (reports before the 2019 template), where the text prints one: its
  // rows are kept from the readers of tables 二–四 (its 同意部分公开答复数 is no 部分公开 row).
  const legacyTable = mayHoldLegacyTable(text) ? readLegacyTable(readRows(lines, 0, lines.length), title?.year ?? null) : null;
  const outsideLegacy = (row: Row) => !legacyTable || row.cells.every((c) => !legacyTable.lines.has(c.line));
  const section = (key: SectionKey): SectionRange | undefined => sections.find((s) => s.key === key);
  const rowsOf = (key: SectionKey): Row[] => {
    const s = section(key);
    return s ? readRows(lines, s.start + 1, s.end).filter(outsideLegacy) : [];
  };
  /** Notes on tables 二–四: said of a report of the 2019 or 2021 template, not of an older one. */
  const templateMessages: Message[] = [];
  for (const key of ['proactive', 'requests', 'appeals'] as const) {
    if (!section(key)) templateMessages.push(createMessage('sectionHeadingMissing', { table: key }));
  }

  const rowsA = rowsOf('proactive');
  const rowsB = rowsOf('requests');
  const rowsC = rowsOf('appeals');

  const b = readRequestsTable(rowsB);
  const edition: Edition = detectProactiveEdition(rowsA) ?? (b.has2019Rows ? '2019' : (title?.year ?? 2021) <= 2020 ? '2019' : '2021');
  const a = readProactiveTable(rowsA, edition);
  const c = rowsC.length ? readAppealsTable(rowsC) : { appeals: createEmptyAppeals(), found: 0, provenance: {}, messages: [] };
  messages.push(...a.messages, ...b.messages, ...c.messages);

  // Table B's （六）其他处理 is printed as one row (2019 edition) or three (2021); some 2021-edition
  // reports keep the single row. Table B is completed and checked in the shape it was printed in.
  const splitOther = b.rowsFound.some((k) => k === 'otherNoCorrection' || k === 'otherUnpaidFee' || k === 'otherOther');
  const requestsEdition: Edition = b.has2019Rows && !splitOther ? '2019' : splitOther ? '2021' : edition;
  if (requestsEdition !== edition) {
    messages.push(createMessage('requestsEditionDiffers', { edition: requestsEdition }));
  }
  const expectedRows = REQUEST_ROWS.filter((r) => r.editions.includes(requestsEdition)).map((r) => r.key);
  const missingRows = expectedRows.filter((k) => !b.rowsFound.includes(k));
  const tables: Record<'proactive' | 'requests' | 'appeals', TableStatus> = {
    proactive: statusOf(a.rowsFound.length, PROACTIVE_ROWS[edition].length),
    requests: statusOf(expectedRows.length - missingRows.length, expectedRows.length),
    appeals: statusOf(c.found, 15),
  };
  for (const key of ['proactive', 'requests', 'appeals'] as const) {
    if (tables[key] === 'absent') templateMessages.push(createMessage('tableAbsent', { table: key }));
  }
  // Before the 2019 template: no tables 二–四, the older statistics table instead (when printed).
  // A later report that prints the older table and none of the template's is read the same way.
  const tablesAbsent = tables.proactive === 'absent' && tables.requests === 'absent' && tables.appeals === 'absent';
  const pre2019 = tablesAbsent && ((title !== null && title.year < 2019) || legacyTable !== null);
  if (pre2019) {
    messages.push(title && title.year < 2019 ? createMessage('pre2019Tables', { year: title.year, legacy: legacyTable !== null }) : createMessage('legacyOnly', {}));
    if (legacyTable) messages.push(...legacyTable.messages);
  } else {
    if (title && title.year < 2019) {
      // Figures read into tables 二–四 of a report from before the 2019 format: kept, and said.
      messages.push(createMessage('pre2019WithTemplate', { year: title.year }));
    }
    if (legacyTable) messages.push(createMessage('legacyIgnored', {}));
    messages.push(...templateMessages);
  }
  if (tables.requests === 'partial') {
    const cutAt = lastFound(b.rowsFound, expectedRows);
    messages.push(createMessage('requestsPartial', { missing: missingRows, cutAfter: cutAt }));
  }
  if (tables.proactive === 'partial') {
    messages.push(createMessage('proactivePartial', { rows: a.rowsFound }));
  }

  if (!title) {
    // Never dropped silently: the file is listed with what it holds and why it has no record.
    const figures = countFigures(a.proactive, b.requests, c.appeals, legacyTable?.legacy ?? {});
    return { path, ok: false, error: createMessage('noIdentity', { figures }) };
  }
  const narrative = readNarrative(lines);
  const checks = pre2019
    ? [checkLegacySum(legacyTable?.legacy ?? createEmptyLegacy(), legacyTable?.rowsFound ?? [])]
    : runChecks(b.requests, c.appeals, narrative, requestsEdition);
  for (const check of checks) {
    for (const f of check.failures) messages.push(createMessage('checkFailed', { check: check.id, ...f }));
  }

  const { region, messages: regionMessages } = resolveRegion(title.name);
  messages.push(...regionMessages);
  // A title naming only a region is that region's people's government (keyAgencyName).
  const keyName = keyAgencyName(title.name);
  const slug = slugifyAgency(keyName, region);
  const candidate = {
    id: `${slug}-${title.year}`,
    agency: { name: title.name, slug, region, kind: classifyAgency(keyName) },
    year: title.year,
    title: title.title,
    signedOn: readSignatureDate(lines),
    identitySource: title.source,
    published: fileMeta.published ?? null,
    template: pre2019 ? 'pre2019' : edition,
    proactive: pre2019 ? null : a.proactive,
    requests: b.requests,
    appeals: c.appeals,
    legacy: pre2019 ? (legacyTable?.legacy ?? null) : null,
    tables: pre2019 ? { ...tables, legacy: legacyTable?.status ?? 'absent' } : tables,
    sections: {
      overview: readSectionText(lines, section('overview')),
      problems: readSectionText(lines, section('problems')),
      other: readSectionText(lines, section('other')),
    },
    narrative,
    checks,
    source,
    provenance: pre2019 ? { ...legacyTable?.provenance } : mergeProvenance(a.provenance, b.provenance, c.provenance),
    messages,
    ...(given.applied.length > 0 ? { identityCorrections: given.applied } : {}),
  };
  const parsed = reportRecordSchema.safeParse(candidate);
  if (!parsed.success) {
    return { path, ok: false, error: createMessage('recordInvalid', { issues: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') }) };
  }
  return { path, ok: true, record: parsed.data, warnings: messages, text };
}

/**
 * Returns the provenance of the three tables as one object, keys in their order (as a spread of the
 * three would give it). Copied key by key: a spread of three objects of some 200 keys each was
 * slower (bench/results.md, "Cold extraction at 10,000").
 */
function mergeProvenance(...parts: Record<string, number>[]): Record<string, number> {
  const merged: Record<string, number> = {};
  for (const part of parts) for (const key in part) merged[key] = part[key]!;
  return merged;
}

/** Returns how many cells of the three tables hold a figure. */
function countFigures(...tables: Record<string, Record<string, number | null>>[]): number {
  let n = 0;
  for (const table of tables) for (const row of Object.values(table)) for (const v of Object.values(row)) if (v !== null) n++;
  return n;
}

function statusOf(found: number, expected: number): TableStatus {
  return found === 0 ? 'absent' : found >= expected ? 'complete' : 'partial';
}

/** Returns the last template row that was read, when the rows after it are all missing (a cut-off table). */
function lastFound(found: readonly RequestRowKey[], expected: readonly RequestRowKey[]): RequestRowKey | null {
  let last = -1;
  expected.forEach((k, i) => {
    if (found.includes(k)) last = i;
  });
  if (last < 0 || last === expected.length - 1) return null;
  return expected.slice(last + 1).every((k) => !found.includes(k)) ? expected[last]! : null;
}
