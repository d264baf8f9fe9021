#!/usr/bin/env node
/**
 * node scripts/lib/search/index-chunk.ts JOB.json — indexes chunks of the search index one after
 * another: JOB.json holds `{ dataDir, chunks: [{ agencies, outputPath }] }` (the extraction folder;
 * per chunk its agencies with their record ids and the bundle folder to write). Each agency's records
 * are read and turned into search records (scripts/lib/search/records.ts), which Pagefind indexes as
 * custom records, each chunk in an index of its own, deleted once written so that memory holds one
 * chunk. Run by scripts/search-index.ts, one process per core, each with its own Pagefind process,
 * so that the start-up of Node and Pagefind is paid once per process, not per chunk. Exit code 0
 * when every bundle is written.
 */
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import * as pagefind from 'pagefind';
import type { AgencyPages } from './chunks.ts';
import { listSearchRecords } from './records.ts';
import type { ReportRecord } from '../../../src/lib/schema/report.ts';

/** Records sent to Pagefind at once: enough to keep it busy, few enough that Node holds little text. */
const IN_FLIGHT = 16;

/** One chunk to index: its agencies and the bundle folder it is written to. */
export interface ChunkJob {
  agencies: AgencyPages[];
  outputPath: string;
}

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

/** Indexes the pages of one chunk's agencies (their records in `dataDir`) into its own Pagefind bundle. */
async function indexChunk(dataDir: string, chunk: ChunkJob): Promise<void> {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'zh-cn' });
  if (!index) throw new Error(`pagefind: ${errors.join('; ')}`);
  try {
    for (const agency of chunk.agencies) {
      const records = await Promise.all(agency.ids.map(async (id) => JSON.parse(await readFile(path.join(dataDir, 'reports', `${id}.json`), 'utf8')) as ReportRecord));
      const pages = listSearchRecords(records);
      for (let i = 0; i < pages.length; i += IN_FLIGHT) {
        await Promise.all(pages.slice(i, i + IN_FLIGHT).map(async (page) => {
          const added = await index.addCustomRecord({ url: page.url, content: page.content, language: 'zh-cn', meta: { title: page.title } });
          if (added.errors.length) throw new Error(`pagefind: ${page.url}: ${added.errors.join('; ')}`);
        }));
      }
    }
    const written = await index.writeFiles({ outputPath: chunk.outputPath });
    if (written.errors.length) throw new Error(`pagefind: ${written.errors.join('; ')}`);
  } finally {
    await index.deleteIndex();
  }
}

const job = JSON.parse(await readFile(process.argv[2]!, 'utf8')) as { dataDir: string; chunks: ChunkJob[] };
const before = await children();
try {
  for (const chunk of job.chunks) await indexChunk(job.dataDir, chunk);
} finally {
  await pagefind.close();
  await waitForExit(before);
}
