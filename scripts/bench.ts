#!/usr/bin/env node
/**
 * npm run bench [-- --sizes 1000,10000] [--runs 3] [--no-site] [--once]
 * Generates corpora of the given sizes (cached under bench/cache/, gitignored), then measures as
 * medians of several runs: extraction (cold: no cache and no output; warm cache; one report changed), and when the
 * site builds, the Astro build (pages/s), Pagefind indexing, the whole build and its incremental
 * case, and a bare Astro build of the same pages for a ratio. Peak memory per stage. Writes
 * bench/results.json and bench/results.md. A benchmark, not a test: nothing here asserts.
 * --once (for the 100,000-report stretch, hours otherwise): each stage of a build once, in order
 * (cold extraction, site data, charts, Astro, downloads, Pagefind), the whole build being their sum; no warm,
 * incremental or bare runs. Exit codes as every command's (scripts/lib/cli.ts).
 */
import { existsSync } from 'node:fs';
import { cpus, freemem, loadavg, totalmem } from 'node:os';
import { mkdir, open, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { GENERATOR_VERSION, type CorpusAnswers } from './lib/generate/corpus.ts';
import { parseWholeNumber, parseWholeNumbers, runCommand, type CommandSpec } from './lib/cli.ts';
import { writeBareAstro } from './lib/bench/bare-astro.ts';
import { astroBuildArgs } from './lib/build/stages.ts';
import { downloadsCachePath } from './lib/downloads/write.ts';
import { measure, sumStages, summarize, timeCpuCheck, type Measurement, type Summary } from './lib/bench/measure.ts';
import { keepHandMeasured, toMarkdown, type BenchResults, type SizeResult } from './lib/bench/results.ts';

const BENCH_COMMAND: CommandSpec = {
  name: 'npm run bench',
  summary:
    '生成各规模的语料，测量提取（冷、热缓存、改一份）、图表、Astro、下载、Pagefind、整站构建和对照的空白 Astro 构建，写 bench/results.json 和 bench/results.md。\n' +
    'Generates corpora of each size and measures extraction (cold, warm, one changed), charts, Astro, downloads, Pagefind, the whole build and a bare Astro build; writes bench/results.json and bench/results.md.',
  options: {
    sizes: { type: 'string', value: 'N,N', help: '报告份数，逗号分隔，默认 1000,10000 (corpus sizes, comma-separated; default 1000,10000)' },
    size: { type: 'string', value: 'N', help: '只测一个规模（代替 --sizes） (one size, instead of --sizes)' },
    runs: { type: 'string', value: 'N', help: '每项测几次取中位数，默认 3 (runs per measurement, median taken; default 3)' },
    // Site stages of a large size take minutes each: fewer runs keep a bench run within the hour.
    'site-runs': { type: 'string', value: 'N', help: '网站各阶段测几次，默认同 --runs (runs of the site stages; default --runs)' },
    'no-site': { type: 'boolean', help: '只测提取 (extraction only)' },
    once: { type: 'boolean', help: '每个阶段只跑一次，不测热缓存、增量和空白构建（用于 100,000 份） (each stage once, no warm, incremental or bare runs: for 100,000 reports)' },
    seed: { type: 'string', value: 'S', help: '生成语料的种子，默认 bench (the corpora\'s seed; default bench)' },
  },
  examples: ['npm run bench -- --sizes 1000,10000 --runs 3 --site-runs 1', 'npm run bench -- --size 100000 --once'],
};

// Set from the command line (see the end of this file) before anything runs.
let values: { seed: string; 'no-site': boolean };
let sizes: number[];
let once: boolean;
let runs: number;
let siteRuns: number;
/** The Astro build's heap limit in MiB (the astroHeapMib setting), as `npm run build` gives it. */
let astroHeapMib: number;
const ROOT = process.cwd();
const CACHE = path.resolve('bench/cache');
const NODE = process.execPath; // the pinned Node 24 when run through npm
const ASTRO = path.resolve('node_modules/astro/bin/astro.mjs');
const log = (s: string) => process.stderr.write(`bench: ${s}\n`);

/** Runs `times` measurements, calling `before` ahead of each (untimed). */
async function repeat(times: number, run: () => Promise<Measurement>, before?: (i: number) => Promise<void>): Promise<Summary> {
  const ms: Measurement[] = [];
  for (let i = 0; i < times; i++) {
    await before?.(i);
    ms.push(await run());
    const last = ms.at(-1)!;
    log(`  ${last.seconds.toFixed(2)} s${last.cpu ? ` (CPU ${last.cpu.user.toFixed(1)} + ${last.cpu.system.toFixed(1)} s)` : ''}, ${last.maxRssMiB} MiB`);
  }
  return summarize(ms);
}

/** Returns the corpus folder for a size, generating it unless an identical one is cached. */
async function corpus(n: number): Promise<string> {
  const dir = path.join(CACHE, `corpus-${n}`);
  const answers = path.join(dir, 'answers.json');
  if (existsSync(answers)) {
    // Only the header is needed; answers.json starts with generator, seed and count (and at
    // 100,000 reports it is longer than a string can be).
    const file = await open(answers);
    const { buffer, bytesRead } = await file.read(Buffer.alloc(200), 0, 200, 0);
    await file.close();
    const head = buffer.subarray(0, bytesRead).toString('utf8');
    if (head.includes(`"generator": "${GENERATOR_VERSION}"`) && head.includes(`"seed": "${values.seed}"`) && head.includes(`"count": ${n},`)) return dir;
  }
  log(`generating ${n} reports → ${dir}`);
  await measure(NODE, ['scripts/generate-corpus.ts', '--count', String(n), '--out', dir, '--seed', values.seed]);
  return dir;
}

/** Returns the number of HTML pages under a built site. */
async function countPages(dir: string): Promise<number> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile() && e.name.endsWith('.html')).length;
}

