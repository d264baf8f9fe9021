/**
 * The review queue of an extraction folder (an I/O edge shared by `npm run review` and the /review/
 * page): the records read one agency at a time, corrected as the site publishes them, and the
 * manifest's files without identity. Memory holds one agency's records and the queue, not the corpus.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { listAgencyReviewGroups, listFileReviewGroups, orderReviewQueue, type ReviewGroup, type ReviewQueue } from '../review/queue.ts';
import { manifestSchema } from '../schema/report.ts';
import { formatCorrectionError } from '../corrections/parse.ts';
import { CorrectionsError, openCorrector, type Corrector } from './corrections.ts';
import { readRecordFile } from './record-files.ts';

/** Returns the corrections file's corrector once every line is checked against the records; throws `file:line: message` for the bad lines. */
function openCheckedCorrector(dataDir: string, env: NodeJS.ProcessEnv): Corrector {
  const corrector = openCorrector(dataDir, env);
  // Every bad line at once, those naming a cell a record has not too, so that one run names them all.
  const errors = corrector.listAllErrors((id) => readRecordFile(dataDir, id));
  if (errors.length > 0) throw new CorrectionsError(errors.map((e) => formatCorrectionError(corrector.file, e)).join('\n'));
  return corrector;
}

/**
 * Returns the corrections no longer needed (the extractor now reads the same), after checking every
 * line of the corrections file; reads only the records the file names, not the corpus (the build's check).
 */
export function checkCorrections(dataDir: string, env: NodeJS.ProcessEnv = process.env): ReviewQueue['stale'] {
  return openCheckedCorrector(dataDir, env).listStale((id) => readRecordFile(dataDir, id));
}

/**
 * Returns the review queue of the records in `dataDir` (NIANBAO_DATA), with `date` (yyyy-mm-dd) in
 * its ready-made corrections lines; throws `file:line: message` for a bad line of the corrections file.
 */
export function loadReviewQueue(dataDir: string, date: string, env: NodeJS.ProcessEnv = process.env): ReviewQueue {
  const corrector = openCheckedCorrector(dataDir, env);
  let names: string[] = [];
  try {
    names = readdirSync(path.join(dataDir, 'reports')).filter((n) => n.endsWith('.json')).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  // First pass: each record's agency as published (a merge moves it), so that the second reads one agency's records at a time.
  const idsBySlug = new Map<string, string[]>();
  for (const name of names) {
    const id = name.slice(0, -'.json'.length);
    const slug = corrector.correctOrThrow(readRecordFile(dataDir, id)).agency.slug;
    const ids = idsBySlug.get(slug);
    if (ids) ids.push(id);
    else idsBySlug.set(slug, [id]);
  }
  const groups: ReviewGroup[] = [];
  for (const ids of idsBySlug.values()) groups.push(...listAgencyReviewGroups(ids.map((id) => corrector.correctOrThrow(readRecordFile(dataDir, id))), date));
  let manifestText: string | null = null;
  try {
    manifestText = readFileSync(path.join(dataDir, 'manifest.json'), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  if (manifestText !== null) groups.push(...listFileReviewGroups(manifestSchema.parse(JSON.parse(manifestText)), date));
  return orderReviewQueue(groups, corrector.listStale((id) => readRecordFile(dataDir, id)));
}

/** Returns the source text lines of a record (provenance line n is index n-1), or [] without a text file. */
export function readSourceLines(dataDir: string, id: string): string[] {
  try {
    return readFileSync(path.join(dataDir, 'text', `${id}.txt`), 'utf8').replace(/^\uFEFF/, '').split(/\r\n|\r|\n|\f/);
  } catch {
    return [];
  }
}
