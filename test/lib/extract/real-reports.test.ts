/**
 * Real reports, every figure out: the 52 real reports of test/fixtures/wild (copies of
 * ../shared/corpus-wild: 12 saved pages and 40 crawler dumps of one portal's departments) and the
 * pages of test/fixtures/real, against their identity.tsv and the labels typed by hand from the
 * pages (test/fixtures/labels). Properties, over every file:
 * - every report becomes a record with the agency and year of its identity.tsv;
 * - no figure is wrong: none lands in a row or column other than the one where the report prints it;
 * - every figure a page prints is read; a dump's figure that is not read is explained in the
 *   record's messages (its row is named);
 * - a page and its dump (same id) are the same agency and give the same figures where both are read.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractFile } from '../../../scripts/lib/extract/file.ts';
import { compareLabels } from '../../../src/lib/eval/compare-labels.ts';
import { labelSchema, type Label } from '../../../src/lib/eval/label-schema.ts';
import type { ReportRecord } from '../../../src/lib/schema/report.ts';
import { PROACTIVE_ROWS, REQUEST_ROWS } from '../../../src/lib/template.ts';
import { wordMessages } from '../../support/messages.ts';
import { wordMessage } from '../../../src/lib/i18n/word-message.ts';

const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures');
const FOLDERS = { 'pingtan-html': 'wild/pingtan-html', 'pingtan-txt': 'wild/pingtan-txt', 'corpus-real': 'real' } as const;

interface Truth {
  folder: string;
  file: string;
  agency: string;
  year: number;
  edition: string;
}

function readIdentities(folder: string): Truth[] {
  const text = readFileSync(path.join(FIXTURES, folder, 'identity.tsv'), 'utf8');
  return text
    .split('\n')
    .slice(1)
    .filter(Boolean)
    .map((line) => {
      const [file, agency, year, edition] = line.split('\t');
      return { folder, file: file!, agency: agency!, year: Number(year), edition: edition! };
    });
}

function readLabels(): { corpus: keyof typeof FOLDERS; label: Label }[] {
  const out: { corpus: keyof typeof FOLDERS; label: Label }[] = [];
  for (const corpus of ['pingtan-html', 'corpus-real'] as const) {
    const dir = path.join(FIXTURES, 'labels', corpus);
    for (const name of readdirSync(dir).filter((n) => n.endsWith('.json')).sort()) {
      out.push({ corpus, label: labelSchema.parse(JSON.parse(readFileSync(path.join(dir, name), 'utf8'))) });
    }
  }
  return out;
}

const records = new Map<string, ReportRecord | string>();
async function extract(folder: string, file: string): Promise<ReportRecord> {
  const key = `${folder}/${file}`;
  if (!records.has(key)) {
    const outcome = await extractFile(path.join(FIXTURES, folder), file);
    records.set(key, outcome.ok ? outcome.record : wordMessage(outcome.error, 'zh'));
  }
  const got = records.get(key)!;
  if (typeof got === 'string') throw new Error(`${key}: no record: ${got}`);
  return got;
}

/** Every printed form of a table row's label, to find it named in a message. */
function rowNames(table: string, row: string): string[] {
  if (table === 'requests') return [REQUEST_ROWS.find((r) => r.key === row)!.zh.replace(/^.*\s/, '')];
  if (table === 'proactive') return [...new Set(Object.values(PROACTIVE_ROWS).flatMap((rows) => rows.filter((r) => r.key === row).flatMap((r) => [r.zh, ...(r.aliases ?? [])])))];
  return ['表四'];
}

const identities = [...readIdentities(FOLDERS['pingtan-html']), ...readIdentities(FOLDERS['pingtan-txt'])];
const labels = readLabels();

describe('real reports: identity', () => {
  beforeAll(async () => {
    for (const t of identities) await extract(t.folder, t.file).catch(() => undefined);
  });

  it.each(identities.map((t) => [t.file, t] as const))('%s is a record of its agency and year', async (_, t) => {
    const record = await extract(t.folder, t.file);
    expect({ agency: record.agency.name, year: record.year }).toEqual({ agency: t.agency, year: t.year });
    if (t.edition === '2019' || t.edition === '2021') expect(record.template).toBe(t.edition);
    if (t.edition === 'pre-2019') expect(record.template).toBe('pre2019');
  });

  it('says where the identity came from: the body title, else the crawler header', async () => {
    // 2020_public-security_80590.txt: the body is the title line only; 2019_jinjing-district_80564.txt
    // opens with prose, its title only in the crawler's 标题: line.
    expect((await extract(FOLDERS['pingtan-txt'], '2020_public-security_80590.txt')).identitySource).toBe('body');
    expect((await extract(FOLDERS['pingtan-txt'], '2019_jinjing-district_80564.txt')).identitySource).toBe('crawler-header');
  });

  it('reads the publication date from the crawler header and the page metadata', async () => {
    // 发布时间: 2023-01-09 19:52 (80624) and <meta name="PubDate" content="2026-01-26 11:49"> (104810).
    expect((await extract(FOLDERS['pingtan-txt'], '2022_public-security_80624.txt')).published).toEqual({ date: '2023-01-09', source: 'crawler-header' });
    expect((await extract(FOLDERS['pingtan-html'], '2025_zhifa_104810.html')).published).toEqual({ date: '2026-01-26', source: 'html-meta' });
  });
});

describe('real reports: figures against the hand-typed labels', () => {
  it('has labels for at least 12 reports', () => {
    expect(labels.length).toBeGreaterThanOrEqual(12);
  });

  it.each(labels.map((l) => [l.label.file, l] as const))('%s: every figure right, none wrong, none missing', async (_, { corpus, label }) => {
    const record = await extract(FOLDERS[corpus], label.file);
    const result = compareLabels(record, label);
    expect(result.wrongCells).toEqual([]);
    expect(result.missingCells).toEqual([]);
    expect({ agency: record.agency.name, year: record.year }).toEqual({ agency: label.agency, year: label.year });
    if (label.published) expect(record.published?.date).toBe(label.published);
  });

  const dumps = labels.flatMap(({ label }) => label.dumps.map((d) => [path.basename(d), label] as const));
  it.each(dumps)('%s (a crawler dump of a labelled page): none wrong, every unread figure explained', async (file, label) => {
    const record = await extract(FOLDERS['pingtan-txt'], file);
    const result = compareLabels(record, label, label.dumpDiffers ?? []);
    expect(result.wrongCells).toEqual([]);
    const unexplained = result.missingCells.filter((cell) => {
      const [table, row] = cell.split('.') as [string, string];
      return !wordMessages(record.messages).some((m) => rowNames(table, row).some((name) => m.includes(name)));
    });
    expect(unexplained).toEqual([]);
    const page = await extract(FOLDERS['pingtan-html'], label.file);
    expect(record.agency.slug).toBe(page.agency.slug);
  });
});
