/**
 * Which record each correction names: a report's id, or the path of its source file relative to the
 * corpus folder (as the manifest lists it). A correction naming neither is an error.
 */
import type { Correction, Manifest } from '../schema/report.ts';
import type { CorrectionError } from './parse.ts';

/** Returns the corrections by the id of the record they name, and an error for each that names no record. */
export function resolveCorrections(corrections: readonly Correction[], manifest: Pick<Manifest, 'files'>): { byReport: Map<string, Correction[]>; errors: CorrectionError[] } {
  const ids = new Set<string>();
  const idOfPath = new Map<string, string>();
  for (const f of manifest.files) {
    if (f.id === null || f.status === 'error') continue;
    ids.add(f.id);
    idOfPath.set(f.path, f.id);
  }
  const byReport = new Map<string, Correction[]>();
  const errors: CorrectionError[] = [];
  for (const c of corrections) {
    const id = ids.has(c.report) ? c.report : idOfPath.get(c.report.replace(/^\.\//, ''));
    if (id === undefined) {
      errors.push({ line: c.line, message: `没有报告「${c.report}」（填报告编号或语料中的文件路径） (no report "${c.report}": give a report id or the file's path in the corpus)` });
      continue;
    }
    const list = byReport.get(id);
    if (list) list.push(c);
    else byReport.set(id, [c]);
  }
  return { byReport, errors };
}
