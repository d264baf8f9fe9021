/**
 * The static JSON API's documents (pure builders): the index of agencies and reports with URLs, and
 * an agency with its reports' headline figures and links. `/api/reports/<id>.json` is the record itself.
 */
import { ascending } from 'd3-array';
import type { AgencyGroup } from '../aggregate/corpus.ts';
import type { ReportSummary } from '../aggregate/summarize.ts';
import type { Agency, Template } from '../schema/report.ts';

/**
 * Turns a site path (`reports/x/`) into a link: `path` with the base, `url` absolute, or null when
 * the site has no address (NIANBAO_SITE unset).
 */
export type Linker = (sitePath: string) => { path: string; url: string | null };

/**
 * Returns the linker of a site served under `base` (with its slashes, `/nianbao/`) at `site` (an
 * absolute address, or undefined: no URLs), as the pages link: the base joined to the path.
 */
export function makeLinker(base: string, site: string | undefined): Linker {
  return (sitePath) => {
    const p = `${base}${sitePath.replace(/^\//, '')}`;
    return { path: p, url: site === undefined ? null : new URL(p, site).href };
  };
}

/** Links of one report. */
export interface ReportLinks {
  /** The report's page: its path (with the base), and its absolute URL or null without a site address. */
  page: string;
  pageUrl: string | null;
  /** The record as JSON: path and absolute URL (or null), as `page`. */
  api: string;
  apiUrl: string | null;
}

/** Returns the links of a report. */
export function linkReport(id: string, link: Linker): ReportLinks {
  const page = link(`reports/${id}/`);
  const api = link(`api/reports/${id}.json`);
  return { page: page.path, pageUrl: page.url, api: api.path, apiUrl: api.url };
}

/** Returns the links of an agency (same shape as a report's). */
export function linkAgency(slug: string, link: Linker): ReportLinks {
  const page = link(`agencies/${slug}/`);
  const api = link(`api/agencies/${slug}.json`);
  return { page: page.path, pageUrl: page.url, api: api.path, apiUrl: api.url };
}

/** `/api/index.json`: every agency and report with its URLs. */
export interface ApiIndex {
  builtOn: string;
  counts: { agencies: number; reports: number };
  agencies: (Pick<Agency, 'slug' | 'name' | 'kind' | 'region'> & { years: number[]; reports: string[]; links: ReportLinks })[];
  reports: { id: string; agency: string; agencySlug: string; year: number; template: Template; links: ReportLinks }[];
  /** Each download's absolute URL, or its path without a site address. */
  downloads: Record<string, string>;
}

/** Returns the API index. */
export function buildApiIndex(summaries: readonly ReportSummary[], agencies: readonly AgencyGroup[], builtOn: string, link: Linker): ApiIndex {
  const files = ['nianbao-long.csv', 'nianbao-wide-proactive.csv', 'nianbao-wide-requests.csv', 'nianbao-wide-appeals.csv', 'nianbao.json', 'nianbao.sqlite', 'dictionary.csv', 'datapackage.json', 'metadata.json'];
  return {
    builtOn,
    counts: { agencies: agencies.length, reports: summaries.length },
    agencies: agencies.map((a) => ({
      slug: a.slug,
      name: a.agency.name,
      kind: a.agency.kind,
      region: a.agency.region,
      years: a.years,
      reports: a.reports.map((r) => r.id),
      links: linkAgency(a.slug, link),
    })),
    reports: [...summaries]
      .sort((a, b) => ascending(a.slug, b.slug) || ascending(a.year, b.year))
      .map((r) => ({ id: r.id, agency: r.agency, agencySlug: r.slug, year: r.year, template: r.template, links: linkReport(r.id, link) })),
    downloads: Object.fromEntries(
      files.map((f) => {
        const { url, path } = link(`data/${f}`);
        return [f, url ?? path];
      }),
    ),
  };
}

/** `/api/agencies/<slug>.json`: the agency and its reports' headline figures, oldest first. */
export interface ApiAgency {
  agency: Agency;
  links: ReportLinks;
  reports: (ReportSummary & { links: ReportLinks })[];
}

/** Returns an agency's API document. */
export function buildApiAgency(group: AgencyGroup, link: Linker): ApiAgency {
  return {
    agency: group.agency,
    links: linkAgency(group.slug, link),
    reports: group.reports.map((r) => ({ ...r, links: linkReport(r.id, link) })),
  };
}
