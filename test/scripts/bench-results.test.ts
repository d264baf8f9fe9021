import { describe, expect, it } from 'vitest';
import { sumStages, summarize, timeCpuCheck, type Summary } from '../../scripts/lib/bench/measure.ts';
import { describeCpuChecks, describeOneChangedTarget, describeRuns, describeScaling, describeTargets, HAND_MEASURED_MARK, keepHandMeasured, toMarkdown, type BenchResults, type SizeResult } from '../../scripts/lib/bench/results.ts';

const run = (seconds: number, maxRssMiB: number | null): Summary => ({ seconds, maxRssMiB, runs: [seconds] });
/** A run whose CPU seconds were measured too. */
const timed = (seconds: number, maxRssMiB: number, user: number, system: number): Summary => ({ ...run(seconds, maxRssMiB), cpu: { user, system } });

describe('sumStages', () => {
  it('adds the times of stages run one after another and keeps the largest peak memory', () => {
    expect(sumStages([run(2.5, 100), run(10, 900), run(1, null)])).toEqual({ seconds: 13.5, maxRssMiB: 900, runs: [13.5] });
  });

  it('adds their CPU seconds when every stage has them, and gives none when one lacks them', () => {
    expect(sumStages([timed(2.5, 100, 4, 0.5), timed(10, 900, 15.25, 2)]).cpu).toEqual({ user: 19.25, system: 2.5 });
    expect(sumStages([timed(2.5, 100, 4, 0.5), run(10, 900)]).cpu).toBeUndefined();
  });
});

describe('summarize', () => {
  it('gives the medians of the runs\' user and kernel CPU seconds, each on its own', () => {
    const m = (seconds: number, user: number, system: number) => ({ seconds, maxRssMiB: 100, cpu: { user, system }, stderr: '' });
    expect(summarize([m(10, 17, 1.5), m(11, 16.5, 5.5), m(9.5, 18, 3)])).toEqual({ seconds: 10, maxRssMiB: 100, cpu: { user: 17, system: 3 }, runs: [10, 11, 9.5] });
  });

  it('gives no CPU seconds when a run lacks them (no GNU time)', () => {
    expect(summarize([{ seconds: 2, maxRssMiB: null, cpu: null, stderr: '' }])).toEqual({ seconds: 2, maxRssMiB: null, runs: [2] });
  });
});

const machine: BenchResults['machine'] = { cpus: 2, cpuModel: 'test', memoryGiB: 24, node: '24', platform: 'linux x64', loadAverage: [0, 0, 0] };

/** A --once result: every stage once, the whole build their sum. */
const once: SizeResult = {
  reports: 100_000,
  once: true,
  extract: { cold: timed(200, 1000, 380, 20.5), coldPerSecond: 500 },
  site: { pages: 320_000, astro: run(1600, 2800), astroPagesPerSecond: 200, downloads: run(200, 200), pagefind: run(1000, 1200), build: sumStages([run(200, 1000), run(1600, 2800), run(200, 200), run(1000, 1200)]) },
};

/** A full result at a smaller size. */
const full: SizeResult = {
  reports: 10_000,
  extract: { cold: run(20, 900), warm: run(1, 150), incremental: run(1.5, 200), coldPerSecond: 500, warmPerSecond: 10_000 },
  site: {
    pages: 32_000, astro: run(160, 1500), astroPagesPerSecond: 200, downloads: run(20, 150), pagefind: run(100, 1100),
    build: run(290, 1500), buildIncremental: run(100, 1400), bare: run(30, 1300), barePages: 32_000, ratio: 160 / 30, buildRatio: 290 / 30,
  },
};

describe('toMarkdown', () => {
  it('shows a --once size as its stages and their sum, without the rows it did not measure', () => {
    const rows = toMarkdown({ machine, runs: 1, siteRuns: 1, sizes: [once] }).split('\n').filter((l) => l.startsWith('| 100,000'));
    expect(rows).toEqual([
      '| 100,000 | extract, cold (no cache, no output) | 200.0 | 380.0 + 20.5 | 2.0 | 500 reports/s | 1000 |',
      '| 100,000 | astro build (320,000 pages) | 1600.0 | — | 16.0 | 200 pages/s | 2800 |',
      '| 100,000 | downloads (CSV, JSON, SQLite) | 200.0 | — | 2.0 |  | 200 |',
      '| 100,000 | pagefind index | 1000.0 | — | 10.0 |  | 1200 |',
      '| 100,000 | whole build (sum of the stages above, run once each) | 3000.0 | — | 30.0 |  | 2800 |',
    ]);
  });
});

