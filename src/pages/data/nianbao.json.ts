/** /data/nianbao.json: every record as extracted, with the licence and citation. */
import type { APIRoute } from 'astro';
import { buildDatasetJson } from '../../lib/export/dataset.ts';
import { loadSiteData } from '../../lib/site/data.ts';
import { href } from '../../lib/site/url.ts';

export const GET: APIRoute = async ({ site }) => {
  const { records, builtOn } = await loadSiteData();
  return new Response(buildDatasetJson(records, builtOn, new URL(href('data/'), site).href), { headers: { 'content-type': 'application/json' } });
};
