/**
 * Builders of the downloadable dataset (pure: records in, text out): the tidy long CSV, a wide CSV per
 * table, the data dictionary, the full JSON, and the licence and citation note.
 *
 * The corpus-sized files are made one record at a time: a file's head, then each record's lines in
 * turn, then its tail (scripts/write-downloads.ts streams them to disk that way). The whole-corpus
 * builders (`buildLongCsv`, `buildWideCsv`, `buildDatasetJson`) join the same pieces in memory, for
 * tests and small corpora.
 */
import { tableStatusSchema, type ReportRecord, type TableStatus } from '../schema/report.ts';
import { EDITIONS, TABLES, TABLE_LABELS, listCellSpecs, listRecordTidyCells, listTableColumns, readCell, type CellSpec, type Edition, type TableId } from './cells.ts';
import { formatCsvHeader, formatCsvLine, toCsv, type CsvValue } from './csv.ts';

/**
 * A Table Schema field type (https://specs.frictionlessdata.io/table-schema/#types-and-formats): the
 * types the downloads' columns hold. A figure is `number`, since amounts have decimals.
 */
export type FieldType = 'string' | 'integer' | 'number';

/**
 * One column of a download, as the CSV header names it: its type, what it holds in Chinese and
 * English, the values it may take and its unit. The CSV headers, the data package, the SQLite
 * columns and the Datasette metadata are all made from these, so they cannot disagree.
 */
export interface FieldSpec {
  name: string;
  type: FieldType;
  zh: string;
  en: string;
  /** The only values the column holds (besides empty). */
  values?: readonly string[];
  /** Unit of the column's figures, when one unit holds for every row. */
  unit?: { zh: string; en: string };
}

/** Columns of the long CSV (and of the SQLite `cells` table), with what each holds. */
export const LONG_FIELDS = [
  { name: 'report_id', type: 'string', zh: '报告编号（机关拼音-年度）', en: 'Report id (agency slug-year)' },
  { name: 'agency_name', type: 'string', zh: '机关全称', en: 'Agency name (Chinese)' },
  { name: 'agency_slug', type: 'string', zh: '机关拼音标识', en: 'Agency slug (pinyin)' },
  { name: 'province', type: 'string', zh: '省级', en: 'Province' },
  { name: 'city', type: 'string', zh: '地级', en: 'Prefecture (city)' },
  { name: 'county', type: 'string', zh: '县级', en: 'County' },
  { name: 'region_code', type: 'string', zh: '行政区划代码（GB/T 2260）', en: 'Region code (GB/T 2260)' },
  { name: 'year', type: 'integer', zh: '报告年度', en: 'Reporting year' },
  { name: 'template', type: 'string', zh: '模板版本（2021、2019，或 pre2019：2019 年以前）', en: 'Template edition (2021, 2019, or pre2019: before the 2019 template)', values: EDITIONS },
  { name: 'table', type: 'string', zh: '表格：proactive 主动公开 / requests 依申请 / appeals 复议诉讼 / legacy 2019 年以前的旧式统计表', en: 'Table: proactive / requests / appeals / legacy (the older statistics table, before 2019)', values: TABLES },
  { name: 'row_key', type: 'string', zh: '行标识', en: 'Row key' },
  { name: 'row_label_zh', type: 'string', zh: '行名称', en: 'Row label (Chinese)' },
  { name: 'column_key', type: 'string', zh: '列标识', en: 'Column key' },
  { name: 'column_label_zh', type: 'string', zh: '列名称', en: 'Column label (Chinese)' },
  { name: 'value', type: 'number', zh: '数值；报告中没有的为空，不以 0 代替；单位见数据字典（unit_zh）', en: 'Value; empty where the report has none (never 0); unit in the data dictionary (unit_en)' },
  { name: 'source_line', type: 'integer', zh: '原文行号（从 1 起）', en: 'Source line (1-based) in the report text' },
  {
    name: 'value_read',
    type: 'number',
    zh: '提取时读到的数值；人工更正过的单元格与 value 不同，其余相同；没有的为空',
    en: 'Value as the extractor read it; differs from value where a person corrected the cell, the same elsewhere; empty where none',
  },
  {
    name: 'correction',
    type: 'string',
    zh: '人工更正：理由（核对来源，日期）；未更正的为空',
    en: 'Correction by hand: reason (where it was checked, date); empty where not corrected',
  },
] as const satisfies readonly FieldSpec[];

const LONG_HEADER = LONG_FIELDS.map((f) => f.name);

/** How many leading long-CSV columns name the report (report_id … template): the same on each of its lines. */
const LONG_IDENTITY_FIELDS = LONG_HEADER.indexOf('table');

