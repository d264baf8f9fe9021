/**
 * Nothing in the input folder is dropped silently (scripts/lib/extract/corpus-walk.ts): links inside the
 * corpus are read once at their target, links outside it, dangling links and loops are listed with
 * their reason, a name that is not UTF-8 is read (not a false ENOENT), anything that is not a
 * regular file is listed unread, and version-control folders and the extractor's own output and
 * cache folders are skipped, not read back. Each hostile entry sits beside ordinary reports, which
 * must all become records.
 */
import { execFileSync } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readFile, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import { walkCorpus } from '../../../scripts/lib/extract/corpus-walk.ts';
import { extractCorpus, extractToFolder } from '../../../scripts/lib/extract/corpus.ts';
import type { Manifest, ReportRecord } from '../../../src/lib/schema/report.ts';

const SAMPLES = path.resolve('content/reports');
const [S0, S1, S2, S3, S4] = ['000_951e69aa5677aff7.txt', '001_b87e4db93de93761.txt', '002_1c63ee7c050fc816.txt', '003_9ea34a5d9b67e804.txt', '004_e73212b8dc766644.txt'];

/** A file name as bytes: `name` encoded in GBK (never valid UTF-8 for these characters). */
const gbk = (name: string) => iconv.encode(name, 'gbk');

/** Returns the path of `name` (bytes) inside the folder `dir`, as bytes. */
const inside = (dir: string, name: Buffer) => Buffer.concat([Buffer.from(`${dir}/`), name]);

