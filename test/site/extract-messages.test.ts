/**
 * The extractor's notes on a report page are the record's message codes put into the page's
 * language: on the English page of a sample with notes, English words and no Chinese character;
 * on the Chinese page, the Chinese words. Every built record's notes, both ways.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import { beforeAll, describe, expect, it } from 'vitest';
import { DIST, ensureDefaultBuild, loadBuiltRecords } from '../support/site.ts';
import { wordMessage } from '../../src/lib/i18n/word-message.ts';

const HAN = /\p{Script=Han}/u;

/** Returns the items of the extraction notes on a built report page (none when it has no notes). */
function readNotes(rel: string): string[] {
  const doc = parseHTML(readFileSync(path.join(DIST, rel), 'utf8')).document as unknown as Document;
  const note = [...doc.querySelectorAll('main .note')].find((n) => n.querySelector('strong') && n.querySelector('ul'));
  return note ? [...note.querySelectorAll('li')].map((li) => li.textContent ?? '') : [];
}

describe('extraction notes on report pages', () => {
  beforeAll(() => ensureDefaultBuild(), 600_000);

  it('shows English words on the English page of 沂源县行政审批服务局 2020, and the Chinese ones on its Chinese page', () => {
    const en = readNotes('en/reports/yiyuanxian-xingzheng-shenpi-fuwuju-2020/index.html');
    const zh = readNotes('reports/yiyuanxian-xingzheng-shenpi-fuwuju-2020/index.html');
    expect(en.length).toBeGreaterThan(0);
    expect(en).toHaveLength(zh.length);
    expect(en.filter((m) => HAN.test(m))).toEqual([]);
    expect(en).toContain('the heading of Table 4 (reviews and lawsuits) is missing');
    expect(zh).toContain('缺少第四部分的标题');
  });

  it('words every built record’s messages in the page’s language', () => {
    const records = loadBuiltRecords().filter((r) => r.messages.length > 0);
    expect(records.length).toBeGreaterThan(0);
    for (const record of records) {
      expect(readNotes(`en/reports/${record.id}/index.html`), record.id).toEqual(record.messages.map((m) => wordMessage(m, 'en')));
      expect(readNotes(`reports/${record.id}/index.html`), record.id).toEqual(record.messages.map((m) => wordMessage(m, 'zh')));
    }
  });
});
