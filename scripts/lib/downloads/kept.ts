/**
 * The last run's big downloads (the joined CSVs and JSON, the SQLite file) kept in the downloads'
 * cache as hard links of the files it wrote (DATA/downloads-cache/kept/<name>), so that a run into
 * an empty folder (the build's --into stage, a site folder the Astro build emptied) finds them again
 * without writing a byte: a link is one call, where joining them from the parts and building the
 * SQLite file took most of the stage's CPU time (bench/results.md). A link shares the file's bytes
 * and modification time, so the state's size and time (state.ts) say of a kept file what they say
 * of the file it was left as; a file changed since (in either place) is not as left, and is not used.
 * The cache and the output must be on one file system; where they are not, nothing is kept.
 */
import { copyFileSync, linkSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';

/** A file as the last run left it: its size and modification time (state.ts KeptFile). */
export interface LeftFile {
  size: number;
  mtimeMs: number;
}

/** Returns the path of a download's kept copy in the cache folder. */
export function keptPath(cache: string, name: string): string {
  return path.join(cache, 'kept', name);
}

/**
 * Links into `dir` each file of `files` that `dir` lacks and whose kept copy is as the last run left
 * it (`left`); returns the names linked. A link that fails (another file system) links nothing: the
 * file is then written as without a kept copy.
 */
export function restoreKeptFiles(cache: string, dir: string, files: readonly { name: string; left: LeftFile | undefined }[]): string[] {
  const linked: string[] = [];
  for (const { name, left } of files) {
    if (!left || statSync(path.join(dir, name), { throwIfNoEntry: false })) continue;
    const kept = keptPath(cache, name);
    const info = statSync(kept, { throwIfNoEntry: false });
    if (!info || info.size !== left.size || info.mtimeMs !== left.mtimeMs) continue;
    try {
      linkSync(kept, path.join(dir, name));
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
export function detachFiles(cache: string, dir: string, names: readonly string[]): string[] {
  const copied: string[] = [];
  for (const name of names) {
    const file = path.join(dir, name);
    const info = statSync(file, { throwIfNoEntry: false });
    if (!info) continue;
    const kept = statSync(keptPath(cache, name), { throwIfNoEntry: false });
    const ours = 1 + (kept?.ino === info.ino && kept.dev === info.dev ? 1 : 0);
    if (info.nlink <= ours) continue;
    const temp = path.join(dir, `.${name}.detach`);
    copyFileSync(file, temp);
    renameSync(temp, file);
    copied.push(name);
  }
  return copied;
}

/**
 * Makes the kept copy of each file of `names` in `dir` a hard link of it (replacing the last run's);
 * where a link cannot be made, deletes the kept copy. Returns the names kept.
 */
export function keepFiles(cache: string, dir: string, names: readonly string[]): string[] {
  const keptNames: string[] = [];
  mkdirSync(path.join(cache, 'kept'), { recursive: true });
  for (const name of names) {
    const file = path.join(dir, name);
    const kept = keptPath(cache, name);
    const info = statSync(file, { throwIfNoEntry: false });
    const old = statSync(kept, { throwIfNoEntry: false });
    if (info && old && old.ino === info.ino && old.dev === info.dev) {
      keptNames.push(name);
      continue;
    }
    const temp = `${kept}.tmp`;
    rmSync(temp, { force: true });
    try {
      if (!info) throw new Error(`no ${name} to keep`);
      linkSync(file, temp);
      renameSync(temp, kept);
      keptNames.push(name);
    } catch {
      rmSync(kept, { force: true });
    }
  }
  return keptNames;
}
