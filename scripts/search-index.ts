#!/usr/bin/env node
/**
 * node scripts/search-index.ts [--stage DIR | --place DIR]: builds the Pagefind search index from the
 * records (the data setting, src/lib/config.ts), not from the built pages, so that it runs beside the
 * Astro build: the Chinese report and agency pages (scripts/lib/search/records.ts), each agency's
 * pages in one chunk chosen by its slug (scripts/lib/search/chunks.ts; about searchChunk
 * pages a chunk, default 1000), each chunk its own Pagefind bundle built by a fresh Pagefind process
 * (closed afterwards, so memory stays bounded by the chunk, not the site), several chunks at once
 * (searchJobs, default one per core). pagefind/chunks.json lists the bundles; the search
 * pages read it and merge the chunks at query time. The UI script and styles are copied to pagefind/
 * where the search pages load them.
 *
 * Written into the built site's pagefind/ (the out setting, default dist), or with `--stage DIR` into DIR
 * while Astro builds (Astro empties its output folder when it starts), which `--place DIR` then moves
 * into the built site.
 *
 * Each chunk's bundle is also kept in a cache (Astro's cache folder, pagefind-chunks/<key>/), keyed by
 * the Pagefind version, the search code and the chunk's record files and their bytes: after one
 * report changed, only the chunk holding its agency is indexed again, the others are copied back.
 */
