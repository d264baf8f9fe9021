#!/usr/bin/env node
/**
 * Builds the Pagefind search index over the built site: the Chinese report and agency pages only
 * (each at most MAX_SEARCH_PAGE_BYTES of HTML; a larger one is left out and named on stderr),
 * in chunks of at most searchChunk pages (src/lib/config.ts; default 1000), each chunk its own Pagefind bundle
 * in dist/pagefind/<chunk>/ built by a fresh Pagefind process (closed afterwards, so memory stays
 * bounded by the chunk size, not the site), several chunks at once (searchJobs, default one per
 * core). dist/pagefind/chunks.json lists the bundles; the search
 * pages read it and merge the chunks at query time. The UI script and styles are copied to
 * dist/pagefind/ where the search pages load them.
 *
 * Each chunk's bundle is also kept in a cache (Astro's cache folder, pagefind-chunks/<key>/), keyed by
 * the Pagefind version and the chunk's pages and their bytes: after one report changed, only the chunk
 * holding its pages is indexed again, the others are copied back (Astro empties dist/ on each build).
 */
import { createHash } from 'node:crypto';
import { cp, copyFile, mkdir, mkdtemp, readFile, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { readConfig } from '../src/lib/config.ts';
import { forEachLimited } from './lib/extract/write-output.ts';
import { CHUNKS_FILE, MAX_SEARCH_PAGE_BYTES, chunkKey, chunkName, chunkPages, selectBySize, type ChunkList } from './lib/search/chunks.ts';

const config = readConfig();
/** The built site (astro's outDir, from the same setting). */
const OUT = config.out;
const CHUNK_SIZE = config.searchChunk;
/** Where indexed chunks are kept between builds (beside Astro's own cache, see astro.config.mjs). */
const CACHE = path.join(config.astroCache, 'pagefind-chunks');
/** What else decides a chunk's bundle: the Pagefind version and the options below. */
const SALT = `pagefind ${JSON.parse(await readFile(path.join('node_modules', 'pagefind', 'package.json'), 'utf8')).version} zh-cn`;
/**
 * Chunks indexed at once (default one per core): Pagefind indexes on one core, and each chunk's
 * process holds at most about 100 MiB + 0.4 MiB a page.
 */
const JOBS = config.searchJobs;
/** The files of a bundle the search pages load from pagefind/ itself (the rest stay per chunk). */
const UI_FILES = ['pagefind-ui.js', 'pagefind-ui.css'];

/** Returns candidate pages with their sizes: <section>/<name>/index.html for the sections that hold searchable pages. */
async function listCandidates(root: string): Promise<{ page: string; bytes: number }[]> {
  const pages: { page: string; bytes: number }[] = [];
  for (const section of ['reports', 'agencies']) {
    const names = await readdir(path.join(root, section)).catch(() => [] as string[]);
    for (const name of names) {
      const rel = `${section}/${name}/index.html`;
      const info = await stat(path.join(root, rel)).catch(() => null);
      if (info?.isFile()) pages.push({ page: rel, bytes: info.size });
    }
  }
  return pages;
}

/**
 * Indexes one chunk of pages into its own bundle, in a child process (scripts/lib/search/index-chunk.ts)
 * with its own Pagefind process: chunks are independent, so several are indexed at once, one per core.
 */
async function buildChunk(pages: string[], outputPath: string): Promise<void> {
  const job = path.join(await mkdtemp(path.join(tmpdir(), 'nianbao-search-')), 'job.json');
  await writeFile(job, JSON.stringify({ site: OUT, pages, outputPath }));
  try {
    const child = spawn(process.execPath, [fileURLToPath(new URL('./lib/search/index-chunk.ts', import.meta.url)), job], { stdio: 'inherit' });
    const [code, signal] = (await once(child, 'exit')) as [number | null, string | null];
    if (code !== 0) throw new Error(`pagefind: indexing ${outputPath} failed (${signal ?? `exit code ${code}`})`);
  } finally {
    await rm(path.dirname(job), { recursive: true, force: true });
  }
}

/** Returns the chunk's cache key, from the sha256 of each page's bytes. */
async function keyOf(pages: readonly string[]): Promise<string> {
  const hashed = await Promise.all(pages.map(async (page) => ({ page, sha256: createHash('sha256').update(await readFile(path.join(OUT, page))).digest('hex') })));
  return chunkKey(hashed, SALT);
}

const started = performance.now();
const root = path.join(OUT, 'pagefind');
await rm(root, { recursive: true, force: true });
const { pages: candidates, tooLarge } = selectBySize(await listCandidates(OUT));
for (const p of tooLarge) {
  process.stderr.write(`pagefind: 页面过大，未编入搜索索引：${p.page}（${p.bytes} 字节，上限 ${MAX_SEARCH_PAGE_BYTES}） (left out of the search index: ${p.page} is ${p.bytes} bytes, over ${MAX_SEARCH_PAGE_BYTES})\n`);
}
const chunks = chunkPages(candidates, CHUNK_SIZE);
// An empty site still gets one (empty) bundle, so that the search page loads and finds nothing.
if (chunks.length === 0) chunks.push([]);
const names = chunks.map((_, i) => chunkName(i));
await mkdir(CACHE, { recursive: true });
const keys: string[] = new Array(chunks.length);
let reused = 0;
// Chunks are independent: JOBS of them are indexed (or copied from the cache) at once.
await forEachLimited(chunks.map((_, i) => i), JOBS, async (i) => {
  const pages = chunks[i]!;
  const t = performance.now();
  const key = await keyOf(pages);
  keys[i] = key;
  const cached = path.join(CACHE, key);
  const target = path.join(root, names[i]!);
  let how = 'indexed';
  if (await stat(cached).then((s) => s.isDirectory(), () => false)) {
    await cp(cached, target, { recursive: true });
    how = 'from cache';
    reused++;
  } else {
    await buildChunk(pages, target);
    // Copied under a temporary name and renamed, so that an interrupted run leaves no half bundle.
    await rm(`${cached}.tmp`, { recursive: true, force: true });
    await cp(target, `${cached}.tmp`, { recursive: true });
    await rename(`${cached}.tmp`, cached);
  }
  process.stderr.write(`pagefind: chunk ${names[i]} (${i + 1}/${chunks.length}): ${pages.length} pages ${how}, ${((performance.now() - t) / 1000).toFixed(1)}s\n`);
});
// Only this build's chunks stay cached: the cache never grows past one site's index.
for (const name of await readdir(CACHE).catch(() => [] as string[])) {
  if (!keys.includes(name)) await rm(path.join(CACHE, name), { recursive: true, force: true });
}
await mkdir(root, { recursive: true });
for (const f of UI_FILES) await copyFile(path.join(root, names[0]!, f), path.join(root, f));
const pageCount = chunks.reduce((n, c) => n + c.length, 0);
const list: ChunkList = { chunks: names.map((n) => `${n}/`), pages: pageCount };
await writeFile(path.join(root, CHUNKS_FILE), `${JSON.stringify(list)}\n`);
process.stderr.write(`pagefind: indexed ${pageCount} pages in ${chunks.length} chunk(s) of at most ${CHUNK_SIZE} (${reused} from cache), ${((performance.now() - started) / 1000).toFixed(1)}s\n`);
