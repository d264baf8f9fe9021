/**
 * Hand-made records and labels for the eval tests: every cell null except those given by path.
 */
import type { Label } from '../../../src/lib/eval/label-schema.ts';
import { labelSchema } from '../../../src/lib/eval/label-schema.ts';
import type { ReportRecord } from '../../../src/lib/schema/report.ts';
import { APPEAL_GROUPS, APPEAL_OUTCOMES, PROACTIVE_ROWS, REQUEST_COLUMNS, REQUEST_ROW_KEYS } from '../../../src/lib/template.ts';

type Edition = '2019' | '2021';

/** Returns an object of the given keys, each null. */
function nulls(keys: readonly string[]): Record<string, number | null> {
  return Object.fromEntries(keys.map((k) => [k, null]));
}

/** Sets figures by path (`requests.total.natural`) into tables of rows of cells. */
function setCells(tables: Record<string, Record<string, Record<string, number | null>>>, cells: Record<string, number | null>): void {
  for (const [path, value] of Object.entries(cells)) {
    const [table, row, col] = path.split('.') as [string, string, string];
    const rows = (tables[table] ??= {});
    (rows[row] ??= {})[col] = value;
  }
}

/** Returns a valid record of an edition with every cell null except `cells`. */
export function makeRecord(edition: Edition, cells: Record<string, number> = {}, identity: { agency?: string; year?: number } = {}): ReportRecord {
  const tables = {
    proactive: Object.fromEntries(PROACTIVE_ROWS[edition].map((r) => [r.key, nulls(r.columns)])),
    requests: Object.fromEntries(REQUEST_ROW_KEYS.map((k) => [k, nulls(REQUEST_COLUMNS)])),
    appeals: Object.fromEntries(APPEAL_GROUPS.map((g) => [g, nulls(APPEAL_OUTCOMES)])),
  };
  setCells(tables, cells);
  // Not parsed by the record schema, which others are extending: the eval reads only these fields.
  return {
    id: 'test-agency-2022',
    agency: { name: identity.agency ?? '测试县测试局', slug: 'test-agency', region: { province: null, city: null, county: null, code: null }, kind: 'department' },
    year: identity.year ?? 2022,
    title: '测试县测试局2022年政府信息公开工作年度报告',
    signedOn: null,
    template: edition,
    ...tables,
    tables: { proactive: 'complete', requests: 'complete', appeals: 'complete' },
    sections: { overview: null, problems: null, other: null },
    narrative: {},
    checks: [{ id: 'balance', status: 'pass', evaluated: 7, failures: [] }],
    source: { path: 'x.txt', sha256: '0'.repeat(64), encoding: 'utf-8', format: 'text', bytes: 1 },
    provenance: {},
    messages: [],
  } as unknown as ReportRecord;
}

/**
 * Returns a valid label of an edition: the rows listed in `rows` (table.row → all its columns null),
 * then the figures of `cells` set by path.
 */
export function makeLabel(edition: Edition, rows: readonly string[], cells: Record<string, number | null> = {}, extra: Partial<Label> = {}): Label {
  const tables: Record<string, Record<string, Record<string, number | null>>> = { proactive: {}, requests: {}, appeals: {} };
  for (const path of rows) {
    const [table, row] = path.split('.') as [string, string];
    const columns =
        table === 'proactive' ? PROACTIVE_ROWS[edition].find((r) => r.key === row)!.columns : table === 'requests' ? REQUEST_COLUMNS : APPEAL_OUTCOMES;
    tables[table]![row] = nulls(columns);
  }
  setCells(tables, cells);
  return labelSchema.parse({ file: 'x.txt', agency: '测试县测试局', year: 2022, edition, published: null, ...tables, ...extra });
}
