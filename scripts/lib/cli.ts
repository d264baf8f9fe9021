/**
 * What every command of the project shares on its command line: options read by node:util's
 * parseArgs (strict), `--help` / `-h`, one plain sentence (Chinese, then English) for each usage
 * error, and the exit codes:
 *
 *   0  done;
 *   1  done, but --strict and a file or a check failed (the command says which);
 *   2  usage error: an unknown option, a missing or bad value, a stray argument, an input or output
 *      folder that cannot be used; nothing was read or written;
 *   3  an unexpected failure: one line on stderr, the stack only with NIANBAO_DEBUG=1.
 *
 * The settings (src/lib/config.ts) are read here, once per command, and handed to its main: a
 * setting that cannot be used is a usage error too.
 *
 * Kept free of the extractor's imports: a command loads it before anything heavy.
 */
import { existsSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { readConfig, type NianbaoConfig } from '../../src/lib/config.ts';

export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;
export const EXIT_CRASH = 3;

/** A mistake in how a command was called (or in the folders it was given): exit code 2, one sentence. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** One option of a command, as parseArgs takes it, with what --help says of it. */
export interface OptionSpec {
  type: 'string' | 'boolean';
  short?: string;
  multiple?: boolean;
  /** What the value is, for --help (e.g. DIR, N, i/n). */
  value?: string;
  help: string;
}

/** A command: its name, its options and what --help prints. */
export interface CommandSpec {
  /** As typed: `npm run extract`. */
  name: string;
  /** One or two sentences: what it does. */
  summary: string;
  options: Record<string, OptionSpec>;
  /** Command lines, shown under the options. */
  examples: string[];
  /** Lines shown after the examples (defaults, environment variables). */
  notes?: string[];
  /** An option whose value may be followed by more values (`--parts a b c`): those are its only positionals. */
  trailingValuesOf?: string;
}

/** Returns the --help text of a command. */
export function helpText(spec: CommandSpec): string {
  const rows = Object.entries({ ...spec.options, help: { type: 'boolean', short: 'h', help: '显示本帮助 (show this help)' } as OptionSpec }).map(([name, o]) => {
    const flag = `${o.short ? `-${o.short}, ` : '    '}--${name}${o.type === 'string' ? ` ${o.value ?? 'VALUE'}${o.multiple || spec.trailingValuesOf === name ? '...' : ''}` : ''}`;
    return [flag, o.help] as const;
  });
  const width = Math.max(...rows.map(([flag]) => flag.length)) + 2;
  return [
    `用法 (usage): ${spec.name} -- [options]`,
    '',
    spec.summary,
    '',
    '选项 (options):',
    ...rows.map(([flag, help]) => `  ${flag.padEnd(width)}${help}`),
    '',
    '示例 (example):',
    ...spec.examples.map((e) => `  ${e}`),
    ...(spec.notes?.length ? ['', ...spec.notes] : []),
    '',
    '退出码 (exit codes): 0 完成 (done) · 1 --strict 下有文件或校验失败 (--strict and something failed) · 2 用法错误 (usage error) · 3 意外故障 (unexpected failure; NIANBAO_DEBUG=1 shows the stack)',
    '',
  ].join('\n');
}

type Values = Record<string, string | boolean | string[] | undefined>;

/**
 * Returns the options and positionals of `args` by `spec`, or throws a UsageError naming the first
 * thing wrong. The arguments are checked token by token first (parseArgs' own messages are English
 * only, and it takes `--out --strict` as an ambiguous value rather than a missing one), then read by
 * parseArgs in strict mode.
 */
export function parseCommand(spec: CommandSpec, args: readonly string[]): { values: Values; positionals: string[] } {
  const options = Object.fromEntries(
    Object.entries(spec.options).map(([name, o]) => [name, { type: o.type, ...(o.short ? { short: o.short } : {}), ...(o.multiple ? { multiple: true } : {}) }]),
  );
  const { tokens } = parseArgs({ args: [...args], options, strict: false, allowPositionals: true, tokens: true });
  // After `--parts DIR`, further positionals are more parts; anything else ends that run.
  let trailing = false;
  // `--workers -1` is a negative number, not an option: given to parseArgs as `--workers=-1`, so
  // that the command rejects the number itself.
  const normalized: (string | null)[] = [...args];
  for (const token of tokens) {
    if (token.kind === 'option-terminator') {
      trailing = spec.trailingValuesOf !== undefined && trailing;
      continue;
    }
    if (token.kind === 'positional') {
      if (!trailing) throw new UsageError(`多余的参数 ${token.value} (unexpected argument ${token.value})`);
      continue;
    }
    const flag = token.rawName;
    const o = spec.options[token.name];
    if (!o) throw new UsageError(`未知选项 ${flag} (unknown option ${flag})`);
    if (o.type === 'boolean') {
      if (token.value !== undefined) throw new UsageError(`选项 ${flag} 不带取值 (option ${flag} takes no value)`);
    } else if (token.value === undefined) {
      throw new UsageError(`选项 ${flag} 缺少取值 (option ${flag} needs a value)`);
    } else if (!token.inlineValue && /^-\d+(\.\d*)?$/.test(token.value)) {
      normalized[token.index] = `--${token.name}=${token.value}`;
      normalized[token.index + 1] = null;
    } else if (!token.inlineValue && token.value.startsWith('-') && token.value.length > 1) {
      // parseArgs took the next argument as the value; it is far more likely another option.
      throw new UsageError(`选项 ${flag} 缺少取值：其后的 ${token.value} 以 - 开头，若它就是取值，请写成 ${flag}=${token.value} (option ${flag} needs a value; write ${flag}=${token.value} if ${token.value} is the value)`);
    }
    trailing = token.name === spec.trailingValuesOf;
  }
  try {
    const { values, positionals } = parseArgs({ args: normalized.filter((a) => a !== null), options, strict: true, allowPositionals: spec.trailingValuesOf !== undefined });
    return { values: values as Values, positionals };
  } catch (error) {
    // Not reached for anything the loop above accepts; kept one sentence all the same.
    throw new UsageError(`参数有误 (bad arguments): ${(error as Error).message.split('\n')[0]}`);
  }
}

/** Returns the number `text` names when it is a whole number ≥ `min`; else throws a UsageError naming `flag`. */
export function parseWholeNumber(flag: string, text: string, min = 1): number {
  const n = /^\d+$/.test(text.trim()) ? Number(text.trim()) : NaN;
  if (!Number.isSafeInteger(n) || n < min) {
    const zh = min === 1 ? '正整数' : `不小于 ${min} 的整数`;
    throw new UsageError(`${flag} 须为${zh}，收到 ${text} (${flag} takes a whole number ≥ ${min}; got ${text})`);
  }
  return n;
}

/** Returns the numbers of a comma-separated list (`1000,10000`), each a whole number ≥ `min`. */
export function parseWholeNumbers(flag: string, text: string, min = 1): number[] {
  const parts = text.split(',');
  if (parts.some((p) => p.trim() === '')) throw new UsageError(`${flag} 须为逗号分隔的正整数，收到 ${text} (${flag} takes whole numbers separated by commas; got ${text})`);
  return parts.map((p) => parseWholeNumber(flag, p, min));
}

/** Returns the error code of a failed file system call. */
function codeOf(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException).code;
}

