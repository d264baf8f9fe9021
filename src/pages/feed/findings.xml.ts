/** /feed/findings.xml: an Atom feed of the findings that ask to check the source, newest first (src/lib/feed/entries.ts). */
import type { APIRoute } from 'astro';
import { buildFindingsFeed } from '../../lib/feed/entries.ts';
import { listFindingNotes } from '../../lib/findings/describe.ts';
import { loadCorpusFindings, loadSiteData } from '../../lib/site/data.ts';
import { makeFeedLink } from '../../lib/site/url.ts';

export const GET: APIRoute = async () => {
  const { reports, builtOn } = await loadSiteData();
  const f = await loadCorpusFindings();
  const notes = listFindingNotes(f.flags, f.timeliness, f.disagreements);
  return new Response(buildFindingsFeed(notes, { reports, builtOn, link: makeFeedLink }), { headers: { 'content-type': 'application/atom+xml; charset=utf-8' } });
};
