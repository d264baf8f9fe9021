/**
 * The bare Astro baseline: a throwaway Astro project that builds as many pages as the site, holding
 * the same text, from the same extraction output, with the site's build settings (directory format,
 * PAGE_CONCURRENCY pages at once) — two pages per report (the Chinese and English report pages) with
 * its table and full text, two per agency with its reports' overviews, and eight embed pages per
 * agency (four charts in each language) with a table of its figures — with no charts, no shared
 * layout and no site code. Our build is reported as a ratio to it, which cancels much of the noise of a shared machine.
 */
import { mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PAGE_CONCURRENCY } from '../build/stages.ts';

/** The bare project's one read of the records (BARE_DATA/reports), shared by its pages. */
const RECORDS_MODULE = `import { readFileSync, readdirSync } from 'node:fs';
export const dir = process.env.BARE_DATA;
export function readRecords() {
  return readdirSync(dir + '/reports').filter((f) => f.endsWith('.json')).map((f) => JSON.parse(readFileSync(dir + '/reports/' + f, 'utf8')));
}
export function groupByAgency(pick) {
  const by = new Map();
  for (const r of readRecords()) {
    if (!by.has(r.agency.slug)) by.set(r.agency.slug, []);
    by.get(r.agency.slug).push(pick(r));
  }
  return [...by];
}
`;

const REPORT_PAGE = `---
import { readFileSync } from 'node:fs';
import { dir, readRecords } from '/src/records.mjs';
export function getStaticPaths() {
  return readRecords().map((r) => ({ params: { id: r.id }, props: { r, text: readFileSync(dir + '/text/' + r.id + '.txt', 'utf8') } }));
}
const { r, text } = Astro.props;
const rows = Object.entries(r.requests);
---
<html lang="zh-CN"><head><meta charset="utf-8"><title>{r.title}</title></head>
<body><main><h1>{r.title}</h1><p>{r.agency.name} · {r.year}</p>
<table>{rows.map(([k, row]) => <tr><th>{k}</th>{Object.values(row).map((v) => <td>{v ?? '—'}</td>)}</tr>)}</table>
<pre>{text}</pre></main></body></html>
`;

const AGENCY_PAGE = `---
import { groupByAgency } from '/src/records.mjs';
export function getStaticPaths() {
  return groupByAgency((r) => ({ id: r.id, title: r.title, year: r.year, overview: r.sections.overview })).map(([slug, reports]) => ({ params: { slug }, props: { reports } }));
}
const { reports } = Astro.props;
---
<html lang="zh-CN"><head><meta charset="utf-8"><title>{reports[0].title}</title></head>
<body><main>{reports.map((r) => <section><h2><a href={'/r/' + r.id + '/'}>{r.title}</a></h2><p>{r.overview}</p></section>)}</main></body></html>
`;

const EMBED_PAGE = `---
import { groupByAgency } from '/src/records.mjs';
export function getStaticPaths() {
  return groupByAgency((r) => ({ year: r.year, name: r.agency.name, row: Object.values(r.requests)[0] ?? {} })).flatMap(([slug, reports]) => ['requests', 'dispositions', 'applicants', 'appeals'].map((chart) => ({ params: { slug, chart }, props: { reports, chart } })));
}
const { reports, chart } = Astro.props;
---
<html lang="zh-CN"><head><meta charset="utf-8"><title>{reports[0].name} {chart}</title></head>
<body><main><h1>{reports[0].name} {chart}</h1>
<table>{reports.map((r) => <tr><th>{r.year}</th>{Object.values(r.row).map((v) => <td>{v ?? '—'}</td>)}</tr>)}</table></main></body></html>
`;

const INDEX_PAGE = `---
---
<html lang="zh-CN"><head><meta charset="utf-8"><title>bare</title></head><body><h1>bare</h1></body></html>
`;

/** Writes the bare project into `dir` (replacing it), reusing `nodeModules` through a symlink. */
export async function writeBareAstro(dir: string, nodeModules: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
  await mkdir(path.join(dir, 'src/pages/r'), { recursive: true });
  for (const sub of ['a', 'en/r', 'en/a', 'e/[slug]', 'en/e/[slug]']) await mkdir(path.join(dir, 'src/pages', sub), { recursive: true });
  await symlink(nodeModules, path.join(dir, 'node_modules'), 'dir');
  await writeFile(path.join(dir, 'package.json'), JSON.stringify({ name: 'bare', private: true, type: 'module' }) + '\n');
  await writeFile(
    path.join(dir, 'astro.config.mjs'),
    `export default { outDir: process.env.BARE_OUT ?? './dist', cacheDir: './.cache', build: { format: 'directory', concurrency: ${PAGE_CONCURRENCY} }, devToolbar: { enabled: false } };\n`,
  );
  await writeFile(path.join(dir, 'src/records.mjs'), RECORDS_MODULE);
  await writeFile(path.join(dir, 'src/pages/r/[id].astro'), REPORT_PAGE);
  await writeFile(path.join(dir, 'src/pages/a/[slug].astro'), AGENCY_PAGE);
  // The English mirrors: the same text under another path, as the site's /en/ pages.
  await writeFile(path.join(dir, 'src/pages/en/r/[id].astro'), REPORT_PAGE);
  await writeFile(path.join(dir, 'src/pages/en/a/[slug].astro'), AGENCY_PAGE);
  await writeFile(path.join(dir, 'src/pages/e/[slug]/[chart].astro'), EMBED_PAGE);
  await writeFile(path.join(dir, 'src/pages/en/e/[slug]/[chart].astro'), EMBED_PAGE);
  await writeFile(path.join(dir, 'src/pages/index.astro'), INDEX_PAGE);
}
