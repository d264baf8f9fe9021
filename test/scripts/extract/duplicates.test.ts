/**
 * The duplicate rule (planManifest): of several files giving the same agency and year, the one kept
 * is one of the largest set of byte-identical files, then the one with fewest failed checks, then
 * the one with most figures, then the first path; each other file's message names the rule that
 * decided. Once on summaries, once through a real extraction.
 */
import { copyFile, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractCorpus } from '../../../scripts/lib/extract/corpus.ts';
import { planManifest, type FileSummary } from '../../../src/lib/extract/manifest.ts';
import { wordMessageBilingual } from '../../../src/lib/i18n/word-message.ts';

/** Returns the summary of a record of agency 甲 for 2023 with the given bytes, figures and failed checks. */
function summary(sha256: string | null, figures: number, failing: string[] = []): FileSummary {
  return { ok: true, id: 'jia-2023', agency: '甲', year: 2023, figures, failedChecks: failing.length, failing, sha256, warnings: [] };
}

/** Returns the kept path and the first message of every other file. */
function plan(files: Record<string, FileSummary>): { kept: string; messages: Record<string, string> } {
  const { manifest, keepers } = planManifest('in', Object.entries(files).map(([p, s]) => ({ path: p, summary: s })));
  expect(keepers).toHaveLength(1);
  const kept = keepers[0]!.path;
  return { kept, messages: Object.fromEntries(manifest.files.filter((f) => f.path !== kept).map((f) => [f.path, wordMessageBilingual(f.messages[0]!)])) };
}

describe('the duplicate rule', () => {
  it('keeps the byte-identical majority over more figures and passing checks', () => {
    const { kept, messages } = plan({ 'a.txt': summary('x', 10, ['balance']), 'b.txt': summary('y', 99), 'c.txt': summary('x', 10, ['balance']) });
    expect(kept).toBe('a.txt');
    expect(messages['c.txt']).toBe('重复：与 a.txt 为同一机关同一年度（甲 2023），与 a.txt 字节相同 (duplicate of jia-2023: byte-identical copy of a.txt)');
    expect(messages['b.txt']).toContain('kept a.txt, the byte-identical majority (2 copies)');
    expect(messages['b.txt']).toContain('2 份字节相同，占多数');
  });

  it('then keeps the one whose checks pass, over more figures', () => {
    const { kept, messages } = plan({ 'a.txt': summary('x', 99, ['balance', 'rowSum']), 'b.txt': summary('y', 10, ['rowSum']), 'c.txt': summary('z', 5) });
    expect(kept).toBe('c.txt');
    expect(messages['a.txt']).toContain('kept c.txt, fewer failed checks (0 against 2)');
    expect(messages['b.txt']).toContain('kept c.txt, fewer failed checks (0 against 1)');
  });

  it('then the one with most figures, then the first path', () => {
    expect(plan({ 'a.txt': summary('x', 10), 'b.txt': summary('y', 12) })).toEqual({
      kept: 'b.txt',
      messages: { 'a.txt': '重复：与 b.txt 为同一机关同一年度（甲 2023），保留数字更多的 b.txt（12 个，本文件 10 个） (duplicate of jia-2023: kept b.txt, more figures (12 against 10))' },
    });
    const tie = plan({ 'b.txt': summary('y', 10), 'a.txt': summary('x', 10) });
    expect(tie.kept).toBe('a.txt');
    expect(tie.messages['b.txt']).toContain('kept a.txt, first path in sorted order');
  });

  it('does not count files of unknown bytes as copies of each other', () => {
    const unknown = (figures: number) => summary(null, figures);
    const { kept, messages } = plan({ 'a.txt': unknown(1), 'b.txt': unknown(1), 'c.txt': summary('z', 2) });
    expect(kept).toBe('c.txt');
    expect(messages['a.txt']).toContain('more figures');
  });

  it('lists the kept file with the others it was chosen over', () => {
    const { manifest } = planManifest('in', [
      { path: 'a.txt', summary: summary('x', 1) },
      { path: 'b.txt', summary: summary('x', 1) },
    ]);
    expect(manifest.files[0]).toEqual({ path: 'a.txt', status: 'warning', id: 'jia-2023', messages: [{ code: 'otherCopyNotUsed', params: { path: 'b.txt' } }] });
    expect(manifest.counts).toMatchObject({ files: 2, records: 1, errors: 1 });
  });

  it('decides between real files the same way, whatever their order on disk', async () => {
    const input = await mkdtemp(path.join(tmpdir(), 'nianbao-dup-'));
    const sample = path.resolve('content/reports/004_e73212b8dc766644.txt');
    // Two byte-identical copies sorted after a third version of the same report with one more line:
    // the copies are the majority, and the first of them in path order is kept.
    await copyFile(sample, path.join(input, 'y-copy.txt'));
    await copyFile(sample, path.join(input, 'z-copy.txt'));
    await writeFile(path.join(input, 'a-edited.txt'), `${await readFile(sample, 'utf8')}\n（本文件另有改动）\n`);
    const { manifest, records } = await extractCorpus({ input, out: path.join(input, '..', `${path.basename(input)}-out`), cache: false });
    expect(records.map((r) => r.source.path)).toEqual(['y-copy.txt']);
    const byPath = new Map(manifest.files.map((f) => [f.path, f]));
    expect(byPath.get('z-copy.txt')!.messages[0]).toMatchObject({ code: 'duplicateIdentical', params: { keeper: 'y-copy.txt' } });
    expect(byPath.get('a-edited.txt')!.messages[0]).toMatchObject({ code: 'duplicateMajority', params: { keeper: 'y-copy.txt', copies: 2 } });
  });
});
