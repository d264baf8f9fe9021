import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { takeFolderLock } from '../../../scripts/lib/incremental/build-lock.ts';

let dir: string;
let lockFile: string;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'nianbao-lock-'));
  lockFile = path.join(dir, '.astro', '.prerender.lock');
  mkdirSync(path.dirname(lockFile));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('takeFolderLock', () => {
  it('writes this process id, and giving it up removes the file', async () => {
    const release = await takeFolderLock(lockFile);
    expect(readFileSync(lockFile, 'utf8')).toBe(`${process.pid}\n`);
    release();
    expect(existsSync(lockFile)).toBe(false);
  });

  it('waits while a running process holds it, and takes it when that process is gone', async () => {
    // A process that holds the lock (its id in the file) for a moment, then exits without giving it up.
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 1500)']);
    writeFileSync(lockFile, `${holder.pid}\n`);
    const waitedFor: number[] = [];
    const started = Date.now();
    const release = await takeFolderLock(lockFile, (pid) => waitedFor.push(pid));
    expect(waitedFor).toEqual([holder.pid]);
    expect(holder.exitCode).not.toBeNull();
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(readFileSync(lockFile, 'utf8')).toBe(`${process.pid}\n`);
    release();
  });

  it('takes over at once a lock whose process is gone', async () => {
    const gone = spawn(process.execPath, ['-e', '0']);
    await new Promise((resolve) => gone.on('exit', resolve));
    writeFileSync(lockFile, `${gone.pid}\n`);
    const waitedFor: number[] = [];
    const release = await takeFolderLock(lockFile, (pid) => waitedFor.push(pid));
    expect(waitedFor).toEqual([]);
    release();
  });

  it('gives up only its own lock', async () => {
    const release = await takeFolderLock(lockFile);
    writeFileSync(lockFile, '1\n');
    release();
    expect(readFileSync(lockFile, 'utf8')).toBe('1\n');
  });
});
