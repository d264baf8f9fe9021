/**
 * The manifest as the site publishes it: the extractor counts the checks that failed on the figures
 * it read; the site shows the records after their corrections, whose checks were run again, so the
 * count it shows is of those.
 */
import type { IndexedReport } from '../aggregate/report-index.ts';
import type { Manifest } from '../schema/report.ts';

/** Returns how many checks failed over the published (corrected) reports' index entries. */
export function countFailedChecks(reports: readonly IndexedReport[]): number {
  return reports.reduce((n, r) => n + (r.problems?.failed.length ?? 0), 0);
}

/** Returns the manifest with `counts.failedChecks` counted on the published reports (countFailedChecks); the rest as the extractor wrote it. */
export function publishManifestCounts<M extends Pick<Manifest, 'counts'>>(manifest: M, reports: readonly IndexedReport[]): M {
  return { ...manifest, counts: { ...manifest.counts, failedChecks: countFailedChecks(reports) } };
}
