/**
 * Every extractor message code has words in both dictionaries: a message of each code, its
 * parameters made from the schema (ASCII text, small figures), reads as Chinese on the Chinese
 * side and without a Chinese character on the English side (the parameters, which may quote a
 * report, are ASCII here, so any Chinese would be the dictionary's own).
 */
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { MESSAGE_CODES, messageSchema, type Message } from '../../../src/lib/schema/message.ts';
import { wordMessage, wordMessageBilingual, wordNoteLine, wordNoteLines, wordNoteLinesOrNull } from '../../../src/lib/i18n/word-message.ts';
import { EXTRACTOR_NOTE, readExtractorNote, writeExtractorNote } from '../../../src/lib/extract/formats/crawled.ts';
import { dictionary } from '../../../src/lib/i18n/index.ts';

const HAN = /\p{Script=Han}/u;

/** Returns a value that the schema accepts: the first choice of an enum or union, one item of an array. */
function sampleOf(schema: z.ZodType): unknown {
  const def = (schema as unknown as { _zod: { def: Record<string, unknown> & { type: string } } })._zod.def;
  switch (def.type) {
    case 'string':
      return 'x';
    case 'number':
      return 2;
    case 'boolean':
      return true;
    case 'nullable':
      return sampleOf(def.innerType as z.ZodType);
    case 'array':
      return [sampleOf(def.element as z.ZodType)];
    case 'enum':
      return Object.values(def.entries as Record<string, string>)[0];
    case 'union':
      return sampleOf((def.options as z.ZodType[])[0]!);
    case 'object':
      return Object.fromEntries(Object.entries(def.shape as Record<string, z.ZodType>).map(([k, v]) => [k, sampleOf(v)]));
    default:
      throw new Error(`no sample for a ${def.type}`);
  }
}

/** Returns a message of every code, valid by the schema. */
function sampleMessages(): Message[] {
  return messageSchema.options.map((option) => messageSchema.parse({ code: option.shape.code.value, params: sampleOf(option.shape.params) }));
}

describe('extractor messages in words', () => {
  it('has one message of each code, and the codes are unique', () => {
    expect(sampleMessages().map((m) => m.code)).toEqual(MESSAGE_CODES);
    expect(new Set(MESSAGE_CODES).size).toBe(MESSAGE_CODES.length);
  });

  it('has words for every code in both dictionaries, and no others', () => {
    expect(Object.keys(dictionary('zh').extractMessages).sort()).toEqual([...MESSAGE_CODES].sort());
    expect(Object.keys(dictionary('en').extractMessages).sort()).toEqual([...MESSAGE_CODES].sort());
  });

  it.each(sampleMessages().map((m) => [m.code, m] as const))('words %s in Chinese, and in English without Chinese', (_, message) => {
    const zh = wordMessage(message, 'zh');
    const en = wordMessage(message, 'en');
    expect(zh).toMatch(HAN);
    expect(en.trim().length).toBeGreaterThan(0);
    expect(en).not.toMatch(HAN);
    expect(wordMessageBilingual(message)).toBe(`${zh} (${en})`);
  });

  it('puts a quoted label and a template row into the words: the report’s text as printed, the row by its key', () => {
    const misaligned: Message = { code: 'requestsRowMisaligned', params: { row: 'newReceived', count: 6 } };
    expect(wordMessage(misaligned, 'zh')).toBe('表三「一、本年新收政府信息公开申请数量」只有 6 个数字，从左读时各列错位（靠右对齐才符合行合计），无法确定各属哪一列，本行单元格为空 (null)');
    expect(wordMessage(misaligned, 'en')).toContain('New requests received this year');
    const unknown: Message = { code: 'legacyUnknownRow', params: { label: '依申请公开信息目录数' } };
    expect(wordMessage(unknown, 'en')).toBe('the older statistics table’s row “依申请公开信息目录数” is no known measure: not read'.replace('’', "'"));
  });
});

describe('note lines in a report’s stored text', () => {
  const message: Message = { code: 'appealsRunUnsplit', params: { digits: '1000100000', splits: 0 } };

  it('shows a note line the extractor wrote in Chinese words, and any other line as it is', () => {
    const line = writeExtractorNote(message);
    expect(line.startsWith(EXTRACTOR_NOTE)).toBe(true);
    expect(readExtractorNote(line)).toEqual(message);
    expect(wordNoteLine(line)).toBe(`${EXTRACTOR_NOTE}表四的数字串「1000100000」不能拆成 15 个符合各组合计的数字（可能有空白单元格），单元格为空 (null)`);
    expect(wordNoteLine('二、主动公开政府信息情况')).toBe('二、主动公开政府信息情况');
    expect(wordNoteLine(`${EXTRACTOR_NOTE}表四的数字串无法拆分`)).toBe(`${EXTRACTOR_NOTE}表四的数字串无法拆分`);
  });

  it('words every note line of a text and leaves its other lines, and a text without notes, as they are', () => {
    const line = writeExtractorNote(message);
    const text = `二、主动公开政府信息情况\n${line}\n三、收到和处理政府信息公开申请情况\n`;
    expect(wordNoteLines(text)).toBe(`二、主动公开政府信息情况\n${wordNoteLine(line)}\n三、收到和处理政府信息公开申请情况\n`);
    expect(wordNoteLines(text)).not.toContain('"code"');
    expect(wordNoteLines('一、总体情况\n')).toBe('一、总体情况\n');
    expect([wordNoteLinesOrNull(null), wordNoteLinesOrNull(text)]).toEqual([null, wordNoteLines(text)]);
  });
});
