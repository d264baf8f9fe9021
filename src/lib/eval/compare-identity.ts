/**
 * Identity truth: the `identity.tsv` a corpus folder may hold (file, agency as the title prints it,
 * reporting year, template edition) and a record's agency and year against it. Pure.
 */
import type { ReportRecord } from '../schema/report.ts';

/** One row of an identity.tsv. */
export interface IdentityTruth {
  /** File name (or path relative to the folder of the identity.tsv). */
  file: string;
  /** The agency's full name as the title prints it. */
  agency: string;
  /** Reporting year. */
  year: number;
  /** Table layout seen: `2019`, `2021`, `pre-2019` (the old statistics table), `none` (no report body or no tables). */
  edition: string;
}

/** right: agency and year both read right; wrong: either is not; noRecord: the file gave no record. */
export type IdentityStatus = 'right' | 'wrong' | 'noRecord';

/** A record's identity against the truth. */
export interface IdentityComparison {
  status: IdentityStatus;
  /** Whether the agency name was read right; null without a record. */
  agencyRight: boolean | null;
  /** Whether the year was read right; null without a record. */
  yearRight: boolean | null;
  /** Whether the template edition was read right (pre-2019: as pre2019); null without a record or when the truth is none. */
  editionRight: boolean | null;
  /** The truth compared with. */
  expected: { agency: string; year: number; edition: string };
}

/**
 * Returns the rows of an identity.tsv (tab-separated, header `file agency year edition`), and a
 * message per line that cannot be read. A file without that header has no rows.
 */
export function parseIdentityTable(text: string): { rows: IdentityTruth[]; errors: string[] } {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const header = (lines[0] ?? '').split('\t').map((h) => h.trim());
  const at = (name: string) => header.indexOf(name);
  const [iFile, iAgency, iYear, iEdition] = [at('file'), at('agency'), at('year'), at('edition')];
  if (iFile < 0 || iAgency < 0 || iYear < 0) return { rows: [], errors: ['第 1 行须为表头 file / agency / year / edition (line 1 must be the header)'] };
  const rows: IdentityTruth[] = [];
  const errors: string[] = [];
  lines.slice(1).forEach((line, i) => {
    if (!line.trim()) return;
    const fields = line.split('\t').map((f) => f.trim());
    const year = Number(fields[iYear]);
    const file = fields[iFile] ?? '';
    const agency = fields[iAgency] ?? '';
    if (!file || !agency || !Number.isInteger(year)) {
      errors.push(`第 ${i + 2} 行读不出 file / agency / year (line ${i + 2} unreadable)`);
      return;
    }
    rows.push({ file, agency, year, edition: iEdition >= 0 ? (fields[iEdition] ?? '') : '' });
  });
  return { rows, errors };
}

/** Returns a name without spaces, in NFKC (full-width letters and digits as ASCII), for comparing. */
function normalizeName(name: string): string {
  return name.normalize('NFKC').replace(/\s+/g, '');
}

/**
 * Returns the identity truth for a file (path relative to the corpus root, forward slashes) from the
 * identity tables found (keyed by the folder holding each, relative to the root, '' for the root): the
 * nearest folder holding the file whose table names it, by path relative to that folder or by file name.
 */
export function findIdentity(tables: ReadonlyMap<string, readonly IdentityTruth[]>, file: string): { truth: IdentityTruth; folder: string } | undefined {
  const parts = file.split('/');
  const name = parts.at(-1) ?? file;
  for (let depth = parts.length - 1; depth >= 0; depth--) {
    const folder = parts.slice(0, depth).join('/');
    const rows = tables.get(folder);
    if (!rows) continue;
    const rel = parts.slice(depth).join('/');
    const truth = rows.find((r) => r.file === rel) ?? rows.find((r) => r.file === name);
    if (truth) return { truth, folder };
  }
  return undefined;
}

/** Returns how a record's agency, year and edition compare with the truth (null record: the file gave none). */
export function compareIdentity(record: ReportRecord | null, truth: Pick<IdentityTruth, 'agency' | 'year' | 'edition'>): IdentityComparison {
  const expected = { agency: truth.agency, year: truth.year, edition: truth.edition };
  if (!record) return { status: 'noRecord', agencyRight: null, yearRight: null, editionRight: null, expected };
  const agencyRight = normalizeName(record.agency.name) === normalizeName(truth.agency);
  const yearRight = record.year === truth.year;
  // pre-2019: the older statistics table, read as template pre2019; none: nothing to judge.
  const editionRight = truth.edition === '2019' || truth.edition === '2021' ? record.template === truth.edition : truth.edition === 'pre-2019' ? record.template === 'pre2019' : null;
  return { status: agencyRight && yearRight ? 'right' : 'wrong', agencyRight, yearRight, editionRight, expected };
}