import { createHash } from 'node:crypto';
import { cp, copyFile, mkdir, mkdtemp, readFile, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { readConfig } from '../src/lib/config.ts';
import { forEachLimited } from './lib/extract/write-output.ts';
import { CHUNKS_FILE, chunkKey, groupByAgency, planChunks, readRecordFileName, type Chunk, type ChunkList } from './lib/search/chunks.ts';
import { hashSources } from '../src/lib/source-version.ts';

const { values } = parseArgs({ options: { stage: { type: 'string' }, place: { type: 'string' } } });
const config = readConfig();
/** The built site (astro's outDir, from the same setting). */
const OUT = config.out;
/** The extraction folder the records are read from. */
const DATA = config.data;
const CHUNK_SIZE = config.searchChunk;
/** Where indexed chunks are kept between builds (beside Astro's own cache, see astro.config.mjs). */
const CACHE = path.join(config.astroCache, 'pagefind-chunks');
/**
 * Chunks indexed at once (default one per core): Pagefind indexes on one core, and each chunk's
 * process holds at most about 100 MiB + 0.4 MiB a page.
 */
const JOBS = config.searchJobs;
/** The files of a bundle the search pages load from pagefind/ itself (the rest stay per chunk). */
const UI_FILES = ['pagefind-ui.js', 'pagefind-ui.css'];
/** The code that decides what a chunk holds: the search records and the findings and bounds they use. */
const SEARCH_SOURCES = ['scripts/lib/search', 'src/lib/findings', 'src/lib/aggregate', 'src/lib/site', 'src/lib/template.ts', 'package-lock.json'];

const seconds = (since: number) => ((performance.now() - since) / 1000).toFixed(1);

/**
 * Indexes one chunk into its own bundle, in a child process (scripts/lib/search/index-chunk.ts)
 * with its own Pagefind process: chunks are independent, so several are indexed at once, one per core.
 */
async function buildChunk(chunk: Chunk, outputPath: string): Promise<void> {
  const job = path.join(await mkdtemp(path.join(tmpdir(), 'nianbao-search-')), 'job.json');
  await writeFile(job, JSON.stringify({ dataDir: DATA, agencies: chunk.agencies, outputPath }));
  try {
    const child = spawn(process.execPath, [fileURLToPath(new URL('./lib/search/index-chunk.ts', import.meta.url)), job], { stdio: 'inherit' });
    const [code, signal] = (await once(child, 'exit')) as [number | null, string | null];
    if (code !== 0) throw new Error(`pagefind: indexing ${outputPath} failed (${signal ?? `exit code ${code}`})`);
  } finally {
    await rm(path.dirname(job), { recursive: true, force: true });
  }
}

/** Returns the chunk's cache key, from the sha256 of each of its record files. */
async function keyOf(chunk: Chunk, salt: string): Promise<string> {
  const files = chunk.agencies.flatMap((a) => a.ids.map((id) => `${id}.json`));
  const hashed = await Promise.all(files.map(async (file) => ({ file, sha256: createHash('sha256').update(await readFile(path.join(DATA, 'reports', file))).digest('hex') })));
  return chunkKey(hashed, salt);
}

/** Builds the whole index into `root` (a pagefind/ folder), reusing cached chunks. */
async function buildIndex(root: string): Promise<void> {
  const started = performance.now();
  const pagefindVersion = JSON.parse(await readFile(path.join('node_modules', 'pagefind', 'package.json'), 'utf8')).version as string;
  const salt = `pagefind ${pagefindVersion} zh-cn records ${hashSources(process.cwd(), SEARCH_SOURCES).version}`;
  await rm(root, { recursive: true, force: true });
  const names = await readdir(path.join(DATA, 'reports')).catch(() => [] as string[]);
  const agencies = groupByAgency(names.flatMap((n) => readRecordFileName(n) ?? []));
  const chunks = planChunks(agencies, CHUNK_SIZE);
  // An empty site still gets one (empty) bundle, so that the search page loads and finds nothing.
  if (chunks.length === 0) chunks.push({ name: '000', agencies: [] });
  await mkdir(CACHE, { recursive: true });
  const keys: string[] = new Array(chunks.length);
  let reused = 0;
  // Chunks are independent: JOBS of them are indexed (or copied from the cache) at once.
  await forEachLimited(chunks.map((_, i) => i), JOBS, async (i) => {
    const chunk = chunks[i]!;
    const t = performance.now();
    const key = await keyOf(chunk, salt);
    keys[i] = key;
    const cached = path.join(CACHE, key);
    const target = path.join(root, chunk.name);
    let how = 'indexed';
    if (await stat(cached).then((s) => s.isDirectory(), () => false)) {
      await cp(cached, target, { recursive: true });
      how = 'from cache';
      reused++;
    } else {
      await buildChunk(chunk, target);
      // Copied under a temporary name and renamed, so that an interrupted run leaves no half bundle.
      await rm(`${cached}.tmp`, { recursive: true, force: true });
      await cp(target, `${cached}.tmp`, { recursive: true });
      await rename(`${cached}.tmp`, cached);
    }
    const pages = chunk.agencies.reduce((n, a) => n + 1 + a.ids.length, 0);
    process.stderr.write(`pagefind: chunk ${chunk.name} (${i + 1}/${chunks.length}): ${chunk.agencies.length} agencies, ${pages} pages ${how}, ${seconds(t)}s\n`);
  });
  // Only this build's chunks stay cached: the cache never grows past one site's index.
  for (const name of await readdir(CACHE).catch(() => [] as string[])) {
    if (!keys.includes(name)) await rm(path.join(CACHE, name), { recursive: true, force: true });
  }
  await mkdir(root, { recursive: true });
  for (const f of UI_FILES) await copyFile(path.join(root, chunks[0]!.name, f), path.join(root, f));
  const pageCount = agencies.reduce((n, a) => n + 1 + a.ids.length, 0);
  const list: ChunkList = { chunks: chunks.map((c) => `${c.name}/`), pages: pageCount };
  await writeFile(path.join(root, CHUNKS_FILE), `${JSON.stringify(list)}\n`);
  process.stderr.write(`pagefind: indexed ${pageCount} pages in ${chunks.length} chunk(s) of about ${CHUNK_SIZE} at most (${reused} from cache), ${seconds(started)}s\n`);
}

if (values.place) {
  // The staged index replaces the site's: a rename within one file system, else a copy.
  const target = path.join(OUT, 'pagefind');
  await rm(target, { recursive: true, force: true });
  await mkdir(OUT, { recursive: true });
  await rename(values.place, target).catch(async () => {
    await cp(values.place!, target, { recursive: true });
    await rm(values.place!, { recursive: true, force: true });
  });
  process.stderr.write(`pagefind: placed ${values.place} → ${target}\n`);
} else {
  await buildIndex(values.stage ?? path.join(OUT, 'pagefind'));
}
