/** /data/nianbao-wide-<table>.csv: one row per report, a column per cell of table A, B or C. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { TABLES, type TableId } from '../../lib/export/cells.ts';
import { buildWideCsv } from '../../lib/export/dataset.ts';
import { loadSiteData } from '../../lib/site/data.ts';

export const getStaticPaths = (() => TABLES.map((table) => ({ params: { table } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const { records } = await loadSiteData();
  return new Response(buildWideCsv(records, params.table as TableId), { headers: { 'content-type': 'text/csv; charset=utf-8' } });
};
