/**
 * The digest of a file's identity lines (identity.ts), in a module of its own: the extractor's main
 * thread keys its cache and tokens with it, and identity.ts loads the identity readers (the pinyin
 * dictionary, the gazetteer) that only the threads reading reports need.
 */
import { createHash } from 'node:crypto';
import type { IdentityCorrection } from '../schema/report.ts';

/** Returns a short digest (16 hex digits) of a file's identity lines, for the extraction cache's key and tokens. */
export function digestIdentityLines(lines: readonly Pick<IdentityCorrection, 'line' | 'kind' | 'value' | 'reason' | 'source' | 'date'>[]): string {
  const rows = lines.map((c) => [c.line, c.kind, c.value, c.reason, c.source, c.date]);
  return createHash('sha1').update(JSON.stringify(rows)).digest('hex').slice(0, 16);
}
