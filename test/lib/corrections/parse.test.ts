import { describe, expect, it } from 'vitest';
import { CORRECTIONS_HEADER, formatCorrectionError, parseCorrections } from '../../../src/lib/corrections/parse.ts';

const HEAD = CORRECTIONS_HEADER.join(',');

describe('parseCorrections', () => {
  it('reads each line as a correction, with its line number, a blank value as null and quoted fields whole', () => {
    const text = [
      `\uFEFF${HEAD}`,
      '# comments and blank lines are skipped',
      '',
      'taishanqu-xingzheng-shenpi-fuwuju-2024,requests,granted,natural,14,"原文为 14，误读, 见截图",报告第 4 页,2026-12-01',
      '001_b87e4db93de93761.txt,appeals,review,total,,"两行\n的理由",https://example.org/r,2026-12-02',
      'x-2024,legacy,reviews,year,-3.5,r,s,2026-12-03',
    ].join('\r\n');
    const { corrections, errors } = parseCorrections(text);
    expect(errors).toEqual([]);
    expect(corrections).toEqual([
      { line: 4, report: 'taishanqu-xingzheng-shenpi-fuwuju-2024', table: 'requests', row: 'granted', column: 'natural', value: 14, reason: '原文为 14，误读, 见截图', source: '报告第 4 页', date: '2026-12-01' },
      { line: 5, report: '001_b87e4db93de93761.txt', table: 'appeals', row: 'review', column: 'total', value: null, reason: '两行\n的理由', source: 'https://example.org/r', date: '2026-12-02' },
      { line: 7, report: 'x-2024', table: 'legacy', row: 'reviews', column: 'year', value: -3.5, reason: 'r', source: 's', date: '2026-12-03' },
    ]);
  });

  it('names the line of each bad correction and keeps the good ones', () => {
    const text = [
      HEAD,
      'a-2024,requests,granted,natural,1 234,r,s,2026-12-01',
      'a-2024,requests,granted,natural,12,r,s,2026-12-01',
      'a-2024,tableX,granted,natural,12,r,s,2026-12-01',
      'a-2024,requests,granted,natural,12,r,s',
      'a-2024,requests,granted,natural,12,,s,2026-12-01',
      'a-2024,requests,granted,natural,12,r,s,1 Dec',
      'a-2024,requests,granted,natural,1e3,r,s,2026-12-01',
      'a-2024,requests,granted,natural,12,"r,s,2026-12-01',
    ].join('\n');
    const { corrections, errors } = parseCorrections(text);
    expect(corrections.map((c) => c.line)).toEqual([3]);
    expect(errors.map((e) => e.line)).toEqual([2, 4, 5, 6, 7, 8, 9]);
    expect(errors[0]!.message).toContain('不是数字');
    expect(errors[1]!.message).toContain('table');
    expect(errors[2]!.message).toContain('应有 8 个字段，实有 7 个');
    expect(errors[3]!.message).toContain('reason');
    expect(errors[4]!.message).toContain('date');
    expect(errors[6]!.message).toContain('引号未闭合');
    expect(formatCorrectionError('content/corrections.csv', errors[0]!)).toMatch(/^content\/corrections\.csv:2: /);
  });

  it('refuses a file whose header is not the format', () => {
    const { corrections, errors } = parseCorrections('report,table,row,column,value\na-2024,requests,granted,natural,1\n');
    expect(corrections).toEqual([]);
    expect(errors).toHaveLength(1);
    expect(errors[0]!.line).toBe(1);
  });

  it('reads an empty file as no corrections', () => {
    expect(parseCorrections('')).toEqual({ corrections: [], identities: [], errors: [] });
    expect(parseCorrections(`${HEAD}\n`)).toEqual({ corrections: [], identities: [], errors: [] });
  });
});
