/**
 * The site's one read of the extracted data: the reports and their index entries from the site-data
 * stage's product (DATA/site/reports.json, src/lib/site/report-index-file.ts, which validated each
 * record against the schema when it indexed it), the manifest, and from the extraction folder the
 * records and the source texts. Read when a page renders, never bundled into the build, so that a
 * page rendered again from a kept build (scripts/lib/incremental/rerender.ts) shows today's data.
 * Computed once per build and shared by every page.
 *
 * Memory stays bounded at national scale: the corpus-wide pages need only the index entries (a
 * summary, the agency and the quality problems of each report); a record is read when a page about
 * its agency or report needs it, and kept only while the record cache has room. Corpus-wide
 * findings are gathered one agency at a time.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { readRecordHashes } from '../extract/written-state.ts';
import config from 'virtual:nianbao/config';
import '../charts/server-document.ts';
import { chartCodeVersion, chartStoreDir, readStoredCharts } from './chart-store.ts';
import { drawChart, keyOfDrawing, type DrawFunction } from '../charts/drawing.ts';
import { groupAgencies, type AgencyGroup } from '../aggregate/corpus.ts';
import type { IndexedReport } from '../aggregate/report-index.ts';
import type { ReportSummary } from '../aggregate/summarize.ts';
import { collectCorpusPart, combineCorpusFindings, describeAgencyFindings, type AgencyFindings, type CorpusFindings, type CorpusPart } from '../findings/describe.ts';
import { describeInput } from '../extract/manifest.ts';
import { manifestSchema, type Manifest, type ReportRecord } from '../schema/report.ts';
import type { CompareRow } from '../aggregate/compare.ts';
import { toCompareRows } from './compare-rows.ts';
import { formatEmptyCorpusWarning, listRecordIds, readRecordFile } from './record-files.ts';
import { loadReportIndex, reportIndexVersion } from './report-index-file.ts';
import { assertCorrectionsValid, openCorrector, type Corrector } from './corrections.ts';
import { listAgencyReviewGroups, listFileReviewGroups, orderReviewQueue, type ReviewGroup, type ReviewQueue } from '../review/queue.ts';
import { openDigestCache } from './digest-cache.ts';
import { createRecentCache } from './recent-cache.ts';
import { publishManifestCounts } from '../corrections/counts.ts';
import { readSiteVersion } from './incremental.ts';
import { hashCorpus, hashPart, joinDigests } from './corpus-keys.ts';
import { boundSourceLines, listLinkedLines, type BoundedText } from './bounds.ts';
import { wordNoteLine } from '../i18n/word-message.ts';

/** Folder the extractor wrote (`npm run extract -- --out`; the data setting). */
const DATA_DIR = config.data;

/**
 * Records kept in memory at most (the recordCache setting): below it a build reads each record file
 * once; above it, the records of an agency are read again for each of its pages.
 */
const RECORD_CACHE = config.recordCache;

/** Where index entries and findings computed in one build are kept for the next (src/lib/site/digest-cache.ts). */
const SITE_CACHE_DIR = path.join(DATA_DIR, 'site-cache');

export interface SiteData {
  /** Every report's index entry, by id. */
  reports: IndexedReport[];
  reportById: Map<string, IndexedReport>;
  /** Every report's headline figures, by id. */
  summaries: ReportSummary[];
  agencies: AgencyGroup[];
  /** Agencies by slug, so that a page finds its agency without scanning the list. */
  agencyBySlug: Map<string, AgencyGroup>;
  /** One light row per report for the compare views, with the agency's level and kind (县级·政府). */
  compareRows: CompareRow[];
  manifest: Manifest;
  /** Date of this build, ISO yyyy-mm-dd (for citations). */
  builtOn: string;
  /**
   * Incremental-build keys (src/lib/site/incremental.ts): a page whose key and code are unchanged
   * since the last build is neither rendered nor written again. Each covers only what a page shows:
   * `agency`, the digests of all an agency's records (its report pages show its other years and
   * compare with the previous one); `agencyDated`, those and the build date, for the pages whose
   * chart citations give the date. `corpus`, every index entry and the manifest, for the pages made
   * from the index (src/lib/site/corpus-keys.ts), `corpusDated` with the date (the findings' key,
   * loadFindingsKey, adds their digest); `code`, for the pages that show nothing from the data (the
   * code's version is part of every key's check).
   * Undefined: the page is always rendered. The corpus keys are computed when first read.
   */
  cacheKeys: {
    agency: Map<string, string | undefined>;
    agencyDated: Map<string, string | undefined>;
    readonly corpus: string;
    readonly corpusDated: string;
    readonly code: string;
  };
}