/** Returns the environment of the site stages for a size: its data, output and Astro cache folders. */
function siteEnv(n: number, out: string) {
  // Astro's own cache folder (data store, incremental pages): a bench run must not share it with
  // builds running beside it.
  return { NIANBAO_DATA: out, NIANBAO_OUT: path.join(CACHE, `site-${n}`), NIANBAO_ASTRO_CACHE: path.join(CACHE, `astro-cache-${n}`) };
}

/** --once: the site stages once each after the cold extraction, from empty output and cache folders. */
async function benchSiteOnce(n: number, cold: Summary, { env }: { out: string; env: ReturnType<typeof siteEnv> }): Promise<SizeResult> {
  const result: SizeResult = { reports: n, once: true, extract: { cold, coldPerSecond: n / cold.seconds } };
  try {
    await rm(env.NIANBAO_OUT, { recursive: true, force: true });
    await rm(env.NIANBAO_ASTRO_CACHE, { recursive: true, force: true });
    await rm(path.join(env.NIANBAO_DATA, 'charts'), { recursive: true, force: true });
    await rm(path.join(env.NIANBAO_DATA, 'site'), { recursive: true, force: true });
    log(`${n}: site data`);
    // Timed into the whole build only: the charts and the pages read what it writes.
    const siteData = await repeat(1, () => measure(NODE, ['scripts/write-site-data.ts'], { env }));
    log(`${n}: charts`);
    const charts = await repeat(1, () => measure(NODE, ['scripts/render-charts.ts'], { env }));
    log(`${n}: astro build`);
    const astro = await repeat(1, () => measure(NODE, astroBuildArgs(astroHeapMib), { env }));
    const pages = await countPages(env.NIANBAO_OUT);
    log(`${n}: downloads`);
    const downloads = await repeat(1, () => measure(NODE, ['scripts/write-downloads.ts'], { env }));
    log(`${n}: pagefind`);
    const pagefind = await repeat(1, () => measure(NODE, ['scripts/search-index.ts'], { env }));
    result.site = { pages, charts, astro, astroPagesPerSecond: pages / astro.seconds, downloads, pagefind, build: sumStages([cold, siteData, charts, astro, downloads, pagefind]) };
  } catch (error) {
    result.siteError = (error as Error).message;
    log(`${n}: site stages failed: ${result.siteError}`);
  }
  result.loadAverageAfter = loadavg();
  return result;
}

