/**
 * The built Atom feeds (dist/feed/): valid Atom read back by the XML parser, an entry per report
 * dated by the report, links that resolve to built pages and anchors, no placeholder domain when the
 * site URL is not configured, and every page's head and the data page pointing to both.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ReportRecord } from '../../src/lib/schema/report.ts';
import { listAtomProblems, readAtomFeed, type ReadFeed } from '../support/atom.ts';
import { DIST, ensureDefaultBuild, listHtml, loadBuiltRecords } from '../support/site.ts';

let records: ReportRecord[];
let reports: ReadFeed;
let findings: ReadFeed;
const read = (rel: string) => readFileSync(path.join(DIST, rel), 'utf8');
const doc = (rel: string) => parseHTML(read(rel)).document as unknown as Document;

beforeAll(() => {
  ensureDefaultBuild();
  records = loadBuiltRecords();
  reports = readAtomFeed(read('feed/reports.xml'));
  findings = readAtomFeed(read('feed/findings.xml'));
});

/** Returns the dist file and anchor a root-relative link points at. */
function resolve(link: string): { file: string; anchor: string | null } {
  const url = new URL(link, 'http://x/');
  return { file: path.join(DIST, url.pathname.endsWith('/') ? `${url.pathname}index.html` : url.pathname), anchor: url.hash ? url.hash.slice(1) : null };
}

describe('feeds', () => {
  it('are valid Atom', () => {
    expect(listAtomProblems(reports)).toEqual([]);
    expect(listAtomProblems(findings)).toEqual([]);
    expect(reports.lang).toBe('zh-CN');
  });

  it('list every report, with its title, linking to its page', () => {
    expect(reports.entries.map((e) => e.link).sort()).toEqual(records.map((r) => `/reports/${r.id}/`).sort());
    for (const e of reports.entries) {
      const record = records.find((r) => e.link === `/reports/${r.id}/`)!;
      expect(e.title).toBe(record.title);
      expect(existsSync(resolve(e.link!).file), e.link!).toBe(true);
    }
  });

  it('date a report by its own date, never by the build', () => {
    const signed = records.find((r) => r.signedOn !== null)!;
    expect(reports.entries.find((e) => e.link === `/reports/${signed.id}/`)!.updated).toBe(`${signed.signedOn}T00:00:00+08:00`);
    expect(findings.entries.map((e) => e.updated)).toEqual([`${signed.signedOn}T00:00:00+08:00`]);
  });

  it('link each finding to its report’s findings section', () => {
    expect(findings.entries.length).toBeGreaterThan(0);
    for (const e of findings.entries) {
      const { file, anchor } = resolve(e.link!);
      expect(anchor).toBe('findings');
      expect(doc(path.relative(DIST, file)).getElementById(anchor!), e.link!).not.toBeNull();
    }
  });

  it('carry no placeholder domain when the site URL is not configured', () => {
    // The one absolute URL is Atom's namespace.
    for (const f of ['feed/reports.xml', 'feed/findings.xml']) expect(read(f).replace('xmlns="http://www.w3.org/2005/Atom"', ''), f).not.toMatch(/https?:|example\.org/);
    for (const feed of [reports, findings]) for (const e of feed.entries) expect(e.link!.startsWith('/'), e.link!).toBe(true);
  });
});

describe('links to the feeds', () => {
  it('are in the head of every page with the site frame (embeds are a chart alone)', () => {
    const framed = listHtml(DIST).filter((p) => !/^(en\/)?embed\//.test(p));
    expect(framed.length).toBeGreaterThan(20);
    for (const p of framed) {
      const links = [...doc(p).querySelectorAll('head link[rel="alternate"][type="application/atom+xml"]')].map((l) => l.getAttribute('href'));
      expect(links, p).toEqual(['/feed/reports.xml', '/feed/findings.xml']);
    }
  });

  it('are on the data page', () => {
    const page = doc('data/index.html');
    for (const f of ['feed/reports.xml', 'feed/findings.xml']) expect(page.querySelector(`main a[href="/${f}"]`), f).not.toBeNull();
  });
});
