/**
 * The last run's downloads kept in the cache as hard links (scripts/lib/downloads/kept.ts): linked
 * back only into a folder that lacks them and only while as the state left them, made again after
 * each run, copied before an update in place when another folder links them too, and replaced,
 * never written in place.
 */
import { linkSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { detachFiles, keepFiles, keptFolder, restoreKeptDocument, restoreKeptFiles, writeUnlinked } from '../../scripts/lib/downloads/kept.ts';

let root: string;
let kept: string;
let site: string;

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'nianbao-kept-'));
  kept = keptFolder(path.join(root, 'cache'), 'files');
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
    expect(keepFiles(kept, site, ['a.csv', 'b.csv'])).toEqual(['a.csv']);
    expect(statSync(path.join(kept, 'a.csv')).ino).toBe(statSync(path.join(site, 'a.csv')).ino);
    writeFileSync(path.join(site, 'b.csv'), 'new');
    rmSync(path.join(site, 'a.csv'));
    writeFileSync(path.join(site, 'a.csv'), 'two');
    expect(keepFiles(kept, site, ['a.csv', 'b.csv'])).toEqual(['a.csv', 'b.csv']);
    expect(readFileSync(path.join(kept, 'a.csv'), 'utf8')).toBe('two');
    expect(statSync(path.join(kept, 'b.csv')).ino).toBe(statSync(path.join(site, 'b.csv')).ino);
    rmSync(path.join(site, 'b.csv'));
    expect(keepFiles(kept, site, ['a.csv', 'b.csv'])).toEqual(['a.csv']);
    expect(statSync(path.join(kept, 'b.csv'), { throwIfNoEntry: false })).toBeUndefined();
  });
});

describe('restoreKeptFiles', () => {
  it('links a missing file from its kept copy when the copy is as left, and nothing else', () => {
    for (const name of ['a.csv', 'b.csv', 'c.csv', 'd.csv']) writeFileSync(path.join(site, name), `bytes of ${name}`);
    keepFiles(kept, site, ['a.csv', 'b.csv', 'c.csv', 'd.csv']);
    const state = Object.fromEntries(['a.csv', 'b.csv', 'c.csv', 'd.csv'].map((n) => [n, left(path.join(site, n))]));
    const empty = path.join(root, 'empty');
    mkdirSync(empty);
    writeFileSync(path.join(empty, 'c.csv'), 'a file of its own');
    // b's kept copy touched since: its time is not the state's.
    utimesSync(path.join(kept, 'b.csv'), new Date(2000, 0, 1), new Date(2000, 0, 1));
    const linked = restoreKeptFiles(kept, empty, [
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
    keepFiles(kept, site, ['x.sqlite']);
    // Linked only with its kept copy: left as it is.
    expect(detachFiles(kept, site, ['x.sqlite', 'missing.sqlite'])).toEqual([]);
    const other = path.join(root, 'other.sqlite');
    linkSync(file, other);
    expect(detachFiles(kept, site, ['x.sqlite'])).toEqual(['x.sqlite']);
    expect(statSync(file).ino).not.toBe(statSync(other).ino);
    writeFileSync(file, 'rows changed');
    expect(readFileSync(other, 'utf8')).toBe('rows');
    expect(readFileSync(file, 'utf8')).toBe('rows changed');
  });
});

describe('restoreKeptDocument', () => {
  it('keeps a document of the size the state says, else links its kept copy of that size, else leaves it to be written', () => {
    const api = keptFolder(path.join(root, 'cache'), 'api');
    writeFileSync(path.join(site, 'a.json'), '{"a":1}');
    writeFileSync(path.join(site, 'b.json'), '{"b":22}');
    keepFiles(api, site, ['a.json', 'b.json']);
    const empty = path.join(root, 'empty');
    mkdirSync(empty);
    writeFileSync(path.join(empty, 'b.json'), 'other');
    expect(restoreKeptDocument(api, 'a.json', path.join(empty, 'a.json'), 7)).toBe('linked');
    expect(statSync(path.join(empty, 'a.json')).ino).toBe(statSync(path.join(site, 'a.json')).ino);
    // A file of another size is replaced by the kept copy, not written into.
    expect(restoreKeptDocument(api, 'b.json', path.join(empty, 'b.json'), 8)).toBe('linked');
    expect(readFileSync(path.join(empty, 'b.json'), 'utf8')).toBe('{"b":22}');
    expect(restoreKeptDocument(api, 'a.json', path.join(empty, 'a.json'), 7)).toBe('there');
    expect(restoreKeptDocument(api, 'c.json', path.join(empty, 'c.json'), 3)).toBe('missing');
    expect(restoreKeptDocument(api, 'a.json', path.join(root, 'elsewhere.json'), 9)).toBe('missing');
    expect(statSync(path.join(root, 'elsewhere.json'), { throwIfNoEntry: false })).toBeUndefined();
  });
});

describe('writeUnlinked', () => {
  it('writes changed bytes as a new file, leaving the old one’s other links as they were, and equal bytes not at all', () => {
    const file = path.join(site, 'a.json');
    writeFileSync(file, 'old');
    keepFiles(kept, site, ['a.json']);
    const { mtimeMs } = statSync(file);
    expect(writeUnlinked(file, 'old')).toBe(false);
    expect(statSync(file).mtimeMs).toBe(mtimeMs);
    expect(writeUnlinked(file, 'new')).toBe(true);
    expect(readFileSync(file, 'utf8')).toBe('new');
    expect(readFileSync(path.join(kept, 'a.json'), 'utf8')).toBe('old');
    expect(writeUnlinked(path.join(site, 'b.json'), Buffer.from('bytes'))).toBe(true);
    expect(readFileSync(path.join(site, 'b.json'), 'utf8')).toBe('bytes');
  });
});
