/** /api/summaries.json: one headline row per report, for the compare page's picker and for reuse. */
import type { APIRoute } from 'astro';
import { loadSiteData } from '../../lib/site/data.ts';
import { describeLevel, KIND_ZH } from '../../lib/site/format.ts';
import type { CompareRow } from '../../lib/aggregate/compare.ts';

export const GET: APIRoute = async () => {
  const { summaries, byId } = await loadSiteData();
  const rows: CompareRow[] = summaries.map((s) => {
    const agency = byId.get(s.id)!.agency;
    return { ...s, kindLabel: `${describeLevel(agency.region)}·${KIND_ZH[agency.kind]}` };
  });
  return new Response(JSON.stringify(rows), { headers: { 'content-type': 'application/json' } });
};
