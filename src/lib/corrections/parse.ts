/**
 * The corrections file (content/corrections.csv): one correction of one cell a line, under the
 * header `report,table,row,column,value,reason,source,date` (RFC 4180 CSV, UTF-8, a BOM allowed).
 * Blank lines and lines that begin with `#` are comments. `value` blank means the report prints no
 * figure there (null); otherwise a plain decimal number (`12`, `-3`, `1234.5`), in the cell's unit.
 * Identity lines have `table` = `identity`, `row` = `agency`, `year` or `merge`, `column` blank
 * (identityCorrectionSchema says what `report` and `value` hold).
 */
import { correctionSchema, identityCorrectionSchema, type Correction, type IdentityCorrection } from '../schema/report.ts';

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

/** The rows of an identity line (`table` = `identity`). */
const IDENTITY_ROWS = ['agency', 'year', 'merge'] as const;

/** Returns an identity line's correction, or the error that makes it none. */
function parseIdentityLine(line: number, [report, , row, column, value, reason, source, date]: readonly string[]): IdentityCorrection | CorrectionError {
  const kind = IDENTITY_ROWS.find((k) => k === row);
  if (!kind) return { line, message: `identity 行的 row 须为 agency、year 或 merge，实为「${row}」 (an identity line's row must be agency, year or merge, not "${row}")` };
  if (column !== '') return { line, message: `identity 行的 column 须留空 (an identity line's column must be blank)` };
  if (value === '' || value === '?') return { line, message: `value 须填写${kind === 'year' ? '年度' : '机关名称'} (value must give the ${kind === 'year' ? 'year' : "agency's name"})` };
  // The years a record may have (the schema's): four digits, 2000–2100.
  if (kind === 'year' && !(/^\d{4}$/.test(value!) && Number(value) >= 2000 && Number(value) <= 2100)) return { line, message: `year「${value}」不是年度（四位数字，2000–2100） (year "${value}" is not a year, 2000–2100)` };
  if (kind === 'merge' && report === value) return { line, message: `merge 的两个机关名称相同：${value} (a merge names the same agency twice: ${value})` };
  const parsed = identityCorrectionSchema.safeParse({ line, kind, report, value, reason, source, date });
  if (!parsed.success) {
    const what = parsed.error.issues.map((i) => i.path.join('.')).join(', ');
    return { line, message: `字段无效：${what}（report、reason、source 不可为空，date 为 yyyy-mm-dd） (invalid field: ${what})` };
  }
  return parsed.data;
}

/**
 * Returns the corrections of a corrections file's text (cells, and identity lines apart), and every
 * line that is not one (a wrong header, a wrong number of fields, a value that is not a number, an
 * unknown table, a missing reason, source or date, a year that is not one) with its line number.
 * Whether the report, file, agency and cell exist is checked against the records and the manifest
 * (resolveCorrections, applyCorrections, resolveIdentities).
 */
export function parseCorrections(text: string): { corrections: Correction[]; identities: IdentityCorrection[]; errors: CorrectionError[] } {
  const corrections: Correction[] = [];
  const identities: IdentityCorrection[] = [];
  const errors: CorrectionError[] = [];
  const records = splitRecords(text).filter((r) => !(r.fields.length === 1 && r.fields[0]!.trim() === '') && !r.fields[0]!.startsWith('#'));
  const [head, ...rows] = records;
  if (!head) return { corrections, identities, errors };
  if (head.fields.map((f) => f.trim()).join(',') !== CORRECTIONS_HEADER.join(',')) {
    errors.push({ line: head.line, message: `表头应为 ${CORRECTIONS_HEADER.join(',')} (the header must be ${CORRECTIONS_HEADER.join(',')})` });
    return { corrections, identities, errors };
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
    const trimmed = fields.map((f) => f.trim());
    if (trimmed[1] === 'identity') {
      const identity = parseIdentityLine(line, trimmed);
      if ('message' in identity) errors.push(identity);
      else identities.push(identity);
      continue;
    }
    const [report, table, row, column, value, reason, source, date] = trimmed as [string, string, string, string, string, string, string, string];
    if (value !== '' && !NUMBER.test(value)) {
      errors.push({ line, message: `value「${value}」不是数字（留空表示报告中没有这个数） (value "${value}" is not a number; leave it blank for none)` });
      continue;
    }
    const parsed = correctionSchema.safeParse({ line, report, table, row, column, value: value === '' ? null : Number(value), reason, source, date });
    if (!parsed.success) {
      const what = parsed.error.issues.map((i) => i.path.join('.')).join(', ');
      errors.push({ line, message: `字段无效：${what}（table 须为 proactive/requests/appeals/legacy/identity，reason、source 不可为空，date 为 yyyy-mm-dd） (invalid field: ${what})` });
      continue;
    }
    corrections.push(parsed.data);
  }
  return { corrections, identities, errors };
}

/** Returns an error as the build prints it: `file:line: message`. */
export function formatCorrectionError(file: string, error: CorrectionError): string {
  return `${file}:${error.line}: ${error.message}`;
}