/** Returns the field of the long CSV named `name` (the wide CSVs and SQLite share these columns). */
export function findLongField(name: (typeof LONG_FIELDS)[number]['name']): FieldSpec {
  return LONG_FIELDS.find((f) => f.name === name)!;
}

/** Returns the long CSV rows of one record: one per table × row × column of its edition, in template order. */
export function listLongCsvRows(record: ReportRecord): CsvValue[][] {
  return listRecordTidyCells(record).map((c): CsvValue[] => [
    c.reportId,
    c.agencyName,
    c.agencySlug,
    c.province,
    c.city,
    c.county,
    c.regionCode,
    c.year,
    c.template,
    c.table,
    c.rowKey,
    c.rowZh,
    c.columnKey,
    c.columnZh,
    c.value,
    c.sourceLine,
    c.valueRead,
    c.correction,
  ]);
}

/** Returns the start of the long CSV: BOM and header line. */
export function formatLongCsvHead(): string {
  return formatCsvHeader(LONG_HEADER);
}

/** Returns the long CSV lines of one record (CRLF-terminated), to follow the head in record order. */
export function formatLongCsvRecord(record: ReportRecord): string {
  const rows = listLongCsvRows(record);
  if (rows.length === 0) return '';
  // Every line of a record starts with the same fields (its identity): formatted once, not once per cell.
  const identity = `${formatCsvLine(rows[0]!.slice(0, LONG_IDENTITY_FIELDS), LONG_IDENTITY_FIELDS).slice(0, -2)},`;
  return rows.map((row) => identity + formatCsvLine(row.slice(LONG_IDENTITY_FIELDS), LONG_HEADER.length - LONG_IDENTITY_FIELDS)).join('');
}

/** Returns the tidy long CSV: one row per report × table × row × column of the record's edition. */
export function buildLongCsv(records: readonly ReportRecord[]): string {
  return toCsv(LONG_HEADER, records.flatMap(listLongCsvRows));
}

/** Identity columns leading each wide CSV row: the long CSV's, then how complete the table is. */
export const WIDE_ID_FIELD_SPECS: readonly FieldSpec[] = [
  ...(['report_id', 'agency_name', 'agency_slug', 'province', 'city', 'county', 'region_code', 'year', 'template'] as const).map(findLongField),
  {
    name: 'table_status',
    type: 'string',
    zh: '本表在报告中的完整程度：complete 完整 / partial 不完整 / absent 缺失',
    en: 'How much of the table the report prints: complete / partial / absent',
    values: tableStatusSchema.options,
  },
];

/** Names of the identity columns leading each wide CSV row. */
export const WIDE_ID_FIELDS: readonly string[] = WIDE_ID_FIELD_SPECS.map((f) => f.name);

/** Returns how much of a table a record has (the older table: absent in a record of the 2019 or 2021 template). */
export function readTableStatus(record: ReportRecord, table: TableId): TableStatus {
  if (table !== 'legacy') return record.tables[table];
  return record.template === 'pre2019' ? record.tables.legacy : 'absent';
}

/** Returns the wide CSV column name of a cell: `<row>_<column>`, e.g. `granted_natural`. */
export function wideColumnName(spec: Pick<CellSpec, 'rowKey' | 'columnKey'>): string {
  return `${spec.rowKey}_${spec.columnKey}`;
}

/** The cells of each table in wide column order (computed once). */
const WIDE_SPECS = Object.fromEntries(TABLES.map((t) => [t, listTableColumns(t)])) as Record<TableId, CellSpec[]>;

/** Returns what a cell's column holds, in Chinese and English: `表三 （一）予以公开 · 自然人`. */
function describeCell(spec: CellSpec): { zh: string; en: string } {
  return {
    zh: `${spec.table === 'legacy' ? '旧式统计表' : `表${TABLE_LABELS[spec.table].section}`} ${spec.rowZh} · ${spec.columnZh}；报告中没有的为空，不以 0 代替`,
    en: `${spec.table === 'legacy' ? 'Older statistics table' : `Table ${TABLE_LABELS[spec.table].section}`} ${spec.rowEn} · ${spec.columnEn}; empty where the report has none (never 0)`,
  };
}

/** Returns the columns of a table's wide CSV: the identity columns, then a column per cell of either edition. */
export function listWideCsvFields(table: TableId): FieldSpec[] {
  return [
    ...WIDE_ID_FIELD_SPECS,
    ...WIDE_SPECS[table].map((s): FieldSpec => ({ name: wideColumnName(s), type: 'number', ...describeCell(s), unit: { zh: s.unitZh, en: s.unitEn } })),
  ];
}

