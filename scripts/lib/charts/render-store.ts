/**
 * The chart stage: draws every agency's charts (both languages) into the chart store
 * (src/lib/site/chart-store.ts) before the Astro build, on worker threads, so that the
 * single-threaded Astro build only lays them out. The agencies come from the site's report index
 * (src/lib/site/report-index-file.ts), not the record files. A drawing already stored under its key
 * is kept, and an agency none of whose reports changed since the last run is not even planned: after
 * one report changes, only its agency's charts are drawn again.
 */
import { availableParallelism } from 'node:os';
import { mkdirSync, readdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Piscina } from 'piscina';
import { groupAgencies, type AgencyGroup } from '../../../src/lib/aggregate/corpus.ts';
import { chartFileOf, chartStoreDir, readStoredCharts } from '../../../src/lib/site/chart-store.ts';
import { keyOfDrawing, type ChartDrawing } from '../../../src/lib/charts/drawing.ts';
import { listRecordIds } from '../../../src/lib/site/record-files.ts';
import { loadCorrectedReportIndex } from '../../../src/lib/site/report-index-file.ts';
import { AGENCY_CHART_KEYS, listAgencyDrawings } from '../../../src/lib/views/agency-charts.ts';
import { forEachLimited } from '../extract/write-output.ts';
import type { DrawWorkerData } from './draw-worker.ts';

/** Agencies per worker task: some 100 drawings, a fraction of a second. */
const BATCH = 12;

/**
 * Each worker's young generation, in MiB. Drawing allocates many short-lived nodes; V8's default
 * young generation makes the two workers spend much of their time in scavenges; 64 MiB gave most of
 * what 128 MiB did for less memory (bench/results.md).
 */
const YOUNG_GENERATION_MIB = 64;

/** Below this many drawings to make, starting threads costs more than it saves. */
export const PARALLEL_FROM = 200;

export interface ChartStageResult {
  agencies: number;
  /** Agencies not looked at: none of their record files changed since the last run. */
  unchanged: number;
  /** Drawings made this run. */
  drawn: number;
  /** Drawings of the agencies looked at, kept from the store. */
  reused: number;
  /** Drawings that threw (their pages draw them, and fail, themselves). */
  failed: number;
  /** Files of agencies no longer in the corpus, deleted. */
  removed: number;
}

/** An agency whose file must be written: its drawings, their keys and the SVG known so far. */
interface Pending {
  slug: string;
  drawings: ChartDrawing[];
  keys: string[];
  svg: (string | null | undefined)[];
}

/**
 * The stage's memory of the reports (SEEN_FILE in the store): chart code version, and per record id
 * its file's token in the report index (null: unknown, always looked at again) and its agency. A missed change would cost time, not truth, since a page takes a stored SVG only under the
 * key of the drawing it would make.
 */
interface Seen {
  format: typeof SEEN_FORMAT;
  version: string;
  records: Record<string, [token: string | null, slug: string]>;
}

const SEEN_FILE = '.seen.json';
/** Bump when Seen's layout changes: an older file is then ignored. */
const SEEN_FORMAT = 2;

/** Returns what the last run saw, or null (none, unreadable, another layout or another chart code version). */
function readSeen(storeDir: string, version: string): Seen | null {
  try {
    const seen = JSON.parse(readFileSync(path.join(storeDir, SEEN_FILE), 'utf8')) as Seen;
    return seen.format === SEEN_FORMAT && seen.version === version && seen.records && typeof seen.records === 'object' ? seen : null;
  } catch {
    return null;
  }
}

/**
 * Returns every agency's slug and the groups of the agencies whose charts may have changed since
 * the run that wrote `seen`: those with a report that is new, gone or whose record file was
 * rewritten (its token differs, or is unknown), or with no file in the store. Without `seen`, every
 * agency. The reports come from the site's report index (`reportVersion`: reportIndexVersion). Also
 * returns the new `seen`.
 */
function readChangedAgencies(dataDir: string, storeDir: string, seen: Seen | null, version: string, reportVersion: string | null): { slugs: Set<string>; changed: AgencyGroup[]; next: Seen } {
  const ids = listRecordIds(dataDir);
  // The charts draw the published figures, as the pages do (content/corrections.csv): an entry is of
  // the corrected record, its corrections' digest part of its token.
  const { reports, tokens } = loadCorrectedReportIndex(dataDir, ids, reportVersion);
  const next: Seen = { format: SEEN_FORMAT, version, records: {} };
  const affected = new Set<string>();
  ids.forEach((id, i) => {
    const slug = reports[i]!.agency.slug;
    const token = tokens[i]!;
    const before = seen?.records[id];
    if (!before || before[0] === null || before[0] !== token || before[1] !== slug) {
      affected.add(slug);
      if (before) affected.add(before[1]);
    }
    next.records[id] = [token, slug];
  });
  for (const [id, [, slug]] of Object.entries(seen?.records ?? {})) if (!(id in next.records)) affected.add(slug);
  const slugs = new Set(Object.values(next.records).map(([, slug]) => slug));
  const stored = new Set(readdirSync(storeDir));
  for (const slug of slugs) if (!seen || !stored.has(`${slug}.json`)) affected.add(slug);
  const changed = groupAgencies(reports.filter((r) => affected.has(r.agency.slug)));
  return { slugs, changed, next };
}

