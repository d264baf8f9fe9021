#!/usr/bin/env node
/**
 * npm run extract -- [--input DIR] [--out DIR] [--strict] [--shard i/n] [--workers N] [--cache DIR | --no-cache]
 * Reads every report under DIR (default: $NIANBAO_CORPUS or content/reports) and writes
 * OUT/reports/<id>.json and OUT/manifest.json (default OUT: .nianbao, which the site reads).
 * Worker threads (default: one per core when 200 files or more need extracting) and a content-hash
 * cache of outcomes with a stat index of the input (default .nianbao/cache) make re-runs cheap: an
 * unchanged file is not even read. --shard i/n extracts only the files whose path hash
 * is i mod n and also writes OUT/part.json; `npm run extract:merge` combines the n parts.
 * Logs go to stderr; the exit code is non-zero only on a real failure, or with --strict when any
 * file failed or any check failed.
 */
import module from 'node:module';
import { parseArgs } from 'node:util';

// Node's on-disk compile cache (in the OS temporary folder) keeps the modules below stripped of
// their types and compiled: a re-run with little to do spends most of its time loading them
// otherwise. Enabled before they load, hence the dynamic imports.
module.enableCompileCache?.();
const { extractToFolder } = await import('./lib/extract-corpus.ts');
const { parseShard } = await import('./lib/shard.ts');

const { values } = parseArgs({
  options: {
    input: { type: 'string' },
    out: { type: 'string', default: process.env.NIANBAO_DATA ?? '.nianbao' },
    strict: { type: 'boolean', default: false },
    shard: { type: 'string' },
    workers: { type: 'string' },
    cache: { type: 'string' },
    'no-cache': { type: 'boolean', default: false },
  },
});
const input = values.input ?? process.env.NIANBAO_CORPUS ?? 'content/reports';

const tty = process.stderr.isTTY;
const started = performance.now();
const { manifest } = await extractToFolder({
  input,
  out: values.out!,
  shard: values.shard ? parseShard(values.shard) : undefined,
  workers: values.workers === undefined ? undefined : Number(values.workers),
  cache: values['no-cache'] ? false : values.cache,
  onProgress: tty
    ? (done, total) => {
        const width = 30;
        const filled = Math.round((done / total) * width);
        process.stderr.write(`\r提取 [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}`);
      }
    : undefined,
});
if (tty) process.stderr.write('\n');

const { counts } = manifest;
const seconds = ((performance.now() - started) / 1000).toFixed(2);
const lines = [
  `nianbao extract: ${input} → ${values.out}`,
  `  files ${counts.files} · records ${counts.records} · warnings ${counts.warnings} · errors ${counts.errors} · failed checks ${counts.failedChecks} · ${seconds}s`,
];
for (const f of manifest.files.filter((f) => f.status === 'error').slice(0, 10)) lines.push(`  ✗ ${f.path}: ${f.messages[0]}`);
const moreErrors = counts.errors - 10;
if (moreErrors > 0) lines.push(`  … and ${moreErrors} more errors (see manifest.json)`);
process.stderr.write(lines.join('\n') + '\n');

if (values.strict && (counts.errors > 0 || counts.failedChecks > 0)) process.exit(1);
