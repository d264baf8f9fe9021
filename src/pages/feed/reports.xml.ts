/** /feed/reports.xml: an Atom feed of the reports, newest first (src/lib/feed/entries.ts). */
import type { APIRoute } from 'astro';
import { buildReportsFeed } from '../../lib/feed/entries.ts';
import { loadSiteData } from '../../lib/site/data.ts';
import { makeFeedLink } from '../../lib/site/url.ts';

export const GET: APIRoute = async () => {
  const { reports, builtOn } = await loadSiteData();
  return new Response(buildReportsFeed({ reports, builtOn, link: makeFeedLink }), { headers: { 'content-type': 'application/atom+xml; charset=utf-8' } });
};
