/**
 * Bytes → text, with the encoding recorded. Reports come as UTF-8 (with or without BOM), GBK/GB18030
 * and UTF-16; a file that is none of these text encodings is refused with a reason, never guessed at.
 */
import chardet from 'chardet';
import iconv from 'iconv-lite';
import { createMessage, type Message } from '../../schema/message.ts';

/** The words every report names its subject with (政府信息公开). */
const SUBJECT = '信息公开';

export type Decoded = { ok: true; text: string; encoding: string } | { ok: false; error: Message };

/**
 * Returns the decoded text and its encoding name (lowercase, e.g. `utf-8`, `gb18030`, `utf-16le`).
 * `declared` is the encoding the file names itself (an HTML `<meta charset>`): a BOM or valid UTF-8
 * still win, since pages are often re-saved as UTF-8 with the old declaration kept; the declaration
 * is then used instead of guessing.
 */
export function decodeReport(bytes: Uint8Array, declared?: string | null): Decoded {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return checked(iconv.decode(Buffer.from(bytes.subarray(2)), 'utf-16le'), 'utf-16le');
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return checked(iconv.decode(Buffer.from(bytes.subarray(2)), 'utf-16be'), 'utf-16be');
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return decodeUtf8(bytes.subarray(3), 'utf-8-bom');
  }
  const sample = bytes.subarray(0, 65536);
  if (sample.indexOf(0) !== -1) {
    // UTF-16 without BOM: every other byte is NUL for CJK-free text, common for ASCII-heavy files.
    const guess = chardet.detect(sample);
    if (guess === 'UTF-16LE' || guess === 'UTF-16BE') {
      return checked(iconv.decode(Buffer.from(bytes), guess.toLowerCase()), guess.toLowerCase());
    }
    return { ok: false, error: createMessage('binaryFile', {}) };
  }
  const utf8 = decodeUtf8(bytes, 'utf-8');
  if (utf8.ok) return utf8;
  if (!declared) {
    // Nearly every report that is not UTF-8 is GB18030 (GBK, GB2312), and every report names its
    // subject: bytes that read as 信息公开 in GB18030 are GB18030, since no other encoding's bytes for
    // any text decode to those four characters by chance. chardet's guess, which runs every
    // recogniser over the sample, was a fifth of the time spent on such a file.
    const gb = iconv.decode(Buffer.from(bytes), 'gb18030');
    if (gb.includes(SUBJECT)) return checked(gb, 'gb18030');
  }
  const guess = (declared ?? chardet.detect(sample) ?? '').toLowerCase();
  const encoding = /^(gb|big5|euc|shift|iso-2022)/.test(guess) ? (guess.startsWith('gb') ? 'gb18030' : guess) : 'gb18030';
  if (!iconv.encodingExists(encoding)) return { ok: false, error: createMessage('unknownEncoding', { encoding: guess }) };
  return checked(iconv.decode(Buffer.from(bytes), encoding), encoding);
}

function decodeUtf8(bytes: Uint8Array, name: string): Decoded {
  try {
    return checked(new TextDecoder('utf-8', { fatal: true }).decode(bytes), name);
  } catch {
    return { ok: false, error: createMessage('invalidUtf8', {}) };
  }
}

/** Refuses text that decoded but is mostly control characters or replacement marks (binary data). */
function checked(text: string, encoding: string): Decoded {
  const sample = text.slice(0, 20000);
  if (!sample.length) return { ok: true, text, encoding };
  const bad = (sample.match(/[\u0000-\u0008\u000e-\u001f\ufffd]/g) ?? []).length;
  if (bad / sample.length > 0.05) {
    return { ok: false, error: createMessage('binaryAfterDecoding', { count: bad, encoding }) };
  }
  return { ok: true, text, encoding };
}
