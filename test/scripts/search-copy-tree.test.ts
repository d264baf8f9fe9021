/**
 * Copying and linking a search-index bundle (scripts/lib/search/copy-tree.ts): the tree at the
 * target holds the same files with the same bytes; linkTree's files are the source's own (one inode)
 * where the file system allows, and copies across file systems.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyTree, linkTree } from '../../scripts/lib/search/copy-tree.ts';

let root: string;
let bundle: string;

/** Returns every file under `dir` (relative paths, sorted). */
function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
}

/** Expects `to` to hold the files of `from`, byte for byte. */
function expectSameTree(from: string, to: string): void {
  expect(listFiles(to)).toEqual(listFiles(from));
  for (const f of listFiles(from)) expect(readFileSync(path.join(to, f)).equals(readFileSync(path.join(from, f))), f).toBe(true);
}

beforeAll(() => {
  root = mkdtempSync(path.join(tmpdir(), 'nianbao-copy-tree-'));
  bundle = path.join(root, 'bundle');
  mkdirSync(path.join(bundle, 'fragment'), { recursive: true });
  mkdirSync(path.join(bundle, 'index'));
  writeFileSync(path.join(bundle, 'pagefind-entry.json'), '{"version":"1.6.0"}');
  writeFileSync(path.join(bundle, 'fragment', 'zh-cn_group_1.pf_fragment'), Buffer.from([0x1f, 0x8b, 0, 1, 2]));
  writeFileSync(path.join(bundle, 'index', 'zh-cn_1.pf_index'), '行政审批');
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('copyTree', () => {
  it('copies every file and folder: files of their own', () => {
    const to = path.join(root, 'copied');
    copyTree(bundle, to);
    expectSameTree(bundle, to);
    expect(statSync(path.join(to, 'index', 'zh-cn_1.pf_index')).ino).not.toBe(statSync(path.join(bundle, 'index', 'zh-cn_1.pf_index')).ino);
  });
});

describe('linkTree', () => {
  it('links every file, in new folders: the same bytes, the same inodes', () => {
    const to = path.join(root, 'linked');
    linkTree(bundle, to);
    expectSameTree(bundle, to);
    for (const f of listFiles(bundle)) {
      expect(statSync(path.join(to, f)).ino, f).toBe(statSync(path.join(bundle, f)).ino);
      expect(statSync(path.join(to, f)).nlink, f).toBe(2);
    }
    // The folders are new ones: removing the link's tree leaves the source whole.
    rmSync(to, { recursive: true });
    expect(listFiles(bundle)).toHaveLength(3);
  });

  it('refuses a target that exists', () => {
    const to = path.join(root, 'there');
    mkdirSync(to);
    expect(() => linkTree(bundle, to)).toThrow(/EEXIST/);
  });

  // Another file system (a tmpfs beside the temporary folder) cannot hold a link: the files are copied.
  const shm = '/dev/shm';
  const otherDevice = existsSync(shm) && statSync(shm).dev !== statSync(tmpdir()).dev;
  it.runIf(otherDevice)('copies where a link cannot be made (another file system)', () => {
    const to = path.join(mkdtempSync(path.join(shm, 'nianbao-copy-tree-')), 'bundle');
    try {
      linkTree(bundle, to);
      expectSameTree(bundle, to);
      expect(statSync(path.join(to, 'pagefind-entry.json')).nlink).toBe(1);
    } finally {
      rmSync(path.dirname(to), { recursive: true, force: true });
    }
  });
});
