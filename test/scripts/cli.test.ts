/**
 * The commands behave like Unix tools (scripts/lib/cli.ts): --help, one plain sentence in Chinese
 * and English for each usage error with exit code 2 and no stack, exit code 1 with the reasons under
 * --strict, 3 with one line on an unexpected failure (the stack only with NIANBAO_DEBUG=1). Each
 * case spawns the command with the project's Node, as `npm run …` does.
 */
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateCorpus } from '../../scripts/lib/generate/corpus.ts';
import { checkSiteFolderDevice, UsageError } from '../../scripts/lib/cli.ts';

const NODE = path.resolve('node_modules/.bin/node');
const SAMPLE = path.resolve('content/reports/000_951e69aa5677aff7.txt');

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `node scripts/<script> ...args` from the project folder; resolves to its exit code and output. */
function run(script: string, args: readonly string[], options: { env?: Record<string, string>; uid?: number } = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(NODE, [`scripts/${script}`, ...args], {
      cwd: path.resolve('.'),
      env: { ...process.env, NIANBAO_DEBUG: '', ...options.env },
      ...(options.uid === undefined ? {} : { uid: options.uid, gid: options.uid }),
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d));
    child.stderr.on('data', (d: Buffer) => (stderr += d));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

/** Asserts a usage error: exit code 2, the sentence on stderr's first line, the hint to --help, no stack. */
function expectUsage(result: Run, sentence: string): void {
  expect(result.status, result.stderr).toBe(2);
  const lines = result.stderr.trimEnd().split('\n');
  expect(lines[0]).toContain(sentence);
  expect(lines).toHaveLength(2);
  expect(lines[1]).toMatch(/-- --help 查看用法 \(for usage\)$/);
  expect(result.stderr).not.toMatch(/^\s+at /m);
  expect(result.stdout).toBe('');
}

const tmp = mkdtempSync(path.join(tmpdir(), 'nianbao-cli-'));
const input = path.join(tmp, 'in');
mkdirSync(input);
writeFileSync(path.join(input, 'a.txt'), 'x');
const aFile = path.join(tmp, 'a-file');
writeFileSync(aFile, 'not a folder');
const out = path.join(tmp, 'out');

const COMMANDS = [
  ['extract.ts', 'npm run extract', ['--input', '--out', '--strict', '--shard', '--workers', '--cache', '--no-cache']],
  ['extract-merge.ts', 'npm run extract:merge', ['--parts', '--out']],
  ['generate-corpus.ts', 'npm run corpus:generate', ['--count', '--out', '--seed']],
  ['bench.ts', 'npm run bench', ['--sizes', '--size', '--runs', '--site-runs', '--no-site', '--once', '--seed']],
  ['build.ts', 'npm run build', ['--site-only', '--input', '--workers']],
  ['review.ts', 'npm run review', ['--check']],
] as const;

describe('--help', () => {
  it.concurrent.each(COMMANDS.flatMap(([script, name, options]) => [[script, name, options, '--help'] as const, [script, name, options, '-h'] as const]))(
    '%s %s',
    async (script, name, options, flag) => {
      // Help wins over anything else on the line, even a mistake.
      const result = await run(script, ['--bogus', flag]);
      expect(result.status).toBe(0);
      expect(result.stderr).toBe('');
      expect(result.stdout).toContain(`用法 (usage): ${name} -- [options]`);
      expect(result.stdout).toContain('示例 (example):');
      expect(result.stdout).toContain(`  ${name} -- `);
      expect(result.stdout).toContain('-h, --help');
      expect(result.stdout).toContain('2 用法错误 (usage error)');
      for (const option of options) expect(result.stdout).toContain(option);
    },
  );
});

describe('usage errors: exit code 2, one sentence, nothing read or written', () => {
  const cases: [script: string, args: string[], sentence: string][] = [
    ['extract.ts', ['--foo'], '未知选项 --foo (unknown option --foo)'],
    ['extract.ts', ['-x'], '未知选项 -x (unknown option -x)'],
    ['extract.ts', ['--input', input, '--out'], '选项 --out 缺少取值 (option --out needs a value)'],
    ['extract.ts', ['--out', '--strict'], '选项 --out 缺少取值：其后的 --strict 以 - 开头，若它就是取值，请写成 --out=--strict'],
    ['extract.ts', ['--input', input, 'stray'], '多余的参数 stray (unexpected argument stray)'],
    ['extract.ts', ['--strict=yes'], '选项 --strict 不带取值 (option --strict takes no value)'],
    ['extract.ts', ['--workers', 'abc'], '--workers 须为正整数，收到 abc (--workers takes a whole number ≥ 1; got abc)'],
    ['extract.ts', ['--workers', '0'], '--workers 须为正整数，收到 0'],
    ['extract.ts', ['--workers', '-1'], '--workers 须为正整数，收到 -1'],
    ['extract.ts', ['--workers=-1'], '--workers 须为正整数，收到 -1'],
    ['extract.ts', ['--workers', '1.5'], '--workers 须为正整数，收到 1.5'],
    ['extract.ts', ['--workers', ''], '--workers 须为正整数，收到 '],
    ['extract.ts', ['--shard', '2/2'], '--shard 须为 i/n，且 0 ≤ i < n，收到 2/2 (--shard takes i/n with 0 ≤ i < n; got 2/2)'],
    ['extract.ts', ['--shard', '1/0'], '--shard 须为 i/n'],
    ['extract.ts', ['--shard', 'half'], '--shard 须为 i/n'],
    ['extract.ts', ['--cache', tmp, '--no-cache'], '--cache 与 --no-cache 不能同时使用'],
    ['extract.ts', ['--input', path.join(tmp, 'missing'), '--out', out], `输入文件夹不存在：${path.join(tmp, 'missing')} (input folder not found: ${path.join(tmp, 'missing')})`],
    ['extract.ts', ['--input', aFile, '--out', out], `输入 ${aFile} 是文件，不是文件夹 (input ${aFile} is a file, not a folder)`],
    ['extract.ts', ['--input', input, '--out', aFile, '--no-cache'], `输出 ${aFile} 是文件，不是文件夹 (output ${aFile} is a file, not a folder)`],
    ['extract.ts', ['--input', input, '--out', path.join(aFile, 'sub'), '--no-cache'], '其上级路径中有文件 (cannot create output folder'],
    ['extract.ts', ['--input', input, '--out', input, '--no-cache'], '输出文件夹不能就是输入文件夹'],
    ['extract.ts', ['--input', input, '--out', out, '--cache', aFile], `缓存 ${aFile} 是文件，不是文件夹 (cache ${aFile} is a file, not a folder)`],
    ['extract-merge.ts', [], '缺少 --parts DIR... (--parts DIR... is required)'],
    ['extract-merge.ts', ['--parts', input, '--out', out, 'stray'], '多余的参数 stray'],
    ['extract-merge.ts', ['--parts', path.join(tmp, 'missing')], '分片文件夹不存在'],
    ['extract-merge.ts', ['--parts', input], `${input} 中没有 part.json，不是 extract --shard 的输出`],
    ['extract-merge.ts', ['--parts', tmp, '--out'], '选项 --out 缺少取值'],
    ['generate-corpus.ts', ['--out', out], '缺少 --count N (--count N is required)'],
    ['generate-corpus.ts', ['--count', '10'], '缺少 --out DIR (--out DIR is required)'],
    ['generate-corpus.ts', ['--count', 'ten', '--out', out], '--count 须为正整数，收到 ten'],
    ['generate-corpus.ts', ['--count', '0', '--out', out], '--count 须为正整数，收到 0'],
    ['generate-corpus.ts', ['--count', '3', '--out', aFile], `输出 ${aFile} 是文件，不是文件夹`],
    ['generate-corpus.ts', ['--count', '3', '--out', out, 'more'], '多余的参数 more'],
    ['bench.ts', ['--sizes', '1000,abc'], '--sizes 须为正整数，收到 abc'],
    ['bench.ts', ['--sizes', '1000,,10'], '--sizes 须为逗号分隔的正整数'],
    ['bench.ts', ['--size', '-5'], '--size 须为正整数，收到 -5'],
    ['bench.ts', ['--runs', '0'], '--runs 须为正整数，收到 0'],
    ['bench.ts', ['--site-runs', '2.5'], '--site-runs 须为正整数，收到 2.5'],
    ['bench.ts', ['--once=1'], '选项 --once 不带取值'],
    ['build.ts', ['--workers', '1.5'], '--workers 须为正整数，收到 1.5'],
    ['build.ts', ['--site-only', '--shard', '3/2'], '--shard 须为 i/n'],
    ['build.ts', ['--sight-only'], '未知选项 --sight-only (unknown option --sight-only)'],
    ['build.ts', ['dist'], '多余的参数 dist'],
  ];
  it.concurrent.each(cases)('%s %j', async (script, args, sentence) => {
    expectUsage(await run(script, args), sentence);
  });

  it('keeps its exit code and sentence through npm run', async () => {
    const result = await new Promise<Run>((resolve, reject) => {
      const child = spawn('npm', ['run', '--silent', 'extract', '--', '--workers', '0'], { cwd: path.resolve('.'), env: { ...process.env, NIANBAO_DEBUG: '' } });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d: Buffer) => (stdout += d));
      child.stderr.on('data', (d: Buffer) => (stderr += d));
      child.on('error', reject);
      child.on('close', (status) => resolve({ status, stdout, stderr }));
    });
    expectUsage(result, 'nianbao extract: --workers 须为正整数，收到 0 (--workers takes a whole number ≥ 1; got 0)');
  });

  it.concurrent.each([
    ['extract.ts', { NIANBAO_EXTRACT_HEAP_MIB: '1.5' }, 'NIANBAO_EXTRACT_HEAP_MIB 须为 ≥ 1 的整数，收到 "1.5" (NIANBAO_EXTRACT_HEAP_MIB must be a whole number ≥ 1, got "1.5")'],
    ['build.ts', { NIANBAO_SITE: 'nianbao.example.gov.cn' }, 'NIANBAO_SITE 不是网址：nianbao.example.gov.cn (NIANBAO_SITE is not an absolute URL: nianbao.example.gov.cn)'],
    ['extract-merge.ts', { NIANBAO_SEARCH_JOBS: 'all' }, 'NIANBAO_SEARCH_JOBS 须为 ≥ 1 的整数'],
  ] as const)('refuses a setting it cannot use, naming the variable: %s %j', async (script, env, sentence) => {
    const fresh = path.join(tmp, `never-configured-${script}`);
    expectUsage(await run(script, script === 'extract-merge.ts' ? ['--parts', input, '--out', fresh] : ['--input', input, '--out', fresh], { env }), sentence);
    expect(existsSync(fresh)).toBe(false);
  });

  it('takes the folders it is not given from the settings', async () => {
    const missing = path.join(tmp, 'missing-corpus');
    expectUsage(await run('extract.ts', ['--no-cache'], { env: { NIANBAO_CORPUS: missing, NIANBAO_DATA: path.join(tmp, 'unused') } }), `输入文件夹不存在：${missing}`);
  });

  it('writes nothing when it refuses', async () => {
    const fresh = path.join(tmp, 'never-written');
    expectUsage(await run('extract.ts', ['--input', path.join(tmp, 'missing'), '--out', fresh]), '输入文件夹不存在');
    await expect(import('node:fs').then((fs) => fs.existsSync(fresh))).resolves.toBe(false);
  });

  it('refuses an output folder it cannot write into', async () => {
    // The folders this test made are private (mkdtemp): opened to the other user.
    chmodSync(tmp, 0o755);
    const readOnly = path.join(tmp, 'read-only');
    mkdirSync(readOnly);
    chmodSync(readOnly, 0o555);
    // Root writes anywhere: the command runs as nobody there.
    const uid = process.getuid?.() === 0 ? 65534 : undefined;
    expectUsage(await run('extract.ts', ['--input', input, '--out', readOnly, '--no-cache'], { uid }), `输出文件夹不可写：${readOnly} (output folder is not writable: ${readOnly}`);
    expectUsage(await run('generate-corpus.ts', ['--count', '1', '--out', path.join(readOnly, 'gen')], { uid }), `无法创建输出文件夹 ${path.join(readOnly, 'gen')}`);
  });

  it('refuses parts that are not the shards of one corpus', async () => {
    const parts = ['p0', 'p1'].map((p) => path.join(tmp, p));
    for (const p of parts) {
      await mkdir(p, { recursive: true });
      await writeFile(path.join(p, 'part.json'), JSON.stringify({ shard: { index: 0, count: 2 }, input: 'x', files: [] }));
    }
    expectUsage(await run('extract-merge.ts', ['--parts', ...parts, '--out', path.join(tmp, 'merged')]), '需要同一输入的全部 2 个分片 0…n-1');
  });
});