describe('toMarkdown with the chart stage', () => {
  it('shows the charts before Astro, names them in the whole build, and compares charts + Astro with the bare build', () => {
    const withCharts: SizeResult = { ...full, site: { ...full.site!, charts: run(30, 800), ratio: (30 + 160) / 30 } };
    const rows = toMarkdown({ machine, runs: 1, siteRuns: 1, sizes: [withCharts] }).split('\n').filter((l) => l.startsWith('| 10,000'));
    expect(rows.slice(3, 5)).toEqual([
      '| 10,000 | charts (agency SVG, every core) | 30.0 | — | 3.0 |  | 800 |',
      '| 10,000 | astro build (32,000 pages) | 160.0 | — | 16.0 | 200 pages/s | 1500 |',
    ]);
    expect(rows).toContain('| 10,000 | whole build (extract + charts + astro + downloads + pagefind) | 290.0 | — | 29.0 | 9.7 × bare | 1500 |');
    expect(rows.at(-1)).toBe('| 10,000 | bare astro baseline (32,000 pages) | 30.0 | — | 3.0 | charts + astro 6.3 × bare (6.3 × per page) | 1300 |');
  });
});

describe('describeOneChangedTarget', () => {
  it('holds the one-changed build against 3 s at 1,000 reports and 10 s at 10,000, and says nothing at other sizes', () => {
    expect(describeOneChangedTarget(1_000, 3)).toBe('target ≤ 3 s: met');
    expect(describeOneChangedTarget(1_000, 3.1)).toBe('target ≤ 3 s: missed');
    expect(describeOneChangedTarget(10_000, 9.5)).toBe('target ≤ 10 s: met');
    expect(describeOneChangedTarget(10_000, 104.5)).toBe('target ≤ 10 s: missed');
    expect(describeOneChangedTarget(100_000, 1)).toBe('');
  });

  it('is shown beside the one-changed build in the table', () => {
    const rows = toMarkdown({ machine, runs: 1, siteRuns: 1, sizes: [full] }).split('\n');
    expect(rows).toContain('| 10,000 | whole build, one report changed | 100.0 | — | 10.0 | target ≤ 10 s: missed | 1400 |');
  });
});

describe('describeScaling', () => {
  it('leaves out the whole build when one size summed it from a cold extraction and the other did not', () => {
    expect(describeScaling([full, once])[0]).toBe(
      'Scaling from 10,000 to 100,000 reports, time per report (larger ÷ smaller; 1.0 × is flat): extract, cold 1.0 ×, astro build 1.0 ×, downloads 1.0 ×, pagefind 1.0 ×.',
    );
  });

  it('compares each size with the next smaller one, in order, whatever order they come in', () => {
    // At 1,000 reports every stage took a fifth of its 10,000-report time: twice as dear per report.
    const scale = (s: Summary): Summary => run(s.seconds / 5, s.maxRssMiB);
    const small: SizeResult = {
      reports: 1_000,
      extract: { ...full.extract, cold: scale(full.extract.cold) },
      site: { ...full.site!, astro: scale(full.site!.astro), downloads: scale(full.site!.downloads!), pagefind: scale(full.site!.pagefind), build: scale(full.site!.build), bare: scale(full.site!.bare!) },
    };
    expect(describeScaling([once, small, full])).toEqual([
      'Scaling from 1,000 to 10,000 reports, time per report (larger ÷ smaller; 1.0 × is flat): extract, cold 0.5 ×, astro build 0.5 ×, downloads 0.5 ×, pagefind 0.5 ×, whole build 0.5 ×, bare baseline 0.5 ×.',
      'Scaling from 10,000 to 100,000 reports, time per report (larger ÷ smaller; 1.0 × is flat): extract, cold 1.0 ×, astro build 1.0 ×, downloads 1.0 ×, pagefind 1.0 ×.',
      '',
    ]);
    expect(describeScaling([full])).toEqual([]);
  });
});

