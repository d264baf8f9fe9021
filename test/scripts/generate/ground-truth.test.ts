/**
 * Ground truth: a generated 500-report corpus, extracted, must give back every answer exactly —
 * every cell of tables A, B and C, identity, template, prose figures and check statuses — and the
 * generator must be a pure function of its seed.
 */
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractCorpus } from '../../../scripts/lib/extract/corpus.ts';
import { formatAnswers, generateCorpus, type CorpusAnswers } from '../../../scripts/lib/generate/corpus.ts';
import type { Manifest, ReportRecord } from '../../../src/lib/schema/report.ts';

const COUNT = 500;
const SEED = 'ground-truth';

/** Returns "path: expected ≠ actual" for every leaf that differs between two values. */
function diff(expected: unknown, actual: unknown, at: string, out: string[]): number {
  if (expected !== null && typeof expected === 'object') {
    let n = 0;
    for (const [k, v] of Object.entries(expected)) n += diff(v, (actual as Record<string, unknown> | undefined)?.[k], `${at}.${k}`, out);
    return n;
  }
  if (!Object.is(expected, actual)) out.push(`${at}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
  return 1;
}

describe(`ground truth: ${COUNT} generated reports`, () => {
  let answers: CorpusAnswers;
  let manifest: Manifest;
  let records: Map<string, ReportRecord>;

  beforeAll(async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'nianbao-gen-'));
    const generated = generateCorpus(COUNT, SEED);
    answers = generated.answers;
    for (const f of generated.files) {
      await mkdir(path.join(root, 'reports', path.dirname(f.path)), { recursive: true });
      await writeFile(path.join(root, 'reports', f.path), f.bytes);
    }
    const result = await extractCorpus({ input: path.join(root, 'reports'), out: path.join(root, 'out'), cache: false });
    manifest = result.manifest;
    records = new Map(result.records.map((r) => [r.source.path, r]));
  });

  it('covers every layout, both editions, violations and prose-only reports', () => {
    const all = Object.values(answers.files);
    expect(all).toHaveLength(COUNT);
    expect(new Set(all.map((a) => a.layout))).toEqual(new Set(['cells', 'gfm', 'tabs', 'html', 'prose']));
    expect(new Set(all.map((a) => a.template))).toEqual(new Set(['2019', '2021']));
    expect(new Set(all.map((a) => a.agency.name)).size).toBe(COUNT / 5);
    expect(all.filter((a) => a.violation).length).toBeGreaterThan(5);
  });

  it('turns every file into a record', () => {
    const failed = manifest.files.filter((f) => f.status === 'error');
    expect(failed.map((f) => `${f.path}: ${f.messages[0]}`)).toEqual([]);
    expect(manifest.counts.records).toBe(COUNT);
  });

  it('reads 100% of the answers back', () => {
    const mismatches: string[] = [];
    let compared = 0;
    for (const [file, a] of Object.entries(answers.files)) {
      const r = records.get(file);
      if (!r) {
        mismatches.push(`${file}: no record`);
        continue;
      }
      const narrative = Object.fromEntries(Object.entries(r.narrative).map(([k, v]) => [k, v.value]));
      const checks = Object.fromEntries(r.checks.map((c) => [c.id, c.status]));
      const expected = {
        agency: a.agency, year: a.year, template: a.template, signedOn: a.signedOn, tables: a.tables,
        proactive: a.proactive, requests: a.requests, appeals: a.appeals, narrative: a.narrative, checks: a.checks,
        source: { encoding: a.encoding, format: a.format },
      };
      const actual = { ...r, narrative, checks };
      compared += diff(expected, actual, file, mismatches);
      // No prose figure the answer does not know of.
      for (const k of Object.keys(narrative)) if (!(k in a.narrative)) mismatches.push(`${file}.narrative.${k}: unexpected ${narrative[k]}`);
    }
    expect(mismatches.slice(0, 30)).toEqual([]);
    expect(compared).toBeGreaterThan(COUNT * 200);
  });

  it('is deterministic for a seed, and the seed matters', () => {
    const a = generateCorpus(60, 's1');
    const b = generateCorpus(60, 's1');
    expect(b.files.map((f) => f.path)).toEqual(a.files.map((f) => f.path));
    b.files.forEach((f, i) => expect(Buffer.compare(Buffer.from(f.bytes), Buffer.from(a.files[i]!.bytes))).toBe(0));
    expect(JSON.stringify(b.answers)).toBe(JSON.stringify(a.answers));
    expect(generateCorpus(60, 's2').files.map((f) => f.path)).not.toEqual(a.files.map((f) => f.path));
  });

  it('writes answers.json in pieces that make the same text as one JSON.stringify', () => {
    const { answers } = generateCorpus(12, 's1');
    expect([...formatAnswers(answers)].join('')).toBe(JSON.stringify(answers, null, 1));
    const empty = { ...answers, files: {} };
    expect([...formatAnswers(empty)].join('')).toBe(JSON.stringify(empty, null, 1));
  });
});
