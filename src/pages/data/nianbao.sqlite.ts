/** /data/nianbao.sqlite: the dataset as a SQLite database (agencies, reports, cells, checks, dictionary). */
import type { APIRoute } from 'astro';
import { buildSqlite } from '../../lib/export/sqlite.ts';
import { loadSiteData } from '../../lib/site/data.ts';

export const GET: APIRoute = async () => {
  const { records, builtOn } = await loadSiteData();
  const bytes = buildSqlite(records, builtOn);
  return new Response(bytes.buffer as ArrayBuffer, { headers: { 'content-type': 'application/vnd.sqlite3' } });
};
