import { describe, expect, it } from 'vitest';
import { parseLabel } from '../../../src/lib/eval/label-schema.ts';

const base = {
  file: '2019_gongan_80569.html',
  agency: '平潭综合实验区公安局',
  year: 2019,
  edition: '2019',
  published: '2020-01-15',
  proactive: { fees: { prevItems: 2, change: -1 }, procurement: { projects: 0, amountYuan: null } },
  requests: { total: { natural: 1, commercial: null, research: 0, nonprofit: 0, legal: 0, other: 0, total: 1 }, otherHandling: { natural: 0, commercial: 0, research: 0, nonprofit: 0, legal: 0, other: 0, total: 0 } },
  appeals: { review: { upheld: 0, corrected: 0, other: 0, pending: 0, total: 0 } },
  dumps: ['pingtan-txt/2019_x.txt'],
  notes: 'typed by hand',
};

/** Returns the parse of `base` with some fields replaced. */
function parse(changes: Record<string, unknown>) {
  return parseLabel(JSON.stringify({ ...base, ...changes }));
}

describe('parseLabel', () => {
  it('reads a label, dumpDiffers defaulting to none', () => {
    const parsed = parseLabel(JSON.stringify(base));
    expect(parsed.ok).toBe(true);
    if (parsed.ok) {
      expect(parsed.label.dumpDiffers).toEqual([]);
      expect(parsed.label.requests.total?.commercial).toBeNull();
    }
  });

  it('accepts a row of the other edition as the report printed it (a single （六）其他处理 in a 2021 table)', () => {
    expect(parse({ edition: '2021', proactive: { normativeDocs: { issued: 1, repealed: 0, inForce: 3 } } }).ok).toBe(true);
  });

  it('rejects a misspelt row, a table-A row lacking a column, an extra column and a bad dumpDiffers path', () => {
    expect(parse({ requests: { totals: base.requests.total } })).toMatchObject({ ok: false });
    expect(parse({ proactive: { fees: { prevItems: 2 } } })).toMatchObject({ ok: false, error: expect.stringContaining('proactive.fees') });
    expect(parse({ proactive: { nosuch: { x: 1 } } })).toMatchObject({ ok: false, error: expect.stringContaining('proactive.nosuch') });
    expect(parse({ appeals: { review: { ...base.appeals.review, extra: 1 } } })).toMatchObject({ ok: false });
    expect(parse({ requests: { total: { natural: 1 } } })).toMatchObject({ ok: false });
    expect(parse({ dumpDiffers: ['narrative.granted'] })).toMatchObject({ ok: false, error: expect.stringContaining('dumpDiffers') });
    expect(parse({ edition: '2018' })).toMatchObject({ ok: false });
  });

  it('says so when the text is not JSON', () => {
    expect(parseLabel('{ "file": ')).toMatchObject({ ok: false, error: expect.stringContaining('JSON') });
  });
});
