/**
 * The benchmark's results as JSON and as the Markdown table the README shows. Pure formatting.
 */
import type { Summary } from './measure.ts';

export interface SizeResult {
  reports: number;
  /** Extraction: cold (empty cache), warm (every file cached), incremental (one file changed); --once: cold only. */
  extract: { cold: Summary; warm?: Summary; incremental?: Summary; coldPerSecond: number; warmPerSecond?: number };
  /** --once: every stage run once, in build order; the whole build is their sum; no incremental or bare runs. */
  once?: boolean;
  site?: {
    pages: number;
    /** scripts/render-charts.ts from an empty chart store; absent in results from before it existed. */
    charts?: Summary;
    /** The Astro build, with the chart store filled (when `charts` is there). */
    astro: Summary;
    astroPagesPerSecond: number;
    /** scripts/write-downloads.ts (CSV, JSON, SQLite); absent in results from before it existed. */
    downloads?: Summary;
    pagefind: Summary;
    /**
     * extract + charts + astro build + downloads + pagefind, as `npm run build` runs them; with
     * --once, the sum of the stages above (cold extraction).
     */
    build: Summary;
    /** The same after one report changed (not with --once). */
    buildIncremental?: Summary;
    bare?: Summary;
    barePages?: number;
    /** Our charts and astro build time / the bare build time. */
    ratio?: number;
    /** The whole build / the bare build time. */
    buildRatio?: number;
  };
  siteError?: string;
  /**
   * timeCpuCheck (measure.ts) just before this size's first stage and after its last, ms: the
   * processor's speed at the hour it was measured. Absent in results from before the check existed.
   */
  cpuCheckMs?: [before: number, after: number];
  /** Load average (1, 5, 15 min) when this size was done: the machine may be shared. */
  loadAverageAfter?: number[];
}

export interface BenchResults {
  machine: { cpus: number; cpuModel: string; memoryGiB: number; node: string; platform: string; loadAverage: number[] };
  runs: number;
  /** Runs of the site stages (astro, pagefind, whole build, bare baseline). */
  siteRuns: number;
  sizes: SizeResult[];
}

const f1 = (n: number) => n.toFixed(1);
const mib = (s: { maxRssMiB: number | null }) => (s.maxRssMiB === null ? '—' : `${s.maxRssMiB}`);
/** A stage's CPU seconds as `user + kernel`, or — when not measured. */
const cpuOf = (s: Summary) => (s.cpu ? `${f1(s.cpu.user)} + ${f1(s.cpu.system)}` : '—');

/**
 * Returns one line per pair of neighbouring sizes (1,000 → 10,000, 10,000 → 100,000) comparing the
 * time per report of the larger with the smaller, per stage: 1.0 × is flat scaling, above it the
 * stage gets dearer per report as the corpus grows. Then a blank line.
 */
export function describeScaling(sizes: readonly SizeResult[]): string[] {
  const sorted = [...sizes].sort((a, b) => a.reports - b.reports);
  const lines = sorted.slice(1).map((large, i) => describePair(sorted[i]!, large));
  return lines.length ? [...lines, ''] : [];
}

/** Returns the scaling line of one pair of sizes. */
function describePair(small: SizeResult, large: SizeResult): string {
  const ratio = (pick: (s: SizeResult) => Summary | undefined) => {
    const a = pick(small);
    const b = pick(large);
    return a && b ? `${f1(b.seconds / large.reports / (a.seconds / small.reports))} ×` : null;
  };
  const stages: [string, (s: SizeResult) => Summary | undefined][] = [
    ['extract, cold', (s) => s.extract.cold],
    ['charts', (s) => s.site?.charts],
    ['astro build', (s) => s.site?.astro],
    ['downloads', (s) => s.site?.downloads],
    ['pagefind', (s) => s.site?.pagefind],
    // A --once whole build is summed from a cold extraction: comparable only with another.
    ['whole build', (s) => (small.once === large.once ? s.site?.build : undefined)],
    ['bare baseline', (s) => s.site?.bare],
  ];
  const parts = stages.flatMap(([name, pick]) => {
    const r = ratio(pick);
    return r ? [`${name} ${r}`] : [];
  });
  return `Scaling from ${small.reports.toLocaleString('en')} to ${large.reports.toLocaleString('en')} reports, time per report (larger ÷ smaller; 1.0 × is flat): ${parts.join(', ')}.`;
}

/**
 * Returns how many runs a size's medians are of, read from its own figures (sizes kept from earlier
 * runs of the benchmark may have had other counts): "3 runs at 10,000 (site stages: 1)".
 */
