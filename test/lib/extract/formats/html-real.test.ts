/**
 * The six real report pages of test/fixtures/real/ (see SOURCES.md there), read end to end. Every
 * expected figure below was typed from the pages' HTML source (the <td> contents of each table), not
 * from the extractor's output.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractReport } from '../../../../src/lib/extract/extract-report.ts';
import { readReportText } from '../../../../src/lib/extract/formats/formats.ts';
import { reportRecordSchema, type Appeals, type ReportRecord, type Requests } from '../../../../src/lib/schema/report.ts';
import { group, row } from '../../../fixtures/samples.ts';
import { wordMessages } from '../../../support/messages.ts';

type Seven = Parameters<typeof row>;

/** Table B rows of the 2021 edition in printed order, (六)其他处理 as three rows. */
const ROWS_2021 = [
  'newReceived', 'carriedOver', 'granted', 'partiallyGranted',
  'withheldStateSecret', 'withheldLawProhibited', 'withheldSecurityStability', 'withheldThirdParty',
  'withheldInternalAffairs', 'withheldProcessInfo', 'withheldEnforcementFile', 'withheldAdminQuery',
  'unavailableNotHeld', 'unavailableNeedsCreation', 'unavailableUnclear',
  'notProcessedComplaint', 'notProcessedDuplicate', 'notProcessedPublication', 'notProcessedExcessive', 'notProcessedConfirmation',
  'otherNoCorrection', 'otherUnpaidFee', 'otherOther', 'total', 'carriedForward',
] as const;

const Z: Seven = [0, 0, 0, 0, 0, 0, 0];

/** Returns table B from its 25 printed rows, in printed order; the 2019-only row is null. */
function table(...rows: Seven[]): Requests {
  expect(rows).toHaveLength(ROWS_2021.length);
  const out = Object.fromEntries(ROWS_2021.map((k, i) => [k, row(...rows[i]!)]));
  return { ...out, otherHandling: row(null, null, null, null, null, null, null) } as Requests;
}

function appeals(review: number[], direct: number[], after: number[]): Appeals {
  const g = (v: number[]) => group(v[0]!, v[1]!, v[2]!, v[3]!, v[4]!);
  return { review: g(review), litigationDirect: g(direct), litigationAfterReview: g(after) };
}

function proactive2021(rules: number[], normativeDocs: number[], licensing: number, penalty: number, coercion: number, fees: number) {
  return {
    rules: { issued: rules[0], repealed: rules[1], inForce: rules[2] },
    normativeDocs: { issued: normativeDocs[0], repealed: normativeDocs[1], inForce: normativeDocs[2] },
    licensing: { decisions: licensing },
    penalty: { decisions: penalty },
    coercion: { decisions: coercion },
    fees: { amountWan: fees },
  };
}

interface RealExpectation {
  file: string;
  agency: string;
  year: number;
  proactive: ReturnType<typeof proactive2021>;
  requests: Requests;
  appeals: Appeals;
  checks: Record<string, string>;
  signedOn: string | null;
}

const PASS = { balance: 'pass', rowSum: 'pass', dispositionSum: 'pass', appealSum: 'pass' };

