/** Moving downloads written into a folder of their own into the site folder (scripts/lib/downloads/place.ts). */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { placeDownloads } from '../../scripts/lib/downloads/place.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'nianbao-place-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Writes `files` (path → text) under `root`. */
function writeTree(root: string, files: Record<string, string>): void {
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
}

describe('placeDownloads', () => {
  it('moves data/ entry by entry beside the data page, api/ whole, keeps modification times, and deletes the stage', () => {
    const stage = path.join(dir, 'stage');
    const out = path.join(dir, 'site');
    writeTree(stage, { 'data/nianbao.json': 'new json', 'data/text/a.txt': 'a', 'api/index.json': '{}', 'api/reports/a.json': '{"id":"a"}' });
    writeTree(out, { 'data/index.html': '<p>data page</p>', 'data/nianbao.json': 'old json', 'data/text/gone.txt': 'old' });
    const time = new Date('2024-01-02T03:04:05Z');
    utimesSync(path.join(stage, 'data/nianbao.json'), time, time);
    expect(placeDownloads(stage, out)).toBe(3);
    expect(readFileSync(path.join(out, 'data/index.html'), 'utf8')).toBe('<p>data page</p>');
    expect(readFileSync(path.join(out, 'data/nianbao.json'), 'utf8')).toBe('new json');
    expect(statSync(path.join(out, 'data/nianbao.json')).mtime.toISOString()).toBe(time.toISOString());
    expect(existsSync(path.join(out, 'data/text/gone.txt'))).toBe(false);
    expect(readFileSync(path.join(out, 'data/text/a.txt'), 'utf8')).toBe('a');
    expect(readFileSync(path.join(out, 'api/reports/a.json'), 'utf8')).toBe('{"id":"a"}');
    expect(existsSync(stage)).toBe(false);
  });
});
