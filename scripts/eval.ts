#!/usr/bin/env node
/**
 * npm run eval -- --input DIR [--labels DIR] [--json FILE]
 * The extractor's report card on a folder of real reports. Every file under DIR (the files the
 * extractor reads) is extracted in this process, without cache or output folder, and its record is
 * held against whatever truth there is: the identity.tsv of a folder holding it (agency, year,
 * edition) and, with --labels, the label typed for it (DIR/**\/<file name without extension>.json,
 * src/lib/eval/label-schema.ts). Prints a row per file and the totals per corpus folder; --json FILE
 * writes the whole result. Exit code 0, or 2 on a usage error.
 */
import module from 'node:module';
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { IdentityTruth } from '../src/lib/eval/compare-identity.ts';
import type { EvalReport } from '../src/lib/eval/evaluate-file.ts';
import type { Label } from '../src/lib/eval/label-schema.ts';
import type { FileOutcome } from '../src/lib/extract/manifest.ts';
import { createMessage } from '../src/lib/schema/message.ts';
import { wordMessageBilingual } from '../src/lib/i18n/word-message.ts';

const USAGE = 'usage: npm run eval -- --input DIR [--labels DIR] [--json FILE]';

/** Prints a usage error and exits with 2. */
function failUsage(message: string): never {
  process.stderr.write(`nianbao eval: ${message}\n${USAGE}\n`);
  process.exit(2);
}

/** Returns whether a path is a folder. */
async function isFolder(dir: string): Promise<boolean> {
  return (await stat(dir).catch(() => null))?.isDirectory() ?? false;
}

let values: { input?: string; labels?: string; json?: string; help?: boolean };
try {
  ({ values } = parseArgs({
    options: { input: { type: 'string' }, labels: { type: 'string' }, json: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    strict: true,
    allowPositionals: false,
  }));
} catch (error) {
  failUsage((error as Error).message);
}
if (values.help) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}
if (!values.input) failUsage('--input DIR 是必需的 (--input is required)');
const input = values.input;
if (!(await isFolder(input))) failUsage(`${input} 不是文件夹 (not a folder)`);
if (values.labels !== undefined && !(await isFolder(values.labels))) failUsage(`${values.labels} 不是文件夹 (labels: not a folder)`);

// As in extract.ts: Node's compile cache is enabled before the modules below load (after the
// arguments are checked, so that a usage error does not wait for the extractor to load).
module.enableCompileCache?.();
const { listFiles } = await import('./lib/extract/corpus.ts');
const { extractFile } = await import('./lib/extract/file.ts');
const { planManifest, summarizeOutcome } = await import('../src/lib/extract/manifest.ts');
const { findIdentity, parseIdentityTable } = await import('../src/lib/eval/compare-identity.ts');
const { evaluateFile, sumFolders } = await import('../src/lib/eval/evaluate-file.ts');
const { formatReport } = await import('../src/lib/eval/format-report.ts');
const { findLabel, indexLabels } = await import('../src/lib/eval/index-labels.ts');
const { parseLabel } = await import('../src/lib/eval/label-schema.ts');

const files = await listFiles(input);

// Identity truth: every identity.tsv under the corpus, keyed by the folder holding it.
const identityTables = new Map<string, IdentityTruth[]>();
const identityProblems: string[] = [];
for (const rel of files.filter((f) => path.posix.basename(f) === 'identity.tsv')) {
  const { rows, errors } = parseIdentityTable(await readFile(path.join(input, rel), 'utf8'));
  identityTables.set(path.posix.dirname(rel) === '.' ? '' : path.posix.dirname(rel), rows);
  identityProblems.push(...errors.map((e) => `${rel}: ${e}`));
}

// Labels: every .json under the labels folder, in path order.
const labelSources: { source: string; label: Label }[] = [];
const labelProblems: string[] = [];
if (values.labels !== undefined) {
  const entries = await readdir(values.labels, { recursive: true, withFileTypes: true });
  const jsonFiles = entries.filter((e) => e.isFile() && e.name.toLowerCase().endsWith('.json')).map((e) => path.join(e.parentPath, e.name)).sort();
  for (const file of jsonFiles) {
    const parsed = parseLabel(await readFile(file, 'utf8'));
    if (parsed.ok) labelSources.push({ source: file, label: parsed.label });
    else labelProblems.push(`${file}: ${parsed.error}`);
  }
}
const { byName: labels, notes: labelNotes } = indexLabels(labelSources);
labelProblems.push(...labelNotes);

// Extract every file, one after the other, in this process.
const tty = process.stderr.isTTY;
const outcomes: FileOutcome[] = [];
for (const [i, rel] of files.entries()) {
  try {
    outcomes.push(await extractFile(input, rel));
  } catch (error) {
    outcomes.push({ path: rel, ok: false, error: createMessage('internalError', { detail: (error as Error).message }) });
  }
  if (tty) process.stderr.write(`\r提取 extract ${i + 1}/${files.length}`);
}
if (tty) process.stderr.write('\n');

// The extractor's duplicate rule, so that a record it would drop is noted.
const { manifest } = planManifest(input, outcomes.map((o) => ({ path: o.path, summary: summarizeOutcome(o) })));
const dropped = new Map(manifest.files.filter((f) => f.status === 'error' && f.messages[0]).map((f) => [f.path, wordMessageBilingual(f.messages[0]!)]));

const rootName = path.basename(path.resolve(input));
const evaluations = outcomes.map((outcome) => {
  const dir = path.posix.dirname(outcome.path);
  const identity = findIdentity(identityTables, outcome.path);
  return evaluateFile({
    outcome,
    folder: dir === '.' ? rootName : dir,
    identity: identity && { truth: identity.truth, source: path.posix.join(identity.folder, 'identity.tsv') },
    label: findLabel(labels, outcome.path),
    note: outcome.ok ? dropped.get(outcome.path) : undefined,
  });
});

const report: EvalReport = {
  input,
  labels: values.labels ?? null,
  labelFiles: labelSources.length,
  labelProblems,
  identityProblems,
  files: evaluations,
  totals: sumFolders(evaluations),
};
process.stdout.write(formatReport(report));
if (values.json) {
  await mkdir(path.dirname(path.resolve(values.json)), { recursive: true });
  await writeFile(values.json, JSON.stringify(report, null, 2) + '\n');
  process.stderr.write(`nianbao eval: JSON → ${values.json}\n`);
}