const REAL: RealExpectation[] = [
  {
    // MSO paste; 商业企业 is colspan=2 in every row, an extra empty header cell under 自然人.
    file: '2021_pingtan.html',
    agency: '平潭综合实验区',
    year: 2021,
    proactive: proactive2021([0, 0, 0], [69, 3, 665], 2293, 1282, 42, 24252.311082),
    requests: table(
      [64, 0, 0, 2, 0, 4, 70], Z,
      [27, 0, 0, 2, 0, 1, 30], [5, 0, 0, 0, 0, 0, 5],
      Z, Z, Z, Z, [1, 0, 0, 0, 0, 0, 1], Z, [6, 0, 0, 0, 0, 0, 6], [1, 0, 0, 0, 0, 0, 1],
      [22, 0, 0, 0, 0, 3, 25], Z, Z,
      Z, Z, Z, Z, Z,
      Z, Z, [1, 0, 0, 0, 0, 0, 1],
      [63, 0, 0, 2, 0, 4, 69], [1, 0, 0, 0, 0, 0, 1],
    ),
    appeals: appeals([1, 0, 2, 0, 3], [12, 0, 0, 0, 12], [0, 0, 0, 0, 0]),
    checks: { ...PASS, narrative: 'notApplicable' },
    signedOn: null,
  },
  {
    file: '2022_pingtan.html',
    agency: '平潭综合实验区',
    year: 2022,
    proactive: proactive2021([0, 0, 0], [88, 55, 698], 10690, 2113, 0, 9116.36),
    requests: table(
      [71, 3, 0, 0, 0, 0, 74], [1, 0, 0, 0, 0, 0, 1],
      [21, 0, 0, 0, 0, 0, 21], [8, 1, 0, 0, 0, 0, 9],
      Z, Z, Z, Z, [1, 0, 0, 0, 0, 0, 1], [2, 0, 0, 0, 0, 0, 2], [1, 0, 0, 0, 0, 0, 1], Z,
      [37, 0, 0, 0, 0, 0, 37], Z, Z,
      Z, Z, Z, Z, Z,
      [2, 0, 0, 0, 0, 0, 2], Z, [0, 2, 0, 0, 0, 0, 2],
      [72, 3, 0, 0, 0, 0, 75], Z,
    ),
    appeals: appeals([0, 1, 1, 0, 2], [1, 0, 0, 0, 1], [0, 0, 0, 0, 0]),
    // The prose says 收到政府信息公开申请75件; the table has 74 new + 1 carried over.
    checks: { ...PASS, narrative: 'fail' },
    signedOn: null,
  },
  {
    file: '2023_pingtan.html',
    agency: '平潭综合实验区',
    year: 2023,
    proactive: proactive2021([0, 0, 0], [77, 132, 470], 2629, 1330, 54, 5949.088667),
    requests: table(
      [80, 1, 0, 0, 0, 0, 81], Z,
      [22, 0, 0, 0, 0, 0, 22], [19, 1, 0, 0, 0, 0, 20],
      Z, Z, Z, [1, 0, 0, 0, 0, 0, 1], Z, [1, 0, 0, 0, 0, 0, 1], [1, 0, 0, 0, 0, 0, 1], [2, 0, 0, 0, 0, 0, 2],
      [31, 0, 0, 0, 0, 0, 31], Z, Z,
      Z, [1, 0, 0, 0, 0, 0, 1], Z, Z, Z,
      [1, 0, 0, 0, 0, 0, 1], Z, [1, 0, 0, 0, 0, 0, 1],
      [80, 1, 0, 0, 0, 0, 81], Z,
    ),
    appeals: appeals([1, 1, 0, 0, 2], [4, 0, 0, 1, 5], [1, 0, 1, 0, 2]),
    checks: { ...PASS, narrative: 'pass' },
    signedOn: null,
  },
  {
    file: '2025_pingtan.html',
    agency: '平潭综合实验区',
    year: 2025,
    proactive: proactive2021([0, 0, 0], [58, 45, 546], 2418, 644, 64, 4166.241619),
    requests: table(
      [151, 3, 0, 0, 0, 0, 154], Z,
      [33, 0, 0, 0, 0, 0, 33], [38, 0, 0, 0, 0, 0, 38],
      Z, Z, Z, Z, [3, 0, 0, 0, 0, 0, 3], [2, 0, 0, 0, 0, 0, 2], [3, 0, 0, 0, 0, 0, 3], [3, 0, 0, 0, 0, 0, 3],
      [49, 1, 0, 0, 0, 0, 50], [3, 0, 0, 0, 0, 0, 3], Z,
      [2, 0, 0, 0, 0, 0, 2], Z, Z, Z, Z,
      [8, 0, 0, 0, 0, 0, 8], [2, 0, 0, 0, 0, 0, 2], [1, 0, 0, 0, 0, 0, 1],
      [147, 1, 0, 0, 0, 0, 148], [4, 2, 0, 0, 0, 0, 6],
    ),
    appeals: appeals([25, 3, 8, 0, 36], [3, 3, 0, 0, 6], [3, 0, 0, 0, 3]),
    checks: { ...PASS, narrative: 'pass' },
    signedOn: null,
  },
  {
    // Inconsistent on purpose: 本机关不掌握 3 (自然人) + 2 (其他) = 5, yet （七）总计 is all 0.
    file: '2022_junshan.html',
    agency: '平潭综合实验区君山片区管理局',
    year: 2022,
    proactive: proactive2021([0, 0, 0], [0, 0, 11], 0, 0, 0, 0),
    requests: table(
      Z, Z,
      Z, Z,
      Z, Z, Z, Z, Z, Z, Z, Z,
      [3, 0, 0, 0, 0, 2, 5], Z, Z,
      Z, Z, Z, Z, Z,
      Z, Z, Z,
      Z, Z,
    ),
    appeals: appeals([0, 0, 0, 0, 0], [0, 0, 0, 0, 0], [0, 0, 0, 0, 0]),
    checks: { ...PASS, dispositionSum: 'fail', narrative: 'notApplicable' },
    signedOn: '2023-01-09',
  },
];

const bytesOf = (file: string) => readFileSync(new URL(`../../../fixtures/real/${file}`, import.meta.url));

async function extractReal(file: string): Promise<{ record: ReportRecord; text: string; warnings: string[] }> {
  const bytes = bytesOf(file);
  const read = await readReportText(bytes, 'html');
  if (!read.ok) throw new Error(JSON.stringify(read.error));
  const result = extractReport(read.text, { path: file, sha256: '0'.repeat(64), encoding: read.encoding, format: 'html', bytes: bytes.length });
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return { record: result.record, text: read.text, warnings: wordMessages(result.warnings) };
}

