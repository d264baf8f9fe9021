/** /api/index.json: every agency and report, with page and API URLs, and the download links. */
import type { APIRoute } from 'astro';
import { buildApiIndex, type Linker } from '../../lib/export/api.ts';
import { loadSiteData } from '../../lib/site/data.ts';
import { href } from '../../lib/site/url.ts';
import { absoluteUrl } from '../../lib/site/site-url.ts';

export const GET: APIRoute = async ({ site }) => {
  const { summaries, agencies, builtOn } = await loadSiteData();
  const link: Linker = (p) => ({ path: href(p), url: absoluteUrl(href(p), site) });
  return new Response(JSON.stringify(buildApiIndex(summaries, agencies, builtOn, link)), { headers: { 'content-type': 'application/json' } });
};
