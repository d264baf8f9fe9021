import { describe, expect, it } from 'vitest';
import { indexReport } from '../../../src/lib/aggregate/report-index.ts';
import { hashCorpus, hashPart, joinDigests } from '../../../src/lib/site/corpus-keys.ts';
import type { Manifest } from '../../../src/lib/schema/report.ts';
import { editRequests, loadSampleRecords } from '../../support/records.ts';

const records = loadSampleRecords();
const reports = records.map(indexReport);
const manifest: Manifest = {
  input: 'reports',
  counts: { files: records.length, records: records.length, warnings: 0, errors: 0, failedChecks: 0 },
  files: records.map((r) => ({ path: `${r.id}.txt`, status: 'ok', id: r.id, messages: [] })),
};

describe('hashCorpus', () => {
  it('gives the same key for the same entries and manifest', () => {
    expect(hashCorpus(reports, manifest)).toBe(hashCorpus(records.map(indexReport), structuredClone(manifest)));
    expect(hashCorpus(reports, manifest)).toMatch(/^[0-9a-f]{32}$/);
  });

  it('changes when a figure of one report changes', () => {
    const edited = records.map((r, i) => (i === 0 ? editRequests(r, { granted: { natural: 1 } }) : r));
    expect(indexReport(edited[0]!).summary).not.toEqual(reports[0]!.summary);
    expect(hashCorpus(edited.map(indexReport), manifest)).not.toBe(hashCorpus(reports, manifest));
  });

  it('does not change when only the source file of a report changes (its digest and size are not in its entry)', () => {
    const resaved = records.map((r, i) => (i === 0 ? { ...r, source: { ...r.source, sha256: 'f'.repeat(64), bytes: r.source.bytes + 2 } } : r));
    expect(hashCorpus(resaved.map(indexReport), manifest)).toBe(hashCorpus(reports, manifest));
  });

  it('changes when the manifest does, or when a report is left out', () => {
    expect(hashCorpus(reports, { ...manifest, counts: { ...manifest.counts, warnings: 1 } })).not.toBe(hashCorpus(reports, manifest));
    expect(hashCorpus(reports.slice(1), manifest)).not.toBe(hashCorpus(reports, manifest));
  });
});

describe('hashPart', () => {
  it('gives equal values the same digest and changes with any of their values', () => {
    const part = { flags: [{ id: 'a', ratio: 2.5 }], count: 3, none: null, missing: undefined };
    expect(hashPart(part)).toBe(hashPart(structuredClone(part)));
    expect(hashPart(part)).not.toBe(hashPart({ ...part, count: 4 }));
    // Values JSON would write as null, or leave out, are kept apart.
    expect(hashPart({ ...part, missing: null })).not.toBe(hashPart(part));
    expect(hashPart({ ...part, count: Number.NaN })).not.toBe(hashPart({ ...part, count: null }));
    expect(hashPart({ ...part, count: Infinity })).not.toBe(hashPart({ ...part, count: -Infinity }));
    // A number computed as a double digests as the same integer.
    expect(hashPart({ ...part, count: 1.5 * 2 })).toBe(hashPart(part));
  });
});

describe('joinDigests', () => {
  it('changes when any digest does, or their order', () => {
    expect(joinDigests(['a', 'b'])).toBe(joinDigests(['a', 'b']));
    expect(joinDigests(['a', 'b'])).not.toBe(joinDigests(['a', 'c']));
    expect(joinDigests(['a', 'b'])).not.toBe(joinDigests(['b', 'a']));
    // One digest a line: moving a boundary between digests changes the whole's.
    expect(joinDigests(['ab', 'c'])).not.toBe(joinDigests(['a', 'bc']));
  });
});
