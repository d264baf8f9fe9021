/**
 * The downloads re-read and compared with the records, value by value: the long CSV, the wide CSVs,
 * the dictionary, the JSON and the SQLite file (opened with node:sqlite), for the five samples; and
 * the per-record pieces the streamed downloads are written from, joined, equal to the whole files.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import { listCellSpecs, listTableColumns, TABLES } from '../../../src/lib/export/cells.ts';
import { formatCsvField, formatCsvHeader, formatCsvLine, guardCsvText, parseCsv, toCsv } from '../../../src/lib/export/csv.ts';
import {
  buildDatasetJson,
  buildDictionaryCsv,
  buildLongCsv,
  buildWideCsv,
  DATASET_TITLE,
  type DatasetJson,
  formatCitation,
  formatDatasetJsonFrame,
  formatDatasetJsonRecord,
  formatLongCsvHead,
  formatLongCsvRecord,
  formatWideCsvHead,
  formatWideCsvRecord,
  LICENCE,
  listLongCsvRows,
  LONG_FIELDS,
  WIDE_ID_FIELDS,
} from '../../../src/lib/export/dataset.ts';
import { AgencyRows, buildSqlite, listSqliteRows, openSqliteUpdater, openSqliteWriter } from '../../../src/lib/export/sqlite.ts';
import type { ReportRecord } from '../../../src/lib/schema/report.ts';
import { loadSampleRecords } from '../../support/records.ts';

const records = loadSampleRecords();
const byId = new Map(records.map((r) => [r.id, r]));

/** Reads a figure straight from the record (independent of the builders' own reader). */
function figure(record: ReportRecord, table: string, row: string, column: string): number | null | undefined {
  const t = (record as unknown as Record<string, Record<string, Record<string, number | null>> | null>)[table];
  // A table the record has not (the older table of a 2019 or 2021 record: null): every cell absent.
  if (t === null) return null;
  return t![row]?.[column];
}

/** Returns the CSV field text a figure must be written as. */
function asField(value: number | null | undefined): string {
  if (value === undefined) throw new Error('cell not in record');
  return value === null ? '' : String(value);
}

describe('csv', () => {
  it('quotes per RFC 4180 and parses back', () => {
    const rows = [
      ['a,b', 'say "hi"', 'line\r\nbreak', '沂源县', null, 0, -3, 12.5, 73802895.9, ''],
      ['', '', '', '', '', '', '', '', '', '"'],
    ];
    const header = ['c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7', 'c8', 'c9', 'c10'];
    const text = toCsv(header, rows);
    expect(text.startsWith('\uFEFFc1,c2,')).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.split('\r\n')[1]).toBe('"a,b","say ""hi""","line');
    expect(parseCsv(text)).toEqual([header, ['a,b', 'say "hi"', 'line\r\nbreak', '沂源县', '', '0', '-3', '12.5', '73802895.9', ''], ['', '', '', '', '', '', '', '', '', '"']]);
    expect(formatCsvField(1e21)).toBe('1000000000000000000000');
    expect(() => toCsv(['a'], [['x', 'y']])).toThrow();
  });

  it('writes a file as a header and then one line per row', () => {
    expect(formatCsvHeader(['a', 'b'])).toBe('\uFEFFa,b\r\n');
    expect(formatCsvLine(['x,y', null], 2)).toBe('"x,y",\r\n');
    expect(() => formatCsvLine(['x'], 2)).toThrow();
    expect(toCsv(['a', 'b'], [])).toBe('\uFEFFa,b\r\n');
    expect(toCsv(['a', 'b'], [[1, 'z'], [null, '"']])).toBe('\uFEFFa,b\r\n1,z\r\n,""""\r\n');
  });
});

