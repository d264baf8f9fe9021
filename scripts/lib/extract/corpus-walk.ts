/**
 * Listing a corpus folder so that nothing in it is dropped silently. Every entry under the input
 * ends up in one of four places:
 *
 * - a file to read (`files`): every regular file, hidden ones too;
 * - a problem (`problems`, listed in the manifest as an error with its reason): a symbolic link that
 *   points outside the corpus, nowhere (dangling) or into a loop, a link into a skipped folder, a
 *   folder that cannot be read, anything that is not a regular file (a FIFO, a socket, a device);
 * - a skipped folder (`skipped`, said once in the summary line): version-control folders (.git,
 *   .svn, .hg) and the extractor's own output and cache folders when they lie inside the input;
 *   and the corrections file `corrections.csv` at the root (CORRECTIONS_FILE), which is the
 *   site's, not a report;
 * - a link inside the corpus (`skipped.links`): the folders are walked without following links,
 *   so the file or folder a link points to is read once, at its own path.
 *
 * Names are read as bytes. A name that is not valid UTF-8 (a GBK name unpacked from a zip, say)
 * is shown decoded as GB18030 when its bytes read as GB18030, else with its other bytes as %XX, and
 * the file keeps the bytes of its path (`raw`), so it is read, not reported missing.
 */
import { readdirSync, readlinkSync, realpathSync, statSync, type Dirent } from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import type { IdentityCorrection } from '../../../src/lib/schema/report.ts';
import { createMessage, type Message } from '../../../src/lib/schema/message.ts';

/** A file to read: its path relative to the root (forward slashes), and the path's bytes when a name in it is not UTF-8. */
export interface CorpusFile {
  rel: string;
  raw?: Uint8Array;
  /** The file's identity lines of the corrections file (set by extractToFolder), with their digest for its cache key. */
  identity?: { lines: IdentityCorrection[]; digest: string };
}

/** An entry of the corpus that is not read, with the reason, for the manifest. */
export interface WalkProblem {
  path: string;
  error: Message;
}

export interface WalkResult {
  /** Sorted by rel. */
  files: CorpusFile[];
  problems: WalkProblem[];
  /** For files whose path holds a name that is not UTF-8: a message saying how it is shown. */
  notes: Map<string, Message>;
  skipped: {
    /** Version-control folders not read (relative paths). */
    vcs: string[];
    /** The extractor's own output or cache folders inside the input, not read. */
    own: string[];
    /** Links to files or folders inside the corpus, read at their own path instead. */
    links: string[];
    /** The corrections file at the root, when there is one (applied by the site, never read as a report). */
    corrections: string[];
  };
}

/** The corrections file's name in the corpus folder (src/lib/site/corrections.ts locateCorrectionsFile). */
export const CORRECTIONS_FILE = 'corrections.csv';

/** Folders of version-control systems: never reports, and large. */
export const VCS_FOLDERS = new Set(['.git', '.svn', '.hg']);

const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const SLASH = Buffer.from('/');

/** Returns the path to open for a corpus file: a string, or bytes when a name in it is not UTF-8. */
export function fsPath(root: string, file: CorpusFile): string | Buffer {
  if (!file.raw) return path.join(root, file.rel);
  const raw = Buffer.from(file.raw.buffer, file.raw.byteOffset, file.raw.byteLength);
  return Buffer.concat([Buffer.from(root), SLASH, raw]);
}

/** Returns how a name that is not UTF-8 is shown: decoded as GB18030 when its bytes are exactly that, else with its bytes above ASCII (and %) as %XX. */
function showName(bytes: Buffer): { text: string; how: 'gb18030' | 'escaped' } {
  const gb = iconv.decode(bytes, 'gb18030');
  if (!/[\uFFFD\u0000-\u001F/]/.test(gb) && iconv.encode(gb, 'gb18030').equals(bytes)) return { text: gb, how: 'gb18030' };
  return { text: [...bytes].map((b) => (b >= 0x80 || b === 0x25 || b < 0x20 ? `%${b.toString(16).toUpperCase().padStart(2, '0')}` : String.fromCharCode(b))).join(''), how: 'escaped' };
}

