#!/usr/bin/env node
/**
 * npm run corpus:generate -- --count N --out DIR [--seed S]
 * Writes N generated annual reports under DIR/reports (by province code: the corpus to extract) and
 * DIR/answers.json with the true values of every file, keyed by its path under DIR/reports. The same
 * count and seed always give the same bytes.
 */
import { createWriteStream } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { formatAnswers, generateCorpus } from '../src/lib/generate/corpus.ts';

const { values } = parseArgs({
  options: {
    count: { type: 'string' },
    out: { type: 'string' },
    seed: { type: 'string', default: 'nianbao' },
  },
});
const count = Number(values.count);
if (!Number.isInteger(count) || count < 1 || !values.out) {
  process.stderr.write('usage: npm run corpus:generate -- --count N --out DIR [--seed S]\n');
  process.exit(2);
}
const started = performance.now();
const out = path.resolve(values.out);
const { files, answers } = generateCorpus(count, values.seed!);
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
process.stderr.write(`corpus:generate: ${count} reports (seed ${values.seed}) → ${out} in ${((performance.now() - started) / 1000).toFixed(1)}s\n`);
