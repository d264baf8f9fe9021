/**
 * Timing child processes: wall time and peak memory, so that each stage is measured as the command a
 * user runs. Memory is the larger of GNU time's maximum resident set size (the largest process
 * waited for, worker threads included) and the largest sum of the resident sets of the whole
 * process tree, sampled from /proc: Pagefind's indexer is a separate binary that its Node API does
 * not wait for, so GNU time alone does not see it.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface Measurement {
  /** Wall-clock seconds. */
  seconds: number;
  /** Peak resident memory, MiB (null when GNU time is not available). */
  maxRssMiB: number | null;
  /**
   * CPU seconds in user and kernel mode, as GNU time reports them: the command's threads and the
   * children it waited for; null when GNU time is not available. The kernel's share holds what the
   * file system costs (creating files, above all), which varies with the disk's state from run to run.
   */
  cpu: { user: number; system: number } | null;
  /** The command's stderr, for figures it prints itself. */
  stderr: string;
}

const GNU_TIME = '/usr/bin/time';
const PAGE_KIB = 4;

/** Returns the resident memory of `root` and all its descendants, KiB (0 where /proc is absent). */
export function readTreeRssKiB(root: number): number {
  if (!existsSync('/proc/self/stat')) return 0;
  const parent = new Map<number, number>();
  const rss = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      // Fields after the command name (which may hold spaces): state ppid … rss is field 24.
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parent.set(Number(name), Number(fields[1]));
      rss.set(Number(name), Number(fields[21]) * PAGE_KIB);
    } catch {
      // The process ended while listed.
    }
  }
  const inTree = (pid: number): boolean => {
    for (let p: number | undefined = pid, hops = 0; p !== undefined && p > 1 && hops < 64; p = parent.get(p), hops++) if (p === root) return true;
    return false;
  };
  let total = 0;
  for (const [pid, kib] of rss) if (inTree(pid)) total += kib;
  return total;
}

/** Runs a command to completion and returns its wall time and peak memory; throws on a non-zero exit. */
export async function measure(command: string, args: readonly string[], options: { env?: NodeJS.ProcessEnv; cwd?: string } = {}): Promise<Measurement> {
  const dir = await mkdtemp(path.join(tmpdir(), 'nianbao-bench-'));
  const timeFile = path.join(dir, 'time');
  const useTime = existsSync(GNU_TIME);
  const [cmd, argv] = useTime ? [GNU_TIME, ['-f', '%M %U %S', '-o', timeFile, command, ...args]] : [command, [...args]];
  const started = performance.now();
  let treePeak = 0;
  const stderr = await new Promise<string>((resolve, reject) => {
    const child = spawn(cmd, argv, { cwd: options.cwd, env: { ...process.env, ...options.env }, stdio: ['ignore', 'ignore', 'pipe'] });
    const poll = setInterval(() => {
      if (child.pid) treePeak = Math.max(treePeak, readTreeRssKiB(child.pid));
    }, 250);
    child.on('close', () => clearInterval(poll));
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(err) : reject(new Error(`${command} ${args.join(' ')} exited ${code}\n${err.slice(-3000)}`))));
  });
  const seconds = (performance.now() - started) / 1000;
  const [timed = NaN, user = NaN, system = NaN] = useTime ? (await readFile(timeFile, 'utf8')).trim().split('\n').pop()!.split(' ').map(Number) : [];
  await rm(dir, { recursive: true, force: true });
  const kib = Math.max(Number.isFinite(timed) ? timed : 0, treePeak);
  const cpu = Number.isFinite(user) && Number.isFinite(system) ? { user, system } : null;
  return { seconds, maxRssMiB: kib > 0 ? Math.round(kib / 1024) : null, cpu, stderr };
}

/** Returns the median of a non-empty list. */
export function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Summary of repeated measurements: medians of time and memory, and every run's seconds. */
export interface Summary {
  seconds: number;
  maxRssMiB: number | null;
  /** Medians of the runs' user and kernel CPU seconds (Measurement.cpu); absent when not measured, and in results from before it was. */
  cpu?: { user: number; system: number };
  runs: number[];
}

/** Returns seconds to the millisecond. */
const round = (seconds: number) => Math.round(seconds * 1000) / 1000;

/**
 * Returns stages run one after the other as one: their times added, their CPU seconds added (when
 * every stage has them), the largest peak memory (the stages are separate processes, never resident at once).
 */
export function sumStages(stages: readonly Summary[]): Summary {
  const rss = stages.map((s) => s.maxRssMiB).filter((v): v is number => v !== null);
  const seconds = round(stages.reduce((t, s) => t + s.seconds, 0));
  const cpus = stages.map((s) => s.cpu);
  const cpu = cpus.every((c) => c !== undefined)
    ? { user: round(cpus.reduce((t, c) => t + c!.user, 0)), system: round(cpus.reduce((t, c) => t + c!.system, 0)) }
    : undefined;
  return { seconds, maxRssMiB: rss.length ? Math.max(...rss) : null, ...(cpu ? { cpu } : {}), runs: [seconds] };
}

/** Returns the medians of several measurements. */
export function summarize(ms: readonly Measurement[]): Summary {
  const rss = ms.map((m) => m.maxRssMiB).filter((v): v is number => v !== null);
  const cpus = ms.map((m) => m.cpu).filter((c): c is NonNullable<Measurement['cpu']> => c !== null);
  return {
    seconds: round(median(ms.map((m) => m.seconds))),
    maxRssMiB: rss.length ? Math.max(...rss) : null,
    ...(cpus.length === ms.length && cpus.length ? { cpu: { user: round(median(cpus.map((c) => c.user))), system: round(median(cpus.map((c) => c.system))) } } : {}),
    runs: ms.map((m) => round(m.seconds)),
  };
}

/** Numbers sorted by the CPU check. */
const CHECK_SIZE = 1_000_000;

/**
 * Returns the processor's speed at this moment as the median milliseconds, over `times` runs on
 * this thread, of sorting the same 1,000,000 pseudo-random numbers: a fixed task, independent of
 * this project's code, to tell figures measured at different hours apart. Larger is slower. It
 * measures the processor alone: one morning every build stage here ran twice as slow while it did
 * not move, so a steady check does not prove a steady machine.
 */
export function timeCpuCheck(times = 5): number {
  const numbers = new Float64Array(CHECK_SIZE);
  const ms: number[] = [];
  for (let t = 0; t < times; t++) {
    // A linear congruential generator with a fixed seed: the same numbers in every run.
    let state = 12345;
    for (let i = 0; i < CHECK_SIZE; i++) {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      numbers[i] = state;
    }
    const started = performance.now();
    numbers.sort();
    ms.push(performance.now() - started);
  }
  return ms.sort((a, b) => a - b)[Math.floor(ms.length / 2)]!;
}
