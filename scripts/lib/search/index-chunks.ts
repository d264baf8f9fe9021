/**
 * Indexes chunks of the search index one after another (scripts/search-index.ts runs it in its own
 * process for one lane of work, else in child processes, scripts/lib/search/index-chunk.ts). Each
 * chunk's search records are made from its agencies' records (scripts/lib/search/records.ts), or
 * taken from the chunk's records file in the cache (records/<name>.json), agency by agency, when
 * the agency's key (its record files' digests) is the same; their content key (chunks.ts
 * contentKey) names the bundle in the cache. A bundle the cache holds under that key is not indexed
 * again: Pagefind is started only for chunks whose search records changed, each in an index of its
 * own, deleted once written so that memory holds one chunk.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import * as pagefind from 'pagefind';
import { contentKey, recordsFilePath, type AgencyPages } from './chunks.ts';
import { linkTree } from './copy-tree.ts';
import { listSearchRecords, type SearchRecord } from './records.ts';
import { readRecordFile } from '../../../src/lib/site/record-files.ts';

/** Records sent to Pagefind at once: enough to keep it busy, few enough that Node holds little text. */
const IN_FLIGHT = 16;

/**
 * Fragment files per chunk (Pagefind's maxFragments): a chunk's pages' fragments (the URL, title
 * and text a result shows) are written in at most this many files, about 8 pages each at 250 pages
 * a chunk, instead of one file per page. Pagefind gzips every file with a compressor of its own and
 * the file system makes an inode for each: one file per page cost about a fifth of Pagefind's CPU
 * (bench/results.md, "Search index at 10,000"). What is indexed and found is the same; a result
 * loads its group's file (a few kilobytes) instead of its own.
 */
const MAX_FRAGMENTS = 32;

/** An agency of a chunk with its key: a digest of its record files (and the search code), which its search records are a function of. */
export interface KeyedAgency extends AgencyPages {
  key: string;
}

/** One chunk to index: its name, its agencies, and the folder Pagefind writes its bundle to when the cache lacks it. */
export interface ChunkJob {
  name: string;
  agencies: KeyedAgency[];
  outputPath: string;
}

/** A lane of work: the extraction folder, the cache folder, the salt of the keys and the chunks. */
export interface IndexJob {
  dataDir: string;
  cache: string;
  salt: string;
  chunks: ChunkJob[];
}

/** What became of a chunk: its content key, and whether Pagefind indexed it into its output folder (else the cache holds its bundle). */
export interface ChunkResult {
  name: string;
  content: string;
  indexed: boolean;
}

/** A chunk's records file in the cache: each agency's search records under its key. */
interface KeptRecords {
  agencies: { slug: string; key: string; records: SearchRecord[] }[];
}

/** Returns a chunk's kept records file, or none when it is missing or unreadable (then every agency is made again). */
function readKeptRecords(file: string): KeptRecords {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as KeptRecords;
  } catch {
    return { agencies: [] };
  }
}

/**
 * Returns the search records of a chunk, agency by agency: from the kept records file when the
 * agency's key is the same, else made from its record files; writes the records file again when an
 * agency was made (or one left).
 */
async function listChunkRecords(job: IndexJob, chunk: ChunkJob): Promise<SearchRecord[][]> {
  const file = recordsFilePath(job.cache, chunk.name);
  const kept = new Map(readKeptRecords(file).agencies.map((a) => [a.slug, a]));
  let made = false;
  const agencies: KeptRecords['agencies'] = [];
  // One agency's records in memory at a time.
  for (const { slug, ids, key } of chunk.agencies) {
    const found = kept.get(slug);
    if (found?.key === key) {
      agencies.push(found);
      continue;
    }
    made = true;
    agencies.push({ slug, key, records: listSearchRecords(ids.map((id) => readRecordFile(job.dataDir, id))) });
  }
  if (made || kept.size !== agencies.length) {
    mkdirSync(path.dirname(file), { recursive: true });
    // A file cut short by a crash fails to parse, and its agencies are made again.
    writeFileSync(file, JSON.stringify({ agencies } satisfies KeptRecords));
  }
  return agencies.map((a) => a.records);
}

/** Returns this process's child processes (Linux; empty where /proc is missing). */
async function children(): Promise<Set<number>> {
  const tasks = await readdir(`/proc/${process.pid}/task`).catch(() => [] as string[]);
  const lists = await Promise.all(tasks.map((t) => readFile(`/proc/${process.pid}/task/${t}/children`, 'utf8').catch(() => '')));
  return new Set(lists.flatMap((l) => l.split(' ').filter(Boolean).map(Number)));
}

/**
 * Waits (up to 30 s) until the children started since `before` have exited. pagefind.close() only
 * signals its process: waiting reaps it, so that the peak memory GNU time reports for the search
 * stage includes Pagefind's.
 */
async function waitForExit(before: Set<number>): Promise<void> {
  for (let waited = 0; waited < 30_000; waited += 10) {
    if (![...(await children())].some((pid) => !before.has(pid))) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Indexes a chunk's pages (each agency's search records, in order) into a Pagefind bundle at `outputPath`. */
async function writeBundle(pages: readonly SearchRecord[][], outputPath: string): Promise<void> {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'zh-cn', maxFragments: MAX_FRAGMENTS });
  if (!index) throw new Error(`pagefind: ${errors.join('; ')}`);
  try {
    for (const agency of pages) {
      for (let i = 0; i < agency.length; i += IN_FLIGHT) {
        await Promise.all(agency.slice(i, i + IN_FLIGHT).map(async (page) => {
          const added = await index.addCustomRecord({ url: page.url, content: page.content, language: 'zh-cn', meta: { title: page.title } });
          if (added.errors.length) throw new Error(`pagefind: ${page.url}: ${added.errors.join('; ')}`);
        }));
      }
    }
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length) throw new Error(`pagefind: ${written.errors.join('; ')}`);
  } finally {
    await index.deleteIndex();
  }
}

/**
 * Indexes a lane's chunks one after another (see the module comment); returns each chunk's content
 * key and whether it was indexed. A chunk indexed is written to its output folder and kept in the
 * cache under its content key (linked under a temporary name and renamed, so that an interrupted
 * run leaves no half bundle there).
 */
export async function indexChunks(job: IndexJob): Promise<ChunkResult[]> {
  const results: ChunkResult[] = [];
  // Set when Pagefind is started: its process is waited for at the end.
  let before: Set<number> | null = null;
  try {
    for (const chunk of job.chunks) {
      const pages = await listChunkRecords(job, chunk);
      const content = contentKey(pages.flat(), job.salt);
      const kept = path.join(job.cache, content);
      if (existsSync(kept)) {
        results.push({ name: chunk.name, content, indexed: false });
        continue;
      }
      before ??= await children();
      await writeBundle(pages, chunk.outputPath);
      rmSync(`${kept}.tmp`, { recursive: true, force: true });
      linkTree(chunk.outputPath, `${kept}.tmp`);
      renameSync(`${kept}.tmp`, kept);
      results.push({ name: chunk.name, content, indexed: true });
    }
  } finally {
    if (before) {
      await pagefind.close();
      await waitForExit(before);
    }
  }
  return results;
}
