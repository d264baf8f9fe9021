/**
 * A lock on the folder an Astro build writes its prerender bundle into. Two Astro builds from one
 * project folder whose site folders lie outside it share that folder (`.astro/.prerender/`,
 * prerenderDirOf): the second overwrote the first's bundle while the first rendered from it, and
 * deleted it when done. So the second waits: the lock file holds the process id of the build that
 * owns the folder, and a lock whose process is gone (a build that was killed) is taken over.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** How long a waiting build sleeps between tries, in ms. */
const RETRY_MS = 250;

/** Returns whether process `pid` is running (on this machine, as the lock's owner would be). */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Returns the process id a lock file holds, or null when it holds none (half written, or damaged). */
function readOwner(lockFile: string): number | null {
  try {
    const pid = Number(readFileSync(lockFile, 'utf8').trim());
    return Number.isSafeInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

/**
 * Takes the lock `lockFile` for this process, waiting while another running process holds it
 * (`onWait` is told its id once); resolves to the function that gives the lock up, which it also
 * does when this process exits.
 */
export async function takeFolderLock(lockFile: string, onWait: (pid: number) => void = () => {}): Promise<() => void> {
  mkdirSync(path.dirname(lockFile), { recursive: true });
  let told = false;
  for (;;) {
    try {
      writeFileSync(lockFile, `${process.pid}\n`, { flag: 'wx' });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const owner = readOwner(lockFile);
    if (owner !== null && owner !== process.pid && isRunning(owner)) {
      if (!told) onWait(owner);
      told = true;
    } else if (owner !== null) {
      // Its process is gone (or it is this one's, left by a build in this process that failed).
      rmSync(lockFile, { force: true });
      continue;
    }
    // Held by a running build, or being written: try again shortly.
    await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
  }
  const release = () => {
    if (readOwner(lockFile) === process.pid) rmSync(lockFile, { force: true });
    process.off('exit', release);
  };
  process.on('exit', release);
  return release;
}
