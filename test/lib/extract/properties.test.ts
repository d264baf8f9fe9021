/**
 * Properties of the extractor on arbitrary and mutated input (fast-check):
 * - it never throws, and always returns a schema-valid record or an error message;
 * - it never yields a table figure that is not printed on its provenance line (as is, signed by
 *   增/减, or scaled by a printed 万/亿), and every table figure has a provenance line;
 * - HTML tables with random figures and blanks come back exactly.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractReport } from '../../../src/lib/extract/extract-report.ts';
import type { FileOutcome } from '../../../src/lib/extract/manifest.ts';
import { htmlToReportText } from '../../../src/lib/extract/formats/html.ts';
import { reportRecordSchema, type Appeals, type Requests } from '../../../src/lib/schema/report.ts';
import { renderHtml, reportModel } from '../../fixtures/render-report.ts';
import { SAMPLES, type SampleExpectation } from '../../fixtures/samples.ts';
import { messageSchema } from '../../../src/lib/schema/message.ts';

const SOURCE = { path: 'x.txt', sha256: '0'.repeat(64), encoding: 'utf-8', format: 'text' as const, bytes: 1 };
const TEXTS = SAMPLES.map((s) => readFileSync(new URL(`../../../content/reports/${s.file}`, import.meta.url), 'utf8'));

/** Returns every value a printed number on the line can stand for: itself, negated, ×万, ×亿. */
function printedValues(line: string): Set<number> {
  const out = new Set<number>();
  const folded = line.replace(/[\uff10-\uff19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  for (const m of folded.matchAll(/\d[\d,]*(?:\.\d+)?/g)) {
    const n = Number(m[0].replace(/,/g, ''));
    for (const v of [n, n * 1e4, n * 1e8]) {
      const r = Math.round(v * 100) / 100;
      out.add(r);
      out.add(-r);
    }
  }
  return out;
}

/** Asserts the extraction invariants for one input; returns the outcome for further checks. */
function checkInvariants(text: string): FileOutcome {
  let result: FileOutcome;
  try {
    result = extractReport(text, SOURCE);
  } catch (error) {
    throw new Error(`extractReport threw on input ${JSON.stringify(text.slice(0, 300))}: ${(error as Error).message}`);
  }
  if (!result.ok) {
    expect(messageSchema.safeParse(result.error).success).toBe(true);
    return result;
  }
  const { record } = result;
  expect(reportRecordSchema.safeParse(record).success).toBe(true);
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n|\f/);
  for (const table of ['proactive', 'requests', 'appeals', 'legacy'] as const) {
    // A report before 2019 has no table 二 (proactive null); later ones have no older table (legacy null).
    const rows = (record[table] ?? {}) as unknown as Record<string, Record<string, number | null>>;
    for (const [row, cells] of Object.entries(rows)) {
      for (const [col, value] of Object.entries(cells)) {
        if (value === null) continue;
        const path = `${table}.${row}.${col}`;
        const line = record.provenance[path];
        expect(line, `${path} has no provenance`).toBeDefined();
        expect(printedValues(lines[line! - 1] ?? '').has(value), `${path} = ${value} is not printed on line ${line}: ${lines[line! - 1]}`).toBe(true);
      }
    }
  }
  return result;
}

type Mutation =
  | { kind: 'delete'; at: number }
  | { kind: 'duplicate'; at: number }
  | { kind: 'swap'; a: number; b: number }
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'digit'; at: number; digit: string }
  | { kind: 'cut'; at: number };

const garbage = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.constantFrom('\t', '|', '| --- |', '\t\t\t', '（七）总计', '三、收到和处理政府信息公开申请情况', '增 5', '减 3', '12.5万元', '１２', '一百零五件', '[bookmark: x]'),
  fc.array(fc.oneof(fc.integer({ min: -5, max: 99999 }).map(String), fc.constantFrom('', ' ', '—', '予以公开')), { maxLength: 9 }).map((c) => c.join('\t')),
);

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('swap' as const), a: fc.nat(), b: fc.nat() }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: garbage }),
  fc.record({ kind: fc.constant('digit' as const), at: fc.nat(), digit: fc.constantFrom(...'0123456789') }),
  fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }),
);

