/**
 * One file through the cache: hash its bytes, return the cached outcome when there is one,
 * otherwise extract it (extractFile) and store the outcome. Used inline and by the worker threads.
 */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { FORMAT_BY_EXTENSION } from '../../src/lib/extract/formats.ts';
import type { FileOutcome } from '../../src/lib/extract/manifest.ts';
import { cacheKey, readCached, writeCached } from './extract-cache.ts';
import { extractFile, MAX_BYTES } from './extract-corpus.ts';

/** Where outcomes are cached, and the extractor version they are valid for; null: no cache. */
export type CacheOptions = { dir: string; version: string } | null;

/** Returns the outcome of one file, never throwing: a reader bug costs one file, not the corpus. */
export async function extractOne(root: string, rel: string, cache: CacheOptions): Promise<FileOutcome> {
  try {
    const format = FORMAT_BY_EXTENSION[path.extname(rel).toLowerCase()];
    const full = path.join(root, rel);
    // Unsupported, empty and oversized files are refused before reading: nothing to cache.
    if (!cache || !format) return await extractFile(root, rel);
    const info = await stat(full);
    if (info.size === 0 || info.size > MAX_BYTES) return await extractFile(root, rel);
    const bytes = await readFile(full);
    const key = cacheKey(createHash('sha256').update(bytes).digest('hex'), format, cache.version);
    const cached = await readCached(cache.dir, key, rel);
    if (cached) return cached;
    const outcome = await extractFile(root, rel, bytes);
    await writeCached(cache.dir, key, outcome);
    return outcome;
  } catch (error) {
    return { path: rel, ok: false, error: `读取失败 (internal error): ${(error as Error).message}` };
  }
}
