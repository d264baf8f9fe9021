/**
 * datapackage.json: a valid Tabular Data Package whose resources are the CSV downloads, each with the
 * fields of the file's header row in order, and whose types, enums and keys hold for every value the
 * builders write from the five samples.
 */
import { describe, expect, it } from 'vitest';
import { TABLES } from '../../../src/lib/export/cells.ts';
import { parseCsv } from '../../../src/lib/export/csv.ts';
import { buildDataPackage, listCsvResources, type DataResource } from '../../../src/lib/export/datapackage.ts';
import { buildDictionaryCsv, buildLongCsv, buildWideCsv, listDictionary } from '../../../src/lib/export/dataset.ts';
import { validateDataPackage } from '../../support/data-package-spec.ts';
import { loadSampleRecords } from '../../support/records.ts';

const records = loadSampleRecords();
const pkg = buildDataPackage({ builtOn: '2025-01-02', homepage: 'https://example.gov.cn/nianbao/data/' });

/** The CSV text each resource describes, as the builders make it from the samples. */
const CSV_OF: Record<string, string> = {
  'nianbao-long.csv': buildLongCsv(records),
  ...Object.fromEntries(TABLES.map((t) => [`nianbao-wide-${t}.csv`, buildWideCsv(records, t)])),
  'dictionary.csv': buildDictionaryCsv(),
};

/** Returns a resource's rows as objects keyed by header name. */
function readRows(resource: DataResource): Record<string, string>[] {
  const [header, ...rows] = parseCsv(CSV_OF[resource.path]!);
  return rows.map((row) => Object.fromEntries(header!.map((h, i) => [h, row[i]!])));
}

/** Returns whether a CSV field is a value of a Table Schema type (empty is the missing value). */
function isOfType(text: string, type: string): boolean {
  if (text === '') return true;
  if (type === 'integer') return /^-?\d+$/.test(text);
  if (type === 'number') return /^-?\d+(\.\d+)?$/.test(text);
  return type === 'string';
}

describe('the data package validator', () => {
  // So that a pass below means something: each rule the validator holds is seen to fail.
  const broken = (change: (p: ReturnType<typeof structuredClone<typeof pkg>>) => void) => {
    const copy = structuredClone(pkg);
    change(copy);
    return validateDataPackage(copy);
  };

  it('rejects a descriptor that breaks a required part of the spec', () => {
    expect(validateDataPackage({ profile: 'tabular-data-package' })).not.toEqual([]);
    expect(broken((p) => (p.name = 'Nian Bao'))).not.toEqual([]);
    expect(broken((p) => (p.resources[0]!.schema.fields[0]!.type = 'text' as never))).not.toEqual([]);
    expect(broken((p) => delete (p.resources[0] as Partial<DataResource>).path)).not.toEqual([]);
    expect(broken((p) => (p.resources[0]!.path = '../secret.csv'))).not.toEqual([]);
    expect(broken((p) => (p.resources[1]!.name = p.resources[0]!.name))).toEqual([`resource name ${pkg.resources[0]!.name} is not unique`]);
    expect(broken((p) => (p.resources[0]!.schema.primaryKey = ['nope']))).toEqual(['nianbao-long: primary key nope is not a field']);
    expect(broken((p) => (p.resources[0]!.schema.foreignKeys![0]!.reference.resource = 'gone'))).toEqual(['nianbao-long: foreign key names no resource gone']);
    expect(broken((p) => (p.resources[0]!.schema.foreignKeys![0]!.reference.fields = ['table']))).toEqual(['nianbao-long: foreign key has 3 fields, its reference 1']);
    expect(broken((p) => (p.created = '2025-01-02'))).not.toEqual([]);
  });
});

