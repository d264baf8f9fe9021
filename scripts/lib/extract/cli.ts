/**
 * The extractor's command-line options, shared by `npm run extract` and `npm run build` (which
 * passes them on to its extraction stage, and checks them first so that a mistake stops the build
 * before anything runs).
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import type { NianbaoConfig } from '../../../src/lib/config.ts';
import { CACHE_FOLDER } from './cache.ts';
import { checkInputFolder, checkOutputPath, parseWholeNumber, prepareOutputFolder, UsageError, type OptionSpec } from '../cli.ts';

export const EXTRACT_OPTIONS: Record<string, OptionSpec> = {
  input: { type: 'string', value: 'DIR', help: '报告所在的文件夹（含子文件夹），默认 $NIANBAO_CORPUS 或 content/reports (folder of reports, read recursively; default $NIANBAO_CORPUS or content/reports)' },
  out: { type: 'string', value: 'DIR', help: '输出文件夹，默认 $NIANBAO_DATA 或 .nianbao (output folder; default $NIANBAO_DATA or .nianbao)' },
  strict: { type: 'boolean', help: '有文件出错或校验未通过时以退出码 1 结束，并说明原因 (exit code 1, with the reasons, when a file or a check failed)' },
  shard: { type: 'string', value: 'i/n', help: '只提取路径哈希除以 n 余 i 的文件，另写 OUT/part.json (only the files whose path hash is i mod n; also writes OUT/part.json)' },
  workers: { type: 'string', value: 'N', help: '工作线程数，默认每核一个；不足 200 个文件时在主线程提取 (worker threads, ≥ 1; default one per core; under 200 files to extract: none)' },
  cache: { type: 'string', value: 'DIR', help: '缓存文件夹，默认 $NIANBAO_DATA/cache，即 .nianbao/cache (cache folder; default $NIANBAO_DATA/cache, that is .nianbao/cache)' },
  'no-cache': { type: 'boolean', help: '不用缓存，每个文件都重新提取 (no cache: extract every file)' },
};

/** The extractor's options as read and checked. `cache`: a folder, false for none. */
export interface ExtractArgs {
  input: string;
  out: string;
  strict: boolean;
  shard?: { index: number; count: number };
  workers?: number;
  cache: string | false;
}

/** Returns the shard `i/n` names (0 ≤ i < n), or throws a UsageError with the accepted form. */
export function parseShardArg(text: string): { index: number; count: number } {
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  const shard = m ? { index: Number(m[1]), count: Number(m[2]) } : null;
  if (!shard || !Number.isSafeInteger(shard.count) || shard.count < 1 || shard.index >= shard.count) {
    throw new UsageError(`--shard 须为 i/n，且 0 ≤ i < n，收到 ${text} (--shard takes i/n with 0 ≤ i < n; got ${text})`);
  }
  return shard;
}

/**
 * Returns the extractor's options from parsed values (see EXTRACT_OPTIONS), the folders not given
 * taken from the settings (corpus, data), or throws a UsageError; touches no file.
 */
export function readExtractArgs(values: Record<string, unknown>, config: Pick<NianbaoConfig, 'corpus' | 'data'>): ExtractArgs {
  const string = (name: string) => values[name] as string | undefined;
  if (string('cache') !== undefined && values['no-cache']) throw new UsageError('--cache 与 --no-cache 不能同时使用 (--cache and --no-cache exclude each other)');
  return {
    input: string('input') ?? config.corpus,
    out: string('out') ?? config.data,
    strict: values.strict === true,
    shard: string('shard') === undefined ? undefined : parseShardArg(string('shard')!),
    workers: string('workers') === undefined ? undefined : parseWholeNumber('--workers', string('workers')!),
    cache: values['no-cache'] ? false : (string('cache') ?? path.join(config.data, CACHE_FOLDER)),
  };
}

/** Returns a folder's device and inode, or null. */
function identity(dir: string): string | null {
  try {
    const s = statSync(dir);
    return `${s.dev}:${s.ino}`;
  } catch {
    return null;
  }
}

/**
 * Checks the extractor's folders before anything is read: the input must be a folder, the output
 * and cache folders are created when missing and must be writable, and the output is not the input
 * itself. Throws a UsageError otherwise.
 */
export function checkExtractFolders(args: ExtractArgs): void {
  checkInputFolder(args.input);
  // Both looked at before either is created: a refused run writes nothing.
  checkOutputPath(args.out);
  if (args.cache !== false) checkOutputPath(args.cache, ['缓存', 'cache']);
  prepareOutputFolder(args.out);
  if (identity(args.out) === identity(args.input)) {
    throw new UsageError(`输出文件夹不能就是输入文件夹：${args.out} (the output folder cannot be the input folder: ${args.out})`);
  }
  if (args.cache !== false) prepareOutputFolder(args.cache, ['缓存', 'cache']);
}
