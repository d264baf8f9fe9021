/**
 * /sitemap.xml: every page's canonical URL. A sitemap holds absolute URLs only, so it is written only
 * when the site has an address (NIANBAO_SITE): the route's one path exists only then.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { loadSiteData } from '../lib/site/data.ts';
import { href } from '../lib/site/url.ts';

export const getStaticPaths = (() => (import.meta.env.SITE ? [{ params: { sitemap: 'sitemap' } }] : [])) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ site }) => {
  const { summaries, agencies } = await loadSiteData();
  const paths = ['', 'agencies/', 'compare/', 'quality/', 'findings/', 'data/', 'about/', 'search/', ...agencies.map((a) => `agencies/${a.slug}/`), ...summaries.map((s) => `reports/${s.id}/`)];
  const urls = paths.map((p) => `  <url><loc>${new URL(href(p), site).href}</loc></url>`).join('\n');
  return new Response(`<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls}\n</urlset>\n`, {
    headers: { 'content-type': 'application/xml' },
  });
};
