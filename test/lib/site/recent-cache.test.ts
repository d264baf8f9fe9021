import { describe, expect, it } from 'vitest';
import { createRecentCache } from '../../../src/lib/site/recent-cache.ts';

describe('createRecentCache', () => {
  it('computes a value once while it is kept, and gives it back as it was (null included)', () => {
    const cache = createRecentCache<string, number | null>(2);
    let computed = 0;
    const count = (value: number | null) => () => {
      computed++;
      return value;
    };
    expect(cache.fetch('a', count(null))).toBeNull();
    expect(cache.fetch('a', count(1))).toBeNull();
    expect(computed).toBe(1);
  });

  it('drops the least recently used value when full: a value fetched again becomes the most recent', () => {
    const cache = createRecentCache<string, string>(2);
    const computed: string[] = [];
    const make = (key: string) => cache.fetch(key, () => (computed.push(key), key.toUpperCase()));
    make('a');
    make('b');
    make('a'); // a is now the most recent, b the least
    make('c'); // drops b
    expect(make('a')).toBe('A');
    make('b'); // computed again, drops c
    make('c'); // computed again
    expect(computed).toEqual(['a', 'b', 'c', 'b', 'c']);
  });
});