export function describeRuns(s: SizeResult): string {
  const at = s.reports.toLocaleString('en');
  const runs = s.extract.cold.runs.length;
  if (s.once) return `${runs} run at ${at} (--once)`;
  const site = s.site?.astro.runs.length;
  return `${runs} run${runs === 1 ? '' : 's'} at ${at}${site === undefined ? '' : ` (site stages: ${site})`}`;
}

/**
 * Returns the line giving each size's CPU check before / after (see SizeResult.cpuCheckMs), then a
 * blank line; nothing when no size has one.
 */
export function describeCpuChecks(sizes: readonly SizeResult[]): string[] {
  if (!sizes.some((s) => s.cpuCheckMs)) return [];
  const parts = sizes.map((s) => `${s.reports.toLocaleString('en')}: ${s.cpuCheckMs ? s.cpuCheckMs.map((ms) => Math.round(ms)).join(' / ') : 'not measured'}`);
  return [`CPU speed check before / after each size (median ms of sorting the same 1,000,000 numbers on one thread: the processor alone, not memory or disk; larger is slower): ${parts.join('; ')}.`, ''];
}

/** One of the benchmark's targets (issue 18), held against a size's figures. */
interface Target {
  /** What is aimed at, as the README states it. */
  name: string;
  reports: number;
  /** The figure measured, with its unit, and whether it meets the target; null when the size or stage was not measured. */
  judge: (s: SizeResult) => { figure: string; met: boolean } | null;
}

const GIB_MIB = 3 * 1024;

/** The targets: ratios are measured within one run, against the bare build of the same run. */
const TARGETS: Target[] = [
  {
    name: 'whole build ≤ 3 × the bare Astro build (stretch 2 ×)',
    reports: 10_000,
    judge: (s) => (s.site?.buildRatio === undefined ? null : { figure: `${f1(s.site.buildRatio)} ×${s.site.buildRatio <= 2 ? ', stretch met' : ''}`, met: s.site.buildRatio <= 3 }),
  },
  {
    name: 'one report changed: whole site updated in ≤ 10 s',
    reports: 10_000,
    judge: (s) => (s.site?.buildIncremental ? { figure: `${f1(s.site.buildIncremental.seconds)} s`, met: s.site.buildIncremental.seconds <= 10 } : null),
  },
  {
    name: 'one report changed: whole site updated in ≤ 3 s',
    reports: 1_000,
    judge: (s) => (s.site?.buildIncremental ? { figure: `${f1(s.site.buildIncremental.seconds)} s`, met: s.site.buildIncremental.seconds <= 3 } : null),
  },
  {
    name: 'end to end ≤ 30 min, every stage ≤ 3 GiB',
    reports: 100_000,
    judge: (s) => {
      if (!s.site) return null;
      const stages = [s.extract.cold, s.site.charts, s.site.astro, s.site.downloads, s.site.pagefind].filter((x): x is Summary => x !== undefined);
      const peak = Math.max(...stages.map((x) => x.maxRssMiB ?? 0));
      return { figure: `${f1(s.site.build.seconds / 60)} min, peak ${peak} MiB`, met: s.site.build.seconds <= 30 * 60 && peak <= GIB_MIB };
    },
  },
  {
    name: 'cold extraction ≥ 1,000 reports/s',
    reports: 10_000,
    judge: (s) => ({ figure: `${Math.round(s.extract.coldPerSecond)} reports/s`, met: s.extract.coldPerSecond >= 1000 }),
  },
];

/**
 * Returns one line per target: met or missed with the figure measured, or not measured (that size
 * or stage was not run); then a blank line.
 */
export function describeTargets(sizes: readonly SizeResult[]): string[] {
  const lines = TARGETS.map((t) => {
    const size = sizes.find((s) => s.reports === t.reports);
    const verdict = size ? t.judge(size) : null;
    const at = `${t.reports.toLocaleString('en')} reports`;
    return verdict ? `- ${at}, ${t.name}: **${verdict.met ? 'met' : 'missed'}** (${verdict.figure})` : `- ${at}, ${t.name}: not measured`;
  });
  return ['Targets (issue 18; ratios within one run):', '', ...lines, ''];
}

/** Seconds a whole build may take after one report changed, by corpus size (issue 18's targets). */
export const ONE_CHANGED_TARGET_SECONDS: ReadonlyMap<number, number> = new Map([[1_000, 3], [10_000, 10]]);

/** Returns the one-changed build against its target at this size (`target ≤ 3 s: met`), or '' where there is none. */
export function describeOneChangedTarget(reports: number, seconds: number): string {
  const target = ONE_CHANGED_TARGET_SECONDS.get(reports);
  return target === undefined ? '' : `target ≤ ${target} s: ${seconds <= target ? 'met' : 'missed'}`;
}

