/**
 * The build's scheduler (scripts/lib/build/run.ts): stages run when what they wait for is done, an
 * early process runs only on go, a refusal runs the fallback, and after a failure nothing starts.
 * The processes are small Node scripts that append their name to a log file.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { getPriority, tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runStages } from '../../../scripts/lib/build/run.ts';
import { BACKGROUND_NICE, REFUSED_EXIT, type Stage } from '../../../scripts/lib/build/stages.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'nianbao-run-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const GO = path.resolve('scripts/lib/build/go.ts');

/** Returns a fresh log file and a stage writing to it. */
function makeLog(name: string) {
  const file = path.join(dir, `${name}.log`);
  writeFileSync(file, '');
  const read = () => readFileSync(file, 'utf8').split('\n').filter(Boolean);
  /** A stage in this process that logs its name (and waits `ms` first). */
  const inline = (stage: string, after: string[], status = 0, ms = 0): Stage => ({
    name: stage,
    after,
    run: async () => {
      await new Promise((r) => setTimeout(r, ms));
      writeFileSync(file, `${stage}\n`, { flag: 'a' });
      return status;
    },
  });
  /**
   * A stage in its own process: `ready` logs `<name> ready` before it waits for go (early stages);
   * it then logs its name and exits `status`; `refuseFirst`: exits REFUSED_EXIT before go.
   */
  const child = (stage: string, after: string[], { status = 0, early = false, refuseBefore = false }: { status?: number; early?: boolean; refuseBefore?: boolean } = {}): Stage => ({
    name: stage,
    after,
    early,
    args: [
      '--input-type=module',
      '-e',
      `import { appendFileSync } from 'node:fs';
       import { waitForGo } from ${JSON.stringify(GO)};
       const log = (s) => appendFileSync(${JSON.stringify(file)}, s + '\\n');
       if (${refuseBefore}) process.exit(${REFUSED_EXIT});
       if (process.send) log(${JSON.stringify(`${stage} ready`)});
       if (!(await waitForGo())) { log(${JSON.stringify(`${stage} stopped`)}); process.exit(0); }
       log(${JSON.stringify(stage)});
       process.exit(${status});`,
    ],
  });
  return { read, inline, child };
}