describe('walking a hostile corpus', () => {
  let parent: string;
  let input: string;
  let out: string;
  let manifest: Manifest;
  let records: ReportRecord[];
  const entry = (p: string) => manifest.files.find((f) => f.path === p);

  beforeAll(async () => {
    parent = await mkdtemp(path.join(tmpdir(), 'nianbao-walk-'));
    input = path.join(parent, 'in');
    out = path.join(parent, 'out');
    const outside = path.join(parent, 'outside');
    await mkdir(path.join(input, 'real'), { recursive: true });
    await mkdir(path.join(input, 'sub'), { recursive: true });
    await mkdir(outside);
    // Two ordinary reports, in a folder and at the top.
    await copyFile(path.join(SAMPLES, S0), path.join(input, 'real', S0));
    await copyFile(path.join(SAMPLES, S1), path.join(input, S1));
    // Links that stay inside: to a file and to a folder, read once at their targets.
    await symlink(path.join('real', S0), path.join(input, 'link-to-file.txt'));
    await symlink('real', path.join(input, 'link-to-folder'));
    // Links that leave the corpus: a report outside must not be read through them.
    await copyFile(path.join(SAMPLES, S2), path.join(outside, S2));
    await symlink(path.join(outside, S2), path.join(input, 'outside-file.txt'));
    await symlink(path.join('..', 'outside'), path.join(input, 'outside-folder'));
    // Dangling links and loops.
    await symlink('missing.txt', path.join(input, 'dangling.txt'));
    await symlink('loop-b', path.join(input, 'loop-a'));
    await symlink('loop-a', path.join(input, 'loop-b'));
    await symlink('..', path.join(input, 'sub', 'up'));
    // A report whose name is GBK bytes, in a folder whose name is GBK too, and one whose name has no reading.
    await mkdir(inside(input, gbk('山东')));
    await writeFile(inside(input, Buffer.concat([gbk('山东'), Buffer.from('/'), gbk('泰山区报告.txt')])), await readFile(path.join(SAMPLES, S3)));
    await writeFile(inside(input, Buffer.from([0x72, 0xff, 0xfe, 0x2e, 0x74, 0x78, 0x74])), await readFile(path.join(SAMPLES, S4)));
    // A FIFO: reading it would block the run for ever.
    execFileSync('mkfifo', [path.join(input, 'pipe.txt')]);
    // Version-control folders holding a copy of a report (which would be a duplicate if read).
    for (const vcs of ['.git', '.svn', '.hg']) {
      await mkdir(path.join(input, 'sub', vcs, 'objects'), { recursive: true });
      await copyFile(path.join(SAMPLES, S1), path.join(input, 'sub', vcs, 'objects', 'copy.txt'));
    }
    await symlink(path.join('sub', '.git', 'objects'), path.join(input, 'into-git'));
    ({ manifest, records } = await extractCorpus({ input, out, cache: false }));
  });

  it('completes and writes a record of every report it can reach', () => {
    expect(records.map((r) => r.source.path).sort()).toEqual(['r%FF%FE.txt', S1, 'real/' + S0, '山东/泰山区报告.txt'].sort());
    expect(manifest.counts.records).toBe(4);
  });

  it('reads a link inside the corpus once, at its target, and does not list the link', () => {
    expect(entry('real/' + S0)!.status).not.toBe('error');
    expect(manifest.files.filter((f) => f.path.startsWith('link-to'))).toEqual([]);
    expect(manifest.files.filter((f) => f.messages.some((m) => m.code.startsWith('duplicate') || m.code === 'otherCopyNotUsed'))).toEqual([]);
    expect(walkCorpus(input).skipped.links).toEqual(['link-to-file.txt', 'link-to-folder']);
  });

  it('lists links that leave the corpus, dangle or loop, with the reason', () => {
    expect(entry('outside-file.txt')).toMatchObject({ status: 'error', id: null });
    expect(entry('outside-file.txt')!.messages[0]?.code).toBe('symlinkOutside');
    expect(entry('outside-folder')!.messages[0]).toEqual({ code: 'symlinkOutside', params: { to: '../outside' } });
    expect(entry('dangling.txt')!.messages[0]).toEqual({ code: 'symlinkDangling', params: { to: 'missing.txt' } });
    expect(entry('loop-a')!.messages[0]?.code).toMatch(/^symlink(Loop|Parent)$/);
    expect(entry('loop-b')!.messages[0]?.code).toMatch(/^symlink(Loop|Parent)$/);
    expect(entry('sub/up')!.messages[0]?.code).toBe('symlinkParent');
    expect(entry('into-git')!.messages[0]?.code).toBe('symlinkSkipped');
    // Nothing was read through them.
    expect(records.some((r) => r.source.path.includes(S2))).toBe(false);
  });

  it('reads a file whose name is not UTF-8, and says how its name is shown', () => {
    const decoded = entry('山东/泰山区报告.txt')!;
    expect(decoded.status).toBe('warning');
    expect(decoded.messages).toContainEqual({ code: 'fileNameNotUtf8', params: { escaped: false } });
    const escaped = entry('r%FF%FE.txt')!;
    // Its entry names the record written for it.
    expect(records.find((r) => r.source.path === 'r%FF%FE.txt')!.id).toBe(escaped.id);
    expect(escaped.messages).toContainEqual({ code: 'fileNameNotUtf8', params: { escaped: true } });
    expect(manifest.files.some((f) => f.messages.some((m) => JSON.stringify(m).includes('ENOENT')))).toBe(false);
  });

  it('leaves the corrections file at the root unread, and reads one in a subfolder as any file', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'nianbao-walk-corrections-'));
    await mkdir(path.join(root, 'sub'));
    await writeFile(path.join(root, 'corrections.csv'), 'report,table,row,column,value,reason,source,date\n');
    await writeFile(path.join(root, 'sub', 'corrections.csv'), 'x');
    const walked = walkCorpus(root);
    expect(walked.skipped.corrections).toEqual(['corrections.csv']);
    expect(walked.files.map((f) => f.rel)).toEqual(['sub/corrections.csv']);
  });

  it('lists a FIFO without reading it', () => {
    expect(entry('pipe.txt')).toEqual({ path: 'pipe.txt', status: 'error', id: null, messages: [{ code: 'notRegularFile', params: { kind: 'FIFO' } }] });
  });

  it('skips version-control folders without listing their files', () => {
    expect(manifest.files.filter((f) => /\.(git|svn|hg)\//.test(f.path))).toEqual([]);
    expect(walkCorpus(input).skipped.vcs).toEqual(['sub/.git', 'sub/.hg', 'sub/.svn']);
  });

  it('lists every entry of the folder exactly once', () => {
    expect(manifest.files.map((f) => f.path)).toEqual(
      [S1, 'dangling.txt', 'into-git', 'loop-a', 'loop-b', 'outside-file.txt', 'outside-folder', 'pipe.txt', 'r%FF%FE.txt', 'real/' + S0, 'sub/up', '山东/泰山区报告.txt'].sort(),
    );
  });
});

