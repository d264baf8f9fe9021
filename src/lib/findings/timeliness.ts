/**
 * Timeliness: whether a report was published by its legal deadline (Regulations on Open Government
 * Information, art. 49–50): departments by 31 January, people's governments by 31 March of the year
 * after the reporting year. The publication date the file states (a page's PubDate, a crawler's
 * 发布时间, `published`) is what the law asks about; where the file states none, the printed
 * signature date (`signedOn`) stands in, and the result says which was used. Without either the
 * answer is unknown, never guessed.
 */
import type { ReportRecord } from '../schema/report.ts';

/**
 * met: signed on or before the deadline; late: after it; unknown: no (valid) date printed;
 * implausible: dated within or before the reporting year itself, which cannot be (likely a misprint).
 */
export type TimelinessStatus = 'met' | 'late' | 'unknown' | 'implausible';

export interface Timeliness {
  id: string;
  slug: string;
  agency: string;
  year: number;
  kind: 'government' | 'department';
  /** ISO date printed at the end of the report, or null. */
  signedOn: string | null;
  /** ISO publication date the file states (page metadata, crawler header), or null. */
  published: string | null;
  /** Which date was judged: the publication date, else the signature date; null when neither. */
  basis: 'published' | 'signed' | null;
  /** ISO date of the deadline. */
  deadline: string;
  status: TimelinessStatus;
  /** Days from the deadline to the signature: positive = late, 0 or negative = on time; null when unknown. */
  daysAfterDeadline: number | null;
}

/** Returns the deadline of a report (ISO date): 31 January (departments) or 31 March (governments) of year + 1. */
export function findDeadline(year: number, kind: 'government' | 'department'): string {
  return `${year + 1}-${kind === 'government' ? '03-31' : '01-31'}`;
}

/** Returns the day number (days since 1970-01-01) of an ISO date, or null when it is not a real date. */
export function toDayNumber(iso: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = Date.UTC(y, mo - 1, d);
  const back = new Date(t);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return null;
  return t / 86_400_000;
}

/** Returns the timeliness of a report. */
export function assessTimeliness(record: ReportRecord): Timeliness {
  const deadline = findDeadline(record.year, record.agency.kind);
  const published = record.published?.date ?? null;
  const publishedDay = published === null ? null : toDayNumber(published);
  const signedDay = record.signedOn === null ? null : toDayNumber(record.signedOn);
  const basis = publishedDay !== null ? 'published' : signedDay !== null ? 'signed' : null;
  const base = { id: record.id, slug: record.agency.slug, agency: record.agency.name, year: record.year, kind: record.agency.kind, signedOn: record.signedOn, published, basis, deadline } as const;
  const signed = publishedDay ?? signedDay;
  if (signed === null) return { ...base, status: 'unknown', daysAfterDeadline: null };
  const days = signed - toDayNumber(deadline)!;
  if (signed <= toDayNumber(`${record.year}-12-31`)!) return { ...base, status: 'implausible', daysAfterDeadline: days };
  return { ...base, status: days > 0 ? 'late' : 'met', daysAfterDeadline: days };
}

