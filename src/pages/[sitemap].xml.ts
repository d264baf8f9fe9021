/**
 * /sitemap.xml: every page's canonical URL in each language, each with its counterparts as
 * `xhtml:link` alternates (hreflang), as search engines read a multilingual sitemap. A sitemap holds
 * absolute URLs only, so it is written only when the site has an address (NIANBAO_SITE): the route's
 * one path exists only then. The review queue is for the operator and is not listed.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { dictionary, LANGS, localize } from '../lib/i18n/index.ts';
import { loadSiteData } from '../lib/site/data.ts';
import { href } from '../lib/site/url.ts';
import { selectStaticPaths } from '../lib/site/incremental.ts';

export const getStaticPaths = (async () =>
  import.meta.env.SITE ? selectStaticPaths([{ route: 'sitemap.xml', key: (await loadSiteData()).cacheKeys.corpus, path: { params: { sitemap: 'sitemap' } } }]) : []) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ site }) => {
  const { summaries, agencies } = await loadSiteData();
  const paths = ['', 'agencies/', 'compare/', 'quality/', 'findings/', 'data/', 'about/', 'search/', ...agencies.map((a) => `agencies/${a.slug}/`), ...summaries.map((s) => `reports/${s.id}/`)];
  const url = (path: string) => new URL(href(path), site).href;
  const urls = paths.flatMap((p) => {
    const alternates = LANGS.map((lang) => `    <xhtml:link rel="alternate" hreflang="${dictionary(lang).htmlLang}" href="${url(localize(lang, p))}"/>`).join('\n');
    return LANGS.map((lang) => `  <url>\n    <loc>${url(localize(lang, p))}</loc>\n${alternates}\n  </url>`);
  });
  return new Response(
    `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n${urls.join('\n')}\n</urlset>\n`,
    { headers: { 'content-type': 'application/xml' } },
  );
};
