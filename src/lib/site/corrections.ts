/**
 * The corrections file as every reader of records sees it (an I/O edge): the site's pages, the
 * charts stage, the downloads and `npm run review` all take records through `openCorrector`, so
 * that each shows the same corrected figures. The extracted records and the extraction cache never
 * hold a correction: editing the file takes effect on the next build without extracting anything.
 *
 * Where the file is: `corrections.csv` in the corpus folder when NIANBAO_CORPUS names one, else
 * `content/corrections.csv` (beside the sample corpus content/reports); NIANBAO_CORRECTIONS names
 * another file. A missing file means no corrections.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { readConfig } from '../config.ts';
import { applyCorrections, type AppliedCorrections } from '../corrections/apply.ts';
import { formatCorrectionError, parseCorrections, type CorrectionError } from '../corrections/parse.ts';
import { resolveCorrections } from '../corrections/resolve.ts';
import { applyMerge, groupFileIdentities, resolveMerges } from '../corrections/identity.ts';
import { manifestSchema, type Agency, type Correction, type IdentityCorrection, type Manifest, type ReportRecord } from '../schema/report.ts';
import { readRecordFile } from './record-files.ts';

/** Bad lines of the corrections file, one `file:line: message` a line: the build fails on them. */
export class CorrectionsError extends Error {
  override name = 'CorrectionsError';
}

/** Returns the path of the corrections file for an environment (see the module comment). */
export function locateCorrectionsFile(env: NodeJS.ProcessEnv = process.env): string {
  return readConfig(env).corrections;
}

/** The corrections of one build, resolved to the records they name. */
export interface Corrector {
  /** The corrections file (it may not exist). */
  file: string;
  /** Lines that are not corrections or name no report, file or agency: each fails the build. */
  errors: CorrectionError[];
  /** Every cell correction read, by report id. */
  byReport: Map<string, Correction[]>;
  /** Returns a record with its cell corrections and its agency's merge applied (see applyCorrections, applyMerge). */
  correct(record: ReportRecord): AppliedCorrections;
  /** Returns a record with its corrections applied; throws `file:line: message` for a correction that names no cell of it. */
  correctOrThrow(record: ReportRecord): ReportRecord;
  /** Returns a short digest of a report's corrections and merge ('' when it has none), for cache keys. */
  keyOf(id: string): string;
  /**
   * Returns the corrections the extractor now reads itself (stale: they can be pruned), cells and
   * identity lines, in file order; `readRecord` reads a record as extracted, by id (only those of
   * reports with corrections).
   */
  listStale(readRecord: (id: string) => ReportRecord): StaleCorrection[];
  /**
   * Returns every bad line: the file's (`errors`), those naming a cell the record has not, and
   * identity lines the record was not made with (the extraction predates them), from the records
   * with corrections (`readRecord` as for listStale), by line.
   */
  listAllErrors(readRecord: (id: string) => ReportRecord): CorrectionError[];
}

/** A line of the corrections file that changes nothing now: a cell correction or an identity line. */
export type StaleCorrection = Correction | IdentityCorrection;

/** Returns the text of a file, or null when there is none. */
function readOptional(file: string): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/**
 * Returns the agency and year lines of a corrections file by the file they name (the extractor's
 * edge hands them to extractReport), and how many lines are bad (the build's check names them
 * with their line numbers; a bad line gives nothing here). No file: none.
 */
export function readFileIdentities(file: string): { byFile: Map<string, IdentityCorrection[]>; bad: number } {
  const text = readOptional(file);
  if (text === null) return { byFile: new Map(), bad: 0 };
  const parsed = parseCorrections(text);
  const grouped = groupFileIdentities(parsed.identities);
  return { byFile: grouped.byFile, bad: parsed.errors.length + grouped.errors.length };
}

/**
 * Returns the corrector of a build: the corrections file read and resolved against the manifest of
 * the extraction folder `dataDir` (which names every record and its source path).
 */