/** Returns the header of a table's wide CSV: the identity columns, then a column per cell of either edition. */
export function listWideCsvHeader(table: TableId): string[] {
  return listWideCsvFields(table).map((f) => f.name);
}

/**
 * Returns one record's row of a table's wide CSV. A cell the record's edition does not have is empty,
 * like an absent figure; the dictionary says which edition has which cell.
 */
export function listWideCsvRow(record: ReportRecord, table: TableId): CsvValue[] {
  const r = record;
  return [
    r.id,
    r.agency.name,
    r.agency.slug,
    r.agency.region.province,
    r.agency.region.city,
    r.agency.region.county,
    r.agency.region.code,
    r.year,
    r.template,
    readTableStatus(r, table),
    ...WIDE_SPECS[table].map((s) => readCell(r, s.path)),
  ];
}

/** Returns the start of a table's wide CSV: BOM and header line. */
export function formatWideCsvHead(table: TableId): string {
  return formatCsvHeader(listWideCsvHeader(table));
}

/** Returns one record's line of a table's wide CSV (CRLF-terminated). */
export function formatWideCsvRecord(record: ReportRecord, table: TableId): string {
  return formatCsvLine(listWideCsvRow(record, table), WIDE_ID_FIELDS.length + WIDE_SPECS[table].length);
}

/** Returns the wide CSV of one table: one row per report, a column per cell of either edition. */
export function buildWideCsv(records: readonly ReportRecord[], table: TableId): string {
  return toCsv(
    listWideCsvHeader(table),
    records.map((r) => listWideCsvRow(r, table)),
  );
}

/** One entry of the data dictionary. */
export interface DictionaryEntry extends CellSpec {
  /** Template editions that have this cell (pre2019: the older statistics table). */
  editions: Edition[];
  /** Column name in the wide CSV of its table. */
  wideColumn: string;
}

/** Returns the data dictionary: every cell of every edition, tables in order, each path once. */
export function listDictionary(): DictionaryEntry[] {
  const editionsOf = new Map<string, Edition[]>();
  for (const edition of EDITIONS) for (const s of listCellSpecs(edition)) editionsOf.set(s.path, [...(editionsOf.get(s.path) ?? []), edition]);
  return TABLES.flatMap((t) => listTableColumns(t).map((s) => ({ ...s, editions: editionsOf.get(s.path) ?? [], wideColumn: wideColumnName(s) })));
}

/** Columns of the data dictionary (dictionary.csv and the SQLite `dictionary` table). */
export const DICTIONARY_FIELDS = [
  { name: 'table', type: 'string', zh: '表格：proactive 主动公开 / requests 依申请 / appeals 复议诉讼', en: 'Table: proactive / requests / appeals', values: TABLES },
  { name: 'table_label_zh', type: 'string', zh: '表格名称', en: 'Table label (Chinese)' },
  { name: 'editions', type: 'string', zh: '有此单元格的模板版本，以分号分隔', en: 'Template editions that have the cell, separated by semicolons' },
  { name: 'row_key', type: 'string', zh: '行标识', en: 'Row key' },
  { name: 'row_label_zh', type: 'string', zh: '行名称', en: 'Row label (Chinese)' },
  { name: 'row_label_en', type: 'string', zh: '行名称（英文）', en: 'Row label (English)' },
  { name: 'column_key', type: 'string', zh: '列标识', en: 'Column key' },
  { name: 'column_label_zh', type: 'string', zh: '列名称', en: 'Column label (Chinese)' },
  { name: 'column_label_en', type: 'string', zh: '列名称（英文）', en: 'Column label (English)' },
  { name: 'unit_zh', type: 'string', zh: '单位（件、万元、元、项、个）', en: 'Unit (Chinese)' },
  { name: 'unit_en', type: 'string', zh: '单位（英文）', en: 'Unit (English)' },
  { name: 'template_row', type: 'string', zh: '模板中的位置（表号与条款）', en: 'Where the template prints the row (table and article)' },
  { name: 'path', type: 'string', zh: '单元格路径：表格.行标识.列标识，即记录和 provenance 中的键', en: 'Cell path table.row.column, the key in the record and its provenance' },
  { name: 'wide_column', type: 'string', zh: '宽表中的列名', en: 'Column name in the table\'s wide CSV' },
] as const satisfies readonly FieldSpec[];

export const DICTIONARY_HEADER = DICTIONARY_FIELDS.map((f) => f.name);