/** Throws a UsageError unless `dir` is a folder that can be read. `what`: how the message names it (输入 input). */
export function checkInputFolder(dir: string, what: readonly [zh: string, en: string] = ['输入', 'input']): void {
  let isDir: boolean;
  try {
    isDir = statSync(dir).isDirectory();
  } catch (error) {
    const code = codeOf(error);
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new UsageError(`${what[0]}文件夹不存在：${dir} (${what[1]} folder not found: ${dir})`);
    throw new UsageError(`无法读取${what[0]}文件夹 ${dir}：${code} (cannot read ${what[1]} folder ${dir}: ${code})`);
  }
  if (!isDir) throw new UsageError(`${what[0]} ${dir} 是文件，不是文件夹 (${what[1]} ${dir} is a file, not a folder)`);
}

/** Throws a UsageError when `dir` exists and is not a folder (or cannot be looked at); creates nothing. */
export function checkOutputPath(dir: string, what: readonly [zh: string, en: string] = ['输出', 'output']): void {
  try {
    if (!statSync(dir).isDirectory()) throw new UsageError(`${what[0]} ${dir} 是文件，不是文件夹 (${what[1]} ${dir} is a file, not a folder)`);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    const code = codeOf(error);
    if (code === 'ENOTDIR') throw new UsageError(`无法创建${what[0]}文件夹 ${dir}：其上级路径中有文件 (cannot create ${what[1]} folder ${dir}: a parent is a file)`);
    if (code !== 'ENOENT') throw new UsageError(`无法使用${what[0]}文件夹 ${dir}：${code} (cannot use ${what[1]} folder ${dir}: ${code})`);
  }
}

/**
 * Throws a UsageError when the site folder `out` is outside the project folder `root` (as Astro
 * tells it: the path does not start with the project's) and on another file system. Astro then
 * bundles into the project's `.astro/` and moves the bundled files into the site folder by
 * renaming, which cannot cross file systems (EXDEV), after the stages before it have run.
 */
