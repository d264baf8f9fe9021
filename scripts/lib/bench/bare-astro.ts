/**
 * The bare Astro baseline: a throwaway Astro project that builds the same pages from the same
 * extraction output (one per report with its full text, one per agency, an index), with no charts,
 * no shared layout and no site code. Our build is reported as a ratio to it, which cancels much of
 * the noise of a shared machine.
 */
import { mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';

const REPORT_PAGE = `---
import { readFileSync, readdirSync } from 'node:fs';
export function getStaticPaths() {
  const dir = process.env.BARE_DATA;
  return readdirSync(dir + '/reports').filter((f) => f.endsWith('.json')).map((f) => {
    const r = JSON.parse(readFileSync(dir + '/reports/' + f, 'utf8'));
    return { params: { id: r.id }, props: { r, text: readFileSync(dir + '/text/' + r.id + '.txt', 'utf8') } };
  });
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
import { readFileSync, readdirSync } from 'node:fs';
export function getStaticPaths() {
  const dir = process.env.BARE_DATA;
  const by = new Map();
  for (const f of readdirSync(dir + '/reports').filter((f) => f.endsWith('.json'))) {
    const r = JSON.parse(readFileSync(dir + '/reports/' + f, 'utf8'));
    if (!by.has(r.agency.slug)) by.set(r.agency.slug, []);
    by.get(r.agency.slug).push({ id: r.id, title: r.title, year: r.year, overview: r.sections.overview });
  }
  return [...by].map(([slug, reports]) => ({ params: { slug }, props: { reports } }));
}
const { reports } = Astro.props;
---
<html lang="zh-CN"><head><meta charset="utf-8"><title>{reports[0].title}</title></head>
<body><main>{reports.map((r) => <section><h2><a href={'/r/' + r.id + '/'}>{r.title}</a></h2><p>{r.overview}</p></section>)}</main></body></html>
`;

const INDEX_PAGE = `---
---
<html lang="zh-CN"><head><meta charset="utf-8"><title>bare</title></head><body><h1>bare</h1></body></html>
`;

/** Writes the bare project into `dir` (replacing it), reusing `nodeModules` through a symlink. */
export async function writeBareAstro(dir: string, nodeModules: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
  await mkdir(path.join(dir, 'src/pages/r'), { recursive: true });
  await mkdir(path.join(dir, 'src/pages/a'), { recursive: true });
  await symlink(nodeModules, path.join(dir, 'node_modules'), 'dir');
  await writeFile(path.join(dir, 'package.json'), JSON.stringify({ name: 'bare', private: true, type: 'module' }) + '\n');
  await writeFile(
    path.join(dir, 'astro.config.mjs'),
    "export default { outDir: process.env.BARE_OUT ?? './dist', build: { format: 'directory', concurrency: 2 }, devToolbar: { enabled: false } };\n",
  );
  await writeFile(path.join(dir, 'src/pages/r/[id].astro'), REPORT_PAGE);
  await writeFile(path.join(dir, 'src/pages/a/[slug].astro'), AGENCY_PAGE);
  await writeFile(path.join(dir, 'src/pages/index.astro'), INDEX_PAGE);
}
