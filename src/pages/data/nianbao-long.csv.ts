/** /data/nianbao-long.csv: every figure of every report, one row per report × table × row × column. */
import type { APIRoute } from 'astro';
import { buildLongCsv } from '../../lib/export/dataset.ts';
import { loadSiteData } from '../../lib/site/data.ts';

export const GET: APIRoute = async () => {
  const { records } = await loadSiteData();
  return new Response(buildLongCsv(records), { headers: { 'content-type': 'text/csv; charset=utf-8' } });
};