/** Returns the data dictionary as CSV. */
export function buildDictionaryCsv(): string {
  return toCsv(
    DICTIONARY_HEADER,
    listDictionary().map((d) => [
      d.table,
      TABLE_LABELS[d.table].zh,
      d.editions.join(';'),
      d.rowKey,
      d.rowZh,
      d.rowEn,
      d.columnKey,
      d.columnZh,
      d.columnEn,
      d.unitZh,
      d.unitEn,
      d.templateRow,
      d.path,
      d.wideColumn,
    ]),
  );
}

export const DATASET_TITLE = { zh: '政府信息公开工作年度报告数据集（年报观察）', en: 'Government information disclosure annual reports dataset (nianbao)' };

/** What the dataset holds, for the data package and the Datasette metadata. */
export const DATASET_DESCRIPTION = {
  zh: '各国家机关政府信息公开工作年度报告中的数字（模板表二、表三、表四），每个数字都读自报告原文并注明原文行号；报告中没有的数字留空，绝不以 0 代替。',
  en: 'Figures of Chinese government agencies’ information disclosure annual reports (tables 二, 三 and 四 of the template), each read from the report and traceable to its source line. A figure the report does not print is empty, never 0.',
};

/** Where the figures come from. */
export const DATASET_SOURCE = {
  zh: '各国家机关依《政府信息公开条例》公开发布的政府信息公开工作年度报告',
  en: 'the annual reports the agencies publish under the Regulations on Open Government Information',
};

/** The licence and citation note, in Chinese and English. */
export const LICENCE = {
  zh: '原始报告是国家机关依《政府信息公开条例》公开发布的官方文件（《著作权法》第五条不适用著作权保护）。本数据集（抽取、结构化与核对结果）按 CC BY 4.0 提供：可自由使用、转载和改编，请注明出处。数字以各机关公布的原文为准。',
  en: 'The reports are official documents published by state agencies under the Regulations on Open Government Information (not subject to copyright, Copyright Law art. 5). This dataset (the extraction, structure and checks) is offered under CC BY 4.0: use, share and adapt freely, with attribution. The agencies’ published texts are authoritative.',
  spdx: 'CC-BY-4.0',
  title: 'Creative Commons Attribution 4.0',
  url: 'https://creativecommons.org/licenses/by/4.0/',
} as const;

/**
 * Returns the citation of the dataset for a build date (yyyy-mm-dd) and the absolute URL it is
 * served at; without one (no site address) the citation names none.
 */
export function formatCitation(builtOn: string, url: string | null): { zh: string; en: string } {
  return {
    zh: `年报观察：${DATASET_TITLE.zh}，数据版本 ${builtOn}${url ? `，${url}` : ''}`,
    en: `nianbao: ${DATASET_TITLE.en}, data version ${builtOn}${url ? `, ${url}` : ''}`,
  };
}

/** The full JSON download: metadata and every record as extracted. */
export interface DatasetJson {
  title: { zh: string; en: string };
  licence: string;
  licenceNote: { zh: string; en: string };
  citation: { zh: string; en: string };
  builtOn: string;
  count: number;
  records: ReportRecord[];
}

/** Returns the metadata of the JSON download (everything but the records). */
function datasetMeta(builtOn: string, url: string | null, count: number): Omit<DatasetJson, 'records'> {
  return {
    title: DATASET_TITLE,
    licence: LICENCE.spdx,
    licenceNote: { zh: LICENCE.zh, en: LICENCE.en },
    citation: formatCitation(builtOn, url),
    builtOn,
    count,
  };
}

/**
 * Returns the JSON download in three pieces, for writing it one record at a time: `head`, then each
 * record's `formatDatasetJsonRecord` text joined by `separator`, then `tail`. The result is the same
 * text as `JSON.stringify` of the whole `DatasetJson`; `count` must be the number of records that follow.
 */
export function formatDatasetJsonFrame(builtOn: string, url: string | null, count: number): { head: string; separator: string; tail: string } {
  const empty = JSON.stringify({ ...datasetMeta(builtOn, url, count), records: [] } satisfies DatasetJson);
  const tail = ']}';
  if (!empty.endsWith(`[${tail}`)) throw new Error('records must be the last key of the dataset JSON');
  return { head: empty.slice(0, -tail.length), separator: ',', tail };
}

/** Returns one record's text in the JSON download. */
export function formatDatasetJsonRecord(record: ReportRecord): string {
  return JSON.stringify(record);
}

/** Returns the full JSON dataset text. */
export function buildDatasetJson(records: readonly ReportRecord[], builtOn: string, url: string | null): string {
  const { head, separator, tail } = formatDatasetJsonFrame(builtOn, url, records.length);
  return head + records.map(formatDatasetJsonRecord).join(separator) + tail;
}
