#!/usr/bin/env node
/**
 * node scripts/search-index.ts [--stage DIR | --place DIR]: builds the Pagefind search index from the
 * records (the data setting, src/lib/config.ts), not from the built pages, so that it runs beside the
 * Astro build: the Chinese report and agency pages (scripts/lib/search/records.ts), each agency's
 * pages in one chunk chosen by its slug (scripts/lib/search/chunks.ts; about searchChunk pages a
 * chunk), each chunk its own Pagefind bundle (scripts/lib/search/index-chunks.ts): in this process
 * when one lane of work is to be done, else by one child process per core (searchJobs,
 * scripts/lib/search/index-chunk.ts), each indexing its share of the chunks one after another with
 * one Pagefind process. pagefind/chunks.json lists the bundles; the search pages read it and merge
 * the chunks at query time. The UI script and styles are copied to pagefind/ where the search pages
 * load them.
 *
 * Each chunk's bundle is kept in a cache (Astro's cache folder, pagefind-chunks/<key>/) under its
 * content key: the Pagefind version, the search code and the search records Pagefind is given. The
 * chunk's stamp (its record files' digests) leads to that key without making the records
 * (pagefind-chunks/keys.json); a chunk whose stamp changed has its search records made again, from
 * the records file of its agencies that did not change (pagefind-chunks/records/<name>.json), and is
 * indexed only when they changed. `--stage DIR` (beside the Astro build, which may empty the site
 * folder when it starts) indexes only the chunks the cache lacks, into DIR, and writes
 * DIR/plan.json; `--place DIR` then moves those into the site's pagefind/, copies from the cache
 * only the chunks the site's folder lacks (it remembers which key each folder holds), deletes the
 * chunks no longer planned, and writes the list. Without either, both steps run into the site. After
 * one report changed, its agency's search records are made again, and its chunk indexed and moved
 * only when they changed.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { readConfig } from '../src/lib/config.ts';
import { RECORDS_DIR, chunkKey, groupByAgency, planChunks, readRecordFileName, recordsFilePath, type Chunk } from './lib/search/chunks.ts';
import { PLACED_FILE, PLAN_FILE, placeSearchIndex, searchCachePath, type StagePlan } from './lib/search/place.ts';
import type { ChunkJob, ChunkResult, IndexJob, KeyedAgency } from './lib/search/index-chunks.ts';
import { hashSources } from '../src/lib/source-version.ts';
import { readRecordHashes, stampRecordFile } from '../src/lib/extract/written-state.ts';

const { values } = parseArgs({ options: { stage: { type: 'string' }, place: { type: 'string' } } });
const config = readConfig();
/** The built site (astro's outDir, from the same setting). */
const OUT = config.out;
/** The extraction folder the records are read from. */
const DATA = config.data;
const CHUNK_SIZE = config.searchChunk;
/** Where indexed chunks are kept between builds. */
const CACHE = searchCachePath(config.astroCache);
/**
 * Chunks indexed at once (default one per core): Pagefind indexes on one core, and each chunk's
 * process holds at most about 100 MiB + 0.4 MiB a page.
 */
const JOBS = config.searchJobs;
/** The code that decides what a chunk holds: the search records and the findings and bounds they use. */
const SEARCH_SOURCES = ['scripts/lib/search', 'src/lib/findings', 'src/lib/aggregate', 'src/lib/site', 'src/lib/i18n', 'src/lib/template.ts', 'package-lock.json'];

const seconds = (since: number) => ((performance.now() - since) / 1000).toFixed(1);

/**
 * Indexes chunks (index-chunks.ts): in this process when they make one lane of work, else in child
 * processes (index-chunk.ts), each with its own Pagefind process: chunks are independent, so JOBS
 * processes index them side by side, each a share of the chunks (balanced by pages) one after
 * another. Returns each chunk's content key and whether it was indexed into its output folder.
 */
