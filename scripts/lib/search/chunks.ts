/**
 * Which built pages go into the search index, and how they are split into chunks. Pagefind holds a
 * whole index in memory while it builds it (about 0.7 MiB per report page), so a large site is
 * indexed as several independent Pagefind bundles, dist/pagefind/<chunk>/, which the search page
 * merges at query time (Pagefind's multisite `mergeIndex`). Pure functions: the tests call them.
 */
import { createHash } from 'node:crypto';

/** Pages worth searching: the Chinese report and agency pages (not the /en/ mirrors, embeds, lists or data). */
const SEARCHABLE = /^(reports|agencies)\/[^/]+\/index\.html$/;

/** The file listing the chunk bundles, relative to the pagefind/ folder. */
export const CHUNKS_FILE = 'chunks.json';

/** The contents of pagefind/chunks.json: bundle folders relative to pagefind/, in order; the first one is the primary index. */
export interface ChunkList {
  chunks: string[];
  pages: number;
}

/**
 * HTML bytes of a page the search index reads at most. A report page holds at most 100 KB of its
 * text and 16 KB of each prose section (src/lib/site/bounds.ts), and indexes only the sections, so
 * pages stay far below this; it is the last guard that no page, whatever it holds, costs Pagefind
 * minutes (a 42 MB page took 165 s). A larger page is left out of the index, and the run says so.
 */
export const MAX_SEARCH_PAGE_BYTES = 1024 * 1024;

/** Returns the pages to index (in the order given) and those left out as larger than `max` bytes. */
export function selectBySize(pages: readonly { page: string; bytes: number }[], max = MAX_SEARCH_PAGE_BYTES): { pages: string[]; tooLarge: { page: string; bytes: number }[] } {
  return { pages: pages.filter((p) => p.bytes <= max).map((p) => p.page), tooLarge: pages.filter((p) => p.bytes > max) };
}

/** Returns whether a page (path relative to the built site, with / separators) belongs in the search index. */
export function isSearchable(page: string): boolean {
  return SEARCHABLE.test(page);
}

/**
 * Splits pages into chunks of at most `size`, deterministically: the searchable pages sorted by path
 * (code-unit order, independent of locale), cut into consecutive runs. No pages gives no chunks.
 */
export function chunkPages(pages: readonly string[], size: number): string[][] {
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`chunk size must be a positive integer, got ${size}`);
  const sorted = [...new Set(pages.filter(isSearchable))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const chunks: string[][] = [];
  for (let i = 0; i < sorted.length; i += size) chunks.push(sorted.slice(i, i + size));
  return chunks;
}

/** Returns the folder name of chunk i (under pagefind/): zero-padded so that the names sort in order. */
export function chunkName(i: number): string {
  return String(i).padStart(3, '0');
}

/** Returns the URL Pagefind should show for a page: its folder, as Astro links it (trailing slash, no index.html). */
export function pageUrl(page: string): string {
  return `/${page.replace(/index\.html$/, '')}`;
}

/**
 * Returns the cache key of a chunk: a sha256 (hex) over `salt` (the Pagefind version and options) and
 * each page's path and content hash, in order. Equal keys mean Pagefind would be given the same input.
 */
export function chunkKey(pages: readonly { page: string; sha256: string }[], salt: string): string {
  const hash = createHash('sha256').update(`${salt}\n`);
  for (const p of pages) hash.update(`${p.page}\t${p.sha256}\n`);
  return hash.digest('hex');
}

