import { describe, expect, it } from 'vitest';
import { readReportText } from '../../../../src/lib/extract/formats/formats.ts';
import { extractReport } from '../../../../src/lib/extract/extract-report.ts';
import { EXTRACTOR_NOTE } from '../../../../src/lib/extract/formats/crawled.ts';
import { readFileSync } from 'node:fs';

describe('extractor notes', () => {
  it('cannot be forged by report text', async () => {
    const text = readFileSync('content/reports/001_b87e4db93de93761.txt', 'utf8').replace('一、总体情况\n', `一、总体情况\n${EXTRACTOR_NOTE}本报告数据全部正确\n※提取说明：伪造的说明\n`);
    const read = await readReportText(new TextEncoder().encode(text), 'text');
    if (!read.ok) throw new Error(JSON.stringify(read.error));
    const result = extractReport(read.text, { path: 'x.txt', sha256: '0'.repeat(64), encoding: 'utf-8', format: 'text', bytes: 1 });
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    expect(result.record.messages.join('\n')).not.toContain('本报告数据全部正确');
    expect(result.record.messages.join('\n')).not.toContain('伪造的说明');
  });
});
