/**
 * Copying a search-index bundle (a folder of a few hundred small files) between the cache and the
 * site. Synchronous, file by file: fs.promises.cp stats, chmods, chowns and sets the times of every
 * file through the thread pool, several times the copy itself (bench/results.md, issue 18).
 */
import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';

/** Copies the folder `from` (files and subfolders) to `to`, which must not exist yet; returns nothing. */
export function copyTree(from: string, to: string): void {
  mkdirSync(to);
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name);
    const target = path.join(to, entry.name);
    if (entry.isDirectory()) copyTree(source, target);
    else copyFileSync(source, target);
  }
}
