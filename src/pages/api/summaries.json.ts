/** /api/summaries.json: one headline row per report, for the compare page's picker and for reuse. */
import type { APIRoute } from 'astro';
import { loadSiteData } from '../../lib/site/data.ts';

export const GET: APIRoute = async () => {
  const { compareRows } = await loadSiteData();
  return new Response(JSON.stringify(compareRows), { headers: { 'content-type': 'application/json' } });
};
