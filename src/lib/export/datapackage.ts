/**
 * The downloads described as a Frictionless Tabular Data Package (Data Package v1,
 * https://specs.frictionlessdata.io/data-package/, with Table Schema and CSV Dialect): a resource per
 * CSV file the build writes, each with the fields of its header row in order, their types, units,
 * primary and foreign keys. Pure: made from the same field definitions the CSV builders write their
 * headers from (src/lib/export/dataset.ts), so the descriptor and the files cannot disagree.
 */
import { TABLES, TABLE_LABELS } from './cells.ts';
import { DATASET_DESCRIPTION, DATASET_SOURCE, DATASET_TITLE, DICTIONARY_FIELDS, LICENCE, LONG_FIELDS, listWideCsvFields, type FieldSpec, type FieldType } from './dataset.ts';

/** A Table Schema field (https://specs.frictionlessdata.io/table-schema/#field-descriptors). */
export interface TableSchemaField {
  name: string;
  type: FieldType;
  title: string;
  description: string;
  /** The unit of every figure in the column (Chinese), a custom property: Table Schema has none. */
  unit?: string;
  constraints?: { enum: string[] };
}

/** A Table Schema foreign key: `fields` of this resource hold values of `reference.fields` of another. */
export interface TableSchemaForeignKey {
  fields: string[];
  reference: { resource: string; fields: string[] };
}

/** A Tabular Data Resource (https://specs.frictionlessdata.io/tabular-data-resource/). */
export interface DataResource {
  profile: 'tabular-data-resource';
  name: string;
  path: string;
  title: string;
  description: string;
  format: 'csv';
  mediatype: 'text/csv';
  encoding: 'utf-8';
  dialect: { delimiter: ','; lineTerminator: '\r\n'; quoteChar: '"'; doubleQuote: true; header: true };
  schema: {
    fields: TableSchemaField[];
    /** Empty fields are absent values, never 0. */
    missingValues: [''];
    primaryKey: string[];
    foreignKeys?: TableSchemaForeignKey[];
  };
}

/** A Tabular Data Package descriptor (datapackage.json). */
export interface DataPackage {
  profile: 'tabular-data-package';
  name: string;
  title: string;
  description: string;
  homepage?: string;
  created: string;
  keywords: string[];
  licenses: { name: string; path: string; title: string }[];
  sources: { title: string }[];
  resources: DataResource[];
}

/** The CSV dialect every download is written in (src/lib/export/csv.ts): RFC 4180, CRLF, a header row. */
const DIALECT: DataResource['dialect'] = { delimiter: ',', lineTerminator: '\r\n', quoteChar: '"', doubleQuote: true, header: true };

/** Returns a download column as a Table Schema field; the unit is both in the description and in `unit`. */
export function toTableSchemaField(spec: FieldSpec): TableSchemaField {
  const unit = spec.unit ? `；单位：${spec.unit.zh}（unit: ${spec.unit.en}）` : '';
  return {
    name: spec.name,
    type: spec.type,
    title: spec.zh,
    description: `${spec.zh}${unit}。${spec.en}.`,
    ...(spec.unit ? { unit: spec.unit.zh } : {}),
    ...(spec.values ? { constraints: { enum: [...spec.values] } } : {}),
  };
}

/** Returns a tabular resource of a CSV download with the given columns and keys. */
function describeCsv(
  name: string,
  title: string,
  description: string,
  fields: readonly FieldSpec[],
  primaryKey: string[],
  foreignKeys?: TableSchemaForeignKey[],
): DataResource {
  return {
    profile: 'tabular-data-resource',
    name,
    path: `${name}.csv`,
    title,
    description: `${description} UTF-8 with a byte-order mark, CRLF line ends, RFC 4180 quoting.`,
    format: 'csv',
    mediatype: 'text/csv',
    encoding: 'utf-8',
    dialect: DIALECT,
    schema: { fields: fields.map(toTableSchemaField), missingValues: [''], primaryKey, ...(foreignKeys ? { foreignKeys } : {}) },
  };
}

/** Returns the resources of the CSV downloads: the long CSV, a wide CSV per table, the data dictionary. */
export function listCsvResources(): DataResource[] {
  // A cell of the long form is one entry of the dictionary: the same table, row and column keys.
  const cellKey = ['table', 'row_key', 'column_key'];
  return [
    describeCsv(
      'nianbao-long',
      '长表 Long form',
      'One row per report × table × row × column of the report\'s template edition; the unit of `value` is the dictionary\'s unit of its cell.',
      LONG_FIELDS,
      ['report_id', ...cellKey],
      [{ fields: cellKey, reference: { resource: 'dictionary', fields: cellKey } }],
    ),
    ...TABLES.map((t) =>
      describeCsv(
        `nianbao-wide-${t}`,
        `宽表：表${TABLE_LABELS[t].section} ${TABLE_LABELS[t].zh} Wide form: ${TABLE_LABELS[t].en}`,
        `One row per report, a column per cell of table ${TABLE_LABELS[t].section} in either template edition (empty where the report's edition has no such cell); the column of a cell is the dictionary's wide_column.`,
        listWideCsvFields(t),
        ['report_id'],
      ),
    ),
    describeCsv('dictionary', '数据字典 Data dictionary', 'Every cell of both template editions: labels, unit, editions and where the template prints it.', DICTIONARY_FIELDS, ['path']),
  ];
}

/** What the descriptor says beyond the files: when it was built and, when known, where it is served. */
export interface DataPackageOptions {
  /** Build date, yyyy-mm-dd. */
  builtOn: string;
  /** Absolute URL of the data page when the site URL is configured, else null (no placeholder). */
  homepage: string | null;
}

/** Returns the datapackage.json descriptor of the CSV downloads. */
export function buildDataPackage({ builtOn, homepage }: DataPackageOptions): DataPackage {
  return {
    profile: 'tabular-data-package',
    name: 'nianbao',
    title: `${DATASET_TITLE.zh} ${DATASET_TITLE.en}`,
    description: `${DATASET_DESCRIPTION.zh}\n\n${DATASET_DESCRIPTION.en}`,
    ...(homepage ? { homepage } : {}),
    created: `${builtOn}T00:00:00Z`,
    keywords: ['政府信息公开', '年度报告', 'government information disclosure', 'open government', 'China'],
    licenses: [{ name: LICENCE.spdx, path: LICENCE.url, title: LICENCE.title }],
    sources: [{ title: `${DATASET_SOURCE.zh} (${DATASET_SOURCE.en})` }],
    resources: listCsvResources(),
  };
}
