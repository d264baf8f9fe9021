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
 * Returns 32 hex digits of the sha256 of every agency's key (the digests of its records, in the
 * order given), or undefined when one agency has none (its pages are always rendered, and so is a
 * page that reads every record): the key of the pages that read the records themselves, not only
 * their index entries (the corpus findings).
 */
export function joinRecordKeys(agencyKeys: Iterable<string | undefined>): string | undefined {
  const hash = createHash('sha256');
  for (const key of agencyKeys) {
    if (key === undefined) return undefined;
    hash.update(key).update('\n');
  }
  return hash.digest('hex').slice(0, 32);
}
