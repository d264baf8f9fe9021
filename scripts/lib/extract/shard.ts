/**
 * Sharded extraction for corpora beyond one machine: shard i of n extracts the files whose path
 * hashes to i (mod n) and writes, beside its ordinary output, a part.json with every file's outcome;
 * extract:merge combines the parts through the same buildManifest (so duplicates across shards are
 * resolved by the same rule as in one run) and writes the output one run would have written.
 */
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { buildManifest, describeInput, type FileOutcome, type FileSummary } from '../../../src/lib/extract/manifest.ts';
import type { Manifest, ReportRecord } from '../../../src/lib/schema/report.ts';
import { UsageError } from '../cli.ts';
import { parseShardArg } from './cli.ts';
import { writeOutput } from './write-output.ts';
import type { Message } from '../../../src/lib/schema/message.ts';

export interface Shard {
  /** 0-based shard number. */
  index: number;
  /** Number of shards. */
  count: number;
}

/** Returns the shard `i/n` names (0 ≤ i < n), or throws a UsageError with the accepted form. */
export function parseShard(text: string): Shard {
  return parseShardArg(text);
}

/** Returns the shard (0 … count-1) of a corpus-relative path: its sha256, first 8 hex digits, mod count. */
export function shardOf(rel: string, count: number): number {
  return parseInt(createHash('sha256').update(rel).digest('hex').slice(0, 8), 16) % count;
}

/** One file's outcome in a part: records the part wrote are referred to by id, others are kept whole. */
type PartEntry =
  | Extract<FileOutcome, { ok: false }>
  | { path: string; ok: true; id: string; warnings: Message[] }
  | { path: string; ok: true; outcome: Extract<FileOutcome, { ok: true }> };

interface Part {
  shard: Shard;
  input: string;
  /** The extractor version that produced the outcomes (absent in parts written before it was recorded). */
  extractor?: string;
  files: PartEntry[];
}

/**
 * Writes OUT/part.json for a shard's files, given each file's outcome summary, the paths whose
 * records are already in OUT/reports, and a loader of the whole outcome of any other file that
 * gave a record (a duplicate this shard set aside).
 */
export async function writePart(
  out: string,
  part: { shard: Shard; input: string; extractor: string },
  summaries: readonly { path: string; summary: FileSummary }[],
  written: ReadonlySet<string>,
  load: (rel: string) => Promise<Extract<FileOutcome, { ok: true }>>,
): Promise<void> {
  const files: PartEntry[] = [];
  for (const { path: rel, summary: s } of summaries) {
    if (!s.ok) files.push({ path: rel, ok: false, error: s.error });
    else if (written.has(rel)) files.push({ path: rel, ok: true, id: s.id, warnings: s.warnings });
    // A duplicate this shard set aside may still matter to the merge's messages: keep it whole.
    else files.push({ path: rel, ok: true, outcome: await load(rel) });
  }
  const content: Part = { ...part, files };
  await writeFile(path.resolve(out, 'part.json'), JSON.stringify(content) + '\n');
}

/** Returns a part's outcomes, records and texts read back from its folder. */
async function readPart(dir: string): Promise<{ part: Part; outcomes: FileOutcome[] }> {
  const part = JSON.parse(await readFile(path.join(dir, 'part.json'), 'utf8')) as Part;
  const outcomes: FileOutcome[] = [];
  for (const e of part.files) {
    if (!e.ok) outcomes.push(e);
    else if ('outcome' in e) outcomes.push(e.outcome);
    else {
      const record = JSON.parse(await readFile(path.join(dir, 'reports', `${e.id}.json`), 'utf8')) as ReportRecord;
      const text = await readFile(path.join(dir, 'text', `${e.id}.txt`), 'utf8');
      outcomes.push({ path: e.path, ok: true, record, warnings: e.warnings, text });
    }
  }
  return { part, outcomes };
}

/**
 * Merges shard outputs into one output folder, as one run over the whole corpus would have written
 * it. Throws a UsageError when the parts are not the n distinct shards of one corpus.
 * @returns the merged manifest and records.
 */
export async function mergeParts(dirs: readonly string[], out: string): Promise<{ manifest: Manifest; records: ReportRecord[] }> {
  const parts = await Promise.all(dirs.map(readPart));
  const count = parts[0]?.part.shard.count;
  const input = parts[0]?.part.input;
  const indexes = parts.map((p) => p.part.shard.index).sort((a, b) => a - b);
  if (!count || parts.some((p) => p.part.shard.count !== count || p.part.input !== input) || indexes.join() !== Array.from({ length: count }, (_, i) => i).join()) {
    const got = parts.map((p) => `${p.part.shard.index}/${p.part.shard.count} of ${p.part.input}`).join(', ');
    throw new UsageError(`需要同一输入的全部 ${count ?? 'n'} 个分片 0…n-1，收到 ${got} (extract:merge needs the ${count ?? 'n'} shards 0…n-1 of one input; got ${got})`);
  }
  const result = buildManifest(describeInput(input!, process.cwd()), parts.flatMap((p) => p.outcomes));
  // Records get tokens (a later extract into this folder can skip them) only when one extractor version made them all.
  const versions = new Set(parts.map((p) => p.part.extractor));
  const extractor = versions.size === 1 ? [...versions][0] : undefined;
  await writeOutput(out, { ...result, extractor });
  return { manifest: result.manifest, records: result.records };
}
