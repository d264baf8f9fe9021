/**
 * nianbao's settings: one typed object, read from the environment once by each process's entry
 * point (a script under scripts/, astro.config.mjs for the site) and passed down from there. Every
 * setting has its default here; a NIANBAO_* variable only overrides it. The README's table of
 * settings lists the same names, defaults and meanings (test/lib/config.test.ts holds it to them).
 *
 * One variable is not a setting: NIANBAO_TEST_WORKER_CRASH, a test hook read by the extractor's
 * worker threads only (scripts/lib/extract/worker.ts), which does nothing unless set.
 */
import { availableParallelism } from 'node:os';

export interface NianbaoConfig {
  /** Folder of the reports the extractor reads (recursively). */
  corpus: string;
  /** The extraction folder: the extractor writes its records there, the charts and the site read them. */
  data: string;
  /** Folder the site is built into (Astro's outDir). */
  out: string;
  /** Astro's cache folder (content store, incremental-build pages) and the search index's chunk cache. */
  astroCache: string;
  /** The absolute http(s) address the site is served at, or undefined: links relative, no sitemap. */
  site: string | undefined;
  /** The path the site is served under, with a leading and a trailing slash: `/`, `/nianbao/`. */
  base: string;
  /** The corrections file (content/corrections.csv, or corrections.csv in the corpus folder when NIANBAO_CORPUS names one); it may not exist. */
  corrections: string;
  /** Records the Astro build keeps parsed in memory at most (about 20 KB each). */
  recordCache: number;
  /** Agencies whose stored charts the Astro build keeps parsed at most (about 40 KB each). */
  chartCache: number;
  /** The Astro build's log level: `warn` (warnings and errors), or `debug`, `info`, `error`. */
  astroLog: AstroLogLevel;
  /** V8's old-space limit of the Astro build process, in MiB. */
  astroHeapMib: number;
  /** Threads that draw the agencies' charts before the Astro build; 0 draws them on the stage's own thread. */
  chartWorkers: number;
  /** Pages per search-index chunk (one Pagefind bundle each). */
  searchChunk: number;
  /** Search-index chunks built at once. */
  searchJobs: number;
  /** Heap limit of each extraction worker thread, in MiB, or undefined: V8's default. */
  extractHeapMib: number | undefined;
  /** Whether an unexpected failure prints its stack. */
  debug: boolean;
}

/** Astro's log levels. */
export type AstroLogLevel = 'debug' | 'info' | 'warn' | 'error';
const ASTRO_LOG_LEVELS: readonly AstroLogLevel[] = ['debug', 'info', 'warn', 'error'];

/**
 * Pages per search-index chunk by default. A changed report re-indexes its chunk, whose cost past
 * Pagefind's start-up follows its pages, while the browser fetches a few files per chunk for each
 * query: 250 balances the two (bench/results.md, search chunk sizes). The Pagefind process peaks
 * near 100 MiB + 0.7 MiB per page, and its write step grows faster than linearly with the pages.
 */
const DEFAULT_SEARCH_CHUNK = 250;

/**
 * The Astro build's old-space limit by default, in MiB. Without one V8 lets the heap grow towards
 * its default limit (about 4 GiB here) before collecting hard, although what the build holds at once
 * is far less (the report index, the record cache, a few pages: about 1 GiB after a full collection
 * at 100,000 reports). A lower limit costs more time in the collector; a higher one, memory: 1792
 * kept the build under 3 GiB of resident memory at 100,000 reports where 2048 did not (bench/results.md).
 */
const DEFAULT_ASTRO_HEAP_MIB = 1792;

/**
 * Records kept parsed by default: below it a build reads each record file once; above it, the
 * records of an agency are read again for each of its pages. 20,000 records are about 400 MB.
 */
const DEFAULT_RECORD_CACHE = 20_000;

/** Agencies' chart stores kept parsed by default: an agency's zh, en and embed pages then parse its store once. */
const DEFAULT_CHART_CACHE = 2500;

/** A setting's environment variable, its key in the config, and its default as the README's table states it. */
export interface SettingDoc {
  variable: string;
  key: keyof NianbaoConfig;
  defaultText: string;
}

/** Every setting, in the order of the README's table (which says what each does). */
export const SETTINGS: readonly SettingDoc[] = [
  { variable: 'NIANBAO_CORPUS', key: 'corpus', defaultText: '`content/reports`' },
  { variable: 'NIANBAO_DATA', key: 'data', defaultText: '`.nianbao`' },
  { variable: 'NIANBAO_OUT', key: 'out', defaultText: '`dist`' },
  { variable: 'NIANBAO_ASTRO_CACHE', key: 'astroCache', defaultText: '`node_modules/.astro`' },
  { variable: 'NIANBAO_SITE', key: 'site', defaultText: 'none' },
  { variable: 'NIANBAO_BASE', key: 'base', defaultText: '`/`' },
  { variable: 'NIANBAO_CORRECTIONS', key: 'corrections', defaultText: '`content/corrections.csv`' },
  { variable: 'NIANBAO_RECORD_CACHE', key: 'recordCache', defaultText: '20000' },
  { variable: 'NIANBAO_CHART_CACHE', key: 'chartCache', defaultText: '2500' },
  { variable: 'NIANBAO_ASTRO_LOG', key: 'astroLog', defaultText: '`warn`' },
  { variable: 'NIANBAO_ASTRO_HEAP_MIB', key: 'astroHeapMib', defaultText: '1792' },
  { variable: 'NIANBAO_CHART_WORKERS', key: 'chartWorkers', defaultText: 'one per core' },
  { variable: 'NIANBAO_SEARCH_CHUNK', key: 'searchChunk', defaultText: '250' },
  { variable: 'NIANBAO_SEARCH_JOBS', key: 'searchJobs', defaultText: 'one per core' },
  { variable: 'NIANBAO_EXTRACT_HEAP_MIB', key: 'extractHeapMib', defaultText: "V8's" },
  { variable: 'NIANBAO_DEBUG', key: 'debug', defaultText: 'off' },
];

