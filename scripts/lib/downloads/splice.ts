/**
 * A joined download (the long and wide CSVs, the JSON: a head, each report's piece in id order with a
 * separator between them, a tail) written again from the last run's file: the pieces of the reports
 * that did not change are copied from it, byte for byte, in runs as long as they lie together, and
 * only the changed reports' pieces are written as text. So a run in which one report changed reads
 * no kept part for these files and encodes no text but that report's. The last run's file is used
 * only as the state describes it (write.ts checks its size and modification time, and its layout's
 * size here).
 */
import { closeSync, openSync, readSync, writeSync } from 'node:fs';

/** Where a report's piece lies in a joined file: its separator's first byte (the piece's own when it has none), and the piece's first and past-last bytes. */
export interface PieceSpan {
  separator: number;
  start: number;
  end: number;
}

/**
 * Returns where each report's piece lies in a joined file of a `head` of `head` bytes, the pieces
 * of `pieces` (id and length in bytes, in the file's order) with `separator` bytes between them,
 * and a tail of `tail` bytes; and the file's size in bytes.
 */
export function layOutJoinedFile(head: number, pieces: readonly { id: string; bytes: number }[], separator: number, tail: number): { spans: Map<string, PieceSpan>; size: number } {
  const spans = new Map<string, PieceSpan>();
  let at = head;
  for (const [i, { id, bytes }] of pieces.entries()) {
    const start = at + (i > 0 ? separator : 0);
    spans.set(id, { separator: at, start, end: start + bytes });
    at = start + bytes;
  }
  return { spans, size: at + tail };
}

/** Bytes copied at once from the last run's file. */
const COPY_BYTES = 1 << 20;

/**
 * A joined file written synchronously into `file` from text and from spans of the last run's file
 * `from`: consecutive spans are copied as one.
 */
export class SplicedFile {
  private readonly fd: number;
  private readonly old: number;
  private readonly buffer = Buffer.allocUnsafe(COPY_BYTES);
  /** The span of the old file waiting to be copied: [from, to). */
  private pending: { from: number; to: number } | null = null;
  /** Whether a piece was written: the next one is preceded by the separator. */
  private started = false;
  private closed = false;

  private readonly separator: string;

  constructor(file: string, from: string, separator: string) {
    this.separator = separator;
    this.old = openSync(from, 'r');
    try {
      this.fd = openSync(file, 'w');
    } catch (error) {
      closeSync(this.old);
      throw error;
    }
  }

  /** Writes text or bytes (the head, the tail, a piece). */
  writeText(text: string | Uint8Array): void {
    this.flush();
    const bytes = typeof text === 'string' ? Buffer.from(text) : text;
    writeAll(this.fd, bytes, bytes.length);
  }

  /** Writes a report's piece (text or its UTF-8 bytes), after the separator when it is not the first. */
  writePiece(piece: string | Uint8Array): void {
    if (this.started && this.separator) this.writeText(this.separator);
    this.writeText(piece);
    this.started = true;
  }

  /** Writes a report's piece as the last run's file holds it at `span`, after the separator when it is not the first. */
  copyPiece(span: PieceSpan): void {
    // The old file's separator is the one needed when the copy runs on from the piece before it there.
    if (this.started && this.pending?.to === span.separator) this.pending.to = span.end;
    else {
      if (this.started) this.writeText(this.separator);
      else this.flush();
      this.pending = { from: span.start, to: span.end };
    }
    this.started = true;
  }

  /** Copies the pending span of the old file. */
  private flush(): void {
    if (!this.pending) return;
    for (let at = this.pending.from; at < this.pending.to; ) {
      const read = readSync(this.old, this.buffer, 0, Math.min(COPY_BYTES, this.pending.to - at), at);
      if (read === 0) throw new Error('downloads: the last run’s joined file is shorter than its state says');
      writeAll(this.fd, this.buffer, read);
      at += read;
    }
    this.pending = null;
  }

  /** Writes what is pending and closes both files. */
  close(): void {
    try {
      this.flush();
    } finally {
      this.destroy();
    }
  }

  /** Closes both files (once) without writing what is pending. */
  destroy(): void {
    if (this.closed) return;
    this.closed = true;
    closeSync(this.fd);
    closeSync(this.old);
  }
}

/** Writes the first `length` bytes of `bytes` to `fd`, however many calls it takes. */
function writeAll(fd: number, bytes: Uint8Array, length: number): void {
  for (let at = 0; at < length; ) at += writeSync(fd, bytes, at, length - at);
}
