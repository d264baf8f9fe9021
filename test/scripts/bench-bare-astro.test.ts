import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeBareAstro } from '../../scripts/lib/bench/bare-astro.ts';

let dir = '';
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('writeBareAstro', () => {
  it('writes the pages the site has per report and per agency, in both languages: report, agency and embed routes', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'nianbao-bare-'));
    await writeBareAstro(dir, path.resolve('node_modules'));
    const pages = path.join(dir, 'src/pages');
    const routes = (await readdir(pages, { recursive: true })).filter((f) => f.endsWith('.astro')).sort();
    // The site renders each of these in Chinese and under en/ (src/pages/[...locale]/…): a bare
    // project without one of the English mirrors builds fewer pages than the site, and the
    // whole build's ratio to it reads better than it is.
    expect(routes).toEqual(['a/[slug].astro', 'e/[slug]/[chart].astro', 'en/a/[slug].astro', 'en/e/[slug]/[chart].astro', 'en/r/[id].astro', 'index.astro', 'r/[id].astro']);
  });
});
