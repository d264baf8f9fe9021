/**
 * The last run's big downloads kept in the cache as hard links (scripts/lib/downloads/kept.ts):
 * linked back only into a folder that lacks them and only while as the state left them, made
 * again after each run, and copied before an update in place when another folder links them too.
 */
import { linkSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { detachFiles, keepFiles, keptPath, restoreKeptFiles } from '../../scripts/lib/downloads/kept.ts';

let root: string;
let cache: string;
let site: string;

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'nianbao-kept-'));
  cache = path.join(root, 'cache');
  site = path.join(root, 'site');
  mkdirSync(site);
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

/** Returns a file's size and modification time, as the state holds them. */
function left(file: string): { size: number; mtimeMs: number } {
  const { size, mtimeMs } = statSync(file);
  return { size, mtimeMs };
}

describe('keepFiles', () => {
  it('makes the kept copy a link of the file, again when the file was replaced, and drops the copy of a file gone', () => {
    writeFileSync(path.join(site, 'a.csv'), 'one');
    expect(keepFiles(cache, site, ['a.csv', 'b.csv'])).toEqual(['a.csv']);
    expect(statSync(keptPath(cache, 'a.csv')).ino).toBe(statSync(path.join(site, 'a.csv')).ino);
    writeFileSync(path.join(site, 'b.csv'), 'new');
    rmSync(path.join(site, 'a.csv'));
    writeFileSync(path.join(site, 'a.csv'), 'two');
    expect(keepFiles(cache, site, ['a.csv', 'b.csv'])).toEqual(['a.csv', 'b.csv']);
    expect(readFileSync(keptPath(cache, 'a.csv'), 'utf8')).toBe('two');
    expect(statSync(keptPath(cache, 'b.csv')).ino).toBe(statSync(path.join(site, 'b.csv')).ino);
    rmSync(path.join(site, 'b.csv'));
    expect(keepFiles(cache, site, ['a.csv', 'b.csv'])).toEqual(['a.csv']);
    expect(statSync(keptPath(cache, 'b.csv'), { throwIfNoEntry: false })).toBeUndefined();
  });
});

describe('restoreKeptFiles', () => {
  it('links a missing file from its kept copy when the copy is as left, and nothing else', () => {
    for (const name of ['a.csv', 'b.csv', 'c.csv', 'd.csv']) writeFileSync(path.join(site, name), `bytes of ${name}`);
    keepFiles(cache, site, ['a.csv', 'b.csv', 'c.csv', 'd.csv']);
    const state = Object.fromEntries(['a.csv', 'b.csv', 'c.csv', 'd.csv'].map((n) => [n, left(path.join(site, n))]));
    const empty = path.join(root, 'empty');
    mkdirSync(empty);
    writeFileSync(path.join(empty, 'c.csv'), 'a file of its own');
    // b's kept copy touched since: its time is not the state's.
    utimesSync(keptPath(cache, 'b.csv'), new Date(2000, 0, 1), new Date(2000, 0, 1));
    const linked = restoreKeptFiles(cache, empty, [
      { name: 'a.csv', left: state['a.csv'] },
      { name: 'b.csv', left: state['b.csv'] },
      { name: 'c.csv', left: state['c.csv'] },
      { name: 'd.csv', left: undefined },
    ]);
    expect(linked).toEqual(['a.csv']);
    expect(readFileSync(path.join(empty, 'a.csv'), 'utf8')).toBe('bytes of a.csv');
    expect(statSync(path.join(empty, 'a.csv')).mtimeMs).toBe(state['a.csv']!.mtimeMs);
    expect(statSync(path.join(empty, 'b.csv'), { throwIfNoEntry: false })).toBeUndefined();
    expect(readFileSync(path.join(empty, 'c.csv'), 'utf8')).toBe('a file of its own');
    expect(statSync(path.join(empty, 'd.csv'), { throwIfNoEntry: false })).toBeUndefined();
  });
});

describe('detachFiles', () => {
  it('copies a file linked from another folder, so that changing it in place leaves that folder’s as it was', () => {
    const file = path.join(site, 'x.sqlite');
    writeFileSync(file, 'rows');
    keepFiles(cache, site, ['x.sqlite']);
    // Linked only with its kept copy: left as it is.
    expect(detachFiles(cache, site, ['x.sqlite', 'missing.sqlite'])).toEqual([]);
    const other = path.join(root, 'other.sqlite');
    linkSync(file, other);
    expect(detachFiles(cache, site, ['x.sqlite'])).toEqual(['x.sqlite']);
    expect(statSync(file).ino).not.toBe(statSync(other).ino);
    writeFileSync(file, 'rows changed');
    expect(readFileSync(other, 'utf8')).toBe('rows');
    expect(readFileSync(file, 'utf8')).toBe('rows changed');
  });
});
