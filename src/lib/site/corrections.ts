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
import { manifestSchema, type Correction, type ReportRecord } from '../schema/report.ts';

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
  /** Lines that are not corrections or name no report: each fails the build. */
  errors: CorrectionError[];
  /** Every correction read, by report id. */
  byReport: Map<string, Correction[]>;
  /** Returns a record with its corrections applied (see applyCorrections). */
  correct(record: ReportRecord): AppliedCorrections;
  /** Returns a record with its corrections applied; throws `file:line: message` for a correction that names no cell of it. */
  correctOrThrow(record: ReportRecord): ReportRecord;
  /** Returns a short digest of a report's corrections ('' when it has none), for cache keys. */
  keyOf(id: string): string;
  /**
   * Returns the corrections the extractor now reads itself (stale: they can be pruned), in file
   * order; `readRecord` reads a record as extracted, by id (only those of reports with corrections).
   */
  listStale(readRecord: (id: string) => ReportRecord): Correction[];
  /**
   * Returns every bad line: the file's (`errors`) and those naming a cell the record has not, from
   * the records with corrections (`readRecord` as for listStale), by line.
   */
  listAllErrors(readRecord: (id: string) => ReportRecord): CorrectionError[];
}

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
 * Returns the corrector of a build: the corrections file read and resolved against the manifest of
 * the extraction folder `dataDir` (which names every record and its source path).
 */
export function openCorrector(dataDir: string, env: NodeJS.ProcessEnv = process.env): Corrector {
  const file = locateCorrectionsFile(env);
  const text = readOptional(file);
  const manifestText = text === null ? null : readOptional(path.join(dataDir, 'manifest.json'));
  const manifest = manifestText === null ? { files: [] } : manifestSchema.parse(JSON.parse(manifestText));
  const parsed = text === null ? { corrections: [], errors: [] } : parseCorrections(text);
  const resolved = resolveCorrections(parsed.corrections, manifest);
  const errors = [...parsed.errors, ...resolved.errors].sort((a, b) => a.line - b.line);
  const { byReport } = resolved;
  const correct = (record: ReportRecord) => applyCorrections(record, byReport.get(record.id) ?? []);
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
      return [...byReport.keys()].flatMap((id) => correct(readRecord(id)).stale).sort((a, b) => a.line - b.line);
    },
    listAllErrors(readRecord) {
      const cells = [...byReport.keys()].flatMap((id) => correct(readRecord(id)).errors);
      return [...errors, ...cells].sort((a, b) => a.line - b.line);
    },
    keyOf(id) {
      const list = byReport.get(id);
      return list ? createHash('sha1').update(JSON.stringify(list)).digest('hex').slice(0, 16) : '';
    },
  };
}

/** Throws the corrector's errors as one error, each line `file:line: message`; does nothing without errors. */
export function assertCorrectionsValid(corrector: Corrector): void {
  if (corrector.errors.length > 0) throw new CorrectionsError(corrector.errors.map((e) => formatCorrectionError(corrector.file, e)).join('\n'));
}