async function buildChunks(chunks: readonly ChunkJob[], salt: string): Promise<ChunkResult[]> {
  if (chunks.length === 0) return [];
  const lanes = Array.from({ length: Math.min(JOBS, chunks.length) }, () => ({ pages: 0, chunks: [] as ChunkJob[] }));
  for (const chunk of [...chunks].sort((a, b) => countPages(b) - countPages(a))) {
    const lane = lanes.reduce((a, b) => (b.pages < a.pages ? b : a));
    lane.pages += countPages(chunk);
    lane.chunks.push(chunk);
  }
  const jobOf = (lane: (typeof lanes)[number]): IndexJob => ({ dataDir: DATA, cache: CACHE, salt, chunks: lane.chunks });
  // One lane: no second Node process to start and load the search code in.
  if (lanes.length === 1) return (await import('./lib/search/index-chunks.ts')).indexChunks(jobOf(lanes[0]!));
  const results = await Promise.all(lanes.map(async (lane) => {
    const dir = await mkdtemp(path.join(tmpdir(), 'nianbao-search-'));
    const job = path.join(dir, 'job.json');
    const result = path.join(dir, 'result.json');
    await writeFile(job, JSON.stringify({ job: jobOf(lane), result }));
    try {
      const child = spawn(process.execPath, [fileURLToPath(new URL('./lib/search/index-chunk.ts', import.meta.url)), job], { stdio: 'inherit' });
      const [code, signal] = (await once(child, 'exit')) as [number | null, string | null];
      if (code !== 0) throw new Error(`pagefind: indexing ${lane.chunks.map((c) => c.outputPath).join(', ')} failed (${signal ?? `exit code ${code}`})`);
      return JSON.parse(await readFile(result, 'utf8')) as ChunkResult[];
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }));
  return results.flat();
}

/** Returns the pages of a chunk: an agency page and a page per report. */
function countPages(chunk: Pick<Chunk, 'agencies'>): number {
  return chunk.agencies.reduce((n, a) => n + 1 + a.ids.length, 0);
}

/**
 * Returns a chunk's agencies with their keys, and the chunk's key (its stamp), from a digest of each
 * of its record files: the hash the extractor recorded of it (`hashes`, from its .written.json) with
 * the file's size and modification time, which change when anything else writes the file; else the
 * sha256 of its bytes, so that an unchanged stage does not read every record file.
 */
async function keyChunk(chunk: Chunk, salt: string, hashes: ReadonlyMap<string, string>): Promise<{ stamp: string; agencies: KeyedAgency[] }> {
  const digest = async (id: string) => stampRecordFile(DATA, id, hashes.get(id)) ?? createHash('sha256').update(await readFile(path.join(DATA, 'reports', `${id}.json`))).digest('hex');
  const agencies = await Promise.all(chunk.agencies.map(async (a) => ({ ...a, files: await Promise.all(a.ids.map(async (id) => ({ file: `${id}.json`, digest: await digest(id) }))) })));
  return { stamp: chunkKey(agencies.flatMap((a) => a.files), salt), agencies: agencies.map(({ files, ...a }) => ({ ...a, key: chunkKey(files, salt) })) };
}

/** The cache's map from each chunk's stamp (keyChunk) to its content key, for this build's chunks: a chunk whose record files are as they were is not looked at. */
const KEYS_FILE = 'keys.json';

/** Returns the cache's map of stamps to content keys, empty when there is none or it cannot be read (then every chunk's search records are made). */
async function readContentKeys(): Promise<Record<string, string>> {
  try {
    return JSON.parse(await readFile(path.join(CACHE, KEYS_FILE), 'utf8')) as Record<string, string>;
  } catch {
    return {};
  }
}

/**
 * Stages the index in `stage`: plans the chunks; a chunk whose stamp names a bundle the cache holds
 * is left as it is; the others' search records are made (index-chunks.ts), and those whose content
 * key the cache lacks are indexed into `stage/<name>/` and kept in the cache under it. Writes the
 * plan; the chunks found in the cache are not copied (placeIndex takes them from there only when the
 * site lacks them).
 */
async function stageIndex(stage: string): Promise<void> {
  const started = performance.now();
  const pagefindVersion = JSON.parse(await readFile(path.join('node_modules', 'pagefind', 'package.json'), 'utf8')).version as string;
  const salt = `pagefind ${pagefindVersion} zh-cn records ${hashSources(process.cwd(), SEARCH_SOURCES).version}`;
  await rm(stage, { recursive: true, force: true });
  await mkdir(stage, { recursive: true });
  const names = await readdir(path.join(DATA, 'reports')).catch(() => [] as string[]);
  const agencies = groupByAgency(names.flatMap((n) => readRecordFileName(n) ?? []));
  const chunks = planChunks(agencies, CHUNK_SIZE);
  // An empty site still gets one (empty) bundle, so that the search page loads and finds nothing.
  if (chunks.length === 0) chunks.push({ name: '000', agencies: [] });
  await mkdir(CACHE, { recursive: true });
  const hashes = readRecordHashes(DATA);
  const keyed = await Promise.all(chunks.map((c) => keyChunk(c, salt, hashes)));
  const known = await readContentKeys();
  const contents: (string | undefined)[] = keyed.map(({ stamp }) => {
    const content = known[stamp];
    return content !== undefined && existsSync(path.join(CACHE, content)) ? content : undefined;
  });
  const todo: ChunkJob[] = chunks.flatMap((chunk, i) => (contents[i] ? [] : [{ name: chunk.name, agencies: keyed[i]!.agencies, outputPath: path.join(stage, chunk.name) }]));
  const results = await buildChunks(todo, salt);
  for (const r of results) contents[chunks.findIndex((c) => c.name === r.name)] = r.content;
  const keys = contents.map((c) => c!);
  await writeFile(path.join(CACHE, `${KEYS_FILE}.tmp`), JSON.stringify(Object.fromEntries(keyed.map((k, i) => [k.stamp, keys[i]!]))));
  await rename(path.join(CACHE, `${KEYS_FILE}.tmp`), path.join(CACHE, KEYS_FILE));
  // Only this build's chunks stay cached: the cache never grows past one site's index.
  const keep = new Set([...keys, PLACED_FILE, KEYS_FILE, RECORDS_DIR]);
  for (const name of await readdir(CACHE).catch(() => [] as string[])) {
    if (!keep.has(name)) await rm(path.join(CACHE, name), { recursive: true, force: true });
  }
  const records = new Set(chunks.map((c) => path.basename(recordsFilePath(CACHE, c.name))));
  for (const name of await readdir(path.join(CACHE, RECORDS_DIR)).catch(() => [] as string[])) {
    if (!records.has(name)) await rm(path.join(CACHE, RECORDS_DIR, name), { force: true });
  }
  const pageCount = agencies.reduce((n, a) => n + 1 + a.ids.length, 0);
  const plan: StagePlan = { chunks: chunks.map((c, i) => ({ name: c.name, key: keys[i]! })), list: { chunks: chunks.map((c) => `${c.name}/`), pages: pageCount } };
  await writeFile(path.join(stage, PLAN_FILE), JSON.stringify(plan));
  const indexed = todo.filter((t) => results.some((r) => r.name === t.name && r.indexed));
  process.stderr.write(`pagefind: ${pageCount} pages in ${chunks.length} chunk(s) of about ${CHUNK_SIZE} at most: ${indexed.length} indexed (${indexed.map((t) => `${t.name}: ${countPages(t)} pages`).join(', ')}), ${todo.length - indexed.length} of the same records, ${chunks.length - todo.length} in the cache, ${seconds(started)}s\n`);
}

if (values.place) await placeSearchIndex(values.place, OUT, CACHE);
else if (values.stage) await stageIndex(values.stage);
else {
  // Both steps at once, staged in a folder of their own beside the records.
  await mkdir(DATA, { recursive: true });
  const stage = await mkdtemp(path.join(DATA, '.search-'));
  try {
    await stageIndex(stage);
    await placeSearchIndex(stage, OUT, CACHE);
  } finally {
    await rm(stage, { recursive: true, force: true });
  }
}
