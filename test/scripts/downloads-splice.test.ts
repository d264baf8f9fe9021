/**
 * A joined download spliced from the last run's file (scripts/lib/downloads/splice.ts): whatever
 * reports were kept, changed, added or deleted, the file written is the one joined from scratch,
 * byte for byte, with the JSON's separator or the CSVs' none.
 */
import fc from 'fast-check';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SplicedFile, layOutJoinedFile } from '../../scripts/lib/downloads/splice.ts';

const root = mkdtempSync(path.join(tmpdir(), 'nianbao-splice-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Returns a joined file's text: head, pieces with the separator between them, tail. */
function join(head: string, pieces: readonly string[], separator: string, tail: string): string {
  return head + pieces.join(separator) + tail;
}

describe('layOutJoinedFile', () => {
  it('places each piece after the head and the separators before it, and sizes the file', () => {
    const { spans, size } = layOutJoinedFile(3, [{ id: 'a', bytes: 2 }, { id: 'b', bytes: 0 }, { id: 'c', bytes: 4 }], 1, 2);
    expect([...spans]).toEqual([
      ['a', { separator: 3, start: 3, end: 5 }],
      ['b', { separator: 5, start: 6, end: 6 }],
      ['c', { separator: 6, start: 7, end: 11 }],
    ]);
    expect(size).toBe(13);
    expect(layOutJoinedFile(5, [], 1, 2)).toEqual({ spans: new Map(), size: 7 });
  });
});

describe('SplicedFile', () => {
  /** Reports before (id → piece) and after: each kept, changed or deleted, and new ones, in id order. */
  const runs = fc
    .uniqueArray(fc.stringMatching(/^[a-f]{1,3}$/), { maxLength: 12 })
    .chain((ids) =>
      fc.record({
        ids: fc.constant([...ids].sort()),
        before: fc.array(fc.string({ unit: 'grapheme', maxLength: 6 }), { minLength: ids.length, maxLength: ids.length }),
        fate: fc.array(fc.constantFrom('keep', 'change', 'delete'), { minLength: ids.length, maxLength: ids.length }),
        added: fc.uniqueArray(fc.stringMatching(/^[a-f]{1,3}x$/), { maxLength: 4 }),
        text: fc.string({ unit: 'grapheme', maxLength: 6 }),
        json: fc.boolean(),
      }),
    );

  it('writes what joining the pieces from scratch writes, copying the kept ones from the old file', () => {
    let n = 0;
    fc.assert(
      fc.property(runs, ({ ids, before, fate, added, text, json }) => {
        const [head, separator, tail] = json ? ['{"records":[', ',', ']}'] : ['a,b\n', '', ''];
        const oldFile = path.join(root, `old-${++n}`);
        writeFileSync(oldFile, join(head, before, separator, tail));
        const { spans, size } = layOutJoinedFile(Buffer.byteLength(head), ids.map((id, i) => ({ id, bytes: Buffer.byteLength(before[i]!) })), Buffer.byteLength(separator), Buffer.byteLength(tail));
        expect(size).toBe(readFileSync(oldFile).length);
        const now = [
          ...ids.flatMap((id, i) => (fate[i] === 'delete' ? [] : [{ id, piece: fate[i] === 'change' ? `${before[i]}${text}!` : before[i]!, kept: fate[i] === 'keep' }])),
          ...added.map((id) => ({ id, piece: `${id}${text}`, kept: false })),
        ].sort((a, b) => (a.id < b.id ? -1 : 1));
        const newFile = path.join(root, `new-${n}`);
        const out = new SplicedFile(newFile, oldFile, separator);
        out.writeText(head);
        for (const r of now) {
          if (r.kept) out.copyPiece(spans.get(r.id)!);
          else out.writePiece(r.piece);
        }
        out.writeText(tail);
        out.close();
        expect(readFileSync(newFile, 'utf8')).toBe(join(head, now.map((r) => r.piece), separator, tail));
      }),
      { numRuns: 300 },
    );
  });

  it('fails rather than write a short file when the old file is shorter than its layout', () => {
    const oldFile = path.join(root, 'short');
    writeFileSync(oldFile, 'h:ab');
    const out = new SplicedFile(path.join(root, 'short-new'), oldFile, '');
    out.copyPiece({ separator: 2, start: 2, end: 8 });
    expect(() => out.close()).toThrow(/shorter/);
  });
});
