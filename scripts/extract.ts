#!/usr/bin/env node
/**
 * npm run extract -- [--input DIR] [--out DIR] [--strict] [--shard i/n] [--workers N] [--cache DIR | --no-cache]
 * Reads every report under DIR (default: $NIANBAO_CORPUS or content/reports) and writes
 * OUT/reports/<id>.json and OUT/manifest.json (default OUT: .nianbao, which the site reads).
 * Worker threads (default: one per core when 200 files or more need extracting) and a content-hash
 * cache of outcomes with a stat index of the input (default .nianbao/cache) make re-runs cheap: an
 * unchanged file is not even read. --shard i/n extracts only the files whose path hash
 * is i mod n and also writes OUT/part.json; `npm run extract:merge` combines the n parts.
 * Logs go to stderr. Exit codes (scripts/lib/cli.ts): 0; 1 with --strict when a file or a check
 * failed (the files and checks are listed); 2 on a usage error; 3 on an unexpected failure.
 */
import { statSync } from 'node:fs';
import module from 'node:module';
import type { CommandSpec } from './lib/cli.ts';
import type { IdentityCorrection } from '../src/lib/schema/report.ts';

// Node's on-disk compile cache (in the OS temporary folder) keeps the modules below stripped of
// their types and compiled: a re-run with little to do spends most of its time loading them
// otherwise. Enabled before they load, hence the dynamic imports (a static import loads before
// this line runs, and their types were stripped again on every run; bench/results.md).
// Worker threads do not share the main thread's cache unless NODE_COMPILE_CACHE names it when they
// start: without it each worker compiled the extractor again (about 0.3 s of CPU each; bench/results.md).
const compileCache = module.enableCompileCache?.();
if (compileCache?.directory && process.env.NODE_COMPILE_CACHE === undefined) process.env.NODE_COMPILE_CACHE = compileCache.directory;
const { EXIT_FAILED, runCommand, say } = await import('./lib/cli.ts');
const { checkExtractFolders, EXTRACT_OPTIONS, readExtractArgs } = await import('./lib/extract/cli.ts');
const { readConfig } = await import('../src/lib/config.ts');

export const EXTRACT_COMMAND: CommandSpec = {
  name: 'npm run extract',
  summary:
    '把文件夹里的年度报告提取为 OUT/reports/<id>.json，并写 OUT/manifest.json（每个输入文件的状态和原因）。\n' +
    'Extracts the reports under a folder into OUT/reports/<id>.json and writes OUT/manifest.json (every input file with its status and reasons).',
  options: EXTRACT_OPTIONS,
  examples: ['npm run extract -- --input ~/reports --out .nianbao --strict', 'npm run extract -- --input ~/reports --out part-0 --shard 0/2'],
  notes: ['跳过 .git、.svn、.hg 文件夹和位于输入文件夹内的输出、缓存文件夹 (skips .git, .svn and .hg folders, and the output and cache folders when inside the input)'],
};

/** How many lines of failed files or checks are printed before "… and N more". */
const SHOWN = 10;