export function openCorrector(dataDir: string, env: NodeJS.ProcessEnv = process.env): Corrector {
  const file = locateCorrectionsFile(env);
  const text = readOptional(file);
  const manifestText = text === null ? null : readOptional(path.join(dataDir, 'manifest.json'));
  const manifest = manifestText === null ? { files: [] } : manifestSchema.parse(JSON.parse(manifestText));
  const parsed = text === null ? { corrections: [], identities: [], errors: [] } : parseCorrections(text);
  const resolved = resolveCorrections(parsed.corrections, manifest);
  const fileIdentities = resolveFileIdentities(parsed.identities, manifest);
  const merges = resolveMerges(parsed.identities, manifest);
  const errors = [...parsed.errors, ...resolved.errors, ...fileIdentities.errors, ...merges.errors].sort((a, b) => a.line - b.line);
  const { byReport } = resolved;
  const slugOfId = new Map(manifest.files.flatMap((f) => (f.id === null || f.status === 'error' ? [] : [[f.id, /^(.+)-\d{4}$/.exec(f.id)?.[1] ?? f.id] as const])));
  // The agency a merge shows its reports under, as that agency's latest record names it (read once).
  const agencies = new Map<string, Agency>();
  const agencyOf = (slug: string): Agency => {
    let agency = agencies.get(slug);
    if (!agency) {
      const latest = [...slugOfId].filter(([, s]) => s === slug).map(([id]) => id).sort().pop()!;
      agencies.set(slug, (agency = readRecordFile(dataDir, latest).agency));
    }
    return agency;
  };
  const mergeOf = (id: string) => {
    const slug = slugOfId.get(id);
    return slug === undefined ? undefined : merges.bySlug.get(slug);
  };
  const correct = (record: ReportRecord): AppliedCorrections => {
    const result = applyCorrections(record, byReport.get(record.id) ?? []);
    const merge = mergeOf(record.id);
    return merge ? { ...result, record: applyMerge(result.record, merge, agencyOf(merge.to)) } : result;
  };
  const identityLines = (readRecord: (id: string) => ReportRecord) =>
    [...fileIdentities.byId].map(([id, lines]) => ({ lines, applied: readRecord(id).identityCorrections ?? [] }));
  return {
    file,
    errors,
    byReport,
    correct,
    correctOrThrow(record) {
      const result = correct(record);
      if (result.errors.length > 0) throw new CorrectionsError(result.errors.map((e) => formatCorrectionError(file, e)).join('\n'));
      return result.record;
    },
    listStale(readRecord) {
      const cells: StaleCorrection[] = [...byReport.keys()].flatMap((id) => correct(readRecord(id)).stale);
      const identities = identityLines(readRecord).flatMap(({ lines, applied }) => lines.filter((c) => applied.some((a) => a.line === c.line && a.read === a.value)));
      return [...cells, ...identities].sort((a, b) => a.line - b.line);
    },
    listAllErrors(readRecord) {
      const cells = [...byReport.keys()].flatMap((id) => correct(readRecord(id)).errors);
      const identities = identityLines(readRecord).flatMap(({ lines, applied }) =>
        lines
          .filter((c) => !applied.some((a) => a.line === c.line && a.value === c.value))
          .map((c) => ({ line: c.line, message: `记录 ${c.report} 不是按这一行提取的：请重新提取（npm run build，不加 --site-only） (the record of ${c.report} was not extracted with this line: extract again, without --site-only)` })),
      );
      return [...errors, ...cells, ...identities].sort((a, b) => a.line - b.line);
    },
    keyOf(id) {
      const list = byReport.get(id);
      const resolved = mergeOf(id);
      if (!list && !resolved) return '';
      // The agency shown is read from the merged-into agency's latest record: a new name there changes what this report shows.
      const merge = resolved ? [resolved.merge, agencyOf(resolved.to)] : null;
      return createHash('sha1').update(JSON.stringify([list ?? [], merge])).digest('hex').slice(0, 16);
    },
  };
}

/**
 * Returns the agency and year lines by the id of the record their file gave, and an error for each
 * that names a file the corpus has not, or a file that still gives no record (with the manifest's reason).
 */
function resolveFileIdentities(identities: readonly IdentityCorrection[], manifest: Pick<Manifest, 'files'>): { byId: Map<string, IdentityCorrection[]>; errors: CorrectionError[] } {
  const grouped = groupFileIdentities(identities);
  const entries = new Map(manifest.files.map((f) => [f.path, f]));
  const byId = new Map<string, IdentityCorrection[]>();
  const errors = [...grouped.errors];
  for (const [path, lines] of grouped.byFile) {
    const entry = entries.get(path);
    if (!entry) for (const c of lines) errors.push({ line: c.line, message: `语料中没有文件「${path}」（填清单 manifest.json 中的路径） (no file "${path}" in the corpus: give its path as manifest.json lists it)` });
    else if (entry.status === 'error' || entry.id === null) {
      for (const c of lines) errors.push({ line: c.line, message: `文件 ${path} 仍未成记录：${entry.messages[0] ?? ''} (the file still gives no record)` });
    } else byId.set(entry.id, lines);
  }
  return { byId, errors };
}

/** Throws the corrector's errors as one error, each line `file:line: message`; does nothing without errors. */
export function assertCorrectionsValid(corrector: Corrector): void {
  if (corrector.errors.length > 0) throw new CorrectionsError(corrector.errors.map((e) => formatCorrectionError(corrector.file, e)).join('\n'));
}
