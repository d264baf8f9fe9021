/**
 * A whole generated corpus: N reports by N/5 agencies over five years each, in every layout the
 * extractor reads, in the encodings reports come in, with the answers. A pure function of
 * (count, seed): report i depends only on the seed, i and its agency, so a smaller corpus is a
 * prefix of a larger one with the same seed.
 */
import { createHash } from 'node:crypto';
import iconv from 'iconv-lite';
import { pickAgencies } from './agencies.ts';
import type { Violation } from './figures.ts';
import { createRng } from './prng.ts';
import { generateReport, type Layout, type ReportAnswer } from './report.ts';

/** Bump when the generator's output changes, so cached corpora are regenerated. */
export const GENERATOR_VERSION = '2';

export type Encoding = 'utf-8' | 'utf-8-bom' | 'gb18030' | 'utf-16le';

/** The answer for one file: the report's true values plus how the file was written. */
export interface FileAnswer extends ReportAnswer {
  encoding: Encoding;
  format: 'text' | 'markdown' | 'html';
}

export interface CorpusAnswers {
  generator: string;
  seed: string;
  count: number;
  /** By path relative to the corpus root, in sorted order. */
  files: Record<string, FileAnswer>;
}

/**
 * Returns answers.json in pieces, one per file: the same text as `JSON.stringify(answers, null, 1)`,
 * which at 100,000 reports is longer than a JavaScript string can be.
 */
export function* formatAnswers(answers: CorpusAnswers): Generator<string> {
  const { files, ...header } = answers;
  const head = JSON.stringify(header, null, 1);
  const paths = Object.keys(files);
  if (paths.length === 0) {
    yield `${head.slice(0, -2)},\n "files": {}\n}`;
    return;
  }
  yield `${head.slice(0, -2)},\n "files": {\n`;
  for (const [i, file] of paths.entries()) {
    const value = JSON.stringify(files[file], null, 1).replaceAll('\n', '\n  ');
    yield `  ${JSON.stringify(file)}: ${value}${i < paths.length - 1 ? ',' : ''}\n`;
  }
  yield ' }\n}';
}

export interface GeneratedFile {
  /** Relative path with forward slashes. */
  path: string;
  bytes: Uint8Array;
}

const YEARS_PER_AGENCY = 5;
const VIOLATIONS: readonly Violation[] = ['balance', 'rowSum', 'dispositionSum', 'appealSum', 'narrative'];

/** Returns the bytes of `text` in an encoding (BOMs written as the decoder expects them). */
function encode(text: string, encoding: Encoding): Uint8Array {
  switch (encoding) {
    case 'utf-8': return Buffer.from(text, 'utf8');
    case 'utf-8-bom': return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    case 'gb18030': return iconv.encode(text, 'gb18030');
    case 'utf-16le': return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
  }
}

/** Returns report `index` of the corpus: its file and its answer. */
export function generateFile(seed: string, index: number, agencies: ReturnType<typeof pickAgencies>, width: number): { file: GeneratedFile; answer: FileAnswer } {
  const rng = createRng(`${seed}/report/${index}`);
  const agency = agencies[Math.floor(index / YEARS_PER_AGENCY)]!;
  // Each agency reports for five consecutive years from 2019 or 2020: both template editions.
  const firstYear = createRng(`${seed}/first-year/${agency.name}`).chance(0.5) ? 2019 : 2020;
  const year = firstYear + (index % YEARS_PER_AGENCY);
  const layout = rng.weighted<Layout>([['prose', 3], ['cells', 25], ['gfm', 24], ['tabs', 24], ['html', 24]]);
  const violation = layout !== 'prose' && rng.chance(0.03) ? rng.pick(VIOLATIONS) : null;
  const { text, answer } = generateReport(rng, { agency, year, layout, violation });
  // Web pages come as UTF-8 or as GB2312-declared GBK (read as GB18030), never as UTF-16.
  const encoding = layout === 'html'
    ? rng.weighted<Encoding>([['utf-8', 85], ['gb18030', 15]])
    : rng.weighted<Encoding>([['utf-8', 88], ['utf-8-bom', 4], ['gb18030', 6], ['utf-16le', 2]]);
  // Word exports often keep Windows line ends.
  const crlf = (layout === 'cells' || layout === 'prose') && rng.chance(0.15);
  const declared = layout === 'html' && encoding === 'gb18030' ? text.replace('<meta charset="utf-8">', '<meta charset="gb2312">') : text;
  const bytes = encode(crlf ? declared.replace(/\n/g, '\r\n') : declared, encoding);
  const format = layout === 'html' ? 'html' : layout === 'gfm' && rng.chance(0.5) ? 'markdown' : 'text';
  const extension = { html: rng.pick(['html', 'htm']), markdown: 'md', text: 'txt' }[format];
  const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 16);
  const path = `${agency.region.code!.slice(0, 2)}/${String(index).padStart(width, '0')}_${hash}.${extension}`;
  return { file: { path, bytes }, answer: { ...answer, encoding, format } };
}

/** Returns the files of a corpus of `count` reports and their answers. */
export function generateCorpus(count: number, seed: string): { files: GeneratedFile[]; answers: CorpusAnswers } {
  const agencies = pickAgencies(createRng(`${seed}/agencies`), Math.ceil(count / YEARS_PER_AGENCY));
  const width = Math.max(3, String(count - 1).length);
  const files: GeneratedFile[] = [];
  const byPath: Record<string, FileAnswer> = {};
  for (let i = 0; i < count; i++) {
    const { file, answer } = generateFile(seed, i, agencies, width);
    files.push(file);
    byPath[file.path] = answer;
  }
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const sorted = Object.fromEntries(files.map((f) => [f.path, byPath[f.path]!]));
  return { files, answers: { generator: GENERATOR_VERSION, seed, count, files: sorted } };
}