export function checkSiteFolderDevice(out: string, root: string): void {
  const site = path.resolve(out);
  if (site.startsWith(path.resolve(root))) return;
  let existing = site;
  while (!existsSync(existing) && path.dirname(existing) !== existing) existing = path.dirname(existing);
  if (statSync(existing).dev === statSync(root).dev) return;
  throw new UsageError(
    `网站文件夹 ${out} 与项目文件夹 ${root} 不在同一文件系统上：Astro 以重命名把文件移入网站文件夹，不能跨文件系统；请输出到同一文件系统上的文件夹，再复制过去 ` +
      `(site folder ${out} is on another file system than the project folder ${root}: Astro moves its files into it by renaming, which cannot cross file systems; build into a folder on the project's file system, then copy it)`,
  );
}

/**
 * Creates `dir` (and its parents) when missing and checks that files can be written into it (by
 * writing one: permission bits do not tell, for root or on a read-only mount); throws a UsageError
 * when it is a file or not writable.
 */
export function prepareOutputFolder(dir: string, what: readonly [zh: string, en: string] = ['输出', 'output']): void {
  checkOutputPath(dir, what);
  try {
    mkdirSync(dir, { recursive: true });
  } catch (error) {
    const code = codeOf(error);
    if (code === 'ENOTDIR' || code === 'EEXIST') throw new UsageError(`无法创建${what[0]}文件夹 ${dir}：其上级路径中有文件 (cannot create ${what[1]} folder ${dir}: a parent is a file)`);
    throw new UsageError(`无法创建${what[0]}文件夹 ${dir}：${code} (cannot create ${what[1]} folder ${dir}: ${code})`);
  }
  const probe = path.join(dir, `.nianbao-write-test-${process.pid}`);
  try {
    writeFileSync(probe, '');
    rmSync(probe, { force: true });
  } catch (error) {
    throw new UsageError(`${what[0]}文件夹不可写：${dir} (${what[1]} folder is not writable: ${dir}; ${codeOf(error) ?? (error as Error).message})`);
  }
}

/** Writes a line to stderr, prefixed with the command's name. */
export function say(spec: CommandSpec, line: string): void {
  process.stderr.write(`${spec.name.replace(/^npm run /, 'nianbao ')}: ${line}\n`);
}

/** Returns one line for an unexpected error: its message's first line (and its code, when it has one). */
function crashLine(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = codeOf(error);
  const first = error.message.split('\n')[0] || error.name;
  return code && !first.includes(code) ? `${first} (${code})` : first;
}

/** Reports an unexpected error on stderr (one line; the stack when `debug`, NIANBAO_DEBUG=1) and exits with code 3. */
function crash(spec: CommandSpec, error: unknown, debug: boolean): never {
  say(spec, `意外故障 (unexpected failure): ${crashLine(error)}`);
  if (debug && error instanceof Error) process.stderr.write(`${error.stack}\n`);
  else process.stderr.write('  设置 NIANBAO_DEBUG=1 可看到堆栈 (set NIANBAO_DEBUG=1 for the stack)\n');
  process.exit(EXIT_CRASH);
}

/**
 * Runs a command: prints --help (exit 0) when asked, else reads the settings from `env`, parses the
 * arguments and calls `main` with both; exits with main's code (0 when it returns nothing), 2 on a
 * UsageError (thrown by the parsing or by main) or a setting that cannot be used, 3 on anything
 * else, also when thrown outside main's promise.
 */
export async function runCommand(
  spec: CommandSpec,
  main: (args: { values: Values; positionals: string[]; config: Readonly<NianbaoConfig> }) => Promise<number | void>,
  args: readonly string[] = process.argv.slice(2),
): Promise<void> {
  const end = args.indexOf('--');
  const own = end === -1 ? args : args.slice(0, end);
  if (own.includes('--help') || own.includes('-h')) {
    process.stdout.write(helpText(spec));
    return;
  }
  let debug = false;
  process.on('uncaughtException', (error) => crash(spec, error, debug));
  process.on('unhandledRejection', (error) => crash(spec, error, debug));
  let code: number | void;
  try {
    let config: Readonly<NianbaoConfig>;
    try {
      config = readConfig();
    } catch (error) {
      throw new UsageError(error instanceof Error ? error.message : String(error));
    }
    debug = config.debug;
    code = await main({ ...parseCommand(spec, args), config });
  } catch (error) {
    if (error instanceof UsageError) {
      say(spec, error.message);
      process.stderr.write(`  ${spec.name} -- --help 查看用法 (for usage)\n`);
      process.exit(EXIT_USAGE);
    }
    crash(spec, error, debug);
  }
  process.exitCode = code ?? EXIT_OK;
}