/** Returns the text with one mutation applied (positions taken modulo the text's size). */
function mutate(text: string, m: Mutation): string {
  const lines = text.split('\n');
  const i = (n: number) => n % Math.max(lines.length, 1);
  switch (m.kind) {
    case 'delete':
      lines.splice(i(m.at), 1);
      return lines.join('\n');
    case 'duplicate':
      lines.splice(i(m.at), 0, lines[i(m.at)] ?? '');
      return lines.join('\n');
    case 'swap': {
      const [a, b] = [i(m.a), i(m.b)];
      [lines[a], lines[b]] = [lines[b]!, lines[a]!];
      return lines.join('\n');
    }
    case 'insert':
      lines.splice(i(m.at), 0, m.text);
      return lines.join('\n');
    case 'digit': {
      const digits = [...text.matchAll(/\d/g)];
      if (!digits.length) return text;
      const at = digits[m.at % digits.length]!.index;
      return text.slice(0, at) + m.digit + text.slice(at + 1);
    }
    case 'cut':
      return text.slice(0, m.at % (text.length + 1));
  }
}

describe('extractReport on arbitrary text', () => {
  it('never throws and returns a valid record or an error', () => {
    fc.assert(fc.property(fc.string({ maxLength: 400 }), (text) => void checkInvariants(text)), { numRuns: 300 });
  });

  it('never throws on report-like line soup', () => {
    const line = fc.oneof(
      garbage,
      fc.constantFrom(
        '某某县人民政府2023年政府信息公开工作年度报告', '一、总体情况', '二、主动公开政府信息情况', '四、政府信息公开行政复议、行政诉讼情况',
        '规章\t0\t0\t0', '行政许可\t12', '行政规范性文件', '\t（一）予以公开', '\t2', '| 一、本年新收政府信息公开申请数量 | 1 | 0 |', '（六）其他处理\t1\t0',
        '共收到政府信息公开申请十二件', '本年增/减', '政府集中采购\t3\t12.5万元', '3.其他\t1', '总计',
      ),
    );
    fc.assert(fc.property(fc.array(line, { maxLength: 60 }), (lines) => void checkInvariants(lines.join('\n'))), { numRuns: 300 });
  });
});

describe('extractReport on mutated samples', () => {
  it('keeps its invariants when lines are deleted, duplicated, swapped, inserted, cut, or digits changed', () => {
    fc.assert(
      fc.property(fc.nat({ max: TEXTS.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 8 }), (sample, mutations) => {
        checkInvariants(mutations.reduce(mutate, TEXTS[sample]!));
      }),
      { numRuns: 400 },
    );
  });

  it('holds on the unmutated samples too', () => {
    for (const text of TEXTS) expect(checkInvariants(text).ok).toBe(true);
  });
});

describe('HTML tables round-trip', () => {
  const figure = fc.option(fc.nat({ max: 100000 }), { nil: null, freq: 4 });
  const requestRow = fc.record({ natural: figure, commercial: figure, research: figure, nonprofit: figure, legal: figure, other: figure, total: figure });
  const group = fc.record({ upheld: figure, corrected: figure, other: figure, pending: figure, total: figure });
  const base = SAMPLES.find((s) => s.file.startsWith('002'))!;
  const rowKeys = Object.keys(base.requests).filter((k) => k !== 'otherHandling') as (keyof Requests)[];

  it('reads back every random figure of tables A, B and C, blanks as null', () => {
    fc.assert(
      fc.property(
        fc.tuple(...rowKeys.map(() => requestRow)),
        fc.record({ review: group, litigationDirect: group, litigationAfterReview: group }),
        fc.tuple(figure, figure, figure, figure, figure, figure),
        (rows, appeals: Appeals, a) => {
          const requests = { ...Object.fromEntries(rowKeys.map((k, i) => [k, rows[i]])), otherHandling: base.requests.otherHandling } as Requests;
          const proactive = {
            rules: { issued: a[0], repealed: a[1], inForce: a[2] },
            normativeDocs: { issued: a[3], repealed: a[4], inForce: a[5] },
            licensing: { decisions: a[0] }, penalty: { decisions: a[1] }, coercion: { decisions: a[2] }, fees: { amountWan: a[3] },
          };
          const sample: SampleExpectation = { ...base, requests, appeals, proactive };
          const text = htmlToReportText(renderHtml(reportModel(sample)));
          const result = checkInvariants(text);
          if (!result.ok) throw new Error(JSON.stringify(result.error));
          // A row whose cells are all blank is indistinguishable from a missing row: null either way.
          expect(result.record.requests).toEqual(requests);
          expect(result.record.appeals).toEqual(appeals);
          expect(result.record.proactive).toEqual(proactive);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('htmlToReportText never throws on mangled markup', () => {
    const page = renderHtml(reportModel(base));
    fc.assert(
      fc.property(fc.nat(), fc.nat({ max: 2000 }), fc.string({ maxLength: 30 }), (at, len, insert) => {
        const i = at % page.length;
        const mangled = page.slice(0, i) + insert + page.slice(i + len);
        void checkInvariants(htmlToReportText(mangled));
      }),
      { numRuns: 100 },
    );
  });
});
