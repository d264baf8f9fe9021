/**
 * The site's one read of the extracted data: the report index through the content collection (each
 * record validated there by the schema), the records themselves, the manifest and the source texts
 * from the extraction folder. Computed once per build and shared by every page.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { getCollection } from 'astro:content';
import '../charts/server-document.ts';
import { groupAgencies, type AgencyGroup } from '../aggregate/corpus.ts';
import { summarizeReport, type ReportSummary } from '../aggregate/summarize.ts';
import { manifestSchema, type Manifest, type ReportRecord } from '../schema/report.ts';
import type { CompareRow } from '../aggregate/compare.ts';
import { KIND_ZH, describeLevel } from './format.ts';

/** Folder the extractor wrote (`npm run extract -- --out`). */
export const DATA_DIR = process.env.NIANBAO_DATA ?? '.nianbao';

export interface SiteData {
  records: ReportRecord[];
  byId: Map<string, ReportRecord>;
  summaries: ReportSummary[];
  agencies: AgencyGroup[];
  /** Agencies by slug, so that a page finds its agency without scanning the list. */
  agencyBySlug: Map<string, AgencyGroup>;
  /** Each agency's records, oldest year first. */
  recordsBySlug: Map<string, ReportRecord[]>;
  /** One light row per report for the compare views, with the agency's level and kind (县级·政府). */
  compareRows: CompareRow[];
  manifest: Manifest;
  /** Date of this build, ISO yyyy-mm-dd (for citations). */
  builtOn: string;
  /**
   * Incremental-build keys (Astro's `cacheKey`): a page whose key and code are unchanged since the
   * last build is not rendered again. A report's key is its record's digest; an agency's key covers
   * the digests of all its records and the build date (its pages cite the date and compare years).
   */
  cacheKeys: { report: Map<string, string | undefined>; agency: Map<string, string | undefined> };
}

let cached: Promise<SiteData> | undefined;

/** Returns the site data, loading it on first use. */
export function loadSiteData(): Promise<SiteData> {
  cached ??= (async () => {
    const entries = (await getCollection('reports')).sort((a, b) => (a.data.id < b.data.id ? -1 : 1));
    // The collection validated each file against reportRecordSchema when it synced; read them whole here.
    const records = await Promise.all(entries.map(async (e) => JSON.parse(await readFile(path.join(DATA_DIR, 'reports', `${e.data.id}.json`), 'utf8')) as ReportRecord));
    // The content layer's digest of each entry (the glob loader always gives one); without it, no key: always rendered.
    const reportKeys = new Map(entries.map((e) => [e.data.id, e.digest === undefined ? undefined : String(e.digest)]));
    const manifest = manifestSchema.parse(JSON.parse(await readFile(path.join(DATA_DIR, 'manifest.json'), 'utf8')));
    const agencies = groupAgencies(records);
    const byId = new Map(records.map((r) => [r.id, r]));
    const summaries = records.map(summarizeReport);
    const builtOn = new Date().toISOString().slice(0, 10);
    return {
      records,
      byId,
      summaries,
      compareRows: summaries.map((s) => {
        const { region, kind } = byId.get(s.id)!.agency;
        return { ...s, kindLabel: `${describeLevel(region)}·${KIND_ZH[kind]}` };
      }),
      agencies,
      agencyBySlug: new Map(agencies.map((a) => [a.slug, a])),
      recordsBySlug: new Map(agencies.map((a) => [a.slug, a.reports.map((s) => byId.get(s.id)!)])),
      manifest,
      builtOn,
      cacheKeys: {
        report: reportKeys,
        agency: new Map(agencies.map((a) => {
          const keys = a.reports.map((s) => reportKeys.get(s.id));
          return [a.slug, keys.includes(undefined) ? undefined : [builtOn, ...keys].join(':')];
        })),
      },
    };
  })();
  return cached;
}

/** Returns the source text a record was read from, as lines (provenance line n is index n-1). */
export async function loadSourceLines(id: string): Promise<string[]> {
  const text = await readFile(path.join(DATA_DIR, 'text', `${id}.txt`), 'utf8');
  return text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n|\f/);
}
