/**
 * Writing a file only when its bytes change, so that a file whose content is the same keeps its
 * modification time (what a host, rsync or a browser's cache goes by) and costs no write.
 *
 * The per-file calls (a size, a small file compared and written) are synchronous under their
 * promises: the stages make tens of thousands of them one after another, and a promised call costs
 * a trip through libuv's thread pool each, several times the call itself on files the page cache holds.
 */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';

/** Returns the size of a file, or null when there is none. */
export async function statSize(file: string): Promise<number | null> {
  return statSync(file, { throwIfNoEntry: false })?.size ?? null;
}

/** Writes `content` to `file` unless the file already holds exactly those bytes; returns true when it wrote. */
export async function writeIfChanged(file: string, content: string | Uint8Array): Promise<boolean> {
  const bytes = typeof content === 'string' ? Buffer.from(content) : content;
  if ((await statSize(file)) === bytes.length && Buffer.from(bytes).equals(readFileSync(file))) return false;
  writeFileSync(file, bytes);
  return true;
}

/** Returns whether two files hold the same bytes, read a megabyte at a time (never whole). */
export async function sameBytes(a: string, b: string): Promise<boolean> {
  const [sizeA, sizeB] = await Promise.all([statSize(a), statSize(b)]);
  if (sizeA === null || sizeA !== sizeB) return false;
  const [fa, fb] = await Promise.all([open(a), open(b)]);
  try {
    const ba = Buffer.alloc(1 << 20);
    const bb = Buffer.alloc(1 << 20);
    for (let at = 0; at < sizeA; at += ba.length) {
      const [ra, rb] = await Promise.all([fa.read(ba, 0, ba.length, at), fb.read(bb, 0, bb.length, at)]);
      if (ra.bytesRead !== rb.bytesRead || !ba.subarray(0, ra.bytesRead).equals(bb.subarray(0, rb.bytesRead))) return false;
    }
    return true;
  } finally {
    await Promise.all([fa.close(), fb.close()]);
  }
}

/**
 * Puts the file `made` (written beside `target`, on its file system) in place of `target` when their
 * bytes differ, else deletes it; returns true when the target changed.
 */
export async function replaceIfChanged(made: string, target: string): Promise<boolean> {
  if (await sameBytes(made, target)) {
    await rm(made, { force: true });
    return false;
  }
  await rename(made, target);
  return true;
}
