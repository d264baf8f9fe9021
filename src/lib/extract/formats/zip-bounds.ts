/**
 * Bounds on a Word file before it is unpacked. A .docx is a zip archive, and a 1 MB archive can
 * inflate to gigabytes (a zip bomb): mammoth would unpack it whole in memory and take the process
 * down with every other report. The archive's directory is read first (entry count), then each
 * entry is inflated with a cap on its output, so the sizes the archive declares (which can lie)
 * are never trusted. Pure: bytes in, the reason to refuse them (or null) out.
 */
import { inflateRawSync } from 'node:zlib';
import { createMessage, type Message } from '../../schema/message.ts';

/** Most entries a Word file may hold; real ones hold a few dozen. */
export const MAX_ZIP_ENTRIES = 2_000;
/** Most bytes a Word file may inflate to, all entries together; real ones inflate to a few megabytes. */
export const MAX_ZIP_INFLATED = 64 * 1024 * 1024;

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/**
 * Returns why a zip archive may not be unpacked (too many entries, inflating past the cap, a
 * directory that does not parse), or null when it stays within the bounds.
 */
export function checkZipBounds(bytes: Uint8Array): Message | null {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end-of-central-directory record sits in the last 22 + 65,535 bytes (its comment).
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 65_535); i--) {
    if (buf.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return createMessage('zipNoDirectory', {});
  const entries = buf.readUInt16LE(eocd + 10);
  if (entries > MAX_ZIP_ENTRIES) return createMessage('zipTooManyEntries', { entries, limit: MAX_ZIP_ENTRIES });
  let at = buf.readUInt32LE(eocd + 16);
  let budget = MAX_ZIP_INFLATED;
  for (let n = 0; n < entries; n++) {
    if (at + 46 > buf.length || buf.readUInt32LE(at) !== CENTRAL) return createMessage('zipDirectoryDamaged', {});
    const method = buf.readUInt16LE(at + 10);
    const compressed = buf.readUInt32LE(at + 20);
    const nameLength = buf.readUInt16LE(at + 28);
    const extraLength = buf.readUInt16LE(at + 30);
    const commentLength = buf.readUInt16LE(at + 32);
    const local = buf.readUInt32LE(at + 42);
    const name = buf.toString('utf8', at + 46, at + 46 + nameLength);
    at += 46 + nameLength + extraLength + commentLength;
    if (local + 30 > buf.length || buf.readUInt32LE(local) !== LOCAL) return createMessage('zipEntryDamaged', { entry: name });
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const data = buf.subarray(start, start + compressed);
    let size: number;
    if (method === 0) size = data.length;
    else if (method === 8) {
      try {
        size = inflateRawSync(data, { maxOutputLength: budget + 1 }).length;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') size = budget + 1;
        else return createMessage('zipEntryNoInflate', { entry: name });
      }
    } else return createMessage('zipEntryMethod', { entry: name, method });
    budget -= size;
    if (budget < 0) {
      return createMessage('zipBomb', { entry: name, limit: MAX_ZIP_INFLATED / 1048576 });
    }
  }
  return null;
}
