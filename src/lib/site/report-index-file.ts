/**
 * The site's data product: the index entry of every report (indexReport: its summary, agency, dates
 * and problems), written once per build by the site-data stage (scripts/write-site-data.ts) to
 * DATA/site/reports.json, and read by the chart stage and the pages instead of every record file.
 *
 * Each entry carries a token of its record file: the hash the extractor recorded of it
 * (OUT/.written.json, which the extractor writes last, after the records:
 * src/lib/extract/written-state.ts) with the file's size and modification time. An entry is used
 * only while its token is the file's current one, so a record the extractor rewrote, or anyone
 * else did, or one the stage has not seen, is indexed from its record again: a stale or missing
 * index costs time, never a wrong figure. I/O at the edge: node:fs only.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { indexReport, type IndexedReport } from '../aggregate/report-index.ts';
import { readRecordHashes, stampRecordFile } from '../extract/written-state.ts';
import { hashModuleGraph } from '../source-version.ts';
import { assertCorrectionsValid, openCorrector } from './corrections.ts';
import { readRecordFile } from './record-files.ts';
import { reportRecordSchema, type ReportRecord } from '../schema/report.ts';

/** The index file, inside the extraction folder. */
const INDEX_FILE = path.join('site', 'reports.json');

/** Bump when the file's layout or the meaning of an entry changes: an older file is then ignored. */
const INDEX_FORMAT = 1;

/** The folder of the code that makes an entry (indexReport and what it imports): its version is the file's. */
const ENTRY_CODE = 'src/lib/aggregate';

interface IndexFile {
  format: number;
  /** reportIndexVersion of the code that wrote the entries. */
  version: string;
  /** Per report, in id order: id, the record file's token (null: none known, so never reused) and its entry. */
  reports: [id: string, token: string | null, entry: IndexedReport][];
}

/**
 * Returns the version of the code that makes an index entry (16 hex digits: src/lib/aggregate, the
 * modules it imports and package-lock.json under `root`, the project folder), or null when that code
 * is not there to read: the index file is then neither read nor trusted.
 */
export function reportIndexVersion(root: string): string | null {
  try {
    return hashModuleGraph(root, ENTRY_CODE);
  } catch {
    return null;
  }
}

/** Returns the entries of the index file by id, with their tokens; empty when there is none or it was written by other code. */
function readIndexFile(dataDir: string, version: string | null): Map<string, { token: string | null; entry: IndexedReport }> {
  if (version === null) return new Map();
  try {
    const file = JSON.parse(readFileSync(path.join(dataDir, INDEX_FILE), 'utf8')) as IndexFile;
    if (file.format !== INDEX_FORMAT || file.version !== version || !Array.isArray(file.reports)) return new Map();
    return new Map(file.reports.map(([id, token, entry]) => [id, { token, entry }]));
  } catch {
    return new Map();
  }
}

/**
 * The report index of an extraction folder as loaded: entries in the order of `ids`, their record
 * files' tokens (null when the extractor recorded no hash of the file), the code version, and how
 * many were indexed from their records.
 */
export interface ReportIndex {
  reports: IndexedReport[];
  tokens: (string | null)[];
  version: string | null;
  indexed: number;
}

/**
 * Returns the token of a record file: the extractor's hash of it, its size and modification time,
 * and the digest of its corrections when it has any; null without a hash.
 */
function tokenOf(dataDir: string, id: string, hash: string | undefined, corrections: string): string | null {
  const stamp = stampRecordFile(dataDir, id, hash);
  return stamp !== null && corrections ? `${stamp} ${corrections}` : stamp;
}

/**
 * Returns the index entry of every report in `ids` (in that order): from the index file when it was
 * written by code of `version` (reportIndexVersion) and the entry's token is its record file's
 * current one, else indexReport of the record `readRecord` returns, which is first validated against
 * the schema (throws ZodError for a record that is not one). `correctionsOf` gives the digest
 * of a report's corrections ('' for none), which change its entry and not its file.
 */
export function loadReportIndex(
  dataDir: string,
  ids: readonly string[],
  version: string | null,
  readRecord: (id: string) => ReportRecord,
  correctionsOf: (id: string) => string = () => '',
): ReportIndex {
  const stored = readIndexFile(dataDir, version);
  const current = readRecordHashes(dataDir);
  let indexed = 0;
  const tokens = ids.map((id) => tokenOf(dataDir, id, current.get(id), correctionsOf(id)));
  const reports = ids.map((id, i) => {
    const before = stored.get(id);
    if (before && before.token !== null && before.token === tokens[i]) return before.entry;
    indexed++;
    // Validated once, when it enters the index: the pages read records as the index vouches for them.
    const record = readRecord(id);
    reportRecordSchema.parse(record);
    return indexReport(record);
  });
  return { reports, tokens, version, indexed };
}

/** Writes the index file (to a temporary name, then renamed: a reader never sees half of it); nothing without a code version. */
export function writeReportIndex(dataDir: string, ids: readonly string[], index: ReportIndex): void {
  if (index.version === null) return;
  const file: IndexFile = { format: INDEX_FORMAT, version: index.version, reports: ids.map((id, i) => [id, index.tokens[i]!, index.reports[i]!]) };
  const target = path.join(dataDir, INDEX_FILE);
  mkdirSync(path.dirname(target), { recursive: true });
  writeFileSync(`${target}.tmp`, JSON.stringify(file));
  renameSync(`${target}.tmp`, target);
}

/**
 * Returns the report index of the published records, as every stage outside the Astro build reads
 * it: each record read from its file with the build's corrections applied (content/corrections.csv),
 * the corrections' digest part of each entry's token. Throws CorrectionsError (`file:line: message`)
 * for a bad corrections file.
 */
export function loadCorrectedReportIndex(dataDir: string, ids: readonly string[], version: string | null): ReportIndex {
  const corrector = openCorrector(dataDir);
  assertCorrectionsValid(corrector);
  return loadReportIndex(dataDir, ids, version, (id) => corrector.correctOrThrow(readRecordFile(dataDir, id)), (id) => corrector.keyOf(id));
}
