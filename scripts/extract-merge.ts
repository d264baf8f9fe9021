#!/usr/bin/env node
/**
 * npm run extract:merge -- --parts DIR... --out DIR
 * Combines the outputs of `npm run extract -- --shard i/n` (one per shard, each with its part.json)
 * into the output one run over the whole corpus writes: records, texts and manifest, duplicates
 * across shards resolved by the same rule as in one run (src/lib/extract/manifest.ts). Exit codes
 * as every command's (scripts/lib/cli.ts): 2 when a part folder is missing, holds no part.json, or
 * the parts are not the n shards of one corpus.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { checkInputFolder, prepareOutputFolder, runCommand, UsageError, type CommandSpec } from './lib/cli.ts';
import { mergeParts } from './lib/extract/shard.ts';

const MERGE_COMMAND: CommandSpec = {
  name: 'npm run extract:merge',
  summary:
    '把 npm run extract -- --shard i/n 的各份输出合并成一次完整运行的输出（重复文件按同一规则处理）。\n' +
    'Merges the outputs of `npm run extract -- --shard i/n` into the output of one run over the whole corpus (duplicates resolved by the same rule).',
  options: {
    parts: { type: 'string', multiple: true, value: 'DIR', help: '各分片的输出文件夹（每个含 part.json），可在 --parts 后依次列出 (the shards\' output folders, each with its part.json; list them after one --parts)' },
    out: { type: 'string', value: 'DIR', help: '合并后的输出文件夹，默认 $NIANBAO_DATA 或 .nianbao (output folder; default $NIANBAO_DATA or .nianbao)' },
  },
  trailingValuesOf: 'parts',
  examples: ['npm run extract:merge -- --parts part-0 part-1 --out .nianbao'],
};

await runCommand(MERGE_COMMAND, async ({ values, positionals, config }) => {
  // `--parts a b c`: the first folder is the option's value, the others arrive as positionals.
  const parts = [...((values.parts as string[] | undefined) ?? []), ...positionals];
  if (parts.length === 0) throw new UsageError('缺少 --parts DIR... (--parts DIR... is required)');
  for (const dir of parts) {
    checkInputFolder(dir, ['分片', 'part']);
    if (!existsSync(path.join(dir, 'part.json'))) throw new UsageError(`${dir} 中没有 part.json，不是 extract --shard 的输出 (no part.json in ${dir}: not the output of extract --shard)`);
  }
  const out = (values.out as string | undefined) ?? config.data;
  prepareOutputFolder(out);
  const { manifest } = await mergeParts(parts, out);
  const { counts } = manifest;
  process.stderr.write(
    `nianbao extract:merge: ${parts.length} parts → ${out}\n` +
      `  files ${counts.files} · records ${counts.records} · warnings ${counts.warnings} · errors ${counts.errors} · failed checks ${counts.failedChecks}\n`,
  );
});