await runCommand(EXTRACT_COMMAND, async ({ values, config }) => {
  const args = readExtractArgs(values, config);
  checkExtractFolders(args);
  const { extractToFolder } = await import('./lib/extract/corpus.ts');
  // The corrections file beside the corpus read (as the build's later stages find it): its agency and year lines.
  const correctionsFile = typeof values.input === 'string' ? readConfig({ ...process.env, NIANBAO_CORPUS: args.input }).corrections : config.corrections;
  // Without one (stat says so; any other error is read's to report), the corrections module and the
  // identity readers it loads (the pinyin dictionary, the gazetteer) stay off this thread: only the
  // threads reading reports need them.
  const identities =
    statSync(correctionsFile, { throwIfNoEntry: false }) === undefined
      ? { byFile: new Map<string, IdentityCorrection[]>(), bad: 0 }
      : (await import('../src/lib/site/corrections.ts')).readFileIdentities(correctionsFile);
  if (identities.bad > 0) say(EXTRACT_COMMAND, `更正文件 ${correctionsFile} 有 ${identities.bad} 行有误，未用；npm run review -- --check 列出各行 (${identities.bad} bad lines in ${correctionsFile}, not used: npm run review -- --check names them)`);

  const tty = process.stderr.isTTY;
  const started = performance.now();
  const { manifest, skipped, checkFailures } = await extractToFolder({
    input: args.input,
    out: args.out,
    shard: args.shard,
    workers: args.workers,
    cache: args.cache,
    heapMib: config.extractHeapMib,
    identities: identities.byFile,
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
    `nianbao extract: ${args.input} → ${args.out}`,
    `  files ${counts.files} · records ${counts.records} · warnings ${counts.warnings} · errors ${counts.errors} · failed checks ${counts.failedChecks} · ${seconds}s`,
  ];
  // What was not read, once each (links that could not be followed are errors in the manifest).
  if (skipped.vcs.length > 0) lines.push(`  跳过 .git 等版本库文件夹 ${skipped.vcs.length} 个 (skipped ${skipped.vcs.length} VCS folder${skipped.vcs.length > 1 ? 's' : ''}: ${skipped.vcs.slice(0, 3).join(', ')}${skipped.vcs.length > 3 ? ', …' : ''})`);
  if (skipped.corrections.length > 0) lines.push(`  跳过更正文件 ${skipped.corrections.join(', ')}（由网站应用，不是报告） (skipped the corrections file: the site applies it; not a report)`);
  if (skipped.own.length > 0) lines.push(`  跳过输入文件夹内的输出或缓存文件夹 ${skipped.own.join(', ')} (skipped the extractor's own output or cache folder inside the input)`);
  if (skipped.links.length > 0) lines.push(`  指向语料内的符号链接 ${skipped.links.length} 个，其目标按自身路径读取一次 (${skipped.links.length} symlink${skipped.links.length > 1 ? 's' : ''} inside the corpus: each target read once, at its own path)`);
  const errors = manifest.files.filter((f) => f.status === 'error');
  if (errors.length > 0) {
    // Loaded only to word errors: the dictionaries and the readers of notes it loads are needed for nothing else here.
    const { wordMessageBilingual } = await import('../src/lib/i18n/word-message.ts');
    for (const f of errors.slice(0, SHOWN)) lines.push(`  ✗ ${f.path}: ${f.messages.map(wordMessageBilingual).join('；')}`);
    if (errors.length > SHOWN) lines.push(`  … and ${errors.length - SHOWN} more errors (see manifest.json)`);
  }
  process.stderr.write(lines.join('\n') + '\n');

  if (args.strict && (counts.errors > 0 || counts.failedChecks > 0)) {
    const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
    const zh = [counts.errors > 0 ? `${counts.errors} 个文件出错` : '', counts.failedChecks > 0 ? `${checkFailures.length} 份报告共 ${counts.failedChecks} 项校验未通过` : ''].filter(Boolean);
    const en = [counts.errors > 0 ? `${plural(counts.errors, 'file')} failed` : '', counts.failedChecks > 0 ? `${plural(counts.failedChecks, 'check')} failed in ${plural(checkFailures.length, 'report')}` : ''].filter(Boolean);
    const why = [`--strict：${zh.join('，')}，退出码 1 (--strict: ${en.join(', ')}; exit code 1)`];
    for (const f of checkFailures.slice(0, SHOWN)) why.push(`  校验未通过 (failed checks) ${f.path} (${f.id}): ${f.checks.join(', ')}`);
    if (checkFailures.length > SHOWN) why.push(`  … and ${checkFailures.length - SHOWN} more reports with failed checks (see the records' checks)`);
    say(EXTRACT_COMMAND, why.join('\n'));
    return EXIT_FAILED;
  }
});
