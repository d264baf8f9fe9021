/**
 * CSV as Excel and every CSV reader expect it: UTF-8 with a byte-order mark, RFC 4180 quoting
 * (a field holding a comma, quote, CR or LF is quoted, quotes doubled), CRLF line ends.
 * An absent value (null) is an empty field, never 0. Text that a spreadsheet would run as a formula
 * (it begins with =, +, -, @, a tab or CR: an agency named `=NOW()`) is written after a single quote,
 * as OWASP recommends against CSV injection; numbers are written as they are (-3 stays -3).
 */

/** A field: text, a number, or null for absent. */
export type CsvValue = string | number | null;

const BOM = '\uFEFF';

/** Characters that make a spreadsheet read a cell as a formula when the cell begins with one. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Returns text as a spreadsheet must show it: with a single quote before it when it begins with =,
 * +, -, @, a tab or CR (OWASP, CSV injection), else unchanged. For text cells only, never numbers.
 */
export function guardCsvText(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** Returns one field: a number as it is, text guarded against formulas, quoted when RFC 4180 requires it. */
export function formatCsvField(value: CsvValue): string {
  if (value === null) return '';
  const text = typeof value === 'number' ? formatCsvNumber(value) : guardCsvText(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Returns a number as plain decimal text (no exponent, no grouping): 73802895.9, -3, 0. */
export function formatCsvNumber(n: number): string {
  if (!Number.isFinite(n)) throw new Error(`not a finite number: ${n}`);
  const text = String(n);
  // Very large or small numbers print with an exponent in JS; spell them out for spreadsheets.
  return /e/i.test(text) ? n.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 20 }) : text;
}

/** Returns one CSV line (fields joined by commas, ending in CRLF); throws unless it has `width` fields. */
export function formatCsvLine(row: readonly CsvValue[], width: number): string {
  if (row.length !== width) throw new Error(`row has ${row.length} fields, header ${width}`);
  return `${row.map(formatCsvField).join(',')}\r\n`;
}

/** Returns the start of a CSV file: the BOM and the header line. Data lines (`formatCsvLine`) follow. */
export function formatCsvHeader(header: readonly string[]): string {
  return `${BOM}${formatCsvLine(header, header.length)}`;
}

/** Returns the CSV text (with BOM and CRLF) of a header row and data rows. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  return formatCsvHeader(header) + rows.map((row) => formatCsvLine(row, header.length)).join('');
}

/**
 * Returns the rows of a CSV text (RFC 4180; a leading BOM is skipped; CRLF or LF line ends), every
 * field as a string. The inverse of `toCsv` up to types: numbers come back as their text, null as '',
 * and text that began with a formula character with the single quote before it (guardCsvText).
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = text.startsWith(BOM) ? 1 : 0;
  const endField = () => {
    row.push(field);
    field = '';
  };
  for (; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"') {
      if (field !== '') throw new Error(`quote inside an unquoted field at offset ${i}`);
      quoted = true;
    } else if (ch === ',') endField();
    else if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endField();
      rows.push(row);
      row = [];
    } else field += ch;
  }
  if (quoted) throw new Error('unterminated quoted field');
  if (field !== '' || row.length) {
    endField();
    rows.push(row);
  }
  return rows;
}
