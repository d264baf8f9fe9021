#!/usr/bin/env node
/**
 * npm run review [-- --check]: the operator's review queue (src/lib/review/queue.ts) of the records in
 * NIANBAO_DATA (default .nianbao), as the /review/ page shows it: report by report, most figures per
 * item first, each item with its source lines and ready-made lines for the corrections file; then
 * the corrections that the extractor now reads itself, to be deleted. `--check` checks the
 * corrections file and prints only the stale corrections, as the build does (scripts/lib/build/review-check.ts).
 * A bad line of the corrections file is printed as `file:line: message` and the exit code is 1.
 */
import { runCommand, say, type CommandSpec } from './lib/cli.ts';
import { CorrectionsError } from '../src/lib/site/corrections.ts';
import { loadReviewQueue, readSourceLines } from '../src/lib/site/review-data.ts';
import { checkCorrectionsFile, formatStaleLines } from './lib/build/review-check.ts';
import type { ReviewKind, ReviewQueue } from '../src/lib/review/queue.ts';

const REVIEW_COMMAND: CommandSpec = {
  name: 'npm run review',
  summary:
    '列出需要人工核对的内容：逐份报告列出没有读到的单元格、未通过的核对、可疑读数和没有机关年度的文件，附原文行和可复制到更正文件的行；再列出已不需要的更正。\n' +
    'Lists what a person should check: report by report, cells not read, failed checks, suspect readings and files without identity, with the source lines and ready-made lines for the corrections file; then the corrections no longer needed.',
  options: {
    check: { type: 'boolean', help: '只核对更正文件并列出已不需要的更正（构建时运行） (only check the corrections file and list the stale corrections; the build runs this)' },
  },
  examples: ['npm run review', 'npm run review -- --check', 'NIANBAO_CORPUS=/path/to/reports NIANBAO_DATA=/path/to/out npm run review'],
  notes: ['环境变量 (environment): NIANBAO_DATA（提取结果，默认 .nianbao）, NIANBAO_CORPUS / NIANBAO_CORRECTIONS（更正文件：语料文件夹中的 corrections.csv，默认 content/corrections.csv）'],
};

const KIND_ZH: Record<ReviewKind, string> = { missing: '缺失', check: '核对', suspect: '可疑', identity: '身份' };

await runCommand(REVIEW_COMMAND, async ({ values, config }) => {
  if (values.check) return checkCorrectionsFile(config);
  const data = config.data;
  const file = config.corrections;
  let queue: ReviewQueue;
  try {
    queue = loadReviewQueue(data, new Date().toISOString().slice(0, 10));
  } catch (error) {
    if (!(error instanceof CorrectionsError)) throw error;
    say(REVIEW_COMMAND, `更正文件有误，构建停止 (bad lines in the corrections file ${file}):`);
    process.stderr.write(`${error.message}\n`);
    return 1;
  }
  const { stale } = queue;
  const out: string[] = [];
  queue.groups.forEach((g, i) => {
    const figures = g.items.reduce((n, it) => n + it.figures, 0);
    out.push(`${i + 1}. ${g.title}（${g.reportId ?? '无记录 no record'}；${g.file}）：${g.items.length} 项，${figures} 个数字 (${g.items.length} items, ${figures} figures)`);
    const lines = g.reportId ? readSourceLines(data, g.reportId) : [];
    for (const item of g.items) {
      out.push(`   [${KIND_ZH[item.kind]}] ${item.what}（${item.figures} 个数字）`);
      for (const n of item.lines) if (lines[n - 1] !== undefined) out.push(`     ${String(n).padStart(5)} │ ${lines[n - 1]}`);
      if (item.corrections.length) {
        out.push(`     更正文件 ${file} 可用的行 (lines for the corrections file; fill in ?):`);
        for (const line of item.corrections) out.push(`       ${line}`);
        if (item.cells.length > item.corrections.length) out.push(`       …（另有 ${item.cells.length - item.corrections.length} 个单元格 / ${item.cells.length - item.corrections.length} more cells）`);
      }
    }
  });
  out.push(`复核清单 (review queue): ${queue.groups.length} 份报告或文件，${queue.items} 项，${queue.figures} 个数字 (${queue.groups.length} reports or files, ${queue.items} items, ${queue.figures} figures)`);
  out.push(...formatStaleLines(file, stale));
  process.stdout.write(`${out.join('\n')}\n`);
});
