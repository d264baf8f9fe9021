/**
 * Finding the prerender entry of the build now running when an earlier build, stopped or failed
 * before Astro deleted its bundle, left its own entry in the same folder.
 */
import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findPrerenderEntry } from '../../../scripts/lib/incremental/kept-bundle.ts';

describe('findPrerenderEntry', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('returns the newest entry, whatever the names sort as', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'nianbao-prerender-'));
    dirs.push(dir);
    const write = (name: string, seconds: number) => {
      writeFileSync(path.join(dir, name), '');
      utimesSync(path.join(dir, name), seconds, seconds);
    };
    write('prerender-entry.AAAA.mjs', 1_000);
    write('prerender-entry.ZZZZ.mjs', 2_000);
    write('prerender-entry.MMMM.mjs', 3_000);
    write('prerender-entry.NNNN.js', 4_000);
    expect(findPrerenderEntry(dir)).toBe('prerender-entry.MMMM.mjs');
  });

  it('throws when there is no entry', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'nianbao-prerender-'));
    dirs.push(dir);
    expect(() => findPrerenderEntry(dir)).toThrow(/no prerender-entry/);
  });
});