describe('csv formula guard', () => {
  it('puts a single quote before text beginning with =, +, -, @, tab or CR (OWASP), nothing else', () => {
    expect(['=NOW()', "+cmd|'/ccalc'!A1", '-2+3', '@SUM(A1)', '\t=1', '\r=1'].map(guardCsvText)).toEqual(["'=NOW()", "'+cmd|'/ccalc'!A1", "'-2+3", "'@SUM(A1)", "'\t=1", "'\r=1"]);
    expect(['沂源县=1', 'a-b', '', ' =1', '（一）予以公开', '2021;2019'].map(guardCsvText)).toEqual(['沂源县=1', 'a-b', '', ' =1', '（一）予以公开', '2021;2019']);
    expect([formatCsvField('=NOW()'), formatCsvField('=1,2'), formatCsvField('\r=1')]).toEqual(["'=NOW()", '"\'=1,2"', '"\'\r=1"']);
  });

  it('never touches numbers: a negative number stays negative', () => {
    expect([formatCsvField(-3), formatCsvField(-0.5), formatCsvField(0)]).toEqual(['-3', '-0.5', '0']);
    expect(toCsv(['name', 'value'], [['=NOW()', -3]])).toBe("\uFEFFname,value\r\n'=NOW(),-3\r\n");
  });

  it('guards agency names in the long and wide CSV; JSON and SQLite keep the raw text', () => {
    const hostile = structuredClone(records[1]!);
    hostile.agency.name = "+cmd|'/ccalc'!A1";
    hostile.requests.granted!.natural = -3;
    const [longHeader, ...long] = parseCsv(buildLongCsv([hostile]));
    const col = (name: string) => longHeader!.indexOf(name);
    expect(new Set(long.map((r) => r[col('agency_name')]))).toEqual(new Set(["'+cmd|'/ccalc'!A1"]));
    const granted = long.find((r) => r[col('table')] === 'requests' && r[col('row_key')] === 'granted' && r[col('column_key')] === 'natural')!;
    expect(granted[col('value')]).toBe('-3');
    const [wideHeader, wide] = parseCsv(buildWideCsv([hostile], 'requests'));
    expect(wide![wideHeader!.indexOf('agency_name')]).toBe("'+cmd|'/ccalc'!A1");
    expect(wide![wideHeader!.indexOf('granted_natural')]).toBe('-3');
    const json = JSON.parse(buildDatasetJson([hostile], '2025-01-02', 'https://x/data/')) as { records: ReportRecord[] };
    expect(json.records[0]!.agency.name).toBe("+cmd|'/ccalc'!A1");
    const dir = mkdtempSync(path.join(tmpdir(), 'nianbao-guard-'));
    try {
      writeFileSync(path.join(dir, 'n.sqlite'), buildSqlite([hostile], '2025-01-02'));
      const db = new DatabaseSync(path.join(dir, 'n.sqlite'), { readOnly: true });
      expect(db.prepare('SELECT name FROM agencies').all()).toEqual([{ name: "+cmd|'/ccalc'!A1" }]);
      db.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('long csv', () => {
  const rows = parseCsv(buildLongCsv(records));
  const [header, ...data] = rows;

  it('has one row per report × template cell of its edition', () => {
    expect(header).toEqual(LONG_FIELDS.map((f) => f.name));
    // 2021 edition: table A 10 cells, table B 25 rows × 7, table C 15 → 200; 2019: 22 + 23 × 7 + 15 = 198.
    expect(listCellSpecs('2021')).toHaveLength(200);
    expect(listCellSpecs('2019')).toHaveLength(198);
    expect(data).toHaveLength(4 * 200 + 198);
    for (const row of data) expect(row).toHaveLength(header!.length);
  });

  it('holds every value of every record, absent as empty, with the source line', () => {
    const col = Object.fromEntries(header!.map((h, i) => [h, i])) as Record<string, number>;
    let empty = 0;
    for (const row of data) {
      const record = byId.get(row[col.report_id!]!)!;
      const [table, rowKey, columnKey] = [row[col.table!]!, row[col.row_key!]!, row[col.column_key!]!];
      const path = `${table}.${rowKey}.${columnKey}`;
      expect(row[col.value!], `${record.id} ${path}`).toBe(asField(figure(record, table, rowKey, columnKey)));
      expect(row[col.source_line!], path).toBe(record.provenance[path] === undefined ? '' : String(record.provenance[path]));
      expect(row[col.agency_name!]).toBe(record.agency.name);
      expect(row[col.region_code!]).toBe(record.agency.region.code ?? '');
      expect(row[col.county!]).toBe(record.agency.region.county ?? '');
      expect(row[col.year!]).toBe(String(record.year));
      expect(row[col.template!]).toBe(record.template);
      if (row[col.value!] === '') empty++;
    }
    // Each figure with a source line appears exactly once.
    const withLine = data.filter((r) => r[col.source_line!] !== '').length;
    expect(withLine).toBe(records.reduce((n, r) => n + Object.keys(r.provenance).length, 0));
    // 沂源县行政审批服务局 2024 has no tables: all 200 cells empty, none 0.
    const y2024 = data.filter((r) => r[col.report_id!] === 'yiyuanxian-xingzheng-shenpi-fuwuju-2024');
    expect(y2024).toHaveLength(200);
    expect(y2024.every((r) => r[col.value!] === '')).toBe(true);
    expect(empty).toBeGreaterThan(200);
  });

  it('is the head and each record’s lines, joined', () => {
    expect(formatLongCsvHead()).toBe(`\uFEFF${LONG_FIELDS.map((f) => f.name).join(',')}\r\n`);
    expect(formatLongCsvHead() + records.map(formatLongCsvRecord).join('')).toBe(buildLongCsv(records));
    for (const r of records) {
      const lines = formatLongCsvRecord(r).split('\r\n');
      expect(lines.pop()).toBe('');
      expect(lines).toHaveLength(r.template === '2021' ? 200 : 198);
      expect(listLongCsvRows(r)).toHaveLength(lines.length);
    }
    expect(formatLongCsvRecord(records[0]!).split('\r\n')[0]).toBe(buildLongCsv(records).split('\r\n')[1]);
  });

  it('reads hand-checked figures', () => {
    const col = Object.fromEntries(header!.map((h, i) => [h, i])) as Record<string, number>;
    const find = (id: string, table: string, row: string, column: string) =>
      data.find((r) => r[col.report_id!] === id && r[col.table!] === table && r[col.row_key!] === row && r[col.column_key!] === column)!;
    // 泰山区 2024, 表三 （一）予以公开 · 自然人 = 13.
    const granted = find('taishanqu-xingzheng-shenpi-fuwuju-2024', 'requests', 'granted', 'natural');
    expect(granted[col.value!]).toBe('13');
    expect(granted[col.row_label_zh!]).toBe('（一）予以公开');
    expect(granted[col.column_label_zh!]).toBe('自然人');
    // 沂源县人民政府 2023: 行政许可 77693; 行政事业性收费 6849 万元.
    expect(find('yiyuanxian-renminzhengfu-2023', 'proactive', 'licensing', 'decisions')[col.value!]).toBe('77693');
    expect(find('yiyuanxian-renminzhengfu-2023', 'proactive', 'fees', 'amountWan')[col.value!]).toBe('6849');
    // 沂源县行政审批服务局 2020 (2019 edition): 行政许可 增 69; table C absent.
    expect(find('yiyuanxian-xingzheng-shenpi-fuwuju-2020', 'proactive', 'licensing', 'change')[col.value!]).toBe('69');
    expect(find('yiyuanxian-xingzheng-shenpi-fuwuju-2020', 'appeals', 'review', 'total')[col.value!]).toBe('');
    // 枣庄 2024: the five review cells blank, litigation direct upheld 1.
    expect(find('zaozhuangshi-xingzheng-shenpi-fuwuju-2024', 'appeals', 'review', 'upheld')[col.value!]).toBe('');
    expect(find('zaozhuangshi-xingzheng-shenpi-fuwuju-2024', 'appeals', 'litigationDirect', 'upheld')[col.value!]).toBe('1');
  });
});

describe('wide csv', () => {
  for (const table of TABLES) {
    it(`${table}: one row per report, every cell equal to the record`, () => {
      const [header, ...data] = parseCsv(buildWideCsv(records, table));
      const specs = listTableColumns(table);
      expect(header).toEqual([...WIDE_ID_FIELDS, ...specs.map((s) => `${s.rowKey}_${s.columnKey}`)]);
      expect(data.map((r) => r[0])).toEqual(records.map((r) => r.id));
      for (const row of data) {
        const record = byId.get(row[0]!)!;
        expect(row[WIDE_ID_FIELDS.indexOf('table_status')]).toBe(table === 'legacy' ? 'absent' : record.tables[table]);
        specs.forEach((s, i) => {
          const v = figure(record, table, s.rowKey, s.columnKey);
          // A cell of the other edition is not in the record at all: empty too.
          expect(row[WIDE_ID_FIELDS.length + i], `${record.id} ${s.path}`).toBe(v === undefined || v === null ? '' : String(v));
        });
      }
    });

    it(`${table}: is the head and a line per record, joined`, () => {
      const text = buildWideCsv(records, table);
      expect(formatWideCsvHead(table) + records.map((r) => formatWideCsvRecord(r, table)).join('')).toBe(text);
      const lines = text.split('\r\n');
      expect(formatWideCsvHead(table)).toBe(`${lines[0]}\r\n`);
      records.forEach((r, i) => expect(formatWideCsvRecord(r, table)).toBe(`${lines[i + 1]}\r\n`));
    });
  }
});

describe('dictionary', () => {
  it('lists every cell of every edition with labels and units', () => {
    const [header, ...rows] = parseCsv(buildDictionaryCsv());
    expect(header!.slice(0, 3)).toEqual(['table', 'table_label_zh', 'editions']);
    // Table A: 10 (2021) + 22 (2019) − 3 shared (licensing, penalty, coercion · decisions); table B: 26 rows × 7; table C: 15;
    // the older statistics table (pre2019): 20 rows × 本年 and 历年累计.
    expect(rows).toHaveLength(10 + 22 - 3 + 26 * 7 + 15 + 20 * 2);
    expect(rows.find((r) => r[12] === 'proactive.licensing.decisions')![2]).toBe('2021;2019');
    const fees = rows.find((r) => r[12] === 'proactive.fees.amountWan')!;
    expect(fees).toEqual(['proactive', '主动公开政府信息情况', '2021', 'fees', '行政事业性收费', 'Administrative fees', 'amountWan', '本年收费金额（万元）', 'Fees collected this year', '万元', '10,000 yuan', '表二 第二十条第（八）项', 'proactive.fees.amountWan', 'fees_amountWan']);
    expect(rows.find((r) => r[12] === 'requests.granted.natural')![2]).toBe('2021;2019');
    expect(rows.find((r) => r[12] === 'requests.otherHandling.total')![2]).toBe('2019');
    expect(rows.find((r) => r[12] === 'legacy.requestsReceived.year')).toEqual(['legacy', '政府信息公开情况统计表（2019 年以前的旧式统计表）', 'pre2019', 'requestsReceived', '受理政府信息公开申请总数', 'Requests accepted (受理)', 'year', '本年', 'This year', '条', 'requests', '旧式统计表（指标名称 / 计量单位 / 本年 / 历年累计）', 'legacy.requestsReceived.year', 'requestsReceived_year']);
  });
});

describe('json', () => {
  it('holds every record unchanged', () => {
    const data = JSON.parse(buildDatasetJson(records, '2025-01-02', 'https://x/data/')) as { count: number; records: ReportRecord[]; builtOn: string; licence: string };
    expect(data.count).toBe(5);
    expect(data.builtOn).toBe('2025-01-02');
    expect(data.licence).toBe('CC-BY-4.0');
    expect(data.records).toEqual(records);
  });

  it('is JSON.stringify of the whole dataset, written as head, records and tail', () => {
    const whole = JSON.stringify({
      title: DATASET_TITLE,
      licence: 'CC-BY-4.0',
      licenceNote: { zh: LICENCE.zh, en: LICENCE.en },
      citation: formatCitation('2025-01-02', 'https://x/data/'),
      builtOn: '2025-01-02',
      count: records.length,
      records,
    });
    expect(buildDatasetJson(records, '2025-01-02', 'https://x/data/')).toBe(whole);
    const frame = formatDatasetJsonFrame('2025-01-02', 'https://x/data/', records.length);
    expect(frame.head).toBe(whole.slice(0, whole.indexOf('"records":[') + '"records":['.length));
    expect(frame.head.endsWith(',"count":5,"records":[')).toBe(true);
    expect([frame.separator, frame.tail]).toEqual([',', ']}']);
    expect(frame.head + records.map(formatDatasetJsonRecord).join(frame.separator) + frame.tail).toBe(whole);
    const none = formatDatasetJsonFrame('2025-01-02', 'https://x/data/', 0);
    expect(JSON.parse(none.head + none.tail)).toMatchObject({ count: 0, records: [] });
  });

  it('cites the data folder’s URL, or no URL at all when the site has no address', () => {
    expect(formatCitation('2025-01-02', 'https://x/data/').en).toBe('nianbao: Government information disclosure annual reports dataset (nianbao), data version 2025-01-02, https://x/data/');
    expect(formatCitation('2025-01-02', null)).toEqual({
      zh: '年报观察：政府信息公开工作年度报告数据集（年报观察），数据版本 2025-01-02',
      en: 'nianbao: Government information disclosure annual reports dataset (nianbao), data version 2025-01-02',
    });
    const data = JSON.parse(buildDatasetJson(records, '2025-01-02', null)) as DatasetJson;
    expect(data.citation).toEqual(formatCitation('2025-01-02', null));
  });
});

describe('sqlite', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'nianbao-test-'));
  const file = path.join(dir, 'n.sqlite');
  const bytes = buildSqlite(records, '2025-01-02');
  writeFileSync(file, bytes);
  const db = new DatabaseSync(file, { readOnly: true });

  it('is a SQLite file with the tables and indexes', () => {
    expect(Buffer.from(bytes.slice(0, 16)).toString('latin1')).toBe('SQLite format 3\0');
    const names = db.prepare("SELECT name, type FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY name").all().map((r) => `${r.type}:${r.name}`);
    for (const t of ['agencies', 'reports', 'cells', 'checks', 'check_failures', 'dictionary', 'metadata']) expect(names).toContain(`table:${t}`);
    for (const i of ['cells_measure', 'cells_agency_year', 'reports_agency_year', 'checks_status']) expect(names).toContain(`index:${i}`);
    expect(db.prepare("SELECT value FROM metadata WHERE key = 'built_on'").get()!.value).toBe('2025-01-02');
  });

  it('holds the agencies and reports', () => {
    expect(db.prepare('SELECT count(*) AS n FROM agencies').get()!.n).toBe(4);
    // As the whole-corpus builder once made them: records by year, INSERT OR REPLACE (a replaced row goes last).
    const expected = new Map<string, string>();
    for (const r of [...records].sort((a, b) => a.year - b.year)) {
      expected.delete(r.agency.slug);
      expected.set(r.agency.slug, r.agency.name);
    }
    expect(db.prepare('SELECT slug, name FROM agencies ORDER BY rowid').all().map((a) => [a.slug, a.name])).toEqual([...expected]);
    const reports = db.prepare('SELECT * FROM reports ORDER BY id').all();
    expect(reports.map((r) => r.id)).toEqual(records.map((r) => r.id).sort());
    for (const row of reports) {
      const r = byId.get(row.id as string)!;
      expect([row.agency_slug, row.year, row.template, row.title, row.signed_on, row.requests_status, row.source_path]).toEqual([r.agency.slug, r.year, r.template, r.title, r.signedOn, r.tables.requests, r.source.path]);
    }
    const yiyuan = db.prepare("SELECT * FROM agencies WHERE slug = 'yiyuanxian-xingzheng-shenpi-fuwuju'").get()!;
    expect([yiyuan.name, yiyuan.kind, yiyuan.province, yiyuan.city, yiyuan.county, yiyuan.region_code]).toEqual(['沂源县行政审批服务局', 'department', '山东省', '淄博市', '沂源县', '370323']);
    expect(db.prepare("SELECT signed_on FROM reports WHERE id = 'yiyuanxian-xingzheng-shenpi-fuwuju-2020'").get()!.signed_on).toBe('2020-01-27');
  });

  it('holds every cell equal to the record, absent as NULL', () => {
    const cells = db.prepare('SELECT * FROM cells').all();
    expect(cells).toHaveLength(4 * 200 + 198);
    let nulls = 0;
    for (const c of cells) {
      const r = byId.get(c.report_id as string)!;
      const path = `${c.table}.${c.row_key}.${c.column_key}`;
      const v = figure(r, c.table as string, c.row_key as string, c.column_key as string);
      expect(v, path).not.toBeUndefined();
      expect(c.value, `${r.id} ${path}`).toBe(v);
      expect(c.source_line, path).toBe(r.provenance[path] ?? null);
      if (c.value === null) nulls++;
    }
    const csvEmpty = parseCsv(buildLongCsv(records)).filter((row) => row[14] === '').length;
    expect(nulls).toBe(csvEmpty);
    expect(db.prepare("SELECT count(*) AS n FROM cells WHERE report_id = 'yiyuanxian-xingzheng-shenpi-fuwuju-2024' AND value IS NULL").get()!.n).toBe(200);
    // A query a reader would write: 予以公开 per report.
    const granted = db.prepare("SELECT report_id, value FROM cells WHERE \"table\" = 'requests' AND row_key = 'granted' AND column_key = 'total' ORDER BY report_id").all();
    expect(granted.map((g) => [g.report_id, g.value])).toEqual([
      ['taishanqu-xingzheng-shenpi-fuwuju-2024', 13],
      ['yiyuanxian-renminzhengfu-2023', 62],
      ['yiyuanxian-xingzheng-shenpi-fuwuju-2020', 0],
      ['yiyuanxian-xingzheng-shenpi-fuwuju-2024', null],
      ['zaozhuangshi-xingzheng-shenpi-fuwuju-2024', 2],
    ]);
  });

  it('takes each record’s rows from listSqliteRows', () => {
    const rows = listSqliteRows(byId.get('yiyuanxian-xingzheng-shenpi-fuwuju-2020')!);
    expect(rows.report.slice(0, 4)).toEqual(['yiyuanxian-xingzheng-shenpi-fuwuju-2020', 'yiyuanxian-xingzheng-shenpi-fuwuju', 2020, '2019']);
    expect(rows.cells).toHaveLength(198);
    expect(rows.checks).toHaveLength(5);
    expect(rows.agency).toEqual(['yiyuanxian-xingzheng-shenpi-fuwuju', '沂源县行政审批服务局', 'department', '山东省', '淄博市', '沂源县', '370323']);
    const dbCells = db.prepare("SELECT * FROM cells WHERE report_id = 'yiyuanxian-xingzheng-shenpi-fuwuju-2020' ORDER BY rowid").all();
    expect(dbCells.map((c) => Object.values(c))).toEqual(rows.cells);
  });

  it('holds every check', () => {
    const checks = db.prepare('SELECT * FROM checks ORDER BY report_id, check_id').all();
    expect(checks).toHaveLength(25);
    for (const c of checks) {
      const check = byId.get(c.report_id as string)!.checks.find((k) => k.id === c.check_id)!;
      expect([c.status, c.evaluated, c.failures]).toEqual([check.status, check.evaluated, check.failures.length]);
    }
    expect(db.prepare("SELECT status FROM checks WHERE report_id = 'zaozhuangshi-xingzheng-shenpi-fuwuju-2024' AND check_id = 'appealSum'").get()!.status).toBe('incomplete');
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });
});

describe('sqlite writer', () => {
  it('keeps each agency’s newest report’s row, the later one on a tie, whatever the order added', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'nianbao-test-'));
    try {
      const base = records.find((r) => r.id === 'yiyuanxian-xingzheng-shenpi-fuwuju-2020')!;
      const renamed = (year: number, name: string): ReportRecord => ({ ...base, id: `x-${year}-${name}`, year, agency: { ...base.agency, name } });
      const file = path.join(dir, 'w.sqlite');
      const writer = openSqliteWriter(file, '2025-01-02');
      for (const r of [renamed(2023, 'new'), renamed(2021, 'old'), renamed(2023, 'tie'), renamed(2022, 'mid')]) writer.add(r);
      writer.finish();
      const db = new DatabaseSync(file, { readOnly: true });
      expect(db.prepare('SELECT name FROM agencies').all()).toEqual([{ name: 'tie' }]);
      expect(db.prepare('SELECT id FROM reports ORDER BY rowid').all().map((r) => r.id)).toEqual(['x-2023-new', 'x-2021-old', 'x-2023-tie', 'x-2022-mid']);
      expect(db.prepare('SELECT count(*) AS n FROM cells').get()!.n).toBe(4 * 198);
      db.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses an update that leaves a report without its agency, or rows without their report, and leaves the file as it was', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'nianbao-test-'));
    try {
      const base = records.find((r) => r.id === 'yiyuanxian-xingzheng-shenpi-fuwuju-2020')!;
      const file = path.join(dir, 'u.sqlite');
      const writer = openSqliteWriter(file, '2025-01-02');
      writer.add(base);
      writer.finish();
      const agencies = new AgencyRows();
      agencies.add(base.year, listSqliteRows(base).agency);
      const other = { ...base, id: 'other-2020', agency: { ...base.agency, slug: 'other' } };
      // A report whose agency is not among the agencies given.
      const noAgency = openSqliteUpdater(file);
      noAgency.addRows(listSqliteRows(other));
      expect(() => noAgency.finish(agencies.list(), '2025-01-03')).toThrow(/foreign key violated/);
      // Rows that name a report that is not there.
      const rows = listSqliteRows(base);
      const orphan = openSqliteUpdater(file);
      orphan.remove(base.id);
      orphan.addRows({ ...rows, cells: rows.cells.map((c) => ['ghost-2020', ...c.slice(1)]) });
      expect(() => orphan.finish(agencies.list(), '2025-01-03')).toThrow(/cells row of report ghost-2020/);
      const db = new DatabaseSync(file, { readOnly: true });
      expect(db.prepare('SELECT id FROM reports').all().map((r) => r.id)).toEqual([base.id]);
      expect(db.prepare("SELECT value FROM metadata WHERE key = 'built_on'").get()!.value).toBe('2025-01-02');
      db.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
