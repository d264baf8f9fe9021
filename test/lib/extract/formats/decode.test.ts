import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeReport } from '../../../../src/lib/extract/formats/decode.ts';

const REPORT = '某某县人民政府2023年政府信息公开工作年度报告\n一、总体情况\n本年度共收到政府信息公开申请28件。\n';
// Prose that never names the subject, long enough for chardet to recognise the encoding.
const PROSE = '本机关坚持以人民为中心，围绕中心工作，推进政务公开标准化规范化建设，加强平台建设，完善工作制度。'.repeat(8);

describe('decodeReport', () => {
  it('reads UTF-8, with or without a byte order mark', () => {
    expect(decodeReport(Buffer.from(REPORT, 'utf8'))).toEqual({ ok: true, text: REPORT, encoding: 'utf-8' });
    expect(decodeReport(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(REPORT, 'utf8')]))).toEqual({ ok: true, text: REPORT, encoding: 'utf-8-bom' });
  });

  it('reads GB18030 by the report naming its subject, and by chardet when it does not', () => {
    expect(decodeReport(iconv.encode(REPORT, 'gbk'))).toEqual({ ok: true, text: REPORT, encoding: 'gb18030' });
    expect(decodeReport(iconv.encode(PROSE, 'gb18030'))).toEqual({ ok: true, text: PROSE, encoding: 'gb18030' });
  });

  it('reads Big5 as Big5: its bytes never read as 信息公开 in GB18030', () => {
    const traditional = '某某縣人民政府2023年政府資訊公開工作年度報告。本機關堅持以人民為中心，推進政務公開標準化規範化建設。'.repeat(6);
    expect(decodeReport(iconv.encode(traditional, 'big5'))).toEqual({ ok: true, text: traditional, encoding: 'big5' });
  });

  it('uses the encoding a page declares when the bytes are not UTF-8', () => {
    expect(decodeReport(iconv.encode(PROSE, 'gbk'), 'gb2312')).toEqual({ ok: true, text: PROSE, encoding: 'gb18030' });
  });

  it('reads UTF-16 with a byte order mark', () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(REPORT, 'utf-16le')]);
    expect(decodeReport(bytes)).toEqual({ ok: true, text: REPORT, encoding: 'utf-16le' });
  });

  it('refuses binary data with a reason', () => {
    const bytes = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x02, 0x03, 0xff, 0x10]);
    expect(decodeReport(bytes)).toEqual({ ok: false, error: { code: 'binaryFile', params: {} } });
  });
});
