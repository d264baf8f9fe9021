import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDigestCache } from '../../../src/lib/site/digest-cache.ts';

const folder = () => mkdtempSync(path.join(tmpdir(), 'nianbao-digest-cache-'));

describe('openDigestCache', () => {
  it('gives the next build of the same version what this one stored, values as they were (undefined fields, NaN, Infinity, Maps)', () => {
    const dir = folder();
    const value = { share: NaN, ratio: Infinity, missing: undefined, byYear: new Map([[2024, 3]]) };
    const first = openDigestCache<typeof value>(dir, 'index', 'v1');
    expect(first.fetch('d1', () => value)).toBe(value);
    expect(first.save()).toBe(1);
    const second = openDigestCache<typeof value>(dir, 'index', 'v1');
    const again = second.get('d1');
    expect(again).toEqual(value);
    expect(Object.hasOwn(again!, 'missing')).toBe(true);
    expect(second.fetch('d1', () => { throw new Error('computed again'); })).toEqual(value);
  });

  it('computes again under another digest, after another code version, and from a damaged file', () => {
    const dir = folder();
    const first = openDigestCache<number>(dir, 'index', 'v1');
    first.set('d1', 1);
    first.save();
    expect(openDigestCache<number>(dir, 'index', 'v1').get('d2')).toBeUndefined();
    expect(openDigestCache<number>(dir, 'index', 'v2').get('d1')).toBeUndefined();
    writeFileSync(path.join(dir, 'index.v8'), 'not a store');
    expect(openDigestCache<number>(dir, 'index', 'v1').get('d1')).toBeUndefined();
  });

  it('keeps only what the last build used, and stores nothing without a version or a key', () => {
    const dir = folder();
    const first = openDigestCache<number>(dir, 'index', 'v1');
    first.set('old', 1);
    first.set('kept', 2);
    first.set(undefined, 3);
    first.save();
    const second = openDigestCache<number>(dir, 'index', 'v1');
    expect(second.get('kept')).toBe(2);
    second.save();
    const third = openDigestCache<number>(dir, 'index', 'v1');
    expect(third.get('old')).toBeUndefined();
    expect(third.get('kept')).toBe(2);
    const none = folder();
    const unversioned = openDigestCache<number>(none, 'index', null);
    unversioned.set('d1', 1);
    unversioned.save();
    expect(readdirSync(none)).toEqual([]);
  });
});
