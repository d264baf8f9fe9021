/**
 * The template's cells as data: every (table, row, column) of each edition with its Chinese and English
 * labels, unit and the template row it comes from, and the tidy long form of records (one entry per
 * report × table × row × column). The CSV, wide CSV, SQLite and dictionary builders all read these.
 * A record before the 2019 template (`pre2019`) has the cells of the older statistics table only,
 * table `legacy`, columns `year` (本年) and `cumulative` (历年累计).
 */
import type { ReportRecord, Template } from '../schema/report.ts';
import {
  APPEAL_GROUPS,
  APPEAL_GROUP_LABELS,
  APPEAL_OUTCOMES,
  APPEAL_OUTCOME_LABELS,
  COLUMN_LABELS,
  PROACTIVE_ROWS,
  REQUEST_COLUMNS,
  REQUEST_ROWS,
} from '../template.ts';
import { LEGACY_COLUMNS, LEGACY_COLUMN_LABELS, LEGACY_ROWS } from '../template-legacy.ts';

export type Edition = Template;
export const EDITIONS: readonly Edition[] = ['2021', '2019', 'pre2019'];

/** The three tables of the template and the older statistics table, with the record key as the table id. */
export const TABLES = ['proactive', 'requests', 'appeals', 'legacy'] as const;
export type TableId = (typeof TABLES)[number];

export const TABLE_LABELS: Record<TableId, { zh: string; en: string; section: string }> = {
  proactive: { zh: '主动公开政府信息情况', en: 'Proactive disclosure', section: '二' },
  requests: { zh: '收到和处理政府信息公开申请情况', en: 'Requests received and handled', section: '三' },
  appeals: { zh: '政府信息公开行政复议、行政诉讼情况', en: 'Administrative review and litigation', section: '四' },
  legacy: { zh: '政府信息公开情况统计表（2019 年以前的旧式统计表）', en: 'Older statistics table (before the 2019 template)', section: '附' },
};

/** One cell of the template: where it sits, what it is called, its unit. */
export interface CellSpec {
  table: TableId;
  rowKey: string;
  rowZh: string;
  rowEn: string;
  columnKey: string;
  columnZh: string;
  columnEn: string;
  /** Unit in Chinese (件, 万元, 元, 项, 个). */
  unitZh: string;
  unitEn: string;
  /** The template's own heading for the row (article of the Regulations, or section). */
  templateRow: string;
  /** Path in the record and in `provenance`: `requests.granted.natural`. */
  path: string;
}

/** English labels of table A rows and columns (the template has them only in Chinese). */
const PROACTIVE_EN: Record<string, string> = {
  rules: 'Rules (regulations)',
  normativeDocs: 'Normative documents',
  licensing: 'Administrative licensing',
  otherServices: 'Other administrative services',
  penalty: 'Administrative penalties',
  coercion: 'Administrative coercion',
  fees: 'Administrative fees',
  procurement: 'Centralised government procurement',
};
const PROACTIVE_COLUMN_EN: Record<string, string> = {
  issued: 'Issued this year',
  repealed: 'Repealed this year',
  inForce: 'In force',
  decisions: 'Decisions this year',
  amountWan: 'Fees collected this year',
  made: 'Made this year',
  published: 'Published this year',
  totalPublic: 'Total public',
  prevItems: 'Items last year',
  change: 'Change this year (signed)',
  projects: 'Procurement projects',
  amountYuan: 'Procurement amount',
};
/** Article of the Regulations each table A row is printed under (第二十条第（N）项). */
const PROACTIVE_ARTICLE: Record<string, string> = {
  rules: '（一）',
  normativeDocs: '（一）',
  licensing: '（五）',
  otherServices: '（五）',
  penalty: '（六）',
  coercion: '（六）',
  fees: '（八）',
  procurement: '（九）',
};

/** Returns the unit of a table A column: [zh, en]. */
function proactiveUnit(column: string): [string, string] {
  switch (column) {
    case 'amountWan':
      return ['万元', '10,000 yuan'];
    case 'amountYuan':
      return ['元', 'yuan'];
    case 'decisions':
      return ['件', 'decisions'];
    case 'prevItems':
    case 'change':
      return ['项', 'items'];
    case 'projects':
      return ['个', 'projects'];
    default:
      return ['件', 'documents'];
  }
}

/** Returns the table-B group heading a row is printed under (三、本年度办理结果 …). */
function requestTemplateRow(key: string): string {
  if (key === 'newReceived' || key === 'carriedOver') return '表三 申请数量';
  if (key === 'carriedForward') return '表三 四、结转下年度继续办理';
  return '表三 三、本年度办理结果';
}

/** Returns every cell of the older statistics table: each row's 本年 and 历年累计, in printed order. */
function listLegacyCellSpecs(): CellSpec[] {
  return LEGACY_ROWS.flatMap((row) =>
    LEGACY_COLUMNS.map((col) => ({
      table: 'legacy' as const,
      rowKey: row.key,
      rowZh: row.zh,
      rowEn: row.en,
      columnKey: col,
      columnZh: LEGACY_COLUMN_LABELS[col].zh,
      columnEn: LEGACY_COLUMN_LABELS[col].en,
      unitZh: row.unit,
      unitEn: row.unitEn,
      templateRow: '旧式统计表（指标名称 / 计量单位 / 本年 / 历年累计）',
      path: `legacy.${row.key}.${col}`,
    })),
  );
}

