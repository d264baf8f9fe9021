/**
 * The build's chart stage, after the site data, before the pages: draws every agency's charts into
 * the chart store (scripts/lib/charts/render-store.ts) on every core (the chartWorkers setting).
 * Only drawings not already stored are drawn. The site draws any chart it does not find there, so
 * the stage saves time and changes nothing on the pages. Logs to stderr.
 */
import type { NianbaoConfig } from '../../../src/lib/config.ts';
import { chartCodeVersion } from '../../../src/lib/site/chart-store.ts';
import { CorrectionsError } from '../../../src/lib/site/corrections.ts';
import { reportIndexVersion } from '../../../src/lib/site/report-index-file.ts';
import { renderChartStore } from '../charts/render-store.ts';

/**
 * Draws the charts not yet stored, from the project folder `root`, on threads of priority
 * `niceness`; resolves to the exit code: 0, or 1 for a bad corrections file.
 */
export async function drawCharts(config: Pick<NianbaoConfig, 'data' | 'chartWorkers'>, { root = process.cwd(), niceness = 0 }: { root?: string; niceness?: number } = {}): Promise<number> {
  const started = performance.now();
  const version = chartCodeVersion(root);
  if (version === null) {
    process.stderr.write('nianbao charts: run from the project folder (src/lib/charts not found); the site will draw its charts itself\n');
    return 0;
  }
  let r;
  try {
    r = await renderChartStore({ dataDir: config.data, version, reportVersion: reportIndexVersion(root), workers: config.chartWorkers, niceness });
  } catch (error) {
    // A bad corrections file: the review stage names its lines.
    if (!(error instanceof CorrectionsError)) throw error;
    process.stderr.write('nianbao charts: 更正文件有误，未画图表 (bad lines in the corrections file: no charts drawn; the review stage names them)\n');
    return 1;
  }
  process.stderr.write(
    `nianbao charts: ${r.agencies} agencies (${r.unchanged} unchanged) · ${r.drawn} drawn · ${r.reused} kept · ${r.failed} failed · ${r.removed} removed · ${((performance.now() - started) / 1000).toFixed(2)}s\n`,
  );
  return 0;
}
