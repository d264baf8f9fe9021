/**
 * Runs the stages of a build (scripts/lib/build/stages.ts), each as soon as the stages it waits for
 * are done: the processes of early stages start at once and are told to go (go.ts), and of the end
 * of the stages they were told to go before (their `toldOf`); a stage that exits REFUSED_EXIT is
 * replaced by its fallback. After a stage fails no stage starts; those running
 * finish, and early ones still waiting are told to stop. Logs each stage's time to stderr.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { on, once } from 'node:events';
import { setPriority } from 'node:os';
import { readConfig } from '../../../src/lib/config.ts';
import { goMessage, READY, type DoneMessage } from './go.ts';
import { BACKGROUND_NICE, REFUSED_EXIT, type Stage } from './stages.ts';

/** How a stage ended: its exit code (null: a signal, or not run because a stage before it failed), and whether its fallback ran. */
export interface StageResult {
  stage: Stage;
  status: number | null;
  signal: string | null;
  /** The fallback ran in its place. */
  fellBack: boolean;
  /** The fallback ran after the stage had been told to go (a refusal found while it ran): what ran beside it, assuming it would not fall back, runs again. */
  late: boolean;
}

/** A stage's process started early: resolves to 'ready' when it waits for go, or to its exit when it ends first. */
interface EarlyProcess {
  child: ChildProcess;
  ready: Promise<'ready' | { status: number | null; signal: string | null }>;
  exit: Promise<{ status: number | null; signal: string | null }>;
}

/** Resolves when `child` says it is ready (go.ts). */
async function waitForReady(child: ChildProcess): Promise<'ready'> {
  for await (const [message] of on(child, 'message')) if (message === READY) break;
  return 'ready';
}

/** Starts a stage's process; with `early`, with the IPC channel its go is sent on (go.ts). */
function startProcess(stage: Stage, env: NodeJS.ProcessEnv, early: boolean): EarlyProcess {
  const child = spawn(process.execPath, [...stage.args!], { stdio: early ? ['inherit', 'inherit', 'inherit', 'ipc'] : 'inherit', env });
  if (stage.background && child.pid !== undefined) lowerPriority(child.pid);
  const exit = once(child, 'exit').then(([status, signal]) => ({ status: status as number | null, signal: signal as string | null }));
  // A failed send (the process ended meanwhile) is seen by its exit.
  child.on('error', () => {});
  const ready = early ? Promise.race([waitForReady(child), exit]) : exit;
  return { child, ready, exit };
}

/** Lowers a process's priority to BACKGROUND_NICE; where the system refuses, it runs as it is. */
function lowerPriority(pid: number): void {
  try {
    setPriority(pid, BACKGROUND_NICE);
  } catch {
    // Only the order in which the cores are shared changes.
  }
}

/** Resolves to `stage`'s exit code (and signal): in this process, or in its own. */
async function runNow(stage: Stage, env: NodeJS.ProcessEnv): Promise<{ status: number | null; signal: string | null }> {
  if (stage.run) {
    try {
      return { status: await stage.run(), signal: null };
    } catch (error) {
      process.stderr.write(`nianbao build: ${stage.name}: 意外故障 (unexpected failure): ${(error as Error).message.split('\n')[0]}\n`);
      if (readConfig(env).debug) process.stderr.write(`${(error as Error).stack}\n`);
      return { status: 3, signal: null };
    }
  }
  return startProcess(stage, env, false).exit;
}

const seconds = (since: number) => ((performance.now() - since) / 1000).toFixed(1);

/**
 * Runs `stages` in environment `env`; resolves to each stage's result, in the order given. A stage
 * whose `after` names a stage not in the list treats it as done.
 */
