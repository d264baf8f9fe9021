/**
 * Writing an extraction's output folder: OUT/reports/<id>.json, OUT/text/<id>.txt and
 * OUT/manifest.json. Shared by the extractor and the shard merge, so both write the same bytes.
 * A re-run rewrites only what changed: OUT/.written.json remembers the hash of every file written,
 * so one changed report costs two writes, not twenty thousand (and unchanged files keep their
 * modification time for the site build). Files that are no longer produced are deleted.
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rm, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Manifest, ReportRecord } from '../../src/lib/schema/report.ts';

/** Writes in flight at once: one at a time leaves the disk and libuv's thread pool idle. */
const CONCURRENCY = 64;
const STATE = '.written.json';
const DIRS = ['reports', 'text'] as const;

/** Runs `task` over `items` with at most `limit` in flight. */
export async function forEachLimited<T>(items: readonly T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) await task(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
}

const digest = (content: string) => createHash('sha1').update(content).digest('base64');

/** Returns the hashes recorded by the last complete write, or null (none, or unreadable). */
async function readState(out: string): Promise<Record<string, string> | null> {
  try {
    const state = JSON.parse(await readFile(path.join(out, STATE), 'utf8')) as { files?: Record<string, string> };
    return state.files ?? null;
  } catch {
    return null;
  }
}

/** Returns the files now in OUT/reports and OUT/text, as `reports/<name>` paths. */
async function listOutput(out: string): Promise<Set<string>> {
  const names = new Set<string>();
  for (const dir of DIRS) {
    for (const name of await readdir(path.join(out, dir)).catch(() => [] as string[])) names.add(`${dir}/${name}`);
  }
  return names;
}

/** Writes the output folder so that it holds exactly this result; resolves when all is on disk. */
export async function writeOutput(out: string, result: { manifest: Manifest; records: readonly ReportRecord[]; texts: ReadonlyMap<string, string> }): Promise<void> {
  const reportsDir = path.resolve(out, 'reports');
  const planned: [string, string][] = [];
  for (const record of result.records) {
    // Ids are schema-checked slugs; this guards the folder all the same.
    if (path.dirname(path.resolve(reportsDir, `${record.id}.json`)) !== reportsDir) throw new Error(`unsafe record id ${record.id}`);
    planned.push([`reports/${record.id}.json`, JSON.stringify(record, null, 2) + '\n']);
    // The decoded text the figures were read from: the report page shows it, line by line.
    planned.push([`text/${record.id}.txt`, result.texts.get(record.id) ?? '']);
  }

  const previous = await readState(out);
  // Removed before writing and written last: after a crash there is no state, and the next run
  // rewrites everything instead of trusting hashes of half-written files.
  await rm(path.join(out, STATE), { force: true });
  if (!previous) for (const dir of DIRS) await rm(path.resolve(out, dir), { recursive: true, force: true });
  for (const dir of DIRS) await mkdir(path.resolve(out, dir), { recursive: true });
  const existing = await listOutput(out);

  const written: Record<string, string> = {};
  await forEachLimited(planned, CONCURRENCY, async ([name, content]) => {
    const hash = digest(content);
    written[name] = hash;
    if (previous?.[name] === hash && existing.has(name)) return;
    await writeFile(path.resolve(out, name), content);
  });
  const stale = [...existing].filter((name) => !(name in written));
  await forEachLimited(stale, CONCURRENCY, (name) => unlink(path.resolve(out, name)));

  await writeFile(path.resolve(out, 'manifest.json'), JSON.stringify(result.manifest, null, 2) + '\n');
  const sortedState = Object.fromEntries(Object.entries(written).sort(([a], [b]) => (a < b ? -1 : 1)));
  await writeFile(path.join(out, STATE), JSON.stringify({ files: sortedState }) + '\n');
}
