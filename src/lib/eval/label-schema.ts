/**
 * A label file: the true figures of one report, typed by a person from the report itself, to grade
 * the extractor against. `test/fixtures/labels/**\/<file name without extension>.json`.
 *
 * A table's label is the whole truth about that table: a cell typed as `null` is blank in the report,
 * and a row that is not listed is not printed in it. So the extractor reading a figure into a null
 * cell, or into a row the label does not list, is as wrong as reading a different number.
 */
import { z } from 'zod';
import { APPEAL_GROUPS, APPEAL_OUTCOMES, PROACTIVE_ROWS, REQUEST_COLUMNS, REQUEST_ROW_KEYS } from '../template.ts';
import { TABLES } from './count-cells.ts';

/** A figure as printed (signed for 本年增/减; yuan or 万元 may have decimals), or null: blank in the report. */
const cell = z.number().finite().nullable();

/** One row of table B: all seven columns, each a number or null. */
const requestRow = z.strictObject(Object.fromEntries(REQUEST_COLUMNS.map((c) => [c, cell])) as Record<(typeof REQUEST_COLUMNS)[number], typeof cell>);

/** One group of table C: all five outcomes, each a number or null. */
const appealGroup = z.strictObject(Object.fromEntries(APPEAL_OUTCOMES.map((o) => [o, cell])) as Record<(typeof APPEAL_OUTCOMES)[number], typeof cell>);

/** `proactive.rules`, `requests.total`, `appeals.review.total`: a table, a row of it, or a cell. */
const cellPrefix = z.string().refine((p) => (TABLES as readonly string[]).includes(p.split('.')[0] ?? '') && p.split('.').length <= 3, {
  message: 'dumpDiffers: 须为 table、table.row 或 table.row.col，table 为 proactive / requests / appeals (a table, row or cell path)',
});

/** The label file, checked: unknown rows and columns, and a table-A row lacking a column, are errors. */
export const labelSchema = z
  .object({
    /** The report's file name, with its extension (`2019_gongan_80569.html`). */
    file: z.string().min(1),
    /** The agency's full name as the title prints it. */
    agency: z.string().min(1),
    /** The reporting year. */
    year: z.number().int().min(2000).max(2100),
    /** The template edition the report's tables follow. */
    edition: z.enum(['2019', '2021']),
    /** Publication date (ISO), when known. Not compared. */
    published: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable().optional(),
    /** Table A: row key → column key → figure; every column of the row (of either edition). */
    proactive: z.record(z.string(), z.record(z.string(), cell)),
    /** Table B: row key → its seven columns. */
    requests: z.partialRecord(z.enum(REQUEST_ROW_KEYS), requestRow),
    /** Table C: group → its five outcomes. */
    appeals: z.partialRecord(z.enum(APPEAL_GROUPS), appealGroup),
    /**
     * Other copies of the same report (crawler text dumps), as paths relative to the labels' corpus
     * parent (`pingtan-txt/2022_econ-dev_86658.txt`); matched by file name.
     */
    dumps: z.array(z.string().min(1)).default([]),
    /** Where those copies print something else: cells, rows or tables not compared for them. */
    dumpDiffers: z.array(cellPrefix).default([]),
    /** Free text: how the label was typed, what is odd in the report. */
    notes: z.string().optional(),
  })
  .superRefine((label, ctx) => {
    // A report prints the rows it prints: a 2021-edition table may keep the 2019 form of a row (a single
    // （六）其他处理, 规范性文件). Table B's rows are checked by the schema; table A's here, against
    // the row's columns in the label's edition, or else in the other edition.
    const other = label.edition === '2021' ? '2019' : '2021';
    for (const [rowKey, cols] of Object.entries(label.proactive)) {
      const specs = [PROACTIVE_ROWS[label.edition], PROACTIVE_ROWS[other]].map((rows) => rows.find((r) => r.key === rowKey)).filter((r) => r !== undefined);
      if (!specs.length) {
        ctx.addIssue({ code: 'custom', path: ['proactive', rowKey], message: `表二没有这一行 (no such row; rows: ${[...new Set([...PROACTIVE_ROWS['2021'], ...PROACTIVE_ROWS['2019']].map((r) => r.key))].join(', ')})` });
        continue;
      }
      const typed = Object.keys(cols).sort().join(',');
      if (!specs.some((spec) => [...spec.columns].sort().join(',') === typed)) {
        ctx.addIssue({
          code: 'custom',
          path: ['proactive', rowKey],
          message: `表二「${rowKey}」的列须为 ${specs.map((spec) => spec.columns.join(', ')).join(' 或 or ')}（空格写 null）(columns must be exactly these; blank = null); typed: ${Object.keys(cols).join(', ') || '(none)'}`,
        });
      }
    }
  });

/** A label file as read. */
export type Label = z.infer<typeof labelSchema>;

/** Returns the label in a label file's text, or why it is not one (bad JSON, or the schema's first issues). */
export function parseLabel(text: string): { ok: true; label: Label } | { ok: false; error: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: `不是 JSON (not JSON): ${(error as Error).message}` };
  }
  const parsed = labelSchema.safeParse(json);
  if (parsed.success) return { ok: true, label: parsed.data };
  const issues = parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
  const more = parsed.error.issues.length - issues.length;
  return { ok: false, error: issues.join('; ') + (more > 0 ? ` (+${more} more)` : '') };
}
