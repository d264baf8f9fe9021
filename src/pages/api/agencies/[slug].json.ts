/** /api/agencies/<slug>.json: an agency, its reports' headline figures and their links. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { buildApiAgency, type Linker } from '../../../lib/export/api.ts';
import { loadSiteData } from '../../../lib/site/data.ts';
import { selectStaticPaths } from '../../../lib/site/incremental.ts';
import { href } from '../../../lib/site/url.ts';
import { absoluteUrl } from '../../../lib/site/site-url.ts';

export const getStaticPaths = (async () => {
  const { agencies, cacheKeys } = await loadSiteData();
  return selectStaticPaths(agencies.map((a) => ({ route: `api/agencies/${a.slug}.json`, key: cacheKeys.agency.get(a.slug), path: { params: { slug: a.slug } } })));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, site }) => {
  const { agencyBySlug } = await loadSiteData();
  const group = agencyBySlug.get(params.slug!)!;
  const link: Linker = (p) => ({ path: href(p), url: absoluteUrl(href(p), site) });
  return new Response(JSON.stringify(buildApiAgency(group, link)), { headers: { 'content-type': 'application/json' } });
};
