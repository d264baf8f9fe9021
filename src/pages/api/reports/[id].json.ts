/** /api/reports/<id>.json: one report's record, exactly as extracted. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { loadReport, loadSiteData } from '../../../lib/site/data.ts';

export const getStaticPaths = (async () => {
  const { summaries, cacheKeys } = await loadSiteData();
  return summaries.map((s) => ({ params: { id: s.id }, cacheKey: cacheKeys.report.get(s.id) }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const { record } = await loadReport(params.id!);
  return new Response(JSON.stringify(record), { headers: { 'content-type': 'application/json' } });
};
