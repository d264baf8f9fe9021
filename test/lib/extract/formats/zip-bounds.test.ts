/**
 * A Word file is unpacked only within bounds: a zip bomb (a small archive inflating past the cap)
 * and an archive of too many entries are refused with their reason; real Word files pass.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readReportText } from '../../../../src/lib/extract/formats/formats.ts';
import { checkZipBounds, MAX_ZIP_ENTRIES } from '../../../../src/lib/extract/formats/zip-bounds.ts';

/** Returns a zip archive of the given entries (deflated), as a Word file's container is. */
function makeZip(entries: { name: string; data: Buffer }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const { name, data } of entries) {
    const packed = deflateRawSync(data, { level: 9 });
    const nameBytes = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc32(data), 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc32(data), 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, packed);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + packed.length;
  }
  const dir = Buffer.concat(centrals);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(Math.min(entries.length, 0xffff), 8);
  eocd.writeUInt16LE(Math.min(entries.length, 0xffff), 10);
  eocd.writeUInt32LE(dir.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, eocd]);
}

describe('checkZipBounds', () => {
  it('passes the real Word files', () => {
    const dir = path.resolve(import.meta.dirname, '../../../fixtures/converted');
    for (const name of ['2019_gongan_80569.docx', '2024_caijin_96895.docx']) expect(checkZipBounds(readFileSync(path.join(dir, name)))).toBeNull();
  });

  it('refuses a zip bomb, whatever it declares, before mammoth unpacks it', async () => {
    // 100 MB of spaces deflate to about 100 KB.
    const bomb = makeZip([{ name: '[Content_Types].xml', data: Buffer.from('<Types/>') }, { name: 'word/document.xml', data: Buffer.alloc(100 * 1024 * 1024, 0x20) }]);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    expect(checkZipBounds(bomb)).toEqual({ code: 'zipBomb', params: { entry: 'word/document.xml', limit: 64 } });
    const read = await readReportText(bomb, 'docx');
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.error).toEqual({ code: 'zipBomb', params: { entry: 'word/document.xml', limit: 64 } });
  });

  it('refuses an archive of too many entries, and one whose directory is damaged', () => {
    const many = makeZip(Array.from({ length: MAX_ZIP_ENTRIES + 1 }, (_, i) => ({ name: `f${i}.xml`, data: Buffer.from('x') })));
    expect(checkZipBounds(many)).toEqual({ code: 'zipTooManyEntries', params: { entries: MAX_ZIP_ENTRIES + 1, limit: 2000 } });
    expect(checkZipBounds(Buffer.from('PK\x03\x04 not really a zip'))).toEqual({ code: 'zipNoDirectory', params: {} });
  });
});
