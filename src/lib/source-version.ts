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

/** A relative module specifier in an import, a dynamic import or `new URL(…, import.meta.url)`. */
const RELATIVE_IMPORT = /(?:\bfrom\s*|\bimport\s*\(\s*|\bnew URL\(\s*)'(\.{1,2}\/[^']+\.ts)'/g;

/**
 * Returns the .ts files (paths relative to `root`, sorted) of `folder` and of every module they
 * import by a relative path, transitively: the code that runs when the folder's modules do,
 * whatever folder it lives in. Packages are left out (package-lock.json stands for them).
 */
export function listModuleGraph(root: string, folder: string): string[] {
  const seen = new Set<string>();
  const todo = (readdirSync(path.join(root, folder), { recursive: true }) as string[]).filter((f) => f.endsWith('.ts')).map((f) => path.join(folder, f));
  while (todo.length > 0) {
    const file = path.normalize(todo.pop()!);
    if (seen.has(file) || !existsSync(path.join(root, file))) continue;
    seen.add(file);
    for (const m of readFileSync(path.join(root, file), 'utf8').matchAll(RELATIVE_IMPORT)) todo.push(path.join(path.dirname(file), m[1]!));
  }
  return [...seen].map((f) => f.split(path.sep).join('/')).sort();
}

/**
 * Returns the version of the code `folder` runs: hashSources over its module graph
 * (listModuleGraph) and package-lock.json. A module added to the folder, or imported by it, counts
 * without being listed anywhere.
 */
export function hashModuleGraph(root: string, folder: string): string {
  return hashSources(root, [...listModuleGraph(root, folder), 'package-lock.json']).version;
}
