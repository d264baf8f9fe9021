/**
 * Copying a search-index bundle (a folder of a few hundred small files) between the cache and the
 * site. Synchronous, file by file: fs.promises.cp stats, chmods, chowns and sets the times of every
 * file through the thread pool, several times the copy itself (bench/results.md, issue 18).
 */
import { copyFileSync, linkSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';

/** Copies the folder `from` (files and subfolders) to `to`, which must not exist yet; returns nothing. */
export function copyTree(from: string, to: string): void {
  putTree(from, to, copyFileSync);
}

/**
 * Puts the folder `from` (files and subfolders) at `to`, which must not exist yet, each file a hard
 * link to its source where the file system allows one, else a copy; returns nothing. A bundle's files
 * are never written again once Pagefind wrote them (each chunk is indexed into a new folder, and a
 * folder is replaced, never written into), so the cache and the staged bundle can share them: a
 * link costs no new inode and no data written, which a copy of every file of every chunk did.
 */
export function linkTree(from: string, to: string): void {
  putTree(from, to, linkOrCopy);
}

/** Makes the folder `to` (which must not exist yet) with the subfolders of `from`, and each file of `from` put at its place in it by `putFile`; returns nothing. */
function putTree(from: string, to: string, putFile: (source: string, target: string) => void): void {
  mkdirSync(to);
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name);
    const target = path.join(to, entry.name);
    if (entry.isDirectory()) putTree(source, target, putFile);
    else putFile(source, target);
  }
}

/** Hard-links `source` at `target`, or copies it where a link cannot be made (another file system, a file system without links); returns nothing. */
function linkOrCopy(source: string, target: string): void {
  try {
    linkSync(source, target);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EXDEV' && code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EMLINK') throw error;
    copyFileSync(source, target);
  }
}
