#!/usr/bin/env node
/**
 * npm run corpus:generate -- --count N --out DIR [--seed S]
 * Writes N generated annual reports under DIR/reports (by province code: the corpus to extract) and
 * DIR/answers.json with the true values of every file, keyed by its path under DIR/reports. The same
 * count and seed always give the same bytes. DIR is emptied first. Exit codes as every command's
 * (scripts/lib/cli.ts).
 */
import { createWriteStream } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import path from 'node:path';
import { parseWholeNumber, prepareOutputFolder, runCommand, UsageError, type CommandSpec } from './lib/cli.ts';
import { formatAnswers, generateCorpus } from './lib/generate/corpus.ts';

const GENERATE_COMMAND: CommandSpec = {
  name: 'npm run corpus:generate',
  summary:
    '生成 N 份带标准答案的年度报告：DIR/reports 为语料，DIR/answers.json 为每个单元格的真值；同样的数量和种子生成同样的字节。\n' +
    'Generates N annual reports with their ground truth: DIR/reports (the corpus) and DIR/answers.json (every cell\'s true value); the same count and seed give the same bytes.',
  options: {
    count: { type: 'string', value: 'N', help: '报告份数，正整数（必填） (number of reports, ≥ 1; required)' },
    out: { type: 'string', value: 'DIR', help: '输出文件夹，先被清空（必填） (output folder, emptied first; required)' },
    seed: { type: 'string', value: 'S', help: '随机种子，默认 nianbao (seed; default nianbao)' },
  },
  examples: ['npm run corpus:generate -- --count 10000 --out /tmp/gen --seed S'],
};

await runCommand(GENERATE_COMMAND, async ({ values }) => {
  if (values.count === undefined) throw new UsageError('缺少 --count N (--count N is required)');
  if (values.out === undefined) throw new UsageError('缺少 --out DIR (--out DIR is required)');
  const count = parseWholeNumber('--count', values.count as string);
  const seed = (values.seed as string | undefined) ?? 'nianbao';
  prepareOutputFolder(values.out as string);
  const out = path.resolve(values.out as string);
  const started = performance.now();
  const { files, answers } = generateCorpus(count, seed);
  // A stale file from an earlier run would be read as part of this corpus.
  await rm(out, { recursive: true, force: true });
  const reports = path.join(out, 'reports');
  for (const dir of new Set(files.map((f) => path.dirname(f.path)))) await mkdir(path.join(reports, dir), { recursive: true });
  for (const f of files) await writeFile(path.join(reports, f.path), f.bytes);
  // In pieces: at 100,000 reports the whole text is longer than a string can be.
  await pipeline(function* () {
    yield* formatAnswers(answers);
    yield '\n';
  }, createWriteStream(path.join(out, 'answers.json')));
  process.stderr.write(`corpus:generate: ${count} reports (seed ${seed}) → ${out} in ${((performance.now() - started) / 1000).toFixed(1)}s\n`);
});
