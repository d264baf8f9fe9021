/**
 * Writing an extraction's output folder: OUT/reports/<id>.json, OUT/text/<id>.txt and
 * OUT/manifest.json. Shared by the extractor and the shard merge, so both write the same bytes.
 * Files are written a few dozen at a time: one at a time leaves the disk and the thread pool idle.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Manifest, ReportRecord } from '../../src/lib/schema/report.ts';

/** Writes in flight at once. */
const CONCURRENCY = 64;

/** Runs `task` over `items` with at most `limit` in flight. */
export async function forEachLimited<T>(items: readonly T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) await task(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
}

/** Writes the output folder (replacing its reports/ and text/ folders); resolves when all is on disk. */
export async function writeOutput(out: string, result: { manifest: Manifest; records: readonly ReportRecord[]; texts: ReadonlyMap<string, string> }): Promise<void> {
  const reportsDir = path.resolve(out, 'reports');
  const textDir = path.resolve(out, 'text');
  for (const dir of [reportsDir, textDir]) {
    await rm(dir, { recursive: true, force: true });
    await mkdir(dir, { recursive: true });
  }
  await forEachLimited(result.records, CONCURRENCY, async (record) => {
    const file = path.resolve(reportsDir, `${record.id}.json`);
    // Ids are schema-checked slugs; this guards the folder all the same.
    if (path.dirname(file) !== reportsDir) throw new Error(`unsafe record id ${record.id}`);
    await writeFile(file, JSON.stringify(record, null, 2) + '\n');
    // The decoded text the figures were read from: the report page shows it, line by line.
    await writeFile(path.resolve(textDir, `${record.id}.txt`), result.texts.get(record.id) ?? '');
  });
  await writeFile(path.resolve(out, 'manifest.json'), JSON.stringify(result.manifest, null, 2) + '\n');
}