/** Returns the results of one size, with the CPU check (timeCpuCheck) before and after it. */
async function benchSize(n: number): Promise<SizeResult> {
  const dir = await corpus(n);
  const before = timeCpuCheck();
  log(`${n}: CPU check ${Math.round(before)} ms`);
  const result = await measureSize(n, dir);
  return { ...result, cpuCheckMs: [before, timeCpuCheck()] };
}

async function measureSize(n: number, dir: string): Promise<SizeResult> {
  const input = path.join(dir, 'reports');
  const out = path.join(CACHE, `out-${n}`);
  const xcache = path.join(CACHE, `xcache-${n}`);
  const extractInto = (folder: string) => measure(NODE, ['scripts/extract.ts', '--input', input, '--out', folder, '--cache', xcache]);
  const extract = () => extractInto(out);

  // Cold: no cache and no output, as on a fresh checkout. Each run writes a folder of its own: one
  // emptied just before is written more slowly here (see fresh() below), and a kept one is not
  // written at all (its records are unchanged). Folders left by an earlier bench go first.
  const coldOut = (i: number) => `${out}.cold-${i}`;
  for (let i = 0; i < runs; i++) await rm(coldOut(i), { recursive: true, force: true });
  log(`${n}: extraction, cold (no cache, no output)`);
  let coldRun = 0;
  const cold = await repeat(runs, () => extractInto(coldOut(coldRun++)), () => rm(xcache, { recursive: true, force: true }));
  // The last cold run's output is the one the later stages read.
  await rm(out, { recursive: true, force: true });
  await rename(coldOut(runs - 1), out);
  for (let i = 0; i < runs - 1; i++) await rm(coldOut(i), { recursive: true, force: true });
  if (once) return benchSiteOnce(n, cold, { out, env: siteEnv(n, out) });
  log(`${n}: extraction, warm cache`);
  const warm = await repeat(runs, extract);
  // One UTF-8 report gains trailing spaces: new bytes, same figures.
  const answers = JSON.parse(await readFile(path.join(dir, 'answers.json'), 'utf8')) as CorpusAnswers;
  const changed = path.join(input, Object.entries(answers.files).find(([, a]) => a.encoding === 'utf-8')![0]);
  const original = await readFile(changed);
  const touch = async (i: number) => writeFile(changed, Buffer.concat([original, Buffer.from(`${' '.repeat(i + 1)}\n`)]));
  log(`${n}: extraction, one report changed`);
  const incremental = await repeat(runs, extract, touch);
  await writeFile(changed, original);
  await extract(); // leave the output matching the corpus
  const result: SizeResult = {
    reports: n,
    extract: { cold, warm, incremental, coldPerSecond: n / cold.seconds, warmPerSecond: n / warm.seconds },
  };
  if (values['no-site']) {
    result.loadAverageAfter = loadavg();
    return result;
  }

  try {
    const env = siteEnv(n, out);
    const site = env.NIANBAO_OUT;
    const astroCache = env.NIANBAO_ASTRO_CACHE;
    const chartStore = path.join(out, 'charts');
    const astro = () => measure(NODE, astroBuildArgs(astroHeapMib), { env });
    // Fresh output and cache folders each time: writing into a just-emptied folder is slower.
    const fresh = async () => {
      await rm(site, { recursive: true, force: true });
      await rm(astroCache, { recursive: true, force: true });
    };
    // The site data the charts and the pages read (its time is in the whole build below).
    await measure(NODE, ['scripts/write-site-data.ts'], { env });
    log(`${n}: charts`);
    const charts = await repeat(siteRuns, () => measure(NODE, ['scripts/render-charts.ts'], { env }), () => rm(chartStore, { recursive: true, force: true }));
    log(`${n}: astro build`);
    const astroRuns = await repeat(siteRuns, astro, fresh);
    const pages = await countPages(site);
    log(`${n}: downloads`);
    // Each run from an empty downloads cache: the whole stage, as a first build makes it (the one-changed build below uses the cache).
    const downloads = await repeat(siteRuns, () => measure(NODE, ['scripts/write-downloads.ts'], { env }), () => rm(downloadsCachePath(out), { recursive: true, force: true }));
    log(`${n}: pagefind`);
    const pagefind = await repeat(siteRuns, () => measure(NODE, ['scripts/search-index.ts'], { env }), () => rm(path.join(site, 'pagefind'), { recursive: true, force: true }));
    const whole = () => measure(NODE, ['scripts/build.ts', '--input', input, '--out', out, '--cache', xcache], { env });
    log(`${n}: whole build`);
    // From an empty chart store too (the extraction's output and cache are warm, as after an edit elsewhere).
    const build = await repeat(siteRuns, whole, async () => {
      await fresh();
      await rm(chartStore, { recursive: true, force: true });
    });
    log(`${n}: whole build, one report changed`);
    const buildIncremental = await repeat(siteRuns, whole, touch);
    await writeFile(changed, original);

    const bareDir = path.join(CACHE, `bare-${n}`);
    await writeBareAstro(bareDir, path.join(ROOT, 'node_modules'));
    const bareOut = path.join(bareDir, 'dist');
    log(`${n}: bare astro`);
    const bare = await repeat(siteRuns, () => measure(NODE, [ASTRO, 'build'], { cwd: bareDir, env: { BARE_DATA: out, BARE_OUT: bareOut } }), async () => {
      await rm(bareOut, { recursive: true, force: true });
      await rm(path.join(bareDir, '.cache'), { recursive: true, force: true });
    });
    const barePages = await countPages(bareOut);
    result.site = {
      pages, charts, astro: astroRuns, astroPagesPerSecond: pages / astroRuns.seconds, downloads, pagefind, build, buildIncremental,
      bare, barePages, ratio: (charts.seconds + astroRuns.seconds) / bare.seconds, buildRatio: build.seconds / bare.seconds,
    };
  } catch (error) {
    result.siteError = (error as Error).message;
    log(`${n}: site stages failed: ${result.siteError}`);
  }
  result.loadAverageAfter = loadavg();
  return result;
}

