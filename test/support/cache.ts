/** Test support for the extraction cache (scripts/lib/extract/cache.ts). */
import { extractorVersion, OutcomeCache } from '../../scripts/lib/extract/cache.ts';
import { serializeRecord } from '../../scripts/lib/extract/write-output.ts';
import type { ReportRecord } from '../../src/lib/schema/report.ts';

/**
 * Stores, under `key`, the outcome of `record` with its title replaced by 'FROM CACHE' (a later
 * entry for a key wins), so a test can tell a record read from the cache from one parsed again.
 */
export function storeTampered(cache: string, key: string, record: ReportRecord): void {
  const tampered = { ...record, title: 'FROM CACHE' };
  const store = new OutcomeCache({ dir: cache, version: extractorVersion() });
  store.write(key, { path: record.source.path, ok: true, record: tampered, warnings: [], text: '' }, serializeRecord(tampered));
  store.close();
}
