/**
 * How the manifest names the corpus folder and the paths in its messages: relative to the working
 * folder or by the folder's name, never an absolute path of the machine that ran the extractor.
 */
import { describe, expect, it } from 'vitest';
import { describeInput, stripFolder } from '../../../src/lib/extract/manifest.ts';

describe('describeInput', () => {
  it('names a folder inside the working folder by its relative path', () => {
    expect(describeInput('content/reports', '/work/nianbao')).toBe('content/reports');
    expect(describeInput('/work/nianbao/content/reports', '/work/nianbao')).toBe('content/reports');
    expect(describeInput('./content/reports/', '/work/nianbao')).toBe('content/reports');
    expect(describeInput('..foo', '/work/nianbao')).toBe('..foo');
  });

  it('names any other folder by its own name', () => {
    expect(describeInput('/home/me/年报', '/work/nianbao')).toBe('年报');
    expect(describeInput('../shared/corpus-real', '/work/nianbao')).toBe('corpus-real');
    expect(describeInput('.', '/work/nianbao')).toBe('nianbao');
    expect(describeInput('/work', '/work/nianbao')).toBe('work');
    expect(describeInput('/', '/work/nianbao')).toBe('.');
  });

  it('names a name again the same', () => {
    for (const input of ['content/reports', '/home/me/年报', '../x/y', '.']) {
      const once = describeInput(input, '/work/nianbao');
      expect(describeInput(once, '/work/nianbao')).toBe(once);
      expect(isAbsolutePath(once)).toBe(false);
    }
  });
});

describe('stripFolder', () => {
  it('takes an absolute folder out of the paths a message names', () => {
    expect(stripFolder("EACCES: permission denied, open '/home/me/年报/a/b.txt'", '/home/me/年报')).toBe("EACCES: permission denied, open 'a/b.txt'");
    expect(stripFolder('/home/me/r/x.txt and /home/me/r/y.txt', '/home/me/r/')).toBe('x.txt and y.txt');
    expect(stripFolder('/home/me/rx/y.txt', '/home/me/r')).toBe('/home/me/rx/y.txt');
    expect(stripFolder('content/reports/a.txt', 'content/reports')).toBe('content/reports/a.txt');
  });
});

/** Returns whether a name is an absolute path. */
function isAbsolutePath(name: string): boolean {
  return name.startsWith('/');
}
