import { describe, expect, it } from 'vitest';
import { pagePath, paginate } from '../../../src/lib/site/paginate.ts';

describe('paginate', () => {
  it('cuts a list into pages, the first at the index itself', () => {
    const pages = paginate([1, 2, 3, 4, 5], 2);
    expect(pages.map((p) => [p.items, p.number, p.count, p.param])).toEqual([
      [[1, 2], 1, 3, undefined],
      [[3, 4], 2, 3, 'page/2'],
      [[5], 3, 3, 'page/3'],
    ]);
    expect(pagePath('agencies/', 1)).toBe('agencies/');
    expect(pagePath('agencies/', 3)).toBe('agencies/page/3/');
  });
  it('always has one page', () => {
    expect(paginate([], 10)).toEqual([{ items: [], number: 1, count: 1, param: undefined }]);
  });
});