describe('runStages', () => {
  it('runs each stage after the stages it waits for, and a missing one counts as done', async () => {
    const { read, inline, child } = makeLog('order');
    const results = await runStages([inline('b', ['a'], 0, 30), child('c', ['b']), inline('a', ['gone'], 0, 60), inline('d', ['a'])], process.env);
    const log = read();
    expect(log.indexOf('a')).toBeLessThan(log.indexOf('b'));
    expect(log.indexOf('a')).toBeLessThan(log.indexOf('d'));
    expect(log.indexOf('b')).toBeLessThan(log.indexOf('c'));
    expect(results.map((r) => [r.stage.name, r.status])).toEqual([['b', 0], ['c', 0], ['a', 0], ['d', 0]]);
  });

  it('starts an early process at once and lets it run only after what it waits for', async () => {
    const { read, inline, child } = makeLog('early');
    const results = await runStages([inline('a', [], 0, 300), child('e', ['a'], { early: true })], process.env);
    const log = read();
    expect(log.toSorted()).toEqual(['a', 'e', 'e ready']);
    expect(log.indexOf('a')).toBeLessThan(log.indexOf('e'));
    expect(results.map((r) => r.status)).toEqual([0, 0]);
  });

  it('loads the code of an early stage in this process at once, and runs it after what it waits for', async () => {
    const { read, inline } = makeLog('load');
    const file = path.join(dir, 'load.log');
    const loaded: Stage = { ...inline('x', ['a']), early: true, load: async () => writeFileSync(file, 'x loaded\n', { flag: 'a' }) };
    await runStages([inline('a', [], 0, 200), loaded], process.env);
    expect(read()).toEqual(['x loaded', 'a', 'x']);
  });

  it('stops after a failure: later stages do not run, an early one is told to stop, the failure is reported', async () => {
    const { read, inline, child } = makeLog('fail');
    const results = await runStages([inline('a', [], 2, 200), inline('b', ['a']), child('e', ['a'], { early: true })], process.env);
    // Told to stop when it was ready, or never ready: either way it did not run.
    expect(read()).not.toContain('e');
    expect(read()).toContain('a');
    expect(results.map((r) => [r.stage.name, r.status])).toEqual([['a', 2], ['b', null], ['e', null]]);
  });

  it('runs the fallback of an early stage that refuses before go, and what waits for the stage waits for its fallback', async () => {
    const { read, inline, child } = makeLog('refuse');
    const pages: Stage = { ...child('pages', ['a'], { early: true, refuseBefore: true }), fallback: inline('astro', []) };
    const results = await runStages([inline('a', [], 0, 100), pages, child('downloads', ['a', 'pages'])], process.env);
    expect(read()).toEqual(['a', 'astro', 'downloads']);
    expect(results.map((r) => [r.stage.name, r.status, r.fellBack])).toEqual([['a', 0, false], ['pages', 0, true], ['downloads', 0, false]]);
  });

  it('runs what writes beside a stage again when the stage refuses after go and its fallback runs', async () => {
    const { read, inline, child } = makeLog('late');
    const pages: Stage = { ...child('pages', [], { early: true, status: REFUSED_EXIT }), fallback: inline('astro', [], 0, 200) };
    const results = await runStages([pages, { ...inline('downloads', []), againAfterLateFallbackOf: ['pages'] }], process.env);
    const log = read();
    expect(log.filter((l) => l === 'downloads')).toHaveLength(2);
    expect(log.lastIndexOf('downloads')).toBeGreaterThan(log.indexOf('astro'));
    expect(results.map((r) => [r.stage.name, r.status, r.late])).toEqual([['pages', 0, true], ['downloads', 0, false]]);
  });

  it('tells a stage to go before the stages of its toldOf end, then when each ends, or closes its channel when one fails', async () => {
    for (const status of [0, 2]) {
      const { read, inline } = makeLog(`told-${status}`);
      const file = path.join(dir, `told-${status}.log`);
      // Goes once b is done, while a still runs; logs what it is told of a.
      const told: Stage = {
        name: 'e',
        after: ['b', 'a'],
        toldOf: ['a'],
        early: true,
        args: [
          '--input-type=module',
          '-e',
          `import { appendFileSync } from 'node:fs';
           import { waitForGo, waitForStage } from ${JSON.stringify(GO)};
           const log = (s) => appendFileSync(${JSON.stringify(file)}, s + '\\n');
           if (!(await waitForGo())) process.exit(0);
           log('e go');
           log('e told a ' + (await waitForStage('a')) + ', b ' + (await waitForStage('b')));`,
        ],
      };
      const results = await runStages([inline('a', [], status, 600), inline('b', []), told], process.env);
      expect(read()).toEqual(['b', 'e go', 'a', `e told a ${status === 0}, b true`]);
      expect(results.map((r) => [r.stage.name, r.status])).toEqual([['a', status], ['b', 0], ['e', 0]]);
    }
  });

  it('runs the process of a background stage, and what it starts, below the priority of the others', async () => {
    const file = path.join(dir, 'priority.log');
    writeFileSync(file, '');
    const report = (name: string, background: boolean): Stage => ({
      name,
      after: [],
      background,
      // The stage's process logs its own priority and that of a process it starts.
      args: ['-e', `const { getPriority } = require('node:os'); const { execFileSync } = require('node:child_process'); const { appendFileSync } = require('node:fs');
        const started = execFileSync(process.execPath, ['-e', 'process.stdout.write(String(require("node:os").getPriority()))'], { encoding: 'utf8' });
        appendFileSync(${JSON.stringify(file)}, '${name} ' + getPriority() + ' ' + started + '\\n');`],
    });
    await runStages([report('pages', false), report('search', true)], process.env);
    const own = getPriority();
    const logged = readFileSync(file, 'utf8').split('\n').filter(Boolean).sort();
    // Where the system refuses to change it (a process already below it, without the right), it stays as it was.
    const background = own <= BACKGROUND_NICE ? BACKGROUND_NICE : own;
    expect(logged).toEqual([`pages ${own} ${own}`, `search ${background} ${background}`]);
  });
});
