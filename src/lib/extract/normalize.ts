/**
 * Text normalisation shared by every reader. Reports arrive with full-width forms, Word bookmark
 * markers and stray spaces inside labels; labels are compared in a canonical form so that one
 * dictionary of template labels serves every layout.
 */

const BOOKMARK = /\[bookmark:[^\]]*\]/g;

/** Returns the text split into lines (CRLF/CR folded, form feeds kept as line breaks). */
export function splitLines(text: string): string[] {
  return text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n|\f/);
}

/** Returns `s` without Word bookmark markers such as `[bookmark: _Hlk66973412]`. */
export function stripMarkers(s: string): string {
  return s.replace(BOOKMARK, '');
}

/** Any character canonicalLabel replaces or removes (the bookmark marker starts with `[`). */
const NEEDS_CANONICAL = /[\s\u00a0\u3000\uff01-\uff5e“”"「」『』‘’'．[]/;

/**
 * Returns the canonical form of a label for matching: markers removed, full-width ASCII folded to
 * half-width, every kind of space removed, Chinese brackets and quotes unified.
 */
export function canonicalLabel(s: string): string {
  // Most labels are plain CJK with no space, marker, full-width form or quote: nothing to replace.
  if (!NEEDS_CANONICAL.test(s)) return s;
  return toHalfWidth(stripMarkers(s))
    .replace(/[\s\u00a0\u3000]+/g, '')
    .replace(/[“”"「」『』]/g, '"')
    .replace(/[‘’']/g, "'");
}

const FULL_WIDTH = /[\uff01-\uff5e]/;

/** Returns `s` with full-width ASCII forms (Ａ-ｚ, ０-９, （）, etc.) folded to half-width. */
export function toHalfWidth(s: string): string {
  if (!FULL_WIDTH.test(s)) return s;
  // Copied in slices between the forms folded: a replace calling a function per form was most of this function's time.
  let out = '';
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    if (code < 0xff01 || code > 0xff5e) continue;
    out += s.slice(from, i) + String.fromCharCode(code - 0xfee0);
    from = i + 1;
  }
  return out + s.slice(from);
}

/**
 * Returns the text of a cell with markers, padding and surrounding spaces removed. Every cell of a
 * table's lines passes here: a marker is looked for only where a `[` is, and `trim` removes what
 * `\s` matches (U+3000 and NBSP among them), without a regular expression.
 */
export function cleanCell(s: string): string {
  return (s.includes('[') ? stripMarkers(s) : s).trim();
}
