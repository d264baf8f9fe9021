/**
 * Values the site computes from records (a report's index entry, an agency's share of the corpus
 * findings), kept between builds in one file each under the extraction folder and found again by
 * the digest of the records they were computed from: after one report changed, the corpus-wide
 * pages read and compute only what changed instead of every record. The store is tied to the
 * version of the site's code (scripts/lib/incremental/site-version.ts): another version starts it
 * empty. Values go through V8's serializer, so what comes back is what was stored (undefined, NaN
 * and Infinity included, which JSON would not keep).
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';

/** What a store file holds. */
interface Stored<T> {
  version: string;
  entries: Map<string, T>;
}

export interface DigestCache<T> {
  /** Returns the value stored under `key` (kept for the next build), or undefined; an undefined key has none. */
  get(key: string | undefined): T | undefined;
  /** Stores `value` under `key` for the next build; an undefined key is never stored. */
  set(key: string | undefined, value: T): void;
  /** Returns the value stored under `key`, else computes, stores and returns it. */
  fetch(key: string | undefined, compute: () => T): T;
  /** Writes the store with the values of this build only (others are dropped), if anything changed; returns how many were computed. */
  save(): number;
}

/** Returns the store `name` in `dir` for the site code `version`; null `version`: nothing is kept (every value computed). */
export function openDigestCache<T>(dir: string, name: string, version: string | null): DigestCache<T> {
  const file = path.join(dir, `${name}.v8`);
  let previous = new Map<string, T>();
  if (version !== null && existsSync(file)) {
    try {
      const stored = deserialize(readFileSync(file)) as Stored<T>;
      if (stored.version === version && stored.entries instanceof Map) previous = stored.entries;
    } catch {
      // A damaged store is as good as none.
    }
  }
  const next = new Map<string, T>();
  let computed = 0;
  const cache: DigestCache<T> = {
    get(key) {
      if (key === undefined) return undefined;
      const known = next.get(key) ?? previous.get(key);
      if (known !== undefined) next.set(key, known);
      return known;
    },
    set(key, value) {
      if (key === undefined) return;
      computed++;
      next.set(key, value);
    },
    fetch(key, compute) {
      const known = cache.get(key);
      if (known !== undefined) return known;
      const value = compute();
      cache.set(key, value);
      return value;
    },
    save() {
      if (version === null || (computed === 0 && next.size === previous.size)) return computed;
      mkdirSync(dir, { recursive: true });
      // Written beside, then renamed: a build stopped halfway leaves the old store or the new, never half of one.
      writeFileSync(`${file}.tmp`, serialize({ version, entries: next } satisfies Stored<T>));
      renameSync(`${file}.tmp`, file);
      return computed;
    },
  };
  return cache;
}
