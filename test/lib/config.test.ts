/**
 * The settings: defaults when a variable is unset or blank, the variable's value otherwise, one
 * sentence on a value that cannot be used; and the README's table names every setting with the
 * default it states.
 */
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { normalizeBase, readConfig, SETTINGS } from '../../src/lib/config.ts';

describe('readConfig', () => {
  it('gives the defaults for an empty environment', () => {
    const cores = availableParallelism();
    expect(readConfig({})).toEqual({
      corpus: 'content/reports',
      data: '.nianbao',
      out: 'dist',
      astroCache: 'node_modules/.astro',
      site: undefined,
      base: '/',
      corrections: 'content/corrections.csv',
      recordCache: 20_000,
      chartCache: 2500,
      astroLog: 'warn',
      astroHeapMib: 1792,
      chartWorkers: cores,
      searchChunk: 250,
      searchJobs: cores,
      extractHeapMib: undefined,
      debug: false,
    });
  });

  it('takes every variable that is set, and treats a blank one as unset', () => {
    const config = readConfig({
      NIANBAO_CORPUS: '/r',
      NIANBAO_DATA: '/d',
      NIANBAO_OUT: '/o',
      NIANBAO_ASTRO_CACHE: '/c',
      NIANBAO_SITE: ' http://localhost:4321/ ',
      NIANBAO_BASE: 'nianbao',
      NIANBAO_CORRECTIONS: '/fixes.csv',
      NIANBAO_RECORD_CACHE: '1',
      NIANBAO_CHART_CACHE: '4',
      NIANBAO_ASTRO_LOG: 'info',
      NIANBAO_ASTRO_HEAP_MIB: '2048',
      NIANBAO_CHART_WORKERS: '0',
      NIANBAO_SEARCH_CHUNK: '2',
      NIANBAO_SEARCH_JOBS: '3',
      NIANBAO_EXTRACT_HEAP_MIB: '64',
      NIANBAO_DEBUG: '1',
    });
    expect(config).toEqual({
      corpus: '/r',
      data: '/d',
      out: '/o',
      astroCache: '/c',
      site: 'http://localhost:4321/',
      base: '/nianbao/',
      corrections: '/fixes.csv',
      recordCache: 1,
      chartCache: 4,
      astroLog: 'info',
      astroHeapMib: 2048,
      chartWorkers: 0,
      searchChunk: 2,
      searchJobs: 3,
      extractHeapMib: 64,
      debug: true,
    });
    expect(readConfig({ NIANBAO_DATA: '  ', NIANBAO_SITE: '', NIANBAO_SEARCH_CHUNK: ' ' })).toMatchObject({ data: '.nianbao', site: undefined, searchChunk: 250 });
    expect(readConfig({ NIANBAO_DEBUG: 'yes' }).debug).toBe(false);
  });

  it('finds the corrections file beside the corpus it corrects, unless NIANBAO_CORRECTIONS names one', () => {
    expect(readConfig({ NIANBAO_CORPUS: '/reports/' }).corrections).toBe('/reports/corrections.csv');
    expect(readConfig({ NIANBAO_CORPUS: '/reports', NIANBAO_CORRECTIONS: '/fixes.csv' }).corrections).toBe('/fixes.csv');
  });

  it('refuses a log level Astro has not', () => {
    expect(() => readConfig({ NIANBAO_ASTRO_LOG: 'loud' })).toThrow(/NIANBAO_ASTRO_LOG must be one of debug, info, warn, error/);
  });

  it('is frozen', () => {
    expect(Object.isFrozen(readConfig({}))).toBe(true);
  });

  it('refuses a site that is not an absolute http(s) URL', () => {
    expect(() => readConfig({ NIANBAO_SITE: 'nianbao.example.gov.cn' })).toThrow(/not an absolute URL/);
    expect(() => readConfig({ NIANBAO_SITE: 'ftp://example.gov.cn' })).toThrow(/http\(s\)/);
  });

  it('refuses a count that is not a whole number at or above its least value, naming the variable', () => {
    for (const name of ['NIANBAO_RECORD_CACHE', 'NIANBAO_ASTRO_HEAP_MIB', 'NIANBAO_SEARCH_CHUNK', 'NIANBAO_SEARCH_JOBS', 'NIANBAO_EXTRACT_HEAP_MIB']) {
      for (const value of ['0', '1.5', 'all', '-2']) expect(() => readConfig({ [name]: value }), `${name}=${value}`).toThrow(new RegExp(`${name} must be a whole number ≥ 1`));
    }
    expect(() => readConfig({ NIANBAO_CHART_WORKERS: '-1' })).toThrow(/NIANBAO_CHART_WORKERS must be a whole number ≥ 0/);
  });

  it('normalises the base path as Astro links it', () => {
    expect([normalizeBase(undefined), normalizeBase('/'), normalizeBase('a'), normalizeBase('/a/'), normalizeBase('/a/b')]).toEqual(['/', '/', '/a/', '/a/', '/a/b/']);
  });
});

describe('the README table of settings', () => {
  const readme = readFileSync('README.md', 'utf8');
  const rows = new Map(
    readme
      .split('\n')
      .map((line) => /^\| `(NIANBAO_[A-Z_]+)` \| ([^|]+) \|/.exec(line))
      .filter((m) => m !== null)
      .map((m) => [m[1]!, m[2]!.trim()]),
  );

  it('has a row for every setting, with the default the config gives', () => {
    for (const s of SETTINGS) expect(rows.get(s.variable), s.variable).toBe(s.defaultText);
  });

  it('lists no variable the config does not read, except the worker test hook', () => {
    expect([...rows.keys()].filter((v) => !SETTINGS.some((s) => s.variable === v))).toEqual(['NIANBAO_TEST_WORKER_CRASH']);
  });

  it('covers every key of the config', () => {
    expect(SETTINGS.map((s) => s.key).sort()).toEqual(Object.keys(readConfig({})).sort());
  });
});
