/**
 * Putting a staged search index (scripts/search-index.ts --stage) into the site's pagefind/ folder.
 * The build runs it in its own process (scripts/lib/build/stages.ts), after the search stage and,
 * when the Astro build empties the site folder, after that; `node scripts/search-index.ts --place DIR`
 * runs it alone.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { CHUNKS_FILE, type ChunkList } from './chunks.ts';
import { copyTree } from './copy-tree.ts';
import { writeIfChanged } from '../write-if-changed.ts';

/** The staged index's plan (STAGE/plan.json): every chunk's folder name and content key, and the list the search pages read. */
export interface StagePlan {
  chunks: { name: string; key: string }[];
  list: ChunkList;
}

/** The plan's file in the stage folder. */
export const PLAN_FILE = 'plan.json';
/** The cache's record of which chunk (by content key) each folder of the placed index holds: `{ out, keys }`. */
export const PLACED_FILE = 'placed.json';
/** Returns where indexed chunks are kept between builds: beside Astro's own cache (the astroCache setting, see astro.config.mjs). */
export function searchCachePath(astroCache: string): string {
  return path.join(astroCache, 'pagefind-chunks');
}

/** The files of a bundle the search pages load from pagefind/ itself (the rest stay per chunk). */
const UI_FILES = ['pagefind-ui.js', 'pagefind-ui.css'];

/**
 * Puts the index staged in `stage` in the site `out`'s pagefind/ folder: a chunk indexed in this run
 * moved in (a rename within one file system), a chunk the folder already holds under the same key
 * left as it is, any other copied from the cache folder `cache`; folders of chunks no longer planned
 * deleted; the UI files and the chunk list written when their bytes change. Leaves the plan in
 * `stage`, so that it can run again (after an Astro build that emptied the site); returns nothing.
 */
export async function placeSearchIndex(stage: string, out: string, cache: string): Promise<void> {
  const started = performance.now();
  const plan = JSON.parse(await readFile(path.join(stage, PLAN_FILE), 'utf8')) as StagePlan;
  const target = path.join(out, 'pagefind');
  await mkdir(target, { recursive: true });
  const placedFile = path.join(cache, PLACED_FILE);
  const placed = await readFile(placedFile, 'utf8').then((t) => JSON.parse(t) as { out: string; keys: Record<string, string> }, () => null);
  const held = placed?.out === path.resolve(out) ? placed.keys : {};
  // Folders change from here on: a place that stops half-way leaves no record, and the next one copies every chunk.
  await rm(placedFile, { force: true });
  let moved = 0;
  let copied = 0;
  for (const { name, key } of plan.chunks) {
    const dest = path.join(target, name);
    const staged = path.join(stage, name);
    if (existsSync(staged)) {
      await rm(dest, { recursive: true, force: true });
      await rename(staged, dest).catch(() => copyTree(staged, dest));
      moved++;
    } else if (held[name] !== key || !existsSync(dest)) {
      await rm(dest, { recursive: true, force: true });
      copyTree(path.join(cache, key), dest);
      copied++;
    }
  }
  const keep = new Set([...plan.chunks.map((c) => c.name), ...UI_FILES, CHUNKS_FILE]);
  for (const name of await readdir(target)) if (!keep.has(name)) await rm(path.join(target, name), { recursive: true, force: true });
  for (const f of UI_FILES) await writeIfChanged(path.join(target, f), await readFile(path.join(target, plan.chunks[0]!.name, f)));
  await writeIfChanged(path.join(target, CHUNKS_FILE), `${JSON.stringify(plan.list)}\n`);
  await writeFile(placedFile, JSON.stringify({ out: path.resolve(out), keys: Object.fromEntries(plan.chunks.map((c) => [c.name, c.key])) }));
  // The plan stays (the next staging deletes it): placing again after an Astro build that emptied the site copies every chunk from the cache.
  await Promise.all(plan.chunks.map((c) => rm(path.join(stage, c.name), { recursive: true, force: true })));
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  process.stderr.write(`pagefind: placed ${plan.chunks.length} chunk(s) in ${target}: ${moved} indexed, ${copied} from the cache, ${plan.chunks.length - moved - copied} kept, ${seconds}s\n`);
}