/** The environment as readConfig sees it. */
export type Environment = Readonly<Record<string, string | undefined>>;

/** Returns a variable's value with surrounding blanks removed, or undefined when it is unset or blank. */
function readText(env: Environment, name: string): string | undefined {
  const value = env[name]?.trim();
  return value ? value : undefined;
}

/** Returns the whole number ≥ `min` a variable holds, or `fallback` when it is unset or blank; throws on anything else. */
function readCount<T extends number | undefined>(env: Environment, name: string, fallback: T, min = 1): number | T {
  const text = readText(env, name);
  if (text === undefined) return fallback;
  const n = Number(text);
  if (!Number.isSafeInteger(n) || n < min) throw new RangeError(`${name} 须为 ≥ ${min} 的整数，收到 ${JSON.stringify(env[name])} (${name} must be a whole number ≥ ${min}, got ${JSON.stringify(env[name])})`);
  return n;
}

/** Returns the site's address from NIANBAO_SITE, or undefined when it is unset or blank; throws unless it is an absolute http(s) URL. */
function readSite(env: Environment): string | undefined {
  const value = readText(env, 'NIANBAO_SITE');
  if (value === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`NIANBAO_SITE 不是网址：${value} (NIANBAO_SITE is not an absolute URL: ${value})`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`NIANBAO_SITE 须为 http(s) 网址：${value} (NIANBAO_SITE must be an http(s) URL: ${value})`);
  return value;
}

/** Returns Astro's log level from NIANBAO_ASTRO_LOG (default warn); throws on a level Astro has not. */
function readAstroLog(env: Environment): AstroLogLevel {
  const value = readText(env, 'NIANBAO_ASTRO_LOG') ?? 'warn';
  if (!(ASTRO_LOG_LEVELS as readonly string[]).includes(value)) throw new Error(`NIANBAO_ASTRO_LOG 须为 ${ASTRO_LOG_LEVELS.join('、')} 之一：${value} (NIANBAO_ASTRO_LOG must be one of ${ASTRO_LOG_LEVELS.join(', ')}: ${value})`);
  return value as AstroLogLevel;
}

/** Returns the base path with a leading and a trailing slash: `/`, `/nianbao/`. */
export function normalizeBase(base: string | undefined): string {
  const b = base ?? '/';
  const lead = b.startsWith('/') ? b : `/${b}`;
  return lead.endsWith('/') ? lead : `${lead}/`;
}

/**
 * Returns the settings: each NIANBAO_* variable of `env` that is set and not blank, the default
 * otherwise; frozen. Throws (one sentence, Chinese and English) on a value it cannot use.
 */
export function readConfig(env: Environment = process.env): Readonly<NianbaoConfig> {
  const cores = availableParallelism();
  return Object.freeze({
    corpus: readText(env, 'NIANBAO_CORPUS') ?? 'content/reports',
    data: readText(env, 'NIANBAO_DATA') ?? '.nianbao',
    out: readText(env, 'NIANBAO_OUT') ?? 'dist',
    astroCache: readText(env, 'NIANBAO_ASTRO_CACHE') ?? 'node_modules/.astro',
    site: readSite(env),
    base: normalizeBase(readText(env, 'NIANBAO_BASE')),
    // Beside the corpus it corrects: a corpus of one's own carries its own corrections.
    corrections: readText(env, 'NIANBAO_CORRECTIONS') ?? (readText(env, 'NIANBAO_CORPUS') === undefined ? 'content/corrections.csv' : `${readText(env, 'NIANBAO_CORPUS')!.replace(/\/+$/, '')}/corrections.csv`),
    recordCache: readCount(env, 'NIANBAO_RECORD_CACHE', DEFAULT_RECORD_CACHE),
    chartCache: readCount(env, 'NIANBAO_CHART_CACHE', DEFAULT_CHART_CACHE),
    astroLog: readAstroLog(env),
    astroHeapMib: readCount(env, 'NIANBAO_ASTRO_HEAP_MIB', DEFAULT_ASTRO_HEAP_MIB),
    chartWorkers: readCount(env, 'NIANBAO_CHART_WORKERS', cores, 0),
    searchChunk: readCount(env, 'NIANBAO_SEARCH_CHUNK', DEFAULT_SEARCH_CHUNK),
    searchJobs: readCount(env, 'NIANBAO_SEARCH_JOBS', cores),
    extractHeapMib: readCount(env, 'NIANBAO_EXTRACT_HEAP_MIB', undefined),
    debug: readText(env, 'NIANBAO_DEBUG') === '1',
  });
}