describe.each(REAL)('real page $file', (expected) => {
  const got = extractReal(expected.file);

  it('is a schema-valid 2021-edition record of the right agency and year', async () => {
    const { record } = await got;
    expect(reportRecordSchema.safeParse(record).success).toBe(true);
    expect([record.agency.name, record.year, record.template]).toEqual([expected.agency, expected.year, '2021']);
    expect(record.tables).toEqual({ proactive: 'complete', requests: 'complete', appeals: 'complete' });
    expect(record.signedOn).toBe(expected.signedOn);
    expect(record.source.format).toBe('html');
  });
  it('reads every cell of table A', async () => {
    expect((await got).record.proactive).toEqual(expected.proactive);
  });
  it('reads every cell of table B', async () => {
    expect((await got).record.requests).toEqual(expected.requests);
  });
  it('reads every cell of table C', async () => {
    expect((await got).record.appeals).toEqual(expected.appeals);
  });
  it('runs the checks on the printed numbers', async () => {
    const { record } = await got;
    expect(Object.fromEntries(record.checks.map((c) => [c.id, c.status]))).toEqual(expected.checks);
  });
  it('traces every figure to a line of the page text holding its digits', async () => {
    const { record, text } = await got;
    const lines = text.split('\n');
    const paths = Object.entries(record.provenance);
    expect(paths.length).toBe(10 + 25 * 7 + 15); // every figure of the three tables
    for (const [path, line] of paths) {
      const [t, r, c] = path.split('.') as [string, string, string];
      const value = (record as unknown as Record<string, Record<string, Record<string, number>>>)[t]![r]![c]!;
      expect(lines[line - 1]!.split('\t').map((s) => s.trim()), path).toContain(String(value));
    }
  });
});

describe('2022_junshan: inconsistent data fails its check and keeps the printed numbers', () => {
  it('names the failing columns with the printed totals', async () => {
    const { record } = await extractReal('2022_junshan.html');
    const check = record.checks.find((c) => c.id === 'dispositionSum')!;
    expect(check.failures.map((f) => [f.where, f.expected, f.actual])).toEqual([
      ['自然人列：各项办理结果之和 = 总计', 3, 0],
      ['其他列：各项办理结果之和 = 总计', 2, 0],
      ['总计列：各项办理结果之和 = 总计', 5, 0],
    ]);
    expect(record.requests.total).toEqual(row(0, 0, 0, 0, 0, 0, 0));
  });
});

describe('2023_pingtan prose', () => {
  it('does not read 予以公开及部分公开42件 as 42 partial grants', async () => {
    const { record } = await extractReal('2023_pingtan.html');
    expect(record.narrative.partiallyGranted).toBeUndefined();
    expect(record.narrative.proactiveItems?.value).toBe(13561);
  });
});

describe('2018_pingtan: a report from before the 2019 format', () => {
  it('becomes a pre2019 record with tables 二–四 absent and every cell of them null (its older table: legacy-real.test.ts)', async () => {
    const { record, warnings } = await extractReal('2018_pingtan.html');
    expect([record.agency.name, record.year, record.template]).toEqual(['平潭综合实验区', 2018, 'pre2019']);
    expect(record.tables).toEqual({ proactive: 'absent', requests: 'absent', appeals: 'absent', legacy: 'complete' });
    expect(record.proactive).toBeNull();
    const cells = [record.requests, record.appeals].flatMap((t) => Object.values(t).flatMap((r) => Object.values(r)));
    expect(cells.length).toBeGreaterThan(0);
    expect(cells.every((c) => c === null)).toBe(true);
    expect(Object.keys(record.provenance).every((p) => p.startsWith('legacy.'))).toBe(true);
    expect(warnings.join('\n')).toContain('早于2019年格式');
  });
  it('keeps the prose figure 主动公开政府信息2069条', async () => {
    const { record } = await extractReal('2018_pingtan.html');
    expect(record.narrative.proactiveItems?.value).toBe(2069);
  });
});

describe('page chrome', () => {
  it.each(REAL.map((r) => r.file).concat('2018_pingtan.html'))('%s: the text starts with the title and has no menus or scripts', async (file) => {
    const { text } = await extractReal(file);
    const first = text.split('\n')[0]!;
    expect(first).toMatch(/^平潭综合实验区.*政府信息公开工作年度报告$/);
    // Each page's HTML has these in its header, share buttons, scripts and footer.
    expect(readFileSync(new URL(`../../../fixtures/real/${file}`, import.meta.url), 'utf8')).toMatch(/版权所有|网站地图/);
    expect(text).not.toMatch(/function\s*\(|var |分享到|ipv6best|版权所有|网站地图|主办单位|网站标识码/);
  });
});