/** Returns whether `inner` (a real path, as bytes) is `outer` or lies under it. */
function within(inner: Buffer, outer: Buffer): boolean {
  if (!inner.subarray(0, outer.length).equals(outer)) return false;
  return inner.length === outer.length || inner[outer.length] === 0x2f || outer[outer.length - 1] === 0x2f;
}

/** Returns the identity of a folder (device and inode), or null when it does not exist. */
function identity(dir: string | Buffer): string | null {
  try {
    const s = statSync(dir);
    return s.isDirectory() ? `${s.dev}:${s.ino}` : null;
  } catch {
    return null;
  }
}

/** Returns the code of a failed file system call. */
const codeOf = (error: unknown) => (error as NodeJS.ErrnoException).code ?? (error as Error).message;

/** Returns what a link says it points to, for a message (its bytes decoded leniently). */
function linkText(full: Buffer): string {
  try {
    return readlinkSync(full, { encoding: 'buffer' }).toString('utf8');
  } catch {
    return '?';
  }
}

type How = 'gb18030' | 'escaped';

/** A folder entry: its name as it is opened (bytes only when it is not UTF-8), as shown, and how it was shown. */
interface Named {
  entry: Dirent<string> | Dirent<Buffer>;
  name: string | Buffer;
  text: string;
  how: How | null;
}

/** Returns `a/b`: a string when both are, else bytes. */
function join(a: string | Buffer, b: string | Buffer): string | Buffer {
  return typeof a === 'string' && typeof b === 'string' ? `${a}/${b}` : Buffer.concat([Buffer.from(a), SLASH, Buffer.from(b)]);
}

/**
 * Returns a folder's entries. Read as strings, the fast case; Node reads a name that is not UTF-8
 * with U+FFFD in place of its bytes, so a folder holding such a name is read again as bytes, and
 * each name that is not UTF-8 is shown as showName says, never as a name spelt so beside it.
 */
function readFolder(full: string | Buffer): Named[] {
  if (typeof full === 'string') {
    const entries = readdirSync(full, { withFileTypes: true });
    if (!entries.some((e) => e.name.includes('\uFFFD'))) return entries.map((entry) => ({ entry, name: entry.name, text: entry.name, how: null }));
  }
  const named: Named[] = readdirSync(full, { withFileTypes: true, encoding: 'buffer' }).map((entry) => {
    try {
      const text = UTF8.decode(entry.name);
      return { entry, name: text, text, how: null };
    } catch {
      return { entry, name: entry.name, text: '', how: 'escaped' };
    }
  });
  const taken = new Set(named.flatMap((n) => (n.how === null ? [n.text] : [])));
  for (const n of named) {
    if (n.how === null) continue;
    const shown = showName(n.name as Buffer);
    // A number before the extension, which still says the format.
    const ext = path.extname(shown.text);
    let text = shown.text;
    for (let i = 2; taken.has(text); i++) text = `${shown.text.slice(0, shown.text.length - ext.length)}~${i}${ext}`;
    taken.add(text);
    Object.assign(n, { text, how: shown.how });
  }
  return named;
}

/**
 * Lists a corpus folder (see the module comment). `skip`: folders not to read when they lie inside
 * it (the extractor's output and cache folders), compared by device and inode.
 */
