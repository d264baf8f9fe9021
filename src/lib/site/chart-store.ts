/**
 * The chart store: agencies' chart SVG drawn ahead of the Astro build by scripts/render-charts.ts,
 * one file per agency, DATA/charts/<slug>.json, mapping each drawing's key (keyOfDrawing) to its SVG.
 * The site takes a stored SVG only under the key of the drawing it would draw now, so a stale or
 * missing file costs time, never a wrong chart. I/O only; the keys and drawings are in drawing.ts.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { hashSources } from '../source-version.ts';

/** The store's folder inside an extraction folder. */
export function chartStoreDir(dataDir: string): string {
  return path.join(dataDir, 'charts');
}

/** Returns the file of an agency's charts. */
export function chartFileOf(storeDir: string, slug: string): string {
  return path.join(storeDir, `${slug}.json`);
}

/** Returns the SVG stored for an agency by drawing key, or null when there is no readable file. */
export function readStoredCharts(storeDir: string, slug: string): Record<string, string> | null {
  try {
    const stored = JSON.parse(readFileSync(chartFileOf(storeDir, slug), 'utf8')) as unknown;
    return stored && typeof stored === 'object' && !Array.isArray(stored) ? (stored as Record<string, string>) : null;
  } catch {
    return null;
  }
}

/** The files whose change can change a chart's SVG for the same drawing: the chart code and the installed packages. */
const CODE_SOURCES = ['src/lib/charts', 'package-lock.json'];

/**
 * Returns the chart code's version (16 hex digits: the sha256 of the .ts files of src/lib/charts
 * and of package-lock.json under `root`, the project folder), or null when they are not there to
 * read: the store is then not used.
 */
export function chartCodeVersion(root: string): string | null {
  const { version, missing } = hashSources(root, CODE_SOURCES);
  return missing.length ? null : version;
}