describe('describeRuns', () => {
  it('counts the runs of each size from its own figures', () => {
    const three: SizeResult = { ...full, extract: { ...full.extract, cold: { seconds: 20, maxRssMiB: 900, runs: [21, 20, 19] } } };
    expect(describeRuns(three)).toBe('3 runs at 10,000 (site stages: 1)');
    expect(describeRuns(once)).toBe('1 run at 100,000 (--once)');
    const header = toMarkdown({ machine, runs: 3, siteRuns: 1, sizes: [three, once] }).split('\n')[0];
    expect(header).toContain('Medians of 3 runs at 10,000 (site stages: 1); 1 run at 100,000 (--once);');
  });
});

describe('describeCpuChecks', () => {
  it('gives each size its speed check before and after, and says where none was measured', () => {
    expect(describeCpuChecks([{ ...full, cpuCheckMs: [203.6, 251.2] }, once])).toEqual([
      'CPU speed check before / after each size (median ms of sorting the same 1,000,000 numbers on one thread: the processor alone, not memory or disk; larger is slower): 10,000: 204 / 251; 100,000: not measured.',
      '',
    ]);
  });

  it('says nothing when no size was checked', () => {
    expect(describeCpuChecks([full, once])).toEqual([]);
  });
});

describe('timeCpuCheck', () => {
  it('returns a positive number of milliseconds', () => {
    const ms = timeCpuCheck(1);
    expect(ms).toBeGreaterThan(0);
    expect(Number.isFinite(ms)).toBe(true);
  });
});

describe('describeTargets', () => {
  it('holds each size against its targets: met or missed with the figure, the rest not measured', () => {
    const lines = describeTargets([full, once]);
    expect(lines.slice(2, -1)).toEqual([
      // 290 / 30 = 9.7 × the bare build; 100 s for one changed report; 500 reports/s.
      '- 10,000 reports, whole build ≤ 3 × the bare Astro build (stretch 2 ×): **missed** (9.7 ×)',
      '- 10,000 reports, one report changed: whole site updated in ≤ 10 s: **missed** (100.0 s)',
      '- 1,000 reports, one report changed: whole site updated in ≤ 3 s: not measured',
      // 200 + 1600 + 200 + 1000 s = 50 min; Astro's 2,800 MiB is the largest stage.
      '- 100,000 reports, end to end ≤ 30 min, every stage ≤ 3 GiB: **missed** (50.0 min, peak 2800 MiB)',
      '- 10,000 reports, cold extraction ≥ 1,000 reports/s: **missed** (500 reports/s)',
    ]);
  });

  it('says met when a size is within its targets, and names the stretch', () => {
    const fast: SizeResult = {
      ...full,
      extract: { ...full.extract, coldPerSecond: 1200 },
      site: { ...full.site!, build: run(55, 1500), buildIncremental: run(8, 1400), buildRatio: 55 / 30 },
    };
    expect(describeTargets([fast]).filter((l) => l.startsWith('- 10,000'))).toEqual([
      '- 10,000 reports, whole build ≤ 3 × the bare Astro build (stretch 2 ×): **met** (1.8 ×, stretch met)',
      '- 10,000 reports, one report changed: whole site updated in ≤ 10 s: **met** (8.0 s)',
      '- 10,000 reports, cold extraction ≥ 1,000 reports/s: **met** (1200 reports/s)',
    ]);
  });

  it('ends the Markdown the benchmark prints', () => {
    expect(toMarkdown({ machine, runs: 1, siteRuns: 1, sizes: [full] })).toContain('Targets (issue 18; ratios within one run):');
  });
});

describe('keepHandMeasured', () => {
  it('keeps the hand-measured part of the previous file, from its mark on, under the new table', () => {
    const previous = `old table\n\n${HAND_MEASURED_MARK}\n\n## A change: before and after\n\n| a | b |\n`;
    expect(keepHandMeasured('new table\n', previous)).toBe(`new table\n\n${HAND_MEASURED_MARK}\n\n## A change: before and after\n\n| a | b |\n`);
  });

  it('gives the table alone when there is no previous file or no mark in it', () => {
    expect(keepHandMeasured('new table\n', null)).toBe('new table\n');
    expect(keepHandMeasured('new table\n', 'old table\n## Notes\n')).toBe('new table\n');
  });
});
