import { describe, expect, it } from 'vitest';
import { canKeepPage, formatBuildManifest, listStaleFiles, parseBuildManifest, routeFile, type BuildManifest } from '../../../src/lib/incremental/build-manifest.ts';

const previous: BuildManifest = {
  version: 'v1',
  files: { 'index.html': null, 'reports/a-2024/index.html': 'k1', 'reports/b-2024/index.html': 'k2', '_astro/x.css': null },
};
const everywhere = () => true;

describe('canKeepPage', () => {
  it('keeps a page written under the same key by the same code, when the file is there', () => {
    expect(canKeepPage(previous, 'v1', 'reports/a-2024/index.html', 'k1', everywhere)).toBe(true);
  });

  it('renders a page whose key, code or file changed, a page without a key, and every page without a last build', () => {
    expect(canKeepPage(previous, 'v1', 'reports/a-2024/index.html', 'k2', everywhere)).toBe(false);
    expect(canKeepPage(previous, 'v2', 'reports/a-2024/index.html', 'k1', everywhere)).toBe(false);
    expect(canKeepPage(previous, 'v1', 'reports/a-2024/index.html', 'k1', () => false)).toBe(false);
    expect(canKeepPage(previous, 'v1', 'reports/a-2024/index.html', undefined, everywhere)).toBe(false);
    expect(canKeepPage(previous, 'v1', 'reports/c-2024/index.html', 'k1', everywhere)).toBe(false);
    expect(canKeepPage(null, 'v1', 'reports/a-2024/index.html', 'k1', everywhere)).toBe(false);
  });

  it('never keeps a page the last build wrote without a key, whatever key it has now', () => {
    expect(canKeepPage(previous, 'v1', 'index.html', 'null', everywhere)).toBe(false);
  });
});

describe('listStaleFiles', () => {
  it('lists the files of the last build that this one does not have, in path order', () => {
    const next: BuildManifest = { version: 'v2', files: { 'index.html': null, 'reports/a-2024/index.html': 'k1', '_astro/y.css': null } };
    expect(listStaleFiles(previous, next)).toEqual(['_astro/x.css', 'reports/b-2024/index.html']);
  });

  it('lists nothing without a last build', () => {
    expect(listStaleFiles(null, previous)).toEqual([]);
  });
});

describe('parseBuildManifest and formatBuildManifest', () => {
  it('read back what they write, files in path order', () => {
    const text = formatBuildManifest(previous);
    expect(parseBuildManifest(text)).toEqual(previous);
    expect(Object.keys(parseBuildManifest(text)!.files)).toEqual(['_astro/x.css', 'index.html', 'reports/a-2024/index.html', 'reports/b-2024/index.html']);
    expect(formatBuildManifest({ version: 'v1', files: { b: null, a: 'k' } })).toBe(formatBuildManifest({ version: 'v1', files: { a: 'k', b: null } }));
  });

  it('give null for a missing, damaged or foreign file', () => {
    expect(parseBuildManifest(null)).toBeNull();
    expect(parseBuildManifest('{"version": "v1", "files": {')).toBeNull();
    expect(parseBuildManifest('{"version": 1, "files": {}}')).toBeNull();
    expect(parseBuildManifest('{"routes": {}}')).toBeNull();
    expect(parseBuildManifest('null')).toBeNull();
    expect(parseBuildManifest('{"version": "v1", "files": []}')).toBeNull();
    expect(parseBuildManifest('{"version": "v1", "files": {"index.html": 3}}')).toBeNull();
    expect(parseBuildManifest('{"version": "v1", "files": {"index.html": null, "a/index.html": "k"}}')).toEqual({ version: 'v1', files: { 'index.html': null, 'a/index.html': 'k' } });
  });
});

describe('routeFile', () => {
  it('gives the file a page or endpoint path is written to', () => {
    expect(routeFile('')).toBe('index.html');
    expect(routeFile('reports/a-2024/')).toBe('reports/a-2024/index.html');
    expect(routeFile('/en/agencies/a/')).toBe('en/agencies/a/index.html');
    expect(routeFile('api/agencies/a.json')).toBe('api/agencies/a.json');
  });
});