await runCommand(BENCH_COMMAND, async ({ values: args, config }) => {
  astroHeapMib = config.astroHeapMib;
  const string = (name: string) => args[name] as string | undefined;
  values = { seed: string('seed') ?? 'bench', 'no-site': args['no-site'] === true };
  sizes = string('size') !== undefined ? [parseWholeNumber('--size', string('size')!)] : parseWholeNumbers('--sizes', string('sizes') ?? '1000,10000');
  once = args.once === true;
  runs = once ? 1 : parseWholeNumber('--runs', string('runs') ?? '3');
  siteRuns = once ? 1 : string('site-runs') === undefined ? runs : parseWholeNumber('--site-runs', string('site-runs')!);

  await mkdir(CACHE, { recursive: true });
  const machine = {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
    memoryGiB: totalmem() / 2 ** 30,
    node: process.versions.node,
    platform: `${process.platform} ${process.arch}`,
    loadAverage: loadavg(),
  };
  log(`${machine.cpus} cores, ${machine.memoryGiB.toFixed(1)} GiB (${(freemem() / 2 ** 30).toFixed(1)} free), sizes ${sizes.join(', ')}, ${runs} runs`);
  const results: BenchResults = { machine, runs, siteRuns, sizes: [] };
  // Sizes measured by an earlier run on this machine are kept, so sizes can be run one at a time.
  if (existsSync('bench/results.json')) {
    const earlier = JSON.parse(await readFile('bench/results.json', 'utf8')) as BenchResults;
    if (earlier.machine.cpus === machine.cpus) results.sizes = earlier.sizes.filter((s) => !sizes.includes(s.reports));
  }
  for (const n of sizes) {
    results.sizes.push(await benchSize(n));
    results.sizes.sort((a, b) => a.reports - b.reports);
    // Written after each size, so a long run leaves its figures so far.
    await writeFile('bench/results.json', JSON.stringify(results, null, 2) + '\n');
    const previous = existsSync('bench/results.md') ? await readFile('bench/results.md', 'utf8') : null;
    await writeFile('bench/results.md', keepHandMeasured(toMarkdown(results), previous));
  }
  process.stdout.write(toMarkdown(results));
});
