/**
 * Timing child processes: wall time and peak memory (maximum resident set size, worker threads
 * included) through GNU time, so that each stage is measured as the command a user runs.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface Measurement {
  /** Wall-clock seconds. */
  seconds: number;
  /** Peak resident memory, MiB (null when GNU time is not available). */
  maxRssMiB: number | null;
  /** The command's stderr, for figures it prints itself. */
  stderr: string;
}

const GNU_TIME = '/usr/bin/time';

/** Runs a command to completion and returns its wall time and peak memory; throws on a non-zero exit. */
export async function measure(command: string, args: readonly string[], options: { env?: NodeJS.ProcessEnv; cwd?: string } = {}): Promise<Measurement> {
  const dir = await mkdtemp(path.join(tmpdir(), 'nianbao-bench-'));
  const timeFile = path.join(dir, 'time');
  const useTime = existsSync(GNU_TIME);
  const [cmd, argv] = useTime ? [GNU_TIME, ['-f', '%M', '-o', timeFile, command, ...args]] : [command, [...args]];
  const started = performance.now();
  const stderr = await new Promise<string>((resolve, reject) => {
    const child = spawn(cmd, argv, { cwd: options.cwd, env: { ...process.env, ...options.env }, stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(err) : reject(new Error(`${command} ${args.join(' ')} exited ${code}\n${err.slice(-3000)}`))));
  });
  const seconds = (performance.now() - started) / 1000;
  const kib = useTime ? Number((await readFile(timeFile, 'utf8')).trim().split('\n').pop()) : NaN;
  await rm(dir, { recursive: true, force: true });
  return { seconds, maxRssMiB: Number.isFinite(kib) ? Math.round(kib / 1024) : null, stderr };
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
  runs: number[];
}

/** Returns the medians of several measurements. */
export function summarize(ms: readonly Measurement[]): Summary {
  const rss = ms.map((m) => m.maxRssMiB).filter((v): v is number => v !== null);
  return {
    seconds: Math.round(median(ms.map((m) => m.seconds)) * 1000) / 1000,
    maxRssMiB: rss.length ? Math.max(...rss) : null,
    runs: ms.map((m) => Math.round(m.seconds * 1000) / 1000),
  };
}