/** Parsed records, corrected. */
const records = createRecentCache<string, ReportRecord>(RECORD_CACHE);

let corrector: Corrector | undefined;

/** Returns the build's corrections (content/corrections.csv), read once; throws `file:line: message` for a bad line. */
function loadCorrector(): Corrector {
  if (!corrector) {
    corrector = openCorrector(DATA_DIR);
    assertCorrectionsValid(corrector);
  }
  return corrector;
}

/** Returns a record from the extraction folder with its corrections applied, through the record cache. */
function readRecord(id: string): ReportRecord {
  // Synchronous: a page waits for its records anyway, and the thread pool has four threads for all pages.
  return records.fetch(id, () => loadCorrector().correctOrThrow(readRecordFile(DATA_DIR, id)));
}

let cached: Promise<SiteData> | undefined;

/** Returns the site data, loading it on first use. */
export function loadSiteData(): Promise<SiteData> {
  cached ??= (async () => {
    const ids = listRecordIds(DATA_DIR);
    // The index entries are the site-data stage's (scripts/write-site-data.ts), each record it has not
    // indexed read here. An entry is of the corrected record: its corrections' digest is part of its token.
    const { reports } = loadReportIndex(DATA_DIR, ids, reportIndexVersion(process.cwd()), readRecord, (id) => loadCorrector().keyOf(id));
    // A page's key: the hash the extractor recorded of the record file as it wrote it (without one, no
    // key: always rendered), and its corrections' digest (a correction changes the page, not the file).
    // Content only, no file times: two builds of the same records give the same keys.
    const hashes = readRecordHashes(DATA_DIR);
    const reportKeys = new Map(ids.map((id) => [id, hashes.has(id) ? `${hashes.get(id)!}${loadCorrector().keyOf(id)}` : undefined]));
    const read = manifestSchema.parse(JSON.parse(readFileSync(path.join(DATA_DIR, 'manifest.json'), 'utf8')));
    // Named again as the extractor names it now, so that an older manifest publishes no absolute path either.
    // Its failed checks counted on the corrected records, as every page shows them.
    const manifest = publishManifestCounts({ ...read, input: describeInput(read.input, process.cwd()) }, reports);
    // The build's one word about an empty corpus (data is loaded once per build); the home page says the rest.
    if (ids.length === 0) process.stderr.write(`${formatEmptyCorpusWarning(manifest.input, manifest.counts.files)}\n`);
    const agencies = groupAgencies(reports);
    const summaries = reports.map((r) => r.summary);
    const builtOn = new Date().toISOString().slice(0, 10);
    const agencyKeys = agencies.map((a): [string, string | undefined] => {
      const keys = a.reports.map((s) => reportKeys.get(s.id));
      // One digest of them all: the build manifest holds a key per page (an agency's reports' pages and embeds).
      return [a.slug, keys.includes(undefined) ? undefined : joinDigests(keys as string[])];
    });
    let corpus: string | undefined;
    return {
      reports,
      reportById: new Map(reports.map((r) => [r.summary.id, r])),
      summaries,
      compareRows: toCompareRows(reports),
      agencies,
      agencyBySlug: new Map(agencies.map((a) => [a.slug, a])),
      manifest,
      builtOn,
      cacheKeys: {
        agency: new Map(agencyKeys),
        agencyDated: new Map(agencyKeys.map(([slug, key]) => [slug, key === undefined ? undefined : `${builtOn}:${key}`])),
        get corpus() {
          return (corpus ??= hashCorpus(reports, manifest));
        },
        get corpusDated() {
          return `${builtOn}:${this.corpus}`;
        },
        code: 'code',
      },
    };
  })();
  return cached;
}