/** Returns every cell of an edition's tables, in template order (pre2019: the older statistics table's). */
export function listCellSpecs(edition: Edition): CellSpec[] {
  if (edition === 'pre2019') return listLegacyCellSpecs();
  const proactive = PROACTIVE_ROWS[edition].flatMap((row) =>
    row.columns.map((col, i) => {
      const [unitZh, unitEn] = proactiveUnit(col);
      return {
        table: 'proactive' as const,
        rowKey: row.key,
        rowZh: row.zh,
        rowEn: PROACTIVE_EN[row.key] ?? row.key,
        columnKey: col,
        columnZh: row.columnLabels[i] ?? col,
        columnEn: PROACTIVE_COLUMN_EN[col] ?? col,
        unitZh,
        unitEn,
        templateRow: `表二 第二十条第${PROACTIVE_ARTICLE[row.key] ?? ''}项`,
        path: `proactive.${row.key}.${col}`,
      };
    }),
  );
  const requests = REQUEST_ROWS.filter((row) => row.editions.includes(edition)).flatMap((row) =>
    REQUEST_COLUMNS.map((col) => ({
      table: 'requests' as const,
      rowKey: row.key,
      rowZh: row.zh,
      rowEn: row.en,
      columnKey: col,
      columnZh: COLUMN_LABELS[col].zh,
      columnEn: COLUMN_LABELS[col].en,
      unitZh: '件',
      unitEn: 'requests',
      templateRow: requestTemplateRow(row.key),
      path: `requests.${row.key}.${col}`,
    })),
  );
  const appeals = APPEAL_GROUPS.flatMap((group) =>
    APPEAL_OUTCOMES.map((outcome) => ({
      table: 'appeals' as const,
      rowKey: group,
      rowZh: APPEAL_GROUP_LABELS[group].zh,
      rowEn: APPEAL_GROUP_LABELS[group].en,
      columnKey: outcome,
      columnZh: APPEAL_OUTCOME_LABELS[outcome].zh,
      columnEn: APPEAL_OUTCOME_LABELS[outcome].en,
      unitZh: '件',
      unitEn: 'cases',
      templateRow: group === 'review' ? '表四 行政复议' : '表四 行政诉讼',
      path: `appeals.${group}.${outcome}`,
    })),
  );
  return [...proactive, ...requests, ...appeals];
}

/** Returns the cells of a table over both editions, each path once (2021 order first). */
export function listTableColumns(table: TableId): CellSpec[] {
  const seen = new Map<string, CellSpec>();
  for (const edition of EDITIONS) for (const spec of listCellSpecs(edition)) if (spec.table === table && !seen.has(spec.path)) seen.set(spec.path, spec);
  return [...seen.values()];
}

/** Cell paths split into table, row and column: a download reads every template cell of every record. */
const SPLIT_PATHS = new Map<string, readonly [string, string, string]>();

/** Returns a cell path's table, row and column (`requests.granted.natural` → requests, granted, natural). */
function splitCellPath(path: string): readonly [string, string, string] {
  let parts = SPLIT_PATHS.get(path);
  if (!parts) {
    parts = path.split('.') as [string, string, string];
    SPLIT_PATHS.set(path, parts);
  }
  return parts;
}

/**
 * Returns the value at a cell path of a record (`requests.granted.natural`, `legacy.reviews.year`), or
 * null when absent (a table the record has not: null).
 */
export function readCell(record: ReportRecord, path: string): number | null {
  const [table, row, column] = splitCellPath(path);
  const rows = (record as unknown as Record<string, Record<string, Record<string, number | null> | undefined>>)[table];
  const value = rows?.[row]?.[column];
  return typeof value === 'number' ? value : null;
}

/** One tidy entry: a report's cell with its identity, labels and source line. */
export interface TidyCell {
  reportId: string;
  agencyName: string;
  agencySlug: string;
  province: string | null;
  city: string | null;
  county: string | null;
  regionCode: string | null;
  year: number;
  template: Edition;
  table: TableId;
  rowKey: string;
  rowZh: string;
  columnKey: string;
  columnZh: string;
  /** The figure published: as printed, or as corrected (content/corrections.csv); null when there is none. */
  value: number | null;
  /** 1-based line of the source text the figure was read from, or null. */
  sourceLine: number | null;
  /** The figure as the extractor read it: `value` unless a correction changed it. */
  valueRead: number | null;
  /** Why the figure was corrected and where it was checked (`reason（source，date）`), or null. */
  correction: string | null;
}

/** Every cell of each edition, in template order (computed once: every record of an edition shares them). */
const SPECS_BY_EDITION: Record<Edition, readonly CellSpec[]> = { '2021': listCellSpecs('2021'), '2019': listCellSpecs('2019'), pre2019: listCellSpecs('pre2019') };

/** Returns the tidy long form of one record: every template cell of its edition, in template order. */
export function listRecordTidyCells(record: ReportRecord): TidyCell[] {
  const corrected = new Map(record.corrections?.map((c) => [c.cell, c]));
  return SPECS_BY_EDITION[record.template].map((spec) => {
    const value = readCell(record, spec.path);
    const correction = corrected.get(spec.path);
    return {
    reportId: record.id,
    agencyName: record.agency.name,
    agencySlug: record.agency.slug,
    province: record.agency.region.province,
    city: record.agency.region.city,
    county: record.agency.region.county,
    regionCode: record.agency.region.code,
    year: record.year,
    template: record.template,
    table: spec.table,
    rowKey: spec.rowKey,
    rowZh: spec.rowZh,
    columnKey: spec.columnKey,
    columnZh: spec.columnZh,
    value,
    sourceLine: record.provenance[spec.path] ?? null,
    valueRead: correction ? correction.read : value,
    correction: correction ? `${correction.reason}（${correction.source}，${correction.date}）` : null,
  };
  });
}

/** Returns the tidy long form of the records: each record's cells in turn (see `listRecordTidyCells`). */
export function listTidyCells(records: readonly ReportRecord[]): TidyCell[] {
  return records.flatMap(listRecordTidyCells);
}