describe('an output folder inside the input folder', () => {
  it('is not read back on the next run, and says so once', async () => {
    const input = await mkdtemp(path.join(tmpdir(), 'nianbao-own-'));
    await copyFile(path.join(SAMPLES, S0), path.join(input, S0));
    await copyFile(path.join(SAMPLES, S1), path.join(input, S1));
    const out = path.join(input, 'nianbao-out');
    const cache = path.join(input, 'nianbao-out', 'cache');
    const first = await extractToFolder({ input, out, cache });
    const second = await extractToFolder({ input, out, cache });
    for (const run of [first, second]) {
      expect(run.manifest.files.map((f) => f.path)).toEqual([S0, S1]);
      expect(run.manifest.counts).toMatchObject({ records: 2, errors: 0 });
    }
    expect(second.skipped.own).toEqual(['nianbao-out']);
  });

  it('nor is a cache folder inside it', async () => {
    const input = await mkdtemp(path.join(tmpdir(), 'nianbao-own-'));
    await copyFile(path.join(SAMPLES, S0), path.join(input, S0));
    const out = await mkdtemp(path.join(tmpdir(), 'nianbao-own-out-'));
    await extractToFolder({ input, out, cache: path.join(input, '.cache') });
    const again = await extractToFolder({ input, out, cache: path.join(input, '.cache') });
    expect(again.manifest.files.map((f) => f.path)).toEqual([S0]);
    expect(again.skipped.own).toEqual(['.cache']);
  });
});

describe('a name that is not UTF-8 on a worker thread', () => {
  it('is read there too, from a cache-less and a cached run alike', async () => {
    const input = await mkdtemp(path.join(tmpdir(), 'nianbao-raw-pool-'));
    // Enough files to start worker threads (PARALLEL_FROM); all but one are not reports.
    for (let i = 0; i < 220; i++) await writeFile(path.join(input, `note-${String(i).padStart(3, '0')}.md`), `# 会议纪要 ${i}\n`);
    await writeFile(inside(input, gbk('泰山区报告.txt')), await readFile(path.join(SAMPLES, S1)));
    for (const cache of [false, path.join(input, '..', `${path.basename(input)}-cache`)] as const) {
      const { records, manifest } = await extractCorpus({ input, out: await mkdtemp(path.join(tmpdir(), 'nianbao-raw-pool-out-')), workers: 2, cache });
      expect(records.map((r) => r.source.path)).toEqual(['泰山区报告.txt']);
      expect(manifest.counts.files).toBe(221);
    }
  });
});

describe('names in a folder read as bytes', () => {
  it('keeps a name spelt with U+FFFD as it is, and never shows a decoded name as one spelt so beside it', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'nianbao-names-'));
    await writeFile(path.join(dir, 'a\uFFFD.txt'), 'x');
    await writeFile(path.join(dir, '报告.txt'), 'utf-8 name');
    await writeFile(inside(dir, gbk('报告.txt')), 'gbk name');
    const walked = walkCorpus(dir);
    expect(walked.files.map((f) => [f.rel, f.raw !== undefined])).toEqual([
      ['a\uFFFD.txt', false],
      ['报告.txt', false],
      ['报告~2.txt', true],
    ]);
    expect([...walked.notes.keys()]).toEqual(['报告~2.txt']);
  });
});
