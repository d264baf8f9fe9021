/**
 * The build's stages (scripts/lib/build/stages.ts): what writes into the site folder waits for the
 * Astro build only when that build empties the folder (no whole build there), and then writes into
 * a folder of its own, moved in afterwards.
 */
import { describe, expect, it } from 'vitest';
import { readConfig } from '../../../src/lib/config.ts';
import { listBuildStages, type Stage } from '../../../scripts/lib/build/stages.ts';

const config = readConfig({ NIANBAO_DATA: '/tmp/d', NIANBAO_OUT: '/tmp/o' });
const byName = (stages: Stage[]) => new Map(stages.map((s) => [s.name, s]));

describe('listBuildStages', () => {
  it('with a whole build kept in the site folder: the re-render, its Astro fallback, and the downloads beside them', () => {
    const stages = byName(listBuildStages(config, { siteKept: true }));
    expect(stages.get('rerender')!.fallback!.name).toBe('astro');
    // A fallback starts when the re-render refuses, not with the build.
    expect(stages.get('rerender')!.fallback!.early).toBeUndefined();
    // Not told of the end of the charts: it starts after them.
    expect(stages.get('rerender')!.fallback!.toldOf).toBeUndefined();
    expect(stages.get('downloads')).toMatchObject({ args: ['scripts/write-downloads.ts'], after: ['review'], againAfterLateFallbackOf: ['rerender'], early: true });
    expect(stages.get('place search')).toMatchObject({ after: ['search'], againAfterLateFallbackOf: ['rerender'] });
    // In the build's own process: no Node process to start for a few renames.
    expect(stages.get('place search')!.run).toBeTypeOf('function');
    expect(stages.get('place search')!.args).toBeUndefined();
    expect(stages.has('place downloads')).toBe(false);
  });

  it('with --full and a kept site folder: Astro keeps the folder, so nothing waits for it', () => {
    const stages = byName(listBuildStages(config, { siteKept: true, full: true }));
    expect(stages.has('rerender')).toBe(false);
    expect(stages.get('astro')!.early).toBe(true);
    expect(stages.get('downloads')!.after).toEqual(['review']);
  });

  it('without a whole build there: Astro, the downloads into a folder of their own, moved in after it', () => {
    const stages = byName(listBuildStages(config, { siteKept: false }));
    expect(stages.has('rerender')).toBe(false);
    // Started with the build, so that Astro bundles the site beside the stages before the pages.
    // Told to go before the charts end: the pages without charts are made beside them (charts-last.ts).
    expect(stages.get('astro')).toMatchObject({ after: ['review', 'site data', 'charts'], toldOf: ['charts'], early: true });
    expect(stages.get('downloads')).toMatchObject({ args: ['scripts/write-downloads.ts', '--into', '/tmp/d/downloads-stage'], after: ['review'] });
    expect(stages.get('place downloads')!.after).toEqual(['downloads', 'astro']);
    expect(stages.get('place search')!.after).toEqual(['search', 'astro']);
  });

  it('the search index and the downloads give way beside an Astro build, not beside a re-render', () => {
    const background = (options: Parameters<typeof listBuildStages>[1]) =>
      listBuildStages(config, options)
        .filter((s) => s.background)
        .map((s) => s.name);
    expect(background({ siteKept: true })).toEqual([]);
    expect(background({ siteKept: true, full: true })).toEqual(['search', 'downloads']);
    expect(background({ siteKept: false })).toEqual(['search', 'downloads']);
  });

  it('--site-only leaves extraction out', () => {
    expect(listBuildStages(config, { siteOnly: true }).map((s) => s.name)).not.toContain('extract');
  });
});