export function walkCorpus(root: string, options: { skip?: readonly string[] } = {}): WalkResult {
  const result: WalkResult = { files: [], problems: [], notes: new Map(), skipped: { vcs: [], own: [], links: [], corrections: [] } };
  const realRoot = realpathSync(Buffer.from(root), { encoding: 'buffer' });
  const skipIds = new Set(options.skip?.map(identity).filter((id) => id !== null));
  // Real paths of the folders skipped, for links that point into them.
  const skippedReal: Buffer[] = [];
  for (const dir of options.skip ?? []) {
    try {
      skippedReal.push(realpathSync(Buffer.from(dir), { encoding: 'buffer' }));
    } catch {
      // Not there: nothing to skip.
    }
  }
  const notes = new Map<string, How>();
  // Checked once the walk is over, when every skipped folder is known.
  const links: { rel: string; full: Buffer; parent: Buffer }[] = [];

  /**
   * Walks one folder: `full` the path to open, `raw` its path under the root ('' for the root),
   * `rel` as shown, `how` how a name on the way was shown when one is not UTF-8. Paths stay strings
   * while every name on them is UTF-8 (the fast case), and become bytes below a name that is not.
   */
  const walk = (full: string | Buffer, raw: string | Buffer, rel: string, how: How | null) => {
    let named: Named[];
    try {
      named = readFolder(full);
    } catch (error) {
      result.problems.push({ path: rel || '.', error: createMessage('folderUnreadable', { code: codeOf(error) }) });
      return;
    }
    for (const { entry, name, text, how: own } of named) {
      const childRaw = raw === '' ? name : join(raw, name);
      const childRel = rel ? `${rel}/${text}` : text;
      const childHow = how === 'escaped' || own === 'escaped' ? 'escaped' : (how ?? own);
      if (entry.isDirectory()) {
        const childFull = join(full, name);
        if (VCS_FOLDERS.has(text)) {
          result.skipped.vcs.push(childRel);
          skippedReal.push(Buffer.concat([realRoot, SLASH, Buffer.from(childRaw)]));
        } else if (skipIds.size > 0 && skipIds.has(identity(childFull) ?? '')) {
          result.skipped.own.push(childRel);
        } else {
          walk(childFull, childRaw, childRel, childHow);
        }
      } else if (entry.isFile() && raw === '' && text === CORRECTIONS_FILE) {
        result.skipped.corrections.push(childRel);
      } else if (entry.isFile()) {
        result.files.push(typeof childRaw === 'string' ? { rel: childRel } : { rel: childRel, raw: childRaw });
        if (childHow) notes.set(childRel, childHow);
      } else if (entry.isSymbolicLink()) {
        links.push({ rel: childRel, full: Buffer.from(join(full, name)), parent: raw === '' ? realRoot : Buffer.concat([realRoot, SLASH, Buffer.from(raw)]) });
      } else {
        const kind = entry.isFIFO() ? 'FIFO' : entry.isSocket() ? 'socket' : entry.isCharacterDevice() || entry.isBlockDevice() ? 'device' : 'unknown';
        result.problems.push({ path: childRel, error: createMessage('notRegularFile', { kind }) });
      }
    }
  };

  /**
   * Returns why a link is not followed, or null when what it points to lies inside the corpus and
   * is read at its own path. `full`: the link as opened; `parent`: the real path of its folder.
   */
  const checkLink = (full: Buffer, parent: Buffer): Message | null => {
    const to = linkText(full);
    let target: Buffer;
    try {
      target = realpathSync(full, { encoding: 'buffer' });
    } catch (error) {
      const code = codeOf(error);
      if (code === 'ENOENT' || code === 'ENOTDIR') return createMessage('symlinkDangling', { to });
      if (code === 'ELOOP') return createMessage('symlinkLoop', { to });
      return createMessage('symlinkUnresolved', { to, code });
    }
    if (!within(target, realRoot)) return createMessage('symlinkOutside', { to });
    if (skippedReal.some((dir) => within(target, dir))) return createMessage('symlinkSkipped', { to });
    if (within(parent, target)) return createMessage('symlinkParent', { to });
    return null;
  };

  walk(root, '', '', null);
  for (const link of links) {
    const problem = checkLink(link.full, link.parent);
    if (problem) result.problems.push({ path: link.rel, error: problem });
    else result.skipped.links.push(link.rel);
  }
  const byRel = (a: { rel?: string; path?: string }, b: { rel?: string; path?: string }) => {
    const [x, y] = [a.rel ?? a.path!, b.rel ?? b.path!];
    return x < y ? -1 : x > y ? 1 : 0;
  };
  result.files.sort(byRel);
  result.problems.sort(byRel);
  for (const [rel, how] of notes) {
    result.notes.set(rel, createMessage('fileNameNotUtf8', { escaped: how !== 'gb18030' }));
  }
  return result;
}
