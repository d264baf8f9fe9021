import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { applyCorrections } from '../../../src/lib/corrections/apply.ts';
import { countFailedChecks, publishManifestCounts } from '../../../src/lib/corrections/counts.ts';
import { applyMerge, giveIdentity, groupFileIdentities, resolveMerges, slugOfAgencyName } from '../../../src/lib/corrections/identity.ts';
import { CORRECTIONS_HEADER, parseCorrections } from '../../../src/lib/corrections/parse.ts';
import { describeIdentityCorrections } from '../../../src/lib/corrections/describe.ts';
import { indexReport } from '../../../src/lib/aggregate/report-index.ts';
import { readCell } from '../../../src/lib/export/cells.ts';
import { extractReport } from '../../../src/lib/extract/extract-report.ts';
import { reportRecordSchema, type IdentityCorrection, type Manifest } from '../../../src/lib/schema/report.ts';
import { describeStale, formatIdentityLines } from '../../../src/lib/review/queue.ts';
import { editRequests, loadSampleRecord, SAMPLE_FILES } from '../../support/records.ts';

const HEAD = CORRECTIONS_HEADER.join(',');
const FILE = SAMPLE_FILES[0];
const text = readFileSync(new URL(`../../../content/reports/${FILE}`, import.meta.url), 'utf8');
const record = loadSampleRecord(FILE);
/** The sample with its title line (its first line) removed: no source names its agency and year. */
const untitled = text.split('\n').slice(1).join('\n');
const SOURCE = { path: 'untitled.txt', sha256: '0'.repeat(64), encoding: 'utf-8', format: 'text' as const, bytes: untitled.length };

/** Returns an identity line as parseCorrections gives it. */
function line(n: number, kind: IdentityCorrection['kind'], report: string, value: string): IdentityCorrection {
  return { line: n, kind, report, value, reason: '标题页缺失', source: '报告落款', date: '2026-12-01' };
}

describe('parseCorrections: identity lines', () => {
  it('reads agency, year and merge lines apart from the cell corrections', () => {
    const parsed = parseCorrections([HEAD, `untitled.txt,identity,agency,,${record.agency.name},标题页缺失,报告落款,2026-12-01`, `untitled.txt,identity,year,,${record.year},标题页缺失,报告落款,2026-12-01`, `甲局,identity,merge,,乙局,机构更名,https://example.gov.cn/a.html,2026-12-01`, ''].join('\n'));
    expect(parsed.errors).toEqual([]);
    expect(parsed.corrections).toEqual([]);
    expect(parsed.identities).toEqual([
      line(2, 'agency', 'untitled.txt', record.agency.name),
      line(3, 'year', 'untitled.txt', String(record.year)),
      { line: 4, kind: 'merge', report: '甲局', value: '乙局', reason: '机构更名', source: 'https://example.gov.cn/a.html', date: '2026-12-01' },
    ]);
  });

  it('names each bad identity line by its line: a year that is not one, an unknown row, a column, a value left ?', () => {
    const parsed = parseCorrections([HEAD, 'a.txt,identity,year,,二〇二四,r,s,2026-12-01', 'a.txt,identity,name,,甲局,r,s,2026-12-01', 'a.txt,identity,agency,x,甲局,r,s,2026-12-01', 'a.txt,identity,agency,,?,r,s,2026-12-01', 'a.txt,identity,year,,1999,r,s,2026-12-01', 'a.txt,identity,agency,,甲局,,s,2026-12-01', '甲局,identity,merge,,甲局,r,s,2026-12-01'].join('\n'));
    expect(parsed.identities).toEqual([]);
    expect(parsed.errors.map((e) => e.line)).toEqual([2, 3, 4, 5, 6, 7, 8]);
    expect(parsed.errors[0]!.message).toContain('不是年度');
    expect(parsed.errors[4]!.message).toContain('不是年度');
    expect(parsed.errors[5]!.message).toContain('reason');
  });

  it('names a file given its year twice', () => {
    const { byFile, errors } = groupFileIdentities([line(2, 'year', './a.txt', '2024'), line(3, 'year', 'a.txt', '2023'), line(4, 'agency', 'a.txt', '甲局')]);
    expect(errors.map((e) => e.line)).toEqual([3]);
    expect(byFile.get('a.txt')!.map((c) => c.line)).toEqual([2, 4]);
  });
});

describe('an identity given to the extractor', () => {
  const lines = [line(2, 'agency', 'untitled.txt', record.agency.name), line(3, 'year', 'untitled.txt', String(record.year))];

  it('makes a record of a file whose title cannot be read, saying where its identity came from', () => {
    const without = extractReport(untitled, SOURCE);
    expect(without.ok).toBe(false);
    const given = extractReport(untitled, SOURCE, undefined, lines);
    if (!given.ok) throw new Error(JSON.stringify(given.error));
    expect(reportRecordSchema.safeParse(given.record).success).toBe(true);
    expect([given.record.id, given.record.agency, given.record.year]).toEqual([record.id, record.agency, record.year]);
    expect(given.record.identitySource).toBe('correction');
    expect(given.record.requests).toEqual(record.requests);
    expect(given.record.identityCorrections).toEqual([
      { line: 2, field: 'agency', read: null, value: record.agency.name, reason: '标题页缺失', source: '报告落款', date: '2026-12-01' },
      { line: 3, field: 'year', read: null, value: String(record.year), reason: '标题页缺失', source: '报告落款', date: '2026-12-01' },
    ]);
    expect(describeIdentityCorrections(given.record).map((n) => [n.field, n.read, n.value])).toEqual([['agency', null, record.agency.name], ['year', null, String(record.year)]]);
  });

  it('gives no record with only half of the identity', () => {
    expect(extractReport(untitled, SOURCE, undefined, lines.slice(1)).ok).toBe(false);
  });

  it('keeps what the extractor reads beside the line: the same value makes the line stale', () => {
    const full = extractReport(text, { ...SOURCE, path: FILE }, undefined, [line(2, 'year', FILE, String(record.year))]);
    if (!full.ok) throw new Error(JSON.stringify(full.error));
    expect(full.record.identityCorrections).toEqual([{ line: 2, field: 'year', read: String(record.year), value: String(record.year), reason: '标题页缺失', source: '报告落款', date: '2026-12-01' }]);
    expect(describeStale(line(2, 'year', FILE, String(record.year)))).toContain('第 2 行');
  });

  it('is the identity as read without lines', () => {
    expect(giveIdentity(null)).toEqual({ identity: null, applied: [] });
  });
});

