/**
 * How the search index is cut into chunks. Pagefind holds a whole index in memory while it builds it,
 * so a large site is indexed as several independent Pagefind bundles, pagefind/<chunk>/, which the
 * search page merges at query time (Pagefind's multisite `mergeIndex`). Each agency's pages (its
 * agency page and its report pages) go to one chunk, chosen by a hash of the agency's slug among a
 * power-of-two number of chunks: a changed, added or deleted report changes one chunk only, and the
 * cut moves only when the corpus doubles or halves. Pure functions: the tests call them.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';

/** The file listing the chunk bundles, relative to the pagefind/ folder. */
export const CHUNKS_FILE = 'chunks.json';

/** The contents of pagefind/chunks.json: bundle folders relative to pagefind/, in order; the first one is the primary index. */
export interface ChunkList {
  chunks: string[];
  pages: number;
}

/** An agency and its reports' ids, as the record files name them. */
export interface AgencyPages {
  slug: string;
  ids: string[];
}

/** A chunk: its folder name and its agencies, by slug. */
export interface Chunk {
  name: string;
  agencies: AgencyPages[];
}

/** Returns the report id and agency slug a record file stands for (`<slug>-<year>.json`), or null for another file. */
export function readRecordFileName(name: string): { id: string; slug: string } | null {
  const match = /^(.+)-(\d{4})\.json$/.exec(name);
  return match ? { id: `${match[1]}-${match[2]}`, slug: match[1]! } : null;
}

/** Returns the record ids grouped by agency, agencies by slug and ids in order (code-unit order, independent of locale). */
export function groupByAgency(ids: readonly { id: string; slug: string }[]): AgencyPages[] {
  const bySlug = new Map<string, string[]>();
  for (const { id, slug } of ids) {
    const list = bySlug.get(slug) ?? [];
    list.push(id);
    bySlug.set(slug, list);
  }
  const order = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return [...bySlug].map(([slug, list]) => ({ slug, ids: [...new Set(list)].sort(order) })).sort((a, b) => order(a.slug, b.slug));
}

/** Returns how many chunks a site of `pages` pages is cut into: the least power of two that keeps the average at most `size`. */
export function countChunks(pages: number, size: number): number {
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`chunk size must be a positive integer, got ${size}`);
  let n = 1;
  while (n * size < pages) n *= 2;
  return n;
}

/** Returns the chunk (0 … count-1) of an agency: from the sha256 of its slug, so the same whatever else the corpus holds. */
export function chunkOfAgency(slug: string, count: number): number {
  return createHash('sha256').update(slug).digest().readUInt32BE(0) % count;
}

/**
 * Cuts a site's agencies into chunks: each agency whole in the chunk of its slug, chunks that would
 * be empty left out, in order of their number (names zero-padded). Pages: an agency page and a page
 * per report. No agencies gives no chunks.
 */
export function planChunks(agencies: readonly AgencyPages[], size: number): Chunk[] {
  const pages = agencies.reduce((n, a) => n + 1 + a.ids.length, 0);
  const count = countChunks(pages, size);
  const chunks = new Map<number, AgencyPages[]>();
  for (const agency of agencies) {
    const i = chunkOfAgency(agency.slug, count);
    chunks.set(i, [...(chunks.get(i) ?? []), agency]);
  }
  return [...chunks].sort(([a], [b]) => a - b).map(([i, list]) => ({ name: chunkName(i), agencies: list }));
}

/** Returns the folder name of chunk i (under pagefind/): zero-padded so that the names sort in order. */
export function chunkName(i: number): string {
  return String(i).padStart(3, '0');
}

/**
 * Returns the cache key of a chunk: a sha256 (hex) over `salt` (the Pagefind version and the search
 * code's version) and each record file's name and digest of its content, in order. Equal keys mean
 * Pagefind would be given the same records.
 */
export function chunkKey(files: readonly { file: string; digest: string }[], salt: string): string {
  const hash = createHash('sha256').update(`${salt}\n`);
  for (const f of files) hash.update(`${f.file}\t${f.digest}\n`);
  return hash.digest('hex');
}

/**
 * Returns the content key of a chunk: a sha256 (hex) over `salt` and the search records Pagefind is
 * given (each page's URL, title and text), in order. Pagefind writes the same bundle for the same
 * records, so a chunk whose record files changed but whose search records did not (a figure, the
 * source file's digest) keeps its bundle.
 */
export function contentKey(records: readonly { url: string; title: string; content: string }[], salt: string): string {
  const hash = createHash('sha256').update(`${salt}\n`);
  // Each record as a JSON array, one a line: no two lists of records give the same text.
  for (const r of records) hash.update(`${JSON.stringify([r.url, r.title, r.content])}\n`);
  return hash.digest('hex');
}

/** The cache's folder of the chunks' search records (scripts/lib/search/index-chunks.ts), one file a chunk. */
export const RECORDS_DIR = 'records';

/** Returns the path of a chunk's records file in the cache folder. */
export function recordsFilePath(cache: string, name: string): string {
  return path.join(cache, RECORDS_DIR, `${name}.json`);
}