/** Returns an agency's records, oldest year first. */
export async function loadAgencyRecords(slug: string): Promise<ReportRecord[]> {
  const group = (await loadSiteData()).agencyBySlug.get(slug);
  if (!group) throw new Error(`no agency ${slug}`);
  return group.reports.map((s) => readRecord(s.id));
}

/** Returns a report's record and its agency's records (the report's among them), oldest year first. */
export async function loadReport(id: string): Promise<{ record: ReportRecord; siblings: ReportRecord[] }> {
  const entry = (await loadSiteData()).reportById.get(id);
  if (!entry) throw new Error(`no report ${id}`);
  const siblings = await loadAgencyRecords(entry.summary.slug);
  return { record: siblings.find((r) => r.id === id)!, siblings };
}

/** The corpus findings and the digest of what they were made from (every agency's part, hashed by src/lib/site/corpus-keys.ts hashPart). */
interface GatheredFindings {
  findings: CorpusFindings;
  digest: string;
}

/**
 * The corpus findings last made, held weakly: three outputs read them (the findings page in each
 * language and the findings feed), rendered far apart, and at national scale they are large enough
 * to crowd the rest of the build's heap (bench/results.md, 100,000 reports). Between those outputs
 * the collector may drop them; they are then made again, the same.
 */
let findings: WeakRef<Promise<GatheredFindings>> | undefined;

/** Returns the corpus findings and their parts' digest, made again if the collector dropped them. */
function loadGatheredFindings(): Promise<GatheredFindings> {
  let made = findings?.deref();
  if (made === undefined) {
    made = gatherCorpusFindings();
    findings = new WeakRef(made);
  }
  return made;
}

/** Returns the corpus findings, gathered one agency at a time (by slug). */
export async function loadCorpusFindings(): Promise<CorpusFindings> {
  return (await loadGatheredFindings()).findings;
}

/**
 * Returns the incremental-build key of the outputs made from the corpus findings (the findings pages
 * and feed): the corpus key (they list reports from the index too), the build date, and the digest
 * of every agency's part of the findings, which an edit that changes no finding leaves as it was.
 */
export async function loadFindingsKey(): Promise<string> {
  const [{ cacheKeys }, { digest }] = await Promise.all([loadSiteData(), loadGatheredFindings()]);
  return `${cacheKeys.corpusDated}:${digest}`;
}

/** An agency's part of the corpus findings, with the digest of its bytes. */
interface StoredPart {
  part: CorpusPart;
  digest: string;
}

/** Returns the corpus findings from each agency's part, made again only for the agencies whose records changed. */
async function gatherCorpusFindings(): Promise<GatheredFindings> {
  const { agencies, cacheKeys } = await loadSiteData();
  const slugs = agencies.map((a) => a.slug).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const store = openDigestCache<StoredPart>(SITE_CACHE_DIR, 'corpus-findings', readSiteVersion());
  const parts: StoredPart[] = [];
  for (const slug of slugs) {
    const key = cacheKeys.agency.get(slug);
    let stored = store.get(key);
    if (stored === undefined) {
      const part = collectCorpusPart(await loadAgencyRecords(slug));
      store.set(key, (stored = { part, digest: hashPart(part) }));
    }
    parts.push(stored);
  }
  store.save();
  return { findings: combineCorpusFindings(parts.map((p) => p.part)), digest: joinDigests(parts.map((p) => p.digest)) };
}

