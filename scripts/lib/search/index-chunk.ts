#!/usr/bin/env node
/**
 * node scripts/lib/search/index-chunk.ts JOB.json — indexes one chunk of the search index: JOB.json
 * holds `{ dataDir, agencies, outputPath }` (the extraction folder, the chunk's agencies with their
 * record ids, the bundle folder to write). Each agency's records are read and turned into search
 * records (scripts/lib/search/records.ts), which Pagefind indexes as custom records. Run by
 * scripts/search-index.ts, one process per chunk, so that chunks are indexed side by side, each with
 * its own Pagefind process, and each process's memory is returned when it ends. Exit code 0 when
 * the bundle is written.
 */
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import * as pagefind from 'pagefind';
import type { AgencyPages } from './chunks.ts';
import { listSearchRecords } from './records.ts';
import type { ReportRecord } from '../../../src/lib/schema/report.ts';

/** Records sent to Pagefind at once: enough to keep it busy, few enough that Node holds little text. */
const IN_FLIGHT = 16;

/** Returns this process's child processes (Linux; empty where /proc is missing). */
async function children(): Promise<Set<number>> {
  const tasks = await readdir(`/proc/${process.pid}/task`).catch(() => [] as string[]);
  const lists = await Promise.all(tasks.map((t) => readFile(`/proc/${process.pid}/task/${t}/children`, 'utf8').catch(() => '')));
  return new Set(lists.flatMap((l) => l.split(' ').filter(Boolean).map(Number)));
}

/**
 * Waits (up to 30 s) until the children started since `before` have exited. pagefind.close() only
 * signals its process: waiting reaps it, so that the peak memory GNU time reports for the search
 * stage includes Pagefind's.
 */
async function waitForExit(before: Set<number>): Promise<void> {
  for (let waited = 0; waited < 30_000; waited += 50) {
    if (![...(await children())].some((pid) => !before.has(pid))) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Indexes the pages of `agencies` (their records in `dataDir`) into one Pagefind bundle at `outputPath`. */
async function indexChunk(dataDir: string, agencies: readonly AgencyPages[], outputPath: string): Promise<void> {
  const before = await children();
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'zh-cn' });
  if (!index) throw new Error(`pagefind: ${errors.join('; ')}`);
  try {
    for (const agency of agencies) {
      const records = await Promise.all(agency.ids.map(async (id) => JSON.parse(await readFile(path.join(dataDir, 'reports', `${id}.json`), 'utf8')) as ReportRecord));
      const pages = listSearchRecords(records);
      for (let i = 0; i < pages.length; i += IN_FLIGHT) {
        await Promise.all(pages.slice(i, i + IN_FLIGHT).map(async (page) => {
          const added = await index.addCustomRecord({ url: page.url, content: page.content, language: 'zh-cn', meta: { title: page.title } });
          if (added.errors.length) throw new Error(`pagefind: ${page.url}: ${added.errors.join('; ')}`);
        }));
      }
    }
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length) throw new Error(`pagefind: ${written.errors.join('; ')}`);
  } finally {
    await pagefind.close();
    await waitForExit(before);
  }
}

const job = JSON.parse(await readFile(process.argv[2]!, 'utf8')) as { dataDir: string; agencies: AgencyPages[]; outputPath: string };
await indexChunk(job.dataDir, job.agencies, job.outputPath);
