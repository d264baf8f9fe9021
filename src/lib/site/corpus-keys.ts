/**
 * Incremental-build keys of the corpus-wide pages (src/lib/site/incremental.ts): each changes
 * whenever anything such a page shows changes, and only then, so that after one report changed a
 * build renders the home page, the lists and the comparison again only when a row of theirs did.
 */
import { createHash } from 'node:crypto';
import type { IndexedReport } from '../aggregate/report-index.ts';
import type { Manifest } from '../schema/report.ts';

/**
 * Returns 32 hex digits of the sha256 of every report's index entry (in the order given) and of the
 * published manifest: all that the pages built from the site data's index read (the home page, the
 * agency lists, the comparison, data quality, the data page, the sitemap). The entries hold no
 * digest of the record file, so an edit that leaves every figure, name and problem as it was leaves
 * this key as it was.
 */
export function hashCorpus(reports: readonly IndexedReport[], manifest: Manifest): string {
  const hash = createHash('sha256');
  for (const report of reports) hash.update(JSON.stringify(report)).update('\n');
  return hash.update(JSON.stringify(manifest)).digest('hex').slice(0, 32);
}

/**
 * Returns 32 hex digits of the sha256 of a value as JSON (an agency's part of the corpus findings),
 * with undefined, NaN and the infinities written apart from null and from each other, as a page
 * may show them differently. V8's serializer is no digest: it writes equal numbers in different
 * ways (a small integer or a double) depending on how they were computed.
 */
export function hashPart(value: unknown): string {
  const json = JSON.stringify(value, (_key, v: unknown) => (v === undefined ? '\u0000undefined' : typeof v === 'number' && !Number.isFinite(v) ? `\u0000${v}` : v));
  return createHash('sha256').update(json ?? '\u0000undefined').digest('hex').slice(0, 32);
}

/** Returns 32 hex digits of the sha256 of `digests` in the order given, one a line: the digest of the whole they are the parts of. */
export function joinDigests(digests: Iterable<string>): string {
  const hash = createHash('sha256');
  for (const digest of digests) hash.update(digest).update('\n');
  return hash.digest('hex').slice(0, 32);
}
