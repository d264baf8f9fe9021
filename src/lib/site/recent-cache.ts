/**
 * A cache of the values used most recently, at most `limit` of them: the Astro build reads an
 * agency's records, chart store and findings from its page in each language and from each embed,
 * route by route and so far apart, and memory must stay bounded at national scale.
 */
export interface RecentCache<K, V> {
  /** Returns the value kept under `key` (it becomes the most recent), else computes, keeps and returns it. */
  fetch(key: K, compute: () => V): V;
}

/** Returns an empty cache of at most `limit` values, the least recently used dropped first. */
export function createRecentCache<K, V>(limit: number): RecentCache<K, V> {
  // A Map keeps insertion order: the first key is the least recently used.
  const values = new Map<K, V>();
  return {
    fetch(key, compute) {
      let value: V;
      if (values.has(key)) {
        value = values.get(key)!;
        values.delete(key);
      } else {
        value = compute();
        if (values.size >= limit) values.delete(values.keys().next().value!);
      }
      values.set(key, value);
      return value;
    },
  };
}
