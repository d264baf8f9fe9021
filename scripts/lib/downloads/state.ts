/**
 * The downloads' state between builds (DATA/downloads-cache/state.json): each report's key and entry,
 * and what the last run left in the site's files, so that the next run knows which reports changed
 * and which files are still as it wrote them. A state of other code, or none, means a whole run.
 */
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ReportEntry } from './report-part.ts';

/** A file the last run left: what it was made from (a signature), its size and modification time. */
export interface KeptFile {
  signature: string;
  size: number;
  mtimeMs: number;
  /** A joined file's head, in bytes (the rest is each report's piece, ReportEntry.lengths, and the tail). */
  head?: number;
}

/** The SQLite file the last run left: each report's key in it, its build date, and the file. */
export interface KeptSqlite {
  keys: Record<string, string>;
  builtOn: string;
  file: KeptFile;
}

/** The state file's content. */
export interface DownloadsState {
  /** The downloads code's version (hashModuleGraph of scripts/lib/downloads). */
  version: string;
  /** Every report, in id order. */
  entries: ReportEntry[];
  /** The joined files (the CSVs and the JSON), by name in OUT/data/. */
  files: Record<string, KeptFile>;
  sqlite: KeptSqlite | null;
}

/** Returns the path of the state file in the cache folder. */
function statePath(cache: string): string {
  return path.join(cache, 'state.json');
}

/** Returns the last run's state when it was written by the code of `version`, else null (none, unreadable or other code). */
export async function readDownloadsState(cache: string, version: string): Promise<DownloadsState | null> {
  try {
    const state = JSON.parse(await readFile(statePath(cache), 'utf8')) as DownloadsState;
    return state.version === version ? state : null;
  } catch {
    return null;
  }
}

/** Writes the state (under a temporary name first, so that a crash leaves the last one or none). */
export async function writeDownloadsState(cache: string, state: DownloadsState): Promise<void> {
  await mkdir(cache, { recursive: true });
  const file = statePath(cache);
  await writeFile(`${file}.tmp`, JSON.stringify(state));
  await rename(`${file}.tmp`, file);
}

/** Deletes the state, so that a run that stops before writing its own leaves none to trust. */
export async function clearDownloadsState(cache: string): Promise<void> {
  await rm(statePath(cache), { force: true });
}
