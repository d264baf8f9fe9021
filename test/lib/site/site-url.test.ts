/**
 * The site's address: absolute URLs only with a configured site, else none (never a placeholder
 * domain); the data folder's URL under the base path as the config normalises it.
 */
import { describe, expect, it } from 'vitest';
import { readConfig } from '../../../src/lib/config.ts';
import { absoluteUrl, dataUrl } from '../../../src/lib/site/site-url.ts';

describe('absoluteUrl and dataUrl', () => {
  it('makes a site path absolute on the site, or gives null without one', () => {
    expect(absoluteUrl('/nianbao/reports/x/', 'https://example.gov.cn')).toBe('https://example.gov.cn/nianbao/reports/x/');
    expect(absoluteUrl('/reports/x/', new URL('http://localhost:4321/'))).toBe('http://localhost:4321/reports/x/');
    expect(absoluteUrl('/reports/x/', undefined)).toBeNull();
  });

  it('gives the data folder under the configured site and base path', () => {
    expect(dataUrl(readConfig({}))).toBeNull();
    expect(dataUrl(readConfig({ NIANBAO_BASE: '/nianbao/' }))).toBeNull();
    expect(dataUrl(readConfig({ NIANBAO_SITE: 'https://example.gov.cn', NIANBAO_BASE: '/nianbao' }))).toBe('https://example.gov.cn/nianbao/data/');
    expect(dataUrl(readConfig({ NIANBAO_SITE: 'http://localhost:4321/', NIANBAO_BASE: 'sub/dir' }))).toBe('http://localhost:4321/sub/dir/data/');
  });
});
