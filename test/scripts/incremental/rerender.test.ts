/**
 * The re-render stage's pure parts: when it refuses the kept bundle, and where it requests and
 * writes each path, as `astro build` does (directory format, trailing slashes). Whether it gives
 * the build's bytes is test/site/rerender.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { findRefusal, outputFile, requestPath } from '../../../scripts/lib/incremental/rerender.ts';
import type { BundleMeta } from '../../../scripts/lib/incremental/kept-bundle.ts';

const META: BundleMeta = { format: 1, version: 'v1', config: 'c1', entry: 'prerender-entry.x.mjs', origin: 'http://localhost:4321', pages: [], bundles: [], scripts: [] };

describe('findRefusal', () => {
  it('accepts a bundle and a site folder of the same code and settings', () => {
    expect(findRefusal(META, 'v1', 'c1', 'v1')).toBeNull();
  });

  it('refuses without a bundle, with other code or settings, or a site folder not built whole by the same code', () => {
    expect(findRefusal(null, 'v1', 'c1', 'v1')).toMatch(/no kept build bundle/);
    expect(findRefusal(META, 'v2', 'c1', 'v1')).toMatch(/code changed/);
    expect(findRefusal(META, 'v1', 'c2', 'v1')).toMatch(/settings changed/);
    expect(findRefusal(META, 'v1', 'c1', null)).toMatch(/no build manifest/);
    expect(findRefusal(META, 'v1', 'c1', 'v0')).toMatch(/other code/);
  });
});

describe('requestPath and outputFile', () => {
  it('requests a page at its path with a trailing slash under the base, and writes its index.html', () => {
    expect(requestPath('/', '/', 'page')).toBe('/');
    expect(outputFile('/', 'page')).toBe('index.html');
    expect(requestPath('/nianbao/', '/reports/a-2024', 'page')).toBe('/nianbao/reports/a-2024/');
    expect(outputFile('/reports/a-2024', 'page')).toBe('reports/a-2024/index.html');
    expect(requestPath('/', '/en/', 'page')).toBe('/en/');
    expect(outputFile('/en/', 'page')).toBe('en/index.html');
  });

  it('writes the 404 page as 404.html, and an endpoint at its own name', () => {
    expect(requestPath('/', '/404', 'page')).toBe('/404/');
    expect(outputFile('/404', 'page')).toBe('404.html');
    expect(requestPath('/', '/feed/reports.xml', 'endpoint')).toBe('/feed/reports.xml');
    expect(outputFile('/feed/reports.xml', 'endpoint')).toBe('feed/reports.xml');
  });
});
