/**
 * The site's address from the environment: absolute URLs only with NIANBAO_SITE, else none (never a
 * placeholder domain); the base path normalised as Astro normalises it.
 */
import { describe, expect, it } from 'vitest';
import { absoluteUrl, dataUrl, normalizeBase, readSite } from '../../../src/lib/site/site-url.ts';

describe('readSite', () => {
  it('reads NIANBAO_SITE, and nothing when it is unset or blank', () => {
    expect(readSite({ NIANBAO_SITE: 'https://nianbao.example.gov.cn' })).toBe('https://nianbao.example.gov.cn');
    expect(readSite({ NIANBAO_SITE: ' http://localhost:4321/ ' })).toBe('http://localhost:4321/');
    expect(readSite({})).toBeUndefined();
    expect(readSite({ NIANBAO_SITE: '  ' })).toBeUndefined();
  });

  it('refuses what is not an absolute http(s) URL', () => {
    expect(() => readSite({ NIANBAO_SITE: 'nianbao.example.gov.cn' })).toThrow(/not an absolute URL/);
    expect(() => readSite({ NIANBAO_SITE: 'ftp://example.gov.cn' })).toThrow(/http\(s\)/);
  });
});

describe('absoluteUrl and dataUrl', () => {
  it('makes a site path absolute on the site, or gives null without one', () => {
    expect(absoluteUrl('/nianbao/reports/x/', 'https://example.gov.cn')).toBe('https://example.gov.cn/nianbao/reports/x/');
    expect(absoluteUrl('/reports/x/', new URL('http://localhost:4321/'))).toBe('http://localhost:4321/reports/x/');
    expect(absoluteUrl('/reports/x/', undefined)).toBeNull();
  });

  it('reads NIANBAO_SITE and NIANBAO_BASE as the site config does', () => {
    expect(dataUrl({})).toBeNull();
    expect(dataUrl({ NIANBAO_BASE: '/nianbao/' })).toBeNull();
    expect(dataUrl({ NIANBAO_SITE: 'https://example.gov.cn', NIANBAO_BASE: '/nianbao' })).toBe('https://example.gov.cn/nianbao/data/');
    expect(dataUrl({ NIANBAO_SITE: 'http://localhost:4321/', NIANBAO_BASE: 'sub/dir' })).toBe('http://localhost:4321/sub/dir/data/');
    expect([normalizeBase(undefined), normalizeBase('/'), normalizeBase('a'), normalizeBase('/a/')]).toEqual(['/', '/', '/a/', '/a/']);
  });
});
