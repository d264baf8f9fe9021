/**
 * The search index chunking (scripts/lib/search/chunks.ts): only the Chinese report and agency pages
 * are indexed, and they are cut into deterministic, bounded chunks that together hold each page once.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_SEARCH_PAGE_BYTES, chunkKey, chunkName, chunkPages, isSearchable, pageUrl, selectBySize } from '../../scripts/lib/search/chunks.ts';

describe('isSearchable', () => {
  it('keeps the Chinese report and agency pages only', () => {
    expect(isSearchable('reports/zaozhuangshi-xingzheng-shenpi-fuwuju-2024/index.html')).toBe(true);
    expect(isSearchable('agencies/yiyuanxian-renminzhengfu/index.html')).toBe(true);
    for (const p of [
      'index.html',
      'agencies/index.html',
      'agencies/page/2/index.html',
      'en/reports/yiyuanxian-renminzhengfu-2023/index.html',
      'en/agencies/yiyuanxian-renminzhengfu/index.html',
      'embed/agencies/yiyuanxian-renminzhengfu/requests/index.html',
      'data/index.html',
      'search/index.html',
      'reports/x/data.json',
    ]) {
      expect(isSearchable(p), p).toBe(false);
    }
  });
});

describe('selectBySize', () => {
  it('leaves out of the index the pages over the bound, keeping the others in order', () => {
    const pages = [
      { page: 'reports/b-2024/index.html', bytes: 60_000 },
      { page: 'reports/huge-2023/index.html', bytes: MAX_SEARCH_PAGE_BYTES + 1 },
      { page: 'agencies/a/index.html', bytes: MAX_SEARCH_PAGE_BYTES },
    ];
    expect(selectBySize(pages)).toEqual({ pages: ['reports/b-2024/index.html', 'agencies/a/index.html'], tooLarge: [pages[1]] });
    expect(selectBySize(pages, 1000).pages).toEqual([]);
  });
});

describe('chunkPages', () => {
  const pages = ['reports/b-2024/index.html', 'en/reports/a-2024/index.html', 'agencies/b/index.html', 'reports/a-2024/index.html', 'agencies/a/index.html', 'about/index.html'];

  it('sorts the searchable pages and cuts them into runs of at most the chunk size', () => {
    expect(chunkPages(pages, 2)).toEqual([
      ['agencies/a/index.html', 'agencies/b/index.html'],
      ['reports/a-2024/index.html', 'reports/b-2024/index.html'],
    ]);
    expect(chunkPages(pages, 3)).toEqual([['agencies/a/index.html', 'agencies/b/index.html', 'reports/a-2024/index.html'], ['reports/b-2024/index.html']]);
    expect(chunkPages(pages, 1000)).toEqual([['agencies/a/index.html', 'agencies/b/index.html', 'reports/a-2024/index.html', 'reports/b-2024/index.html']]);
    expect(chunkPages(['about/index.html'], 2)).toEqual([]);
  });

  it('rejects a chunk size that is not a positive integer', () => {
    for (const size of [0, -1, 1.5, Number.NaN]) expect(() => chunkPages(pages, size)).toThrow(RangeError);
  });

  it('holds every searchable page exactly once, in bounded chunks, whatever the input order', () => {
    const page = fc.tuple(fc.constantFrom('reports', 'agencies', 'en/reports', 'embed/agencies'), fc.stringMatching(/^[a-z0-9-]{1,12}$/)).map(([s, n]) => `${s}/${n}/index.html`);
    fc.assert(
      fc.property(fc.array(page, { maxLength: 60 }), fc.integer({ min: 1, max: 10 }), (list, size) => {
        const chunks = chunkPages(list, size);
        const flat = chunks.flat();
        expect(flat).toEqual([...new Set(list.filter(isSearchable))].sort());
        for (const c of chunks) expect(c.length).toBeGreaterThan(0);
        for (const c of chunks.slice(0, -1)) expect(c).toHaveLength(size);
        expect(chunkPages([...list].reverse(), size)).toEqual(chunks);
      }),
    );
  });
});

describe('helpers', () => {
  it('names chunks so that they sort in order', () => {
    expect([chunkName(0), chunkName(9), chunkName(10), chunkName(123)]).toEqual(['000', '009', '010', '123']);
  });

  it('gives each page the URL Astro links it by', () => {
    expect(pageUrl('reports/a-2024/index.html')).toBe('/reports/a-2024/');
  });

  it('keys a chunk by its pages, their bytes and the Pagefind version', () => {
    const pages = [{ page: 'agencies/a/index.html', sha256: 'aa' }, { page: 'reports/a-2024/index.html', sha256: 'bb' }];
    const key = chunkKey(pages, 'pagefind 1.6.0 zh-cn');
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(chunkKey(pages.map((p) => ({ ...p })), 'pagefind 1.6.0 zh-cn')).toBe(key);
    expect(chunkKey([pages[0]!, { ...pages[1]!, sha256: 'bc' }], 'pagefind 1.6.0 zh-cn')).not.toBe(key);
    expect(chunkKey([pages[0]!], 'pagefind 1.6.0 zh-cn')).not.toBe(key);
    expect(chunkKey(pages, 'pagefind 1.7.0 zh-cn')).not.toBe(key);
  });
});
