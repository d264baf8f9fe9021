#!/usr/bin/env node
/**
 * node scripts/lib/search/index-chunk.ts JOB.json — indexes one chunk of the search index: JOB.json
 * holds `{ site, pages, outputPath }` (the built site, its pages to index relative to it, the bundle
 * folder to write). Run by scripts/search-index.ts, one process per chunk, so that chunks are
 * indexed side by side, each with its own Pagefind process, and each process's memory is returned
 * when it ends. Exit code 0 when the bundle is written.
 */
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import * as pagefind from 'pagefind';
import { pageUrl } from './chunks.ts';

/** Pages sent to Pagefind at once: enough to keep it busy, few enough that Node holds little HTML. */
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

/** Indexes `pages` of the site in `site` into one Pagefind bundle at `outputPath`. */
async function indexChunk(site: string, pages: readonly string[], outputPath: string): Promise<void> {
  const before = await children();
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'zh-cn' });
  if (!index) throw new Error(`pagefind: ${errors.join('; ')}`);
  try {
    let next = 0;
    const worker = async () => {
      while (next < pages.length) {
        const page = pages[next++]!;
        const content = await readFile(path.join(site, page), 'utf8');
        const added = await index.addHTMLFile({ url: pageUrl(page), content });
        if (added.errors.length) throw new Error(`pagefind: ${page}: ${added.errors.join('; ')}`);
      }
    };
    await Promise.all(Array.from({ length: Math.min(IN_FLIGHT, pages.length) }, worker));
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length) throw new Error(`pagefind: ${written.errors.join('; ')}`);
  } finally {
    await pagefind.close();
    await waitForExit(before);
  }
}

const job = JSON.parse(await readFile(process.argv[2]!, 'utf8')) as { site: string; pages: string[]; outputPath: string };
await indexChunk(job.site, job.pages, job.outputPath);
