/**
 * The re-render stage's pure part: when it refuses the kept bundle. Where it requests and writes
 * each path is page-files.test.ts; whether it gives the build's bytes is test/site/rerender.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { findRefusal } from '../../../scripts/lib/incremental/rerender.ts';
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
