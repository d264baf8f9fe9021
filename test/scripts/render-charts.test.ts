/**
 * The chart stage: the store holds, for every agency, the SVG of each of its drawings under the
 * drawing's key, the same markup the pages draw themselves; a second run draws nothing, a changed
 * agency is drawn again, a removed one loses its file, and another chart code version redraws all.
 */
import { execFileSync } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import '../../src/lib/charts/server-document.ts';
import { renderChartStore } from '../../scripts/lib/charts/render-store.ts';
import { extractCorpus } from '../../scripts/lib/extract/corpus.ts';
import { groupAgencies, type AgencyGroup } from '../../src/lib/aggregate/corpus.ts';
import { indexReport } from '../../src/lib/aggregate/report-index.ts';
import { chartCodeVersion, chartStoreDir, readStoredCharts } from '../../src/lib/site/chart-store.ts';
import { reportIndexVersion } from '../../src/lib/site/report-index-file.ts';
import { keyOfDrawing, type DrawFunction } from '../../src/lib/charts/drawing.ts';
import type { ReportRecord } from '../../src/lib/schema/report.ts';
import { buildAgencyChart, buildAgencyCharts, listAgencyDrawings } from '../../src/lib/views/agency-charts.ts';

/** Returns a draw function that only takes stored SVG, failing on a drawing the store lacks. */
function storeOnly(store: string, slug: string, version: string): DrawFunction {
  const stored = readStoredCharts(store, slug)!;
  return (drawing) => {
    const svg = stored[keyOfDrawing(drawing, version)];
    if (svg === undefined) throw new Error(`${slug}: drawing not stored`);
    return svg;
  };
}

