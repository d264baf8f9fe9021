/**
 * The corrections file (content/corrections.csv): one correction of one cell a line, under the
 * header `report,table,row,column,value,reason,source,date` (RFC 4180 CSV, UTF-8, a BOM allowed).
 * Blank lines and lines that begin with `#` are comments. `value` blank means the report prints no
 * figure there (null); otherwise a plain decimal number (`12`, `-3`, `1234.5`), in the cell's unit.
 */
import { correctionSchema, type Correction } from '../schema/report.ts';

/** The header the file must open with, in this order. */
export const CORRECTIONS_HEADER = ['report', 'table', 'row', 'column', 'value', 'reason', 'source', 'date'] as const;

/** A line of the file that is not a correction, with why (Chinese, then English). */
export interface CorrectionError {
  /** 1-based line of the file where the bad record starts. */
  line: number;
  message: string;
}

/** A plain decimal number: an optional minus, digits, an optional fraction; no grouping, no exponent. */
const NUMBER = /^-?\d+(?:\.\d+)?$/;

/** Returns the CSV records of a text, each with the 1-based line it starts on (quoted fields may hold line breaks). */
function splitRecords(text: string): { line: number; fields: string[]; unclosed: boolean }[] {
  const records: { line: number; fields: string[]; unclosed: boolean }[] = [];
  let line = 1;
  let start = 1;
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let i = text.startsWith('\uFEFF') ? 1 : 0;
  const endRecord = () => {
    fields.push(field);
    records.push({ line: start, fields, unclosed: false });
    fields = [];
    field = '';
  };
  for (; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else {
        if (ch === '\n') line++;
        field += ch;
      }
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === ',') {
      fields.push(field);
      field = '';
    } else if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRecord();
      line++;
      start = line;
    } else field += ch;
  }
  if (quoted) records.push({ line: start, fields: [...fields, field], unclosed: true });
  else if (field !== '' || fields.length > 0) endRecord();
  return records;
}

/**
 * Returns the corrections of a corrections file's text, and every line that is not one (a wrong
 * header, a wrong number of fields, a value that is not a number, an unknown table, a missing
 * reason, source or date) with its line number. Whether the report and cell exist is checked
 * against the records (resolveCorrections, applyCorrections).
 */
export function parseCorrections(text: string): { corrections: Correction[]; errors: CorrectionError[] } {
  const corrections: Correction[] = [];
  const errors: CorrectionError[] = [];
  const records = splitRecords(text).filter((r) => !(r.fields.length === 1 && r.fields[0]!.trim() === '') && !r.fields[0]!.startsWith('#'));
  const [head, ...rows] = records;
  if (!head) return { corrections, errors };
  if (head.fields.map((f) => f.trim()).join(',') !== CORRECTIONS_HEADER.join(',')) {
    errors.push({ line: head.line, message: `表头应为 ${CORRECTIONS_HEADER.join(',')} (the header must be ${CORRECTIONS_HEADER.join(',')})` });
    return { corrections, errors };
  }
  for (const { line, fields, unclosed } of rows) {
    if (unclosed) {
      errors.push({ line, message: '引号未闭合 (unclosed quote)' });
      continue;
    }
    if (fields.length !== CORRECTIONS_HEADER.length) {
      errors.push({ line, message: `应有 ${CORRECTIONS_HEADER.length} 个字段，实有 ${fields.length} 个 (expected ${CORRECTIONS_HEADER.length} fields, found ${fields.length})` });
      continue;
    }
    const [report, table, row, column, value, reason, source, date] = fields.map((f) => f.trim()) as [string, string, string, string, string, string, string, string];
    if (value !== '' && !NUMBER.test(value)) {
      errors.push({ line, message: `value「${value}」不是数字（留空表示报告中没有这个数） (value "${value}" is not a number; leave it blank for none)` });
      continue;
    }
    const parsed = correctionSchema.safeParse({ line, report, table, row, column, value: value === '' ? null : Number(value), reason, source, date });
    if (!parsed.success) {
      const what = parsed.error.issues.map((i) => i.path.join('.')).join(', ');
      errors.push({ line, message: `字段无效：${what}（table 须为 proactive/requests/appeals/legacy，reason、source 不可为空，date 为 yyyy-mm-dd） (invalid field: ${what})` });
      continue;
    }
    corrections.push(parsed.data);
  }
  return { corrections, errors };
}

/** Returns an error as the build prints it: `file:line: message`. */
export function formatCorrectionError(file: string, error: CorrectionError): string {
  return `${file}:${error.line}: ${error.message}`;
}
