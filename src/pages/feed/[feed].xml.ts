/**
 * The Atom feeds, newest first (src/lib/feed/entries.ts): /feed/reports.xml, the reports;
 * /feed/findings.xml, the findings that ask to check the source. Each carries the key of what it
 * lists (src/lib/site/incremental.ts), so that a build writes it again only when that changed.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { buildFindingsFeed, buildReportsFeed } from '../../lib/feed/entries.ts';
import { listFindingNotes } from '../../lib/findings/describe.ts';
import { loadCorpusFindings, loadFindingsKey, loadSiteData } from '../../lib/site/data.ts';
import { selectStaticPaths } from '../../lib/site/incremental.ts';
import { makeFeedLink } from '../../lib/site/url.ts';

export const getStaticPaths = (async () => {
  const { cacheKeys } = await loadSiteData();
  return selectStaticPaths([
    // The reports by the dates they state; a report that states none is dated by the build.
    { route: 'feed/reports.xml', key: cacheKeys.corpusDated, path: { params: { feed: 'reports' } } },
    { route: 'feed/findings.xml', key: await loadFindingsKey(), path: { params: { feed: 'findings' } } },
  ]);
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const { reports, builtOn } = await loadSiteData();
  let feed: string;
  if (params.feed === 'findings') {
    const f = await loadCorpusFindings();
    feed = buildFindingsFeed(listFindingNotes(f.flags, f.timeliness, f.disagreements), { reports, builtOn, link: makeFeedLink });
  } else feed = buildReportsFeed({ reports, builtOn, link: makeFeedLink });
  return new Response(feed, { headers: { 'content-type': 'application/atom+xml; charset=utf-8' } });
};