/**
 * Returns the operator's review queue (the /review/ page), gathered one agency at a time from the
 * corrected records. Not kept once made: one page shows it, and at national scale it is large
 * enough to crowd the rest of the build's heap (bench/results.md, 100,000 reports).
 */
export async function loadReviewQueue(): Promise<ReviewQueue> {
  const { agencies, manifest, builtOn, cacheKeys } = await loadSiteData();
  const groups = [];
  // An agency's groups are listed again only when one of its records changed (or the date in their ready-made lines).
  const store = openDigestCache<ReviewGroup[]>(SITE_CACHE_DIR, 'review-groups', readSiteVersion());
  for (const a of agencies) {
    const key = cacheKeys.agencyDated.get(a.slug);
    let listed = store.get(key);
    if (listed === undefined) store.set(key, (listed = listAgencyReviewGroups(await loadAgencyRecords(a.slug), builtOn)));
    groups.push(...listed);
  }
  store.save();
  groups.push(...listFileReviewGroups(manifest, builtOn));
  const stale = loadCorrector().listStale((id) => readRecordFile(DATA_DIR, id));
  return orderReviewQueue(groups, stale);
}

/**
 * The source texts last bounded for a page, by record id: a report's pages in every language need
 * the same (the Chinese page shows its lines, the others count them), and they are rendered one
 * after another (the report route lists each report's languages together).
 */
const boundedSources = createRecentCache<string, BoundedText>(8);

/** Returns the lines of a record's source text that its page shows (boundSourceLines), with the extractor's note lines in words. */
export function loadBoundedSource(record: ReportRecord): BoundedText {
  return boundedSources.fetch(record.id, () => boundSourceLines(readSourceLines(record.id).map(wordNoteLine), listLinkedLines(record)));
}

/** Returns the source text a record was read from, as lines (provenance line n is index n-1). */
export async function loadSourceLines(id: string): Promise<string[]> {
  return readSourceLines(id);
}

/** Returns the source text a record was read from, as lines; synchronous, as the records are read (readRecord). */
function readSourceLines(id: string): string[] {
  const text = readFileSync(path.join(DATA_DIR, 'text', `${id}.txt`), 'utf8');
  return text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n|\f/);
}

/** The chart code's version, to find drawings in the chart store; null: the store is not used. */
const chartVersion = chartCodeVersion(process.cwd());

/**
 * Agencies whose chart stores are kept parsed (NIANBAO_CHART_CACHE): about 40 KB each. An agency's
 * store is read by its page in each language and by each of its embeds, which Astro renders route by
 * route, far apart: below this many agencies each store is read and parsed once per build.
 */
const CHART_CACHE = config.chartCache;

/** Parsed chart stores by agency slug (null: no readable file). */
const chartStores = createRecentCache<string, Record<string, string> | null>(CHART_CACHE);

/** Returns an agency's chart store, through the chart-store cache. */
function readChartStore(slug: string): Record<string, string> | null {
  return chartStores.fetch(slug, () => readStoredCharts(chartStoreDir(DATA_DIR), slug));
}

/** Agencies' findings by slug, as many as their chart stores: the agency's page in each language shows them. */
const agencyFindings = createRecentCache<string, AgencyFindings>(CHART_CACHE);

/** Returns an agency's findings (describeAgencyFindings of its records), made once while the cache keeps them. */
export async function loadAgencyFindings(slug: string): Promise<AgencyFindings> {
  const records = await loadAgencyRecords(slug);
  return agencyFindings.fetch(slug, () => describeAgencyFindings(records));
}

/**
 * Returns how an agency's pages draw their charts: the SVG the chart stage stored for the same
 * drawing (scripts/render-charts.ts), else drawn now. Either way the same markup.
 */
export function loadChartDraw(slug: string): DrawFunction {
  const stored = chartVersion === null ? null : readChartStore(slug);
  if (!stored || chartVersion === null) return drawChart;
  return (drawing) => stored[keyOfDrawing(drawing, chartVersion)] ?? drawChart(drawing);
}
