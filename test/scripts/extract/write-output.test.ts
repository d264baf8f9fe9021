import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { claimOutput, decodeOutput, emptyOutput, encodeOutput, writePlanned } from '../../../scripts/lib/extract/write-output.ts';
import type { Manifest } from '../../../src/lib/schema/report.ts';

const folders: string[] = [];
afterEach(() => {
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Returns a new empty folder, removed after the test. */
function tempFolder(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'nianbao-write-output-'));
  folders.push(dir);
  return dir;
}

// Text outside the Basic Multilingual Plane and a lone surrogate too: both must encode as a string write would.
const output = { json: '{\n  "id": "a-2024"\n}\n', text: '本年新收政府信息公开申请 12 件 𠀀 \ud800\n' };
const manifest = { files: [] } as unknown as Manifest;

/** Returns every file the write left in `out`, by name. */
function read(out: string): Record<string, string> {
  return Object.fromEntries(['reports/a-2024.json', 'text/a-2024.txt', 'manifest.json', '.written.json'].map((name) => [name, readFileSync(path.join(out, name), 'latin1')]));
}

describe('encodeOutput', () => {
  it('gives the UTF-8 bytes of both files, which decode back to the same text', () => {
    const encoded = encodeOutput(output);
    expect(Buffer.from(encoded.bytes[0]).equals(Buffer.from(output.json))).toBe(true);
    expect(Buffer.from(encoded.bytes[1]).equals(Buffer.from(output.text))).toBe(true);
    const wellFormed = { json: output.json, text: '表三 𠀀\n' };
    expect(decodeOutput(encodeOutput(wellFormed))).toEqual(wellFormed);
  });

  it('gives arrays that own their memory, so that a message to another thread copies only them', () => {
    const { bytes } = encodeOutput({ json: '{}', text: 'x' });
    for (const b of bytes) expect(b.buffer.byteLength).toBe(b.byteLength);
  });
});

describe('writePlanned', () => {
  it('writes encoded output as the bytes a write of its text gives, and records their digests', async () => {
    const out = tempFolder();
    await writePlanned(out, manifest, [{ id: 'a-2024', token: 't', load: async () => encodeOutput(output) }]);
    const files = read(out);
    const [json, text] = [Buffer.from(output.json), Buffer.from(output.text)];
    expect(files['reports/a-2024.json']).toBe(json.toString('latin1'));
    expect(files['text/a-2024.txt']).toBe(text.toString('latin1'));
    const sha1 = (bytes: Buffer) => createHash('sha1').update(bytes).digest('base64');
    expect(JSON.parse(files['.written.json']!)).toEqual({ records: [['a-2024', sha1(json), sha1(text), 't']] });
  });
});

describe('claimOutput and writePlanned after emptyOutput', () => {
  const other = { json: '{\n  "id": "a-2024",\n  "kept": true\n}\n', text: '另一份报告\n' };

  it('empties a folder without a state only', async () => {
    const out = tempFolder();
    await writePlanned(out, manifest, [{ id: 'a-2024', token: 't', load: async () => encodeOutput(output) }]);
    expect(await emptyOutput(out)).toBe(false);
    expect(existsSync(path.join(out, 'reports/a-2024.json'))).toBe(true);
    rmSync(path.join(out, '.written.json'));
    expect(await emptyOutput(out)).toBe(true);
    expect(existsSync(path.join(out, 'reports/a-2024.json'))).toBe(false);
  });

  it('writes the first record of an id and refuses the next', async () => {
    const out = tempFolder();
    await emptyOutput(out);
    expect(claimOutput(out, 'a-2024', encodeOutput(output))).toBe(true);
    expect(claimOutput(out, 'a-2024', encodeOutput(other))).toBe(false);
    expect(readFileSync(path.join(out, 'reports/a-2024.json')).equals(Buffer.from(output.json))).toBe(true);
    expect(readFileSync(path.join(out, 'text/a-2024.txt')).equals(Buffer.from(output.text))).toBe(true);
  });

  it('leaves records on disk unloaded, writes the kept one over a file another record claimed, deletes the rest, as a write of all would', async () => {
    const [claimed, whole] = [tempFolder(), tempFolder()];
    await emptyOutput(claimed);
    const b = { json: '{\n  "id": "b-2024"\n}\n', text: '乙\n' };
    // a-2024: claimed by a file the duplicate rule does not keep; b-2024: claimed by its keeper; c-2024: claimed by a file that gives no record in the end.
    claimOutput(claimed, 'a-2024', encodeOutput(output));
    const onDisk = encodeOutput(b).digests;
    claimOutput(claimed, 'b-2024', encodeOutput(b));
    claimOutput(claimed, 'c-2024', encodeOutput(output));
    writeFileSync(path.join(claimed, 'manifest.json'), 'old');
    const loaded: string[] = [];
    const plan = (withDisk: boolean) => [
      { id: 'a-2024', token: 'ta', load: async () => (loaded.push('a'), encodeOutput(other)) },
      { id: 'b-2024', token: 'tb', onDisk: withDisk ? onDisk : undefined, load: async () => (loaded.push('b'), encodeOutput(b)) },
    ];
    await writePlanned(claimed, manifest, plan(true), { emptied: true });
    expect(loaded).toEqual(['a']);
    await writePlanned(whole, manifest, plan(false));
    for (const name of ['reports/a-2024.json', 'text/a-2024.txt', 'reports/b-2024.json', 'text/b-2024.txt', 'manifest.json', '.written.json']) {
      expect(readFileSync(path.join(claimed, name), 'latin1')).toBe(readFileSync(path.join(whole, name), 'latin1'));
    }
    expect(existsSync(path.join(claimed, 'reports/c-2024.json'))).toBe(false);
    expect(existsSync(path.join(claimed, 'text/c-2024.txt'))).toBe(false);
  });
});