describe('datapackage.json', () => {
  it('is a valid Tabular Data Package (Data Package v1, Table Schema, CSV Dialect)', () => {
    expect(validateDataPackage(pkg)).toEqual([]);
    expect(validateDataPackage(JSON.parse(JSON.stringify(pkg)))).toEqual([]);
    expect(pkg).toMatchObject({ name: 'nianbao', created: '2025-01-02T00:00:00Z', licenses: [{ name: 'CC-BY-4.0' }], homepage: 'https://example.gov.cn/nianbao/data/' });
  });

  it('names a homepage only when the site URL is known', () => {
    expect(buildDataPackage({ builtOn: '2025-01-02', homepage: null })).not.toHaveProperty('homepage');
  });

  it('has a resource per CSV: the long form, a wide form per table, the dictionary', () => {
    expect(pkg.resources.map((r) => r.path)).toEqual(['nianbao-long.csv', 'nianbao-wide-proactive.csv', 'nianbao-wide-requests.csv', 'nianbao-wide-appeals.csv', 'nianbao-wide-legacy.csv', 'dictionary.csv']);
    for (const r of pkg.resources) expect(r, r.name).toMatchObject({ format: 'csv', mediatype: 'text/csv', encoding: 'utf-8', dialect: { delimiter: ',', lineTerminator: '\r\n' } });
  });

  it('gives each resource the fields of its CSV header row, in order', () => {
    for (const r of pkg.resources) {
      expect(
        r.schema.fields.map((f) => f.name),
        r.path,
      ).toEqual(parseCsv(CSV_OF[r.path]!)[0]);
    }
  });

  it('describes every field, and gives each figure column of a wide CSV its unit', () => {
    for (const r of pkg.resources) for (const f of r.schema.fields) expect(f.description.length, `${r.name}.${f.name}`).toBeGreaterThan(5);
    const wide = pkg.resources.find((r) => r.name === 'nianbao-wide-proactive')!;
    const unitOf = new Map(listDictionary().map((d) => [d.wideColumn, d.unitZh]));
    const figures = wide.schema.fields.filter((f) => f.type === 'number');
    expect(figures.length).toBeGreaterThan(20);
    for (const f of figures) {
      expect(f.unit, f.name).toBe(unitOf.get(f.name));
      expect(f.description, f.name).toContain(`单位：${f.unit}`);
    }
    expect(wide.schema.fields.find((f) => f.name === 'fees_amountWan')!.unit).toBe('万元');
  });

  it('types every value the builders write as its field says, within its enum', () => {
    for (const r of pkg.resources) {
      const rows = readRows(r);
      expect(rows.length, r.name).toBeGreaterThan(0);
      for (const f of r.schema.fields) {
        for (const row of rows) {
          expect(isOfType(row[f.name]!, f.type), `${r.name}.${f.name} = ${row[f.name]}`).toBe(true);
          if (f.constraints && row[f.name] !== '') expect(f.constraints.enum, `${r.name}.${f.name}`).toContain(row[f.name]);
        }
      }
    }
    // The checks above would pass on text alone: the figures really are typed.
    expect(pkg.resources[0]!.schema.fields.find((f) => f.name === 'value')!.type).toBe('number');
    expect(isOfType('12a', 'number')).toBe(false);
  });

  it('keeps its primary keys unique and its foreign keys resolved in the sample files', () => {
    const rowsOf = new Map(pkg.resources.map((r) => [r.name, readRows(r)]));
    const keyOf = (row: Record<string, string>, fields: readonly string[]) => JSON.stringify(fields.map((f) => row[f]));
    for (const r of pkg.resources) {
      const keys = rowsOf.get(r.name)!.map((row) => keyOf(row, r.schema.primaryKey));
      expect(new Set(keys).size, r.name).toBe(keys.length);
      for (const fk of r.schema.foreignKeys ?? []) {
        const targets = new Set(rowsOf.get(fk.reference.resource)!.map((row) => keyOf(row, fk.reference.fields)));
        for (const row of rowsOf.get(r.name)!) expect(targets.has(keyOf(row, fk.fields)), `${r.name} ${keyOf(row, fk.fields)}`).toBe(true);
      }
    }
    expect(pkg.resources[0]!.schema.foreignKeys).toHaveLength(1);
  });

  it('is made from the definitions alone: the same resources whatever the build', () => {
    expect(buildDataPackage({ builtOn: '2030-12-31', homepage: null }).resources).toEqual(listCsvResources());
  });
});