/**
 * The line under which bench/results.md holds measurements made by hand (before and after a change,
 * one stage at a time): a run of the bench rewrites the table above it and keeps what is below.
 */
export const HAND_MEASURED_MARK = '<!-- Measured by hand: npm run bench keeps everything below this line. -->';

/** Returns `table` (toMarkdown's) followed by the hand-measured part of `previous` (the file as it was), from its mark on; `table` alone when there is none. */
export function keepHandMeasured(table: string, previous: string | null): string {
  const at = previous?.indexOf(HAND_MEASURED_MARK) ?? -1;
  return at < 0 ? table : `${table}\n${previous!.slice(at)}`;
}

/** Returns the results as a Markdown section: machine, then one table row per stage and size, then the targets. */
export function toMarkdown(r: BenchResults): string {
  const m = r.machine;
  const lines = [
    `Machine: ${m.cpus} cores (${m.cpuModel}), ${f1(m.memoryGiB)} GiB, Node ${m.node}, ${m.platform}; ` +
      `load average at the start of the last run ${m.loadAverage.map(f1).join(' / ')}. ` +
      `Medians of ${r.sizes.map(describeRuns).join('; ')}; CPU is user + kernel seconds (GNU time: the stage's threads and the processes it waited for; ` +
      `the kernel's part is mostly the file system's, and varies with the disk's state from run to run); memory is the stage's peak resident memory (its whole process tree).`,
    '',
    '| reports | stage | median s | CPU s (user + kernel) | per 1,000 reports s | rate | peak MiB |',
    '|---:|---|---:|---:|---:|---:|---:|',
  ];
  for (const s of r.sizes) {
    const per = (sec: number) => f1((sec / s.reports) * 1000);
    const row = (stage: string, sum: Summary, rate: string) => lines.push(`| ${s.reports.toLocaleString('en')} | ${stage} | ${f1(sum.seconds)} | ${cpuOf(sum)} | ${per(sum.seconds)} | ${rate} | ${mib(sum)} |`);
    row('extract, cold (no cache, no output)', s.extract.cold, `${Math.round(s.extract.coldPerSecond)} reports/s`);
    if (s.extract.warm) row('extract, warm cache', s.extract.warm, `${Math.round(s.extract.warmPerSecond ?? 0)} reports/s`);
    if (s.extract.incremental) row('extract, one report changed', s.extract.incremental, '');
    if (s.site) {
      if (s.site.charts) row('charts (agency SVG, every core)', s.site.charts, '');
      row(`astro build (${s.site.pages.toLocaleString('en')} pages)`, s.site.astro, `${Math.round(s.site.astroPagesPerSecond)} pages/s`);
      if (s.site.downloads) row('downloads (CSV, JSON, SQLite)', s.site.downloads, '');
      row('pagefind index', s.site.pagefind, '');
      if (s.once) row('whole build (sum of the stages above, run once each)', s.site.build, '');
      else row(`whole build (extract${s.site.charts ? ' + charts' : ''} + astro + downloads + pagefind)`, s.site.build, s.site.buildRatio === undefined ? '' : `${f1(s.site.buildRatio)} × bare`);
      if (s.site.buildIncremental) row('whole build, one report changed', s.site.buildIncremental, describeOneChangedTarget(s.reports, s.site.buildIncremental.seconds));
      if (s.site.bare && s.site.barePages && s.site.ratio !== undefined) {
        // Our site has more pages than the baseline (agency, data, findings pages): compare per page too.
        const pagesSeconds = s.site.astro.seconds + (s.site.charts?.seconds ?? 0);
        const perPage = (pagesSeconds / s.site.pages) / (s.site.bare.seconds / s.site.barePages);
        row(`bare astro baseline (${s.site.barePages.toLocaleString('en')} pages)`, s.site.bare, `${s.site.charts ? 'charts + ' : ''}astro ${f1(s.site.ratio)} × bare (${f1(perPage)} × per page)`);
      }
    } else if (s.siteError) {
      lines.push(`| ${s.reports.toLocaleString('en')} | site build | failed | | | | ${s.siteError.split('\n')[0]!.slice(0, 120)} |`);
    }
  }
  lines.push('', ...describeScaling(r.sizes), ...describeCpuChecks(r.sizes), ...describeTargets(r.sizes));
  for (const s of r.sizes) {
    if (s.loadAverageAfter) lines.push(`Load average after ${s.reports.toLocaleString('en')} reports: ${s.loadAverageAfter.map(f1).join(' / ')}.`);
  }
  return lines.join('\n') + '\n';
}
