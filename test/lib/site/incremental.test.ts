import { afterEach, describe, expect, it } from 'vitest';
import { INCREMENTAL_STATE, selectStaticPaths, type IncrementalBuildState, type KeyedPath } from '../../../src/lib/site/incremental.ts';
import { selectLocalePaths } from '../../../src/lib/site/locale-paths.ts';

const global = globalThis as { [INCREMENTAL_STATE]?: IncrementalBuildState };
const paths: KeyedPath<{ params: Record<string, string> }>[] = [
  { route: 'reports/a-2024/', key: 'k1', path: { params: { id: 'a-2024' } } },
  { route: 'reports/b-2024/', key: 'k2', path: { params: { id: 'b-2024' } } },
  { route: 'api/agencies/c.json', key: undefined, path: { params: { slug: 'c' } } },
];

afterEach(() => {
  delete global[INCREMENTAL_STATE];
});

describe('selectStaticPaths', () => {
  it('renders every path outside a build', () => {
    expect(selectStaticPaths(paths)).toEqual(paths.map((p) => p.path));
  });

  it('in a build, renders the paths whose page is not kept and notes every path with its file and key', () => {
    const recorded: [string, string | undefined][] = [];
    global[INCREMENTAL_STATE] = {
      version: 'v1',
      isKept: (file) => file === 'reports/a-2024/index.html',
      record: (file, key) => void recorded.push([file, key]),
    };
    expect(selectStaticPaths(paths)).toEqual([{ params: { id: 'b-2024' } }, { params: { slug: 'c' } }]);
    expect(recorded).toEqual([['reports/a-2024/index.html', 'k1'], ['reports/b-2024/index.html', 'k2'], ['api/agencies/c.json', undefined]]);
  });
});

describe('selectLocalePaths', () => {
  it('notes the page in each language under one key and renders the languages whose page is not kept', () => {
    const recorded: [string, string | undefined][] = [];
    global[INCREMENTAL_STATE] = {
      version: 'v1',
      isKept: (file) => file === 'compare/index.html',
      record: (file, key) => void recorded.push([file, key]),
    };
    expect(selectLocalePaths('compare/', 'k')).toEqual([{ params: { locale: 'en' }, props: { lang: 'en' } }]);
    expect(recorded).toEqual([['compare/index.html', 'k'], ['en/compare/index.html', 'k']]);
  });

  it('writes the home page of each language to the top of its folder', () => {
    const recorded: string[] = [];
    global[INCREMENTAL_STATE] = { version: 'v1', isKept: () => false, record: (file) => void recorded.push(file) };
    expect(selectLocalePaths('', 'k')).toHaveLength(2);
    expect(recorded).toEqual(['index.html', 'en/index.html']);
  });
});
