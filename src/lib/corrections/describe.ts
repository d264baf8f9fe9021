/** A record's corrections as a report page lists them: each cell named in the template's words. */
import { listCellSpecs, TABLE_LABELS } from '../export/cells.ts';
import type { AppliedCorrection, ReportRecord } from '../schema/report.ts';

/** One correction with its cell's labels. */
export interface CorrectionNote extends AppliedCorrection {
  /** `表三 （一）予以公开 · 自然人` */
  labelZh: string;
  /** `Table 三 Granted in full · Natural persons` */
  labelEn: string;
}

/** Returns a record's corrections in template order, each with its cell's labels (none: an empty list). */
export function describeCorrections(record: ReportRecord): CorrectionNote[] {
  if (!record.corrections?.length) return [];
  const byCell = new Map(record.corrections.map((c) => [c.cell, c]));
  return listCellSpecs(record.template).flatMap((spec) => {
    const c = byCell.get(spec.path);
    if (!c) return [];
    const table = spec.table === 'legacy' ? { zh: '旧式统计表', en: 'Older table' } : { zh: `表${TABLE_LABELS[spec.table].section}`, en: `Table ${TABLE_LABELS[spec.table].section}` };
    return [{ ...c, labelZh: `${table.zh} ${spec.rowZh} · ${spec.columnZh}`, labelEn: `${table.en} ${spec.rowEn} · ${spec.columnEn}` }];
  });
}

/** An identity correction or merge as a report page lists it (`field`: which identity; read: as the report gives it, null for none). */
export interface IdentityNote {
  field: 'agency' | 'year' | 'merge';
  line: number;
  read: string | null;
  value: string;
  reason: string;
  source: string;
  date: string;
}

/** Returns a record's identity corrections, then its merge, in that order (none: an empty list). */
export function describeIdentityCorrections(record: ReportRecord): IdentityNote[] {
  const notes: IdentityNote[] = (record.identityCorrections ?? []).map((c) => ({ ...c }));
  const m = record.agencyMerge;
  if (m) notes.push({ field: 'merge', line: m.line, read: m.name, value: record.agency.name, reason: m.reason, source: m.source, date: m.date });
  return notes;
}