describe('--strict and failures', () => {
  it('exits 0 when every file gave a record and every check passed', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'nianbao-cli-ok-'));
    await mkdir(path.join(dir, 'in'));
    await copyFile(SAMPLE, path.join(dir, 'in', 'a.txt'));
    const result = await run('extract.ts', ['--input', path.join(dir, 'in'), '--out', path.join(dir, 'out'), '--no-cache', '--strict']);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toContain('records 1 · warnings 1 · errors 0 · failed checks 0');
  });

  it('exits 1 and says which files and which checks failed, with the counts', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'nianbao-cli-strict-'));
    const corpus = generateCorpus(100, 'cli-strict');
    const failing = corpus.files.find((f) => corpus.answers.files[f.path]!.violation)!;
    const check = corpus.answers.files[failing.path]!.violation!.check;
    await mkdir(path.join(dir, 'in'));
    await writeFile(path.join(dir, 'in', 'failing.txt'.replace('.txt', path.extname(failing.path))), failing.bytes);
    await copyFile(SAMPLE, path.join(dir, 'in', 'good.txt'));
    await writeFile(path.join(dir, 'in', 'empty.txt'), '');
    const result = await run('extract.ts', ['--input', path.join(dir, 'in'), '--out', path.join(dir, 'out'), '--no-cache', '--strict']);
    expect(result.status, result.stderr).toBe(1);
    expect(result.stderr).toContain('✗ empty.txt: 文件为空 (empty file)');
    expect(result.stderr).toContain('--strict：1 个文件出错，1 份报告共 1 项校验未通过，退出码 1 (--strict: 1 file failed, 1 check failed in 1 report; exit code 1)');
    expect(result.stderr).toMatch(new RegExp(`校验未通过 \\(failed checks\\) failing\\.\\w+ \\([a-z0-9-]+\\): ${check}\n`));
    expect(result.stderr).not.toMatch(/^\s+at /m);
  });

  it('exits 0 without --strict on the same kind of corpus', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'nianbao-cli-lax-'));
    await mkdir(path.join(dir, 'in'));
    await writeFile(path.join(dir, 'in', 'empty.txt'), '');
    const result = await run('extract.ts', ['--input', path.join(dir, 'in'), '--out', path.join(dir, 'out'), '--no-cache']);
    expect(result.status).toBe(0);
  });

  it('exits 3 with one line on an unexpected failure, and the stack only with NIANBAO_DEBUG=1', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'nianbao-cli-crash-'));
    await mkdir(path.join(dir, 'in'));
    await copyFile(SAMPLE, path.join(dir, 'in', 'a.txt'));
    // An output folder whose reports/ is a file, after a complete earlier write: writing fails midway.
    const spoil = async () => {
      await mkdir(path.join(dir, 'out'), { recursive: true });
      await writeFile(path.join(dir, 'out', '.written.json'), '{"records":[]}\n');
      await writeFile(path.join(dir, 'out', 'reports'), 'a file where a folder belongs');
    };
    const args = ['--input', path.join(dir, 'in'), '--out', path.join(dir, 'out'), '--no-cache'];
    await spoil();
    const plain = await run('extract.ts', args);
    expect(plain.status, plain.stderr).toBe(3);
    const lines = plain.stderr.trimEnd().split('\n');
    expect(lines).toEqual([expect.stringMatching(/^nianbao extract: 意外故障 \(unexpected failure\): .*EEXIST/), '  设置 NIANBAO_DEBUG=1 可看到堆栈 (set NIANBAO_DEBUG=1 for the stack)']);
    // The failed run removed its state file (so that the next run trusts nothing): spoilt again.
    await spoil();
    const debug = await run('extract.ts', args, { env: { NIANBAO_DEBUG: '1' } });
    expect(debug.status).toBe(3);
    expect(debug.stderr).toMatch(/^\s+at /m);
  });

  it('says once on stderr which folders it skipped', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'nianbao-cli-skip-'));
    await mkdir(path.join(dir, 'in', '.git', 'objects'), { recursive: true });
    await writeFile(path.join(dir, 'in', '.git', 'objects', 'x.txt'), 'x');
    await copyFile(SAMPLE, path.join(dir, 'in', 'a.txt'));
    const args = ['--input', path.join(dir, 'in'), '--out', path.join(dir, 'in', 'out'), '--no-cache'];
    await run('extract.ts', args);
    const result = await run('extract.ts', args);
    expect(result.status).toBe(0);
    expect(result.stderr.match(/跳过 \.git 等版本库文件夹 1 个 \(skipped 1 VCS folder: \.git\)/g)).toHaveLength(1);
    expect(result.stderr).toContain('跳过输入文件夹内的输出或缓存文件夹 out');
    expect(result.stderr).toContain('files 1 · records 1');
    expect(result.stderr).not.toContain('✗');
  });
});

describe('checkSiteFolderDevice', () => {
  const root = process.cwd();
  // A file system other than the project's: tmpfs on Linux.
  const other = existsSync('/dev/shm') && statSync('/dev/shm').dev !== statSync(root).dev ? '/dev/shm' : null;

  it('takes a site folder inside the project, or outside it on the same file system, made or not', () => {
    expect(() => checkSiteFolderDevice(path.join(root, 'dist'), root)).not.toThrow();
    expect(() => checkSiteFolderDevice(path.join(path.dirname(root), 'not-made', 'site'), root)).not.toThrow();
  });

  it.runIf(other)('refuses a site folder on another file system, made or not, naming both folders', () => {
    for (const out of [other!, path.join(other!, 'not-made', 'site')]) {
      expect(() => checkSiteFolderDevice(out, root)).toThrow(UsageError);
      expect(() => checkSiteFolderDevice(out, root)).toThrow(`site folder ${out} is on another file system than the project folder ${root}`);
    }
  });
});
