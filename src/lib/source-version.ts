/**
 * The version of a piece of code, as a hash of its source files: any edit to them (or to
 * package-lock.json, for dependency versions) gives a new version without anyone bumping a number.
 * Used for the extractor's cache keys and the chart store's keys. Reads files; no other I/O.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Returns 16 hex digits of the sha256 of `sources` under `root`: files as named, folders as every
 * .ts file in them (recursively), hashed in path order with their paths; and the sources not found.
 */
export function hashSources(root: string, sources: readonly string[]): { version: string; missing: string[] } {
  const files: string[] = [];
  const missing: string[] = [];
  for (const source of sources) {
    const full = path.join(root, source);
    if (!existsSync(full)) missing.push(source);
    else if (source.includes('.')) files.push(source);
    else for (const f of readdirSync(full, { recursive: true }) as string[]) if (f.endsWith('.ts')) files.push(path.join(source, f).split(path.sep).join('/'));
  }
  const hash = createHash('sha256');
  for (const f of files.sort()) hash.update(`${f}\0`).update(readFileSync(path.join(root, f))).update('\0');
  return { version: hash.digest('hex').slice(0, 16), missing };
}
