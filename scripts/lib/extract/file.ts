/**
 * One file to one outcome: decode it and extract its record, or say why there is none. The
 * extractor proper (and its dependencies) is loaded by this module, so that a re-run with nothing to
 * extract does not pay for loading it.
 */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { extractReport } from '../../../src/lib/extract/extract-report.ts';
import { FORMAT_BY_EXTENSION, readReportText } from '../../../src/lib/extract/formats/formats.ts';
import type { FileOutcome } from '../../../src/lib/extract/manifest.ts';
import type { IdentityCorrection } from '../../../src/lib/schema/report.ts';
import { createMessage } from '../../../src/lib/schema/message.ts';

/** Largest file read, in bytes; a larger one is listed as too large. */
export const MAX_BYTES = 20 * 1024 * 1024;

/** Returns the format a file is read in, from its extension, or undefined when it is not a report format. */
export function formatOf(rel: string): string | undefined {
  return FORMAT_BY_EXTENSION[path.extname(rel).toLowerCase()];
}

/**
 * Returns the outcome of one file: its record, or why it has none. `preread`: the file's bytes when
 * the caller has read them already (the cache hashes them first), so the file is read once;
 * `sha256`: their hash, when the caller has it; `full`: the path to open, when it is not root/rel
 * (bytes, for a name that is not UTF-8); `identity`: the file's identity lines of the corrections file.
 */
export async function extractFile(root: string, rel: string, preread?: Buffer, sha256?: string, full: string | Buffer = path.join(root, rel), identity?: readonly IdentityCorrection[]): Promise<FileOutcome> {
  const format = FORMAT_BY_EXTENSION[path.extname(rel).toLowerCase()];
  if (!format) return { path: rel, ok: false, error: createMessage('unsupportedFormat', { extension: path.extname(rel) || null, formats: Object.keys(FORMAT_BY_EXTENSION) }) };
  const size = preread?.length ?? (await stat(full)).size;
  if (size > MAX_BYTES) {
    return { path: rel, ok: false, error: createMessage('tooLarge', { megabytes: (size / 1048576).toFixed(1), limit: MAX_BYTES / 1048576 }) };
  }
  const bytes = preread ?? (await readFile(full));
  if (bytes.length === 0) return { path: rel, ok: false, error: createMessage('emptyFile', {}) };
  // HTML and Word are reduced to report text; provenance lines refer to that text.
  const decoded = await readReportText(bytes, format);
  if (!decoded.ok) return { path: rel, ok: false, error: decoded.error };
  const hash = sha256 ?? createHash('sha256').update(bytes).digest('hex');
  return extractReport(decoded.text, { path: rel, sha256: hash, encoding: decoded.encoding, format: decoded.format ?? format, bytes: bytes.length }, decoded.meta, identity);
}
