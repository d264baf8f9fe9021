#!/usr/bin/env node
/**
 * node scripts/lib/search/index-chunk.ts JOB.json — one lane of the search index's chunks in a
 * process of its own (scripts/lib/search/index-chunks.ts): JOB.json holds `{ job, result }`, the
 * lane's work (IndexJob) and the file the chunks' results (ChunkResult[]) are written to. Run by
 * scripts/search-index.ts when several lanes index side by side, one process per core, each with its
 * own Pagefind process, so that the start-up of Node and Pagefind is paid once per process, not per
 * chunk. Exit code 0 when every bundle is written.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { indexChunks, type IndexJob } from './index-chunks.ts';

const { job, result } = JSON.parse(await readFile(process.argv[2]!, 'utf8')) as { job: IndexJob; result: string };
await writeFile(result, JSON.stringify(await indexChunks(job)));