export async function runStages(stages: readonly Stage[], env: NodeJS.ProcessEnv): Promise<StageResult[]> {
  const names = new Set(stages.map((s) => s.name));
  let stopped = false;
  const done = new Map<string, PromiseWithResolvers<StageResult>>(stages.map((s) => [s.name, Promise.withResolvers<StageResult>()]));
  const ended = new Set<string>();
  // Stages running beside a stage on the assumption that it would not fall back; its late fallback waits for them.
  const besides = new Map<string, Set<Promise<unknown>>>(stages.map((s) => [s.name, new Set()]));
  const early = new Map(stages.filter((s) => s.early && s.args).map((s) => [s.name, startProcess(s, env, true)]));
  // The code of early stages in this process loads now; a failure to load shows when the stage runs.
  for (const stage of stages) if (stage.early && stage.load) stage.load().catch(() => {});

  /** Processes told to go: they finish what they run when a stage fails elsewhere. */
  const went = new Set<ChildProcess>();

  /**
   * Tells an early stage's process to go, naming the stages of its `toldOf` still running; it is then
   * told when each ends well, and its channel is closed when one fails (it then stops).
   */
  const tellGo = (child: ChildProcess, stage: Stage) => {
    if (!child.connected) return;
    went.add(child);
    const running = (stage.toldOf ?? []).filter((name) => names.has(name) && !ended.has(name));
    child.send(goMessage(running));
    for (const name of running) {
      void done.get(name)!.promise.then((result) => {
        if (!child.connected) return;
        if (result.status === 0) child.send({ done: name } satisfies DoneMessage);
        else child.disconnect();
      });
    }
  };

  /** Resolves to true when every stage named is done and none failed. */
  const waitFor = async (list: readonly string[] = []) => {
    for (const name of list) if (names.has(name) && (await done.get(name)!.promise).status !== 0) return false;
    return true;
  };

  const runStage = async (stage: Stage): Promise<StageResult> => {
    const process_ = early.get(stage.name);
    let fellBack = false;
    if (process_) {
      const first = await process_.ready;
      fellBack = first !== 'ready' && first.status === REFUSED_EXIT && stage.fallback !== undefined;
      // Ended before it was ready: told to stop (a stage before it failed), or a failure.
      if (first !== 'ready' && !fellBack) return { stage, ...(stopped && first.status === 0 ? { status: null, signal: null } : first), fellBack, late: false };
    }
    // The stages it is told of are not waited for: the process asks for them itself (go.ts waitForStage).
    if (!(await waitFor(stage.after.filter((name) => !stage.toldOf?.includes(name)))) || stopped) {
      if (process_?.child.connected) process_.child.disconnect();
      return { stage, status: null, signal: null, fellBack, late: false };
    }
    const run = async () => {
      if (fellBack) return runNow(stage.fallback!, env);
      if (process_) {
        tellGo(process_.child, stage);
        return process_.exit;
      }
      return runNow(stage, env);
    };
    const started = performance.now();
    const task = run();
    for (const name of stage.againAfterLateFallbackOf ?? []) besides.get(name)?.add(task);
    let result = await task;
    let late = false;
    if (!fellBack && result.status === REFUSED_EXIT && stage.fallback) {
      late = true;
      fellBack = true;
      await Promise.all(besides.get(stage.name)!);
      result = await runNow(stage.fallback, env);
    }
    // What ran beside a stage that fell back late runs again after its fallback.
    for (const name of stage.againAfterLateFallbackOf ?? []) {
      if (result.status !== 0 || !names.has(name)) continue;
      const other = await done.get(name)!.promise;
      if (other.late && other.status === 0) result = await runNow(stage, env);
    }
    if (result.status === 0) process.stderr.write(`nianbao build: ${fellBack ? stage.fallback!.name : stage.name} ${seconds(started)}s\n`);
    return { stage, ...result, fellBack, late };
  };

  return Promise.all(
    stages.map(async (stage) => {
      const result = await runStage(stage);
      if (result.status !== 0 && result.status !== null) stopped = true;
      if (stopped) for (const p of early.values()) if (p.child.connected && !went.has(p.child)) p.child.disconnect();
      ended.add(stage.name);
      done.get(stage.name)!.resolve(result);
      return result;
    }),
  );
}
