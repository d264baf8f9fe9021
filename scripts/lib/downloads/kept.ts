/**
 * The last run's downloads kept in the downloads' cache as hard links of the files it wrote: the big
 * ones (the joined CSVs and JSON, the SQLite file) in DATA/downloads-cache/kept/, the API documents
 * in kept/api/. So a run into an empty folder (the build's --into stage, a site folder the Astro
 * build emptied) finds them again without writing a byte: a link is one call, where joining the big
 * files from the parts and building the SQLite file took most of the stage's CPU time, and writing
 * the documents most of the rest (bench/results.md). A link shares the file's bytes and modification
 * time, so the state's size and time (state.ts) say of a kept file what they say of the file it was
 * left as; a file changed since (in either place) is not as left, and is not used. Files are
 * therefore never written in place but replaced (writeUnlinked), and the SQLite file, which is
 * updated in place, first copied when another folder links it too (detachFiles). The cache and the
 * output must be on one file system; where they are not, nothing is kept.
 */
import { copyFileSync, linkSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** A file as the last run left it: its size and modification time (state.ts KeptFile). */
export interface LeftFile {
  size: number;
  mtimeMs: number;
}

/** Returns the folder of the kept big files in the cache folder (`api`: of the kept API documents). */
export function keptFolder(cache: string, of: 'files' | 'api'): string {
  return of === 'api' ? path.join(cache, 'kept', 'api') : path.join(cache, 'kept');
}

/**
 * Links into `dir` each file of `files` that `dir` lacks and whose kept copy is as the last run left
 * it (`left`); returns the names linked. A link that fails (another file system) links nothing: the
 * file is then written as without a kept copy.
 */
export function restoreKeptFiles(kept: string, dir: string, files: readonly { name: string; left: LeftFile | undefined }[]): string[] {
  const linked: string[] = [];
  for (const { name, left } of files) {
    if (!left || statSync(path.join(dir, name), { throwIfNoEntry: false })) continue;
    const copy = path.join(kept, name);
    const info = statSync(copy, { throwIfNoEntry: false });
    if (!info || info.size !== left.size || info.mtimeMs !== left.mtimeMs) continue;
    try {
      linkSync(copy, path.join(dir, name));
      linked.push(name);
    } catch {
      // Not linked: written again, as in a run without a kept copy.
    }
  }
  return linked;
}

/**
 * Makes each file of `names` in `dir` the only holder of its bytes besides its kept copy, before it
 * is changed in place (the SQLite file's update): a file also linked from elsewhere (another site
 * folder the same cache served) is replaced by a copy of itself, so that the update changes no other
 * folder's file. Returns the names copied.
 */
export function detachFiles(kept: string, dir: string, names: readonly string[]): string[] {
  const copied: string[] = [];
  for (const name of names) {
    const file = path.join(dir, name);
    const info = statSync(file, { throwIfNoEntry: false });
    if (!info) continue;
    const copy = statSync(path.join(kept, name), { throwIfNoEntry: false });
    const ours = 1 + (copy?.ino === info.ino && copy.dev === info.dev ? 1 : 0);
    if (info.nlink <= ours) continue;
    const temp = path.join(dir, `.${name}.detach`);
    copyFileSync(file, temp);
    renameSync(temp, file);
    copied.push(name);
  }
  return copied;
}

/**
 * Makes the kept copy of each file of `names` in `dir` (in the folder `kept`) a hard link of it (replacing the last run's);
 * where a link cannot be made, deletes the kept copy. Returns the names kept.
 */
export function keepFiles(kept: string, dir: string, names: readonly string[]): string[] {
  const keptNames: string[] = [];
  mkdirSync(kept, { recursive: true });
  for (const name of names) {
    const file = path.join(dir, name);
    const copy = path.join(kept, name);
    const info = statSync(file, { throwIfNoEntry: false });
    const old = statSync(copy, { throwIfNoEntry: false });
    if (info && old && old.ino === info.ino && old.dev === info.dev) {
      keptNames.push(name);
      continue;
    }
    // No temporary name: the state, which alone makes a kept copy trusted, is written after this.
    if (old) rmSync(copy);
    try {
      if (!info) continue;
      linkSync(file, copy);
      keptNames.push(name);
    } catch {
      // Another file system: no kept copy.
    }
  }
  return keptNames;
}

/**
 * Returns whether `file` (an API document, in the folder `kept` as `name`) holds `bytes` bytes (the
 * size is what the state keeps of a document): as it is (`there`), else after linking it from its
 * kept copy when that one does (`linked`); `missing` when neither does: the caller writes it.
 */
export function restoreKeptDocument(kept: string, name: string, file: string, bytes: number): 'there' | 'linked' | 'missing' {
  const info = statSync(file, { throwIfNoEntry: false });
  if (info?.size === bytes) return 'there';
  const copy = path.join(kept, name);
  if (statSync(copy, { throwIfNoEntry: false })?.size !== bytes) return 'missing';
  try {
    if (info) rmSync(file);
    linkSync(copy, file);
    return 'linked';
  } catch {
    return 'missing';
  }
}

/**
 * Writes `content` to `file` unless the file already holds exactly those bytes, as a new file: the
 * old one's other links (its kept copy, another folder's) keep their bytes. Returns true when it wrote.
 */
export function writeUnlinked(file: string, content: string | Uint8Array): boolean {
  const bytes = typeof content === 'string' ? Buffer.from(content) : content;
  const info = statSync(file, { throwIfNoEntry: false });
  if (info?.size === bytes.length && Buffer.from(bytes).equals(readFileSync(file))) return false;
  if (info) rmSync(file);
  writeFileSync(file, bytes);
  return true;
}