describe('chart stage', () => {
  let data: string;
  let records: ReportRecord[];
  let agencies: AgencyGroup[];
  let drawings: number;

  beforeAll(async () => {
    data = await mkdtemp(path.join(tmpdir(), 'nianbao-charts-'));
    ({ records } = await extractCorpus({ input: 'content/reports', out: data, cache: false }));
    agencies = groupAgencies(records.map((r) => indexReport(r)));
    drawings = agencies.reduce((n, a) => n + listAgencyDrawings(a).length, 0);
  });

  it('stores every drawing of every agency, as the pages would draw it, in both languages and the embeds', async () => {
    const result = await renderChartStore({ dataDir: data, version: 'v1', reportVersion: reportIndexVersion(process.cwd()), workers: 0 });
    expect(result).toEqual({ agencies: agencies.length, unchanged: 0, drawn: drawings, reused: 0, failed: 0, removed: 0 });
    const store = chartStoreDir(data);
    // One file per agency, and the stage's record of what it saw.
    expect((await readdir(store)).sort()).toEqual(['.seen.json', ...agencies.map((a) => `${a.slug}.json`).sort()]);
    for (const a of agencies) {
      const draw = storeOnly(store, a.slug, 'v1');
      expect(buildAgencyCharts(a, 'zh', draw)).toEqual(buildAgencyCharts(a, 'zh'));
      expect(buildAgencyCharts(a, 'en', draw)).toEqual(buildAgencyCharts(a, 'en'));
      expect(buildAgencyChart(a, 'appeals', 'zh', draw)).toEqual(buildAgencyChart(a, 'appeals'));
      expect(Object.keys(readStoredCharts(store, a.slug)!)).toHaveLength(listAgencyDrawings(a).length);
    }
  });

  it('reads no record and draws nothing again when nothing changed', async () => {
    expect(await renderChartStore({ dataDir: data, version: 'v1', reportVersion: reportIndexVersion(process.cwd()), workers: 0 })).toEqual({ agencies: agencies.length, unchanged: agencies.length, drawn: 0, reused: 0, failed: 0, removed: 0 });
  });

  it('looks again at an agency whose file is missing from the store, keeping what the others hold', async () => {
    const store = chartStoreDir(data);
    const slug = agencies[0]!.slug;
    const before = await readFile(path.join(store, `${slug}.json`), 'utf8');
    await rm(path.join(store, `${slug}.json`));
    const result = await renderChartStore({ dataDir: data, version: 'v1', reportVersion: reportIndexVersion(process.cwd()), workers: 0 });
    expect(result).toEqual({ agencies: agencies.length, unchanged: agencies.length - 1, drawn: listAgencyDrawings(agencies[0]!).length, reused: 0, failed: 0, removed: 0 });
    expect(await readFile(path.join(store, `${slug}.json`), 'utf8')).toBe(before);
  });

  it('draws on worker threads the same markup as on this thread', async () => {
    const store = chartStoreDir(data);
    const inline = new Map(await Promise.all(agencies.map(async (a) => [a.slug, await readFile(path.join(store, `${a.slug}.json`), 'utf8')] as const)));
    const result = await renderChartStore({ dataDir: data, version: 'v2', reportVersion: reportIndexVersion(process.cwd()), workers: 2, parallelFrom: 1 });
    expect(result.drawn).toBe(drawings);
    for (const a of agencies) {
      const viaWorkers = readStoredCharts(store, a.slug)!;
      const v1 = JSON.parse(inline.get(a.slug)!) as Record<string, string>;
      // Another version, other keys; the same SVG in the same order.
      expect(Object.keys(viaWorkers)).not.toEqual(Object.keys(v1));
      expect(Object.values(viaWorkers)).toEqual(Object.values(v1));
    }
  });

  it("runs a worker thread at the niceness it is given, leaving the process's own", async () => {
    const { Worker } = await import('node:worker_threads');
    const { getPriority } = await import('node:os');
    const own = getPriority();
    const worker = new Worker(
      `import('${new URL('../../scripts/lib/charts/draw-worker.ts', import.meta.url).href}').then(() => require('node:worker_threads').parentPort.postMessage(require('node:os').getPriority()))`,
      { eval: true, workerData: { niceness: 7 } },
    );
    const [priority] = (await once(worker, 'message')) as [number];
    await worker.terminate();
    // Where the system refuses (a thread already below it, without the right), it stays as it was.
    expect(priority).toBe(own <= 7 ? 7 : own);
    expect(getPriority()).toBe(own);
  });

  it('draws a changed agency again and deletes the file of one that is gone', async () => {
    const [changed, gone] = agencies.length > 1 ? [agencies[0]!, agencies.at(-1)!] : [agencies[0]!, undefined];
    const record = records.find((r) => r.agency.slug === changed.slug)!;
    const file = path.join(data, 'reports', `${record.id}.json`);
    const edited: ReportRecord = { ...record, agency: { ...record.agency, name: `${record.agency.name}（测试）` } };
    await writeFile(file, JSON.stringify(edited));
    for (const r of records.filter((r) => r.agency.slug === gone?.slug)) await rm(path.join(data, 'reports', `${r.id}.json`));
    const result = await renderChartStore({ dataDir: data, version: 'v2', reportVersion: reportIndexVersion(process.cwd()), workers: 0 });
    expect(result.unchanged).toBe(agencies.length - (gone ? 2 : 1));
    const changedDrawings = listAgencyDrawings(groupAgencies(records.filter((r) => r.agency.slug === changed.slug).map((r) => indexReport(r.id === record.id ? edited : r)))[0]!).length;
    expect(result.drawn).toBe(changedDrawings);
    expect(result.removed).toBe(gone ? 1 : 0);
    expect(readStoredCharts(chartStoreDir(data), changed.slug)!).toSatisfy((s: Record<string, string>) => Object.values(s).some((svg) => svg.includes('（测试）')));
  });
});

describe('chartCodeVersion', () => {
  it('is 16 hex digits for this project, and null where there is no chart code', () => {
    expect(chartCodeVersion(process.cwd())).toMatch(/^[0-9a-f]{16}$/);
    expect(chartCodeVersion(tmpdir())).toBeNull();
  });
});

describe('installLazyLinkedom', () => {
  it('makes linkedom create listener maps on first use in plain Node', () => {
    const script = `
      const { installLazyLinkedom } = await import(${JSON.stringify(path.resolve('scripts/lib/charts/lazy-linkedom.ts'))});
      installLazyLinkedom();
      const { EventTarget } = await import(${JSON.stringify(path.resolve('node_modules/linkedom/esm/interface/event-target.js'))});
      process.stdout.write(String(EventTarget.toString().includes('wm.set(this, new Map);')));`;
    const eager = execFileSync(process.execPath, ['--input-type=module', '-e', script.replace('installLazyLinkedom();', '')], { encoding: 'utf8' });
    const lazy = execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect([eager, lazy]).toEqual(['true', 'false']);
  });
});
