/**
 * Moves downloads written into a folder of their own (`node scripts/write-downloads.ts --into DIR`)
 * into the site folder: the build writes them there beside an Astro build that empties the site
 * folder when it starts, and moves them in after it. Renames within one file system keep each file's
 * bytes and modification time, so the downloads' state (state.ts) holds for the files moved.
 */
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';

/** The folders the downloads write, each moved into the site folder's. */
const FOLDERS = ['data', 'api'] as const;

/**
 * Moves `stage`/data and `stage`/api into `out`: a folder the site lacks is moved whole, else its
 * entries one by one, each replacing the site's own; then deletes `stage`. Returns the entries moved.
 */
export function placeDownloads(stage: string, out: string): number {
  let moved = 0;
  for (const folder of FOLDERS) {
    const from = path.join(stage, folder);
    const to = path.join(out, folder);
    if (!existsSync(from)) continue;
    if (!existsSync(to)) {
      mkdirSync(out, { recursive: true });
      renameSync(from, to);
      moved++;
      continue;
    }
    for (const name of readdirSync(from)) {
      rmSync(path.join(to, name), { recursive: true, force: true });
      renameSync(path.join(from, name), path.join(to, name));
      moved++;
    }
  }
  rmSync(stage, { recursive: true, force: true });
  return moved;
}