/** Writes an agency's file: exactly its current drawings' SVG by key (failed ones left out). */
function writeAgency(storeDir: string, agency: Pending): void {
  const charts: Record<string, string> = {};
  agency.keys.forEach((key, i) => {
    const svg = agency.svg[i];
    if (typeof svg === 'string') charts[key] = svg;
  });
  writeFileSync(chartFileOf(storeDir, agency.slug), JSON.stringify(charts));
}

/**
 * Brings the chart store of `dataDir` up to date with its records; `version`: the chart code's
 * version (chartCodeVersion); `reportVersion`: the report index's (reportIndexVersion; null: the
 * index file is not used, every record is read); `workers`: threads (default one per core; 0 draws
 * on this thread), started only when `parallelFrom` drawings or more are to be made (default PARALLEL_FROM);
 * `niceness`: the threads' priority (draw-worker.ts; default 0, as the process's).
 */
export async function renderChartStore(options: { dataDir: string; version: string; reportVersion: string | null; workers?: number; parallelFrom?: number; niceness?: number }): Promise<ChartStageResult> {
  const storeDir = chartStoreDir(options.dataDir);
  mkdirSync(storeDir, { recursive: true });
  const { slugs, changed, next } = readChangedAgencies(options.dataDir, storeDir, readSeen(storeDir, options.version), options.version, options.reportVersion);
  // Written again at the end: a run that stops half-way leaves none, and the next one looks at every agency.
  rmSync(path.join(storeDir, SEEN_FILE), { force: true });
  const result: ChartStageResult = { agencies: slugs.size, unchanged: slugs.size - changed.length, drawn: 0, reused: 0, failed: 0, removed: 0 };

  /** Returns an agency's drawings, their keys and the SVG already stored; null when its file is up to date. */
  const plan = (group: AgencyGroup): Pending | null => {
    const drawings = listAgencyDrawings(group);
    const keys = drawings.map((d) => keyOfDrawing(d, options.version));
    const stored = readStoredCharts(storeDir, group.slug) ?? {};
    const svg = keys.map((k) => stored[k]);
    const reused = svg.filter((s) => s !== undefined).length;
    result.reused += reused;
    // Up to date: every drawing stored, and nothing else in the file.
    return reused === keys.length && Object.keys(stored).length === keys.length ? null : { slug: group.slug, drawings, keys, svg };
  };

  // Threads when the agencies to look at could need enough drawings (each has at most one per chart and language).
  const parallel = changed.length * AGENCY_CHART_KEYS.length * 2 >= (options.parallelFrom ?? PARALLEL_FROM);
  const workers = parallel ? (options.workers ?? availableParallelism()) : 0;
  // Loaded, or started, on the first batch with something to draw: a run that finds everything
  // stored loads no drawing code (Plot and linkedom) and starts no thread.
  let drawInline: Promise<(drawings: ChartDrawing[]) => (string | null)[]> | null = null;
  let pool = null as Piscina<ChartDrawing[], (string | null)[]> | null;
  const draw = async (drawings: ChartDrawing[]) => {
    if (workers === 0) return (await (drawInline ??= loadInline()))(drawings);
    pool ??= new Piscina({
      filename: new URL('./draw-worker.ts', import.meta.url).href,
      minThreads: workers,
      maxThreads: workers,
      resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MIB },
      workerData: { niceness: options.niceness ?? 0 } satisfies DrawWorkerData,
    });
    return pool.run(drawings);
  };
  const batches: AgencyGroup[][] = [];
  for (let start = 0; start < changed.length; start += BATCH) batches.push(changed.slice(start, start + BATCH));
  try {
    // A batch is planned only when a lane takes it, and let go once written: memory holds a few
    // batches' drawings and SVG, not the corpus's (some 1 GiB of SVG at 100,000 reports).
    await forEachLimited(batches, Math.max(1, workers * 2), async (groups) => {
      const batch = groups.map(plan).filter((a) => a !== null);
      const missing = batch.flatMap((a) => a.drawings.flatMap((d, i) => (a.svg[i] === undefined ? [{ a, i, d }] : [])));
      const svgs = missing.length ? await draw(missing.map((m) => m.d)) : [];
      missing.forEach(({ a, i }, k) => (a.svg[i] = svgs[k]));
      for (const a of batch) writeAgency(storeDir, a);
      result.drawn += svgs.filter((s) => s !== null).length;
      result.failed += svgs.filter((s) => s === null).length;
    });
  } finally {
    await pool?.destroy();
  }

  for (const name of readdirSync(storeDir)) {
    if (name.endsWith('.json') && slugs.has(name.slice(0, -'.json'.length))) continue;
    unlinkSync(path.join(storeDir, name));
    result.removed++;
  }
  writeFileSync(path.join(storeDir, SEEN_FILE), JSON.stringify(next));
  return result;
}

/** Returns the worker's batch function, loaded on this thread (with linkedom's lazy listeners). */
async function loadInline(): Promise<(drawings: ChartDrawing[]) => (string | null)[]> {
  return (await import('./draw-worker.ts')).default;
}
