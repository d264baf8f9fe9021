/** /data/manifest.json: the extractor's manifest — every input file with its status and reasons. */
import type { APIRoute } from 'astro';
import { loadSiteData } from '../../lib/site/data.ts';

export const GET: APIRoute = async () => {
  const { manifest } = await loadSiteData();
  return new Response(JSON.stringify(manifest, null, 2), { headers: { 'content-type': 'application/json' } });
};
