/** /api/reports/<id>.json: one report's record, exactly as extracted. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { loadSiteData } from '../../../lib/site/data.ts';

export const getStaticPaths = (async () => {
  const { records, cacheKeys } = await loadSiteData();
  return records.map((r) => ({ params: { id: r.id }, cacheKey: cacheKeys.report.get(r.id) }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const { byId } = await loadSiteData();
  return new Response(JSON.stringify(byId.get(params.id!)), { headers: { 'content-type': 'application/json' } });
};
