/**
 * Every page in both languages, built from one route file: for each Chinese page of the sample
 * site the English page exists and has the same structure — the same sequence of heading levels,
 * the same tables (each with as many rows and columns) and as many charts.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import { beforeAll, describe, expect, it } from 'vitest';
import { DIST, ensureDefaultBuild, listHtml } from '../support/site.ts';

/** Pages that have no English counterpart, and why. */
const CHINESE_ONLY: Record<string, string> = {
  '404.html': 'one not-found page for the whole site, in both languages',
  'review/index.html': 'the operator\'s review queue: not linked, not indexed, for the person who edits the corrections file',
};

/** The structure compared between languages: what a reader navigates by. */
interface Structure {
  headings: string[];
  tables: { rows: number; columns: number }[];
  charts: number;
}

/** Returns the structure of a page's main content. */
function readStructure(rel: string): Structure {
  const doc = parseHTML(readFileSync(path.join(DIST, rel), 'utf8')).document as unknown as Document;
  const main = doc.querySelector('main')!;
  return {
    headings: [...main.querySelectorAll('h1, h2, h3, h4')].map((h) => h.tagName.toLowerCase()),
    tables: [...main.querySelectorAll('table')].map((t) => ({ rows: t.querySelectorAll('tr').length, columns: Math.max(0, ...[...t.querySelectorAll('tr')].map((tr) => tr.children.length)) })),
    charts: main.querySelectorAll('figure svg').length,
  };
}

let zhPages: string[];

beforeAll(() => {
  ensureDefaultBuild();
  // Embeds are a chart alone for another site's iframe, not pages of this one.
  zhPages = listHtml(DIST).filter((p) => !p.startsWith('en/') && !p.startsWith('pagefind') && !(p in CHINESE_ONLY));
});

describe('zh and en pages', () => {
  it('lists the pages of every kind', () => {
    for (const p of ['index.html', 'agencies/index.html', 'compare/index.html', 'quality/index.html', 'findings/index.html', 'data/index.html', 'about/index.html', 'search/index.html']) expect(zhPages, p).toContain(p);
  });

  it('have an English page for every Chinese page', () => {
    expect(zhPages.filter((p) => !existsSync(path.join(DIST, 'en', p)))).toEqual([]);
  });

  it('have the same headings, tables and charts in both languages', () => {
    const differ = zhPages
      .filter((p) => existsSync(path.join(DIST, 'en', p)))
      .flatMap((p) => {
        const zh = readStructure(p);
        const en = readStructure(`en/${p}`);
        return JSON.stringify(zh) === JSON.stringify(en) ? [] : [{ page: p, zh, en }];
      });
    expect(differ).toEqual([]);
  });
});
