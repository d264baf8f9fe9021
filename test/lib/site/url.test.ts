/**
 * Links a feed gives: absolute when the site has an address (Astro's `site`, from NIANBAO_SITE),
 * else root-relative under the base path, never a placeholder origin.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { href, makeFeedLink } from '../../../src/lib/site/url.ts';

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('makeFeedLink', () => {
  it('links root-relative under the base path when the site has no address', () => {
    vi.stubEnv('SITE', undefined);
    expect(makeFeedLink('reports/x-2024/')).toBe(href('reports/x-2024/'));
    expect(makeFeedLink('reports/x-2024/').startsWith('/')).toBe(true);
  });

  it('links absolutely to the site', () => {
    vi.stubEnv('SITE', 'https://example.gov.cn');
    expect(makeFeedLink('reports/x-2024/')).toBe(`https://example.gov.cn${href('reports/x-2024/')}`);
  });

  it('puts the base path before the path', () => {
    vi.stubEnv('BASE_URL', '/nianbao/');
    expect(href('/reports/x-2024/')).toBe('/nianbao/reports/x-2024/');
    expect(href('data/')).toBe('/nianbao/data/');
  });
});
