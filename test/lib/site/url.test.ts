/**
 * Links a feed gives: absolute when NIANBAO_SITE configures the site's URL, else root-relative under
 * the base path, never a placeholder origin.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { href, makeFeedLink } from '../../../src/lib/site/url.ts';

const saved = process.env.NIANBAO_SITE;
afterEach(() => {
  if (saved === undefined) delete process.env.NIANBAO_SITE;
  else process.env.NIANBAO_SITE = saved;
});

describe('makeFeedLink', () => {
  it('links root-relative under the base path when the site URL is not configured', () => {
    delete process.env.NIANBAO_SITE;
    expect(makeFeedLink('reports/x-2024/')).toBe(href('reports/x-2024/'));
    expect(makeFeedLink('reports/x-2024/').startsWith('/')).toBe(true);
  });

  it('links absolutely to the configured site', () => {
    process.env.NIANBAO_SITE = 'https://example.gov.cn';
    expect(makeFeedLink('reports/x-2024/')).toBe(`https://example.gov.cn${href('reports/x-2024/')}`);
  });
});
