#!/usr/bin/env node
/**
 * npm run extract:merge -- --parts DIR... --out DIR
 * Combines the outputs of `npm run extract -- --shard i/n` (one per shard, each with its part.json)
 * into the output one run over the whole corpus writes: records, texts and manifest, duplicates
 * across shards resolved by the same rule (most figures, then first path).
 */
import { parseArgs } from 'node:util';
import { mergeParts } from './lib/shard.ts';

const { values, positionals } = parseArgs({
  options: {
    parts: { type: 'string', multiple: true },
    out: { type: 'string', default: process.env.NIANBAO_DATA ?? '.nianbao' },
  },
  allowPositionals: true,
});
// `--parts a b c`: the first folder is the option's value, the others arrive as positionals.
const parts = [...(values.parts ?? []), ...positionals];
if (parts.length === 0) {
  process.stderr.write('usage: npm run extract:merge -- --parts DIR... --out DIR\n');
  process.exit(2);
}
const { manifest } = await mergeParts(parts, values.out!);
const { counts } = manifest;
process.stderr.write(
  `nianbao extract:merge: ${parts.length} parts → ${values.out}\n` +
    `  files ${counts.files} · records ${counts.records} · warnings ${counts.warnings} · errors ${counts.errors} · failed checks ${counts.failedChecks}\n`,
);