describe('merges', () => {
  const from = loadSampleRecord(SAMPLE_FILES[2]);
  const into = loadSampleRecord(SAMPLE_FILES[3]);
  const manifest: Pick<Manifest, 'files'> = {
    files: SAMPLE_FILES.map((f) => loadSampleRecord(f)).map((r) => ({ path: r.source.path, status: 'ok' as const, id: r.id, messages: [] })),
  };

  it('resolve agency names (or slugs) to the slugs the extractor gives', () => {
    expect(slugOfAgencyName(from.agency.name)).toBe(from.agency.slug);
    const { bySlug, errors } = resolveMerges([line(2, 'merge', from.agency.name, into.agency.slug)], manifest);
    expect(errors).toEqual([]);
    expect(bySlug.get(from.agency.slug)).toMatchObject({ from: from.agency.slug, to: into.agency.slug });
  });

  it('name an unknown agency, two reports of one year under one agency and a chain by their lines', () => {
    const a = loadSampleRecord(SAMPLE_FILES[1]);
    const b = loadSampleRecord(SAMPLE_FILES[4]);
    expect(a.year).toBe(b.year);
    const unknown = resolveMerges([line(2, 'merge', '没有这个局', into.agency.name)], manifest);
    expect(unknown.errors.map((e) => e.line)).toEqual([2]);
    expect(unknown.errors[0]!.message).toContain('没有机关「没有这个局」');
    const collision = resolveMerges([line(3, 'merge', a.agency.name, b.agency.name)], manifest);
    expect(collision.errors.map((e) => e.line)).toEqual([3]);
    expect(collision.errors[0]!.message).toContain(`${b.agency.slug} 在 ${a.year} 年有两份报告`);
    expect(collision.bySlug.size).toBe(0);
    const chain = resolveMerges([line(4, 'merge', a.agency.name, from.agency.name), line(5, 'merge', from.agency.name, into.agency.name)], manifest);
    expect(chain.errors.map((e) => e.line)).toEqual([4]);
    expect([...chain.bySlug.keys()]).toEqual([from.agency.slug]);
  });

  it('show a record under the agency merged into, keeping the name it prints and its id', () => {
    const { bySlug } = resolveMerges([line(2, 'merge', from.agency.name, into.agency.name)], manifest);
    const moved = applyMerge(from, bySlug.get(from.agency.slug), into.agency);
    expect([moved.id, moved.agency]).toEqual([from.id, into.agency]);
    expect(moved.agencyMerge).toEqual({ line: 2, name: from.agency.name, slug: from.agency.slug, reason: '标题页缺失', source: '报告落款', date: '2026-12-01' });
    expect(reportRecordSchema.safeParse(moved).success).toBe(true);
    expect(indexReport(moved).summary.slug).toBe(into.agency.slug);
    expect(applyMerge(into, undefined, into.agency)).toBe(into);
  });
});

describe('failed checks counted after corrections', () => {
  it('drop when a correction fixes the figure a check failed on', () => {
    const sample = loadSampleRecord(SAMPLE_FILES[1]);
    const cell = 'requests.granted.natural';
    const read = readCell(sample, cell)!;
    const misread = editRequests(sample, { granted: { natural: read + 1 } });
    expect(countFailedChecks([indexReport(misread)])).toBeGreaterThan(0);
    const fixed = applyCorrections(misread, [{ line: 2, report: misread.id, table: 'requests', row: 'granted', column: 'natural', value: read, reason: 'r', source: 's', date: '2026-12-01' }]).record;
    expect(countFailedChecks([indexReport(fixed)])).toBe(0);
    const counts = { files: 1, records: 1, warnings: 0, errors: 0, failedChecks: countFailedChecks([indexReport(misread)]) };
    expect(publishManifestCounts({ counts }, [indexReport(fixed)]).counts).toEqual({ ...counts, failedChecks: 0 });
  });
});

describe('the review queue', () => {
  it('offers a file without identity its two identity lines, the values left ? (which fail the build)', () => {
    const lines = formatIdentityLines('x/untitled.txt', '2026-12-01');
    expect(lines).toHaveLength(2);
    const parsed = parseCorrections([HEAD, ...lines].join('\n'));
    expect(parsed.errors.map((e) => e.line)).toEqual([2, 3]);
    const filled = parseCorrections([HEAD, lines[0]!.replace(',?,', `,${record.agency.name},`), lines[1]!.replace(',?,', `,${record.year},`)].join('\n'));
    expect(filled.errors).toEqual([]);
    expect(filled.identities.map((c) => [c.report, c.kind, c.value])).toEqual([['x/untitled.txt', 'agency', record.agency.name], ['x/untitled.txt', 'year', String(record.year)]]);
  });
});
