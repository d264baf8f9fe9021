/**
 * The build command (scripts/build.ts loads it once Node's compile cache is on): its options, the
 * stages' environment, and the run of the stages with each one's time on stderr.
 */
import module from 'node:module';
import path from 'node:path';
import { readConfig, SETTINGS } from '../../../src/lib/config.ts';
import { listBuildStages } from './stages.ts';
import { runStages } from './run.ts';
import { readManifest } from '../incremental/site-build.ts';
import { checkSiteFolderDevice, runCommand, type CommandSpec } from '../cli.ts';
import { EXTRACT_OPTIONS, readExtractArgs } from '../extract/cli.ts';

const BUILD_COMMAND: CommandSpec = {
  name: 'npm run build',
  summary:
    '提取 → 站点数据 → 图表 → Astro 构建（同时建搜索索引）→ 下载文件与 API，生成 dist/；提取的选项原样传给 npm run extract。\n' +
    'Extraction → site data → charts → the Astro build (the search index beside it) → the downloads and API, into dist/; the extraction options are passed on to npm run extract.',
  options: {
    ...EXTRACT_OPTIONS,
    'site-only': { type: 'boolean', help: '不提取，用已有的记录生成网站（如 extract:merge 之后） (skip extraction: the site from the records already there, e.g. after extract:merge)' },
    full: { type: 'boolean', help: '完整的 Astro 构建，不从上次构建保留的页面模块重新渲染 (the full Astro build, never the re-render from the last build\'s kept bundle)' },
  },
  examples: ['NIANBAO_CORPUS=/path/to/reports npm run build', 'npm run build -- --input ~/reports --strict', 'npm run build -- --site-only', 'npm run build -- --full'],
  notes: [`环境变量，见 README 的 Settings 表 (environment, see the README's table of settings): ${SETTINGS.map((s) => s.variable).join(', ')}`],
};

/**
 * Returns the environment of the stages: this one, with Node's compile cache in the extraction
 * folder, which this process uses too. A stage's process loads Astro or the extractor afresh: the
 * compile cache keeps their compiled (and type-stripped) modules between processes and builds
 * (bench/results.md). NODE_DISABLE_COMPILE_CACHE=1 turns it off.
 */
function stageEnv(dataDir: string): NodeJS.ProcessEnv {
  const cache = process.env.NODE_COMPILE_CACHE ?? path.join(dataDir, 'compile-cache');
  if (process.env.NODE_DISABLE_COMPILE_CACHE !== '1') module.enableCompileCache(cache);
  return { ...process.env, NODE_COMPILE_CACHE: cache };
}

/** Runs `npm run build` with the process's arguments (see scripts/build.ts). */
export async function runBuildCommand(): Promise<void> {
  await runCommand(BUILD_COMMAND, async ({ values, config }) => {
    // Checked here, so that a mistake stops the build before any stage runs.
    const { input } = readExtractArgs(values, config);
    checkSiteFolderDevice(config.out, process.cwd());
    // The stages after extraction, here and in their processes, find the corrections file in the
    // corpus folder (locateCorrectionsFile).
    if (typeof values.input === 'string') process.env.NIANBAO_CORPUS = input;
    const env = stageEnv(config.data);
    const stages = listBuildStages(readConfig(env), {
      extractArgs: process.argv.slice(2).filter((a) => a !== '--site-only' && a !== '--full'),
      full: values.full === true,
      siteOnly: values['site-only'] === true,
      siteKept: readManifest(config.out) !== null,
    });
    const started = performance.now();
    const failed = (await runStages(stages, env)).find((r) => r.status !== 0 && (r.status !== null || r.signal !== null));
    if (failed) {
      process.stderr.write(`nianbao build: ${failed.stage.name} failed (${failed.signal ?? `exit code ${failed.status}`})\n`);
      return failed.status ?? 1;
    }
    process.stderr.write(`nianbao build: done in ${((performance.now() - started) / 1000).toFixed(1)}s\n`);
  });
}
