/**
 * Crawled text: a web page saved by a crawler as one long line, its table cells glued together
 * with no separator ("（一）予以公开610100062"). This module gives such a line back its structure —
 * title, section headings and sentences on lines of their own, each table row on a line with its
 * label and its cells tab-separated — splitting a glued run of digits only where the split is
 * unique: the run must make exactly as many numbers as the row has cells (no leading zeros), and
 * of the splits possible, exactly one may satisfy the template's arithmetic (table B: each row's
 * six applicant columns add up to 总计, and across rows 第一项+第二项=第三项+第四项 and the
 * dispositions add up to （七）总计; table C: 维持+纠正+其他+尚未审结=总计 in each group). Table A
 * has no arithmetic: a run is split only when one split is possible at all. A run not split is
 * left out (its cells null) and a note line says why (see `EXTRACTOR_NOTE`).
 */
import { PROACTIVE_ROWS, listDispositionRows, type RequestRowKey } from '../../template.ts';
import { canonicalLabel } from '../normalize.ts';
import { createMessage, messageSchema, type Message } from '../../schema/message.ts';
import { isRequestRowLabel, matchRequestLabel } from '../tables/requests.ts';

/**
 * Starts a line the extractor added to explain a reading; extract-report.ts moves it into the
 * record's messages. It begins with a private-use character that formats.ts removes from every
 * report's own text, so a report cannot write messages of its own.
 */
export const NOTE_MARK = '\uE000';
export const EXTRACTOR_NOTE = `${NOTE_MARK}提取说明：`;

/** Returns the note line of a message: the mark, then the message as JSON (read back by readExtractorNote). */
export function writeExtractorNote(message: Message): string {
  return EXTRACTOR_NOTE + JSON.stringify(message);
}

/** Returns the message a note line (starting with `EXTRACTOR_NOTE`) holds. */
export function readExtractorNote(line: string): Message {
  return messageSchema.parse(JSON.parse(line.slice(EXTRACTOR_NOTE.length)));
}

const SECTION = /[一二三四五六][、.．](?:总体情况|概述|(?:行政机关)?主动公开政府信息(?:的)?情况|收到和处理政府信息公开申请(?:的)?情况|因?(?:政府信息公开)?(?:工作)?被?(?:申请)?行政法?复议[、与和及]?(?:提起)?行政诉讼(?:的)?情况|(?:政府信息公开工作)?存在的主要问题及改进情况|其他需要报告的事项)/g;
const TABLE_A_LABELS = [...new Set(Object.values(PROACTIVE_ROWS).flatMap((rows) => rows.flatMap((r) => [r.zh, ...(r.aliases ?? [])])))].sort((a, b) => b.length - a.length);
/** Enumeration budget per run: more candidate splits than this are not searched (treated as not unique). */
const BUDGET = 200_000;

/** True when the text holds a crawled page: a line of 400+ characters carrying two or more section headings. */
export function isCrawledText(text: string): boolean {
  return text.split(/\r\n|\r|\n/).some((line) => line.length >= 400 && (line.match(SECTION) ?? []).length >= 2);
}

/** Returns the text with every crawled line laid out again (other lines unchanged). */
export function reflowCrawledText(text: string): string {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => (line.length >= 400 && (line.match(SECTION) ?? []).length >= 2 ? reflowLine(line).join('\n') : line))
    .join('\n');
}

/** Returns the lines of one crawled page. */
function reflowLine(line: string): string[] {
  const out: string[] = [];
  const marks = [...line.matchAll(SECTION)].map((m) => ({ index: m.index, text: m[0] }));
  // Before the first heading: the title (up to 年度报告) and the preamble's sentences.
  const head = line.slice(0, marks[0]?.index ?? line.length);
  const title = /^(.{4,80}?(?:年度报告|年报))(.*)$/.exec(head.trim());
  if (title) out.push(title[1]!, ...sentences(title[2]!));
  else out.push(...sentences(head));
  marks.forEach((mark, i) => {
    const body = line.slice(mark.index + mark.text.length, marks[i + 1]?.index ?? line.length);
    out.push(mark.text);
    const key = /主动公开/.test(mark.text) ? 'proactive' : /收到和处理/.test(mark.text) ? 'requests' : /复议/.test(mark.text) ? 'appeals' : null;
    out.push(...(key ? tableLines(key, body) : sentences(body)));
  });
  return out.filter((l) => l.trim() !== '');
}

function sentences(text: string): string[] {
  return text.split(/(?<=[。；])/).map((s) => s.trim()).filter(Boolean);
}

/** A run of figures: its digits without the spaces, as printed, and its space-separated tokens. */
type Part = { kind: 'text'; text: string } | { kind: 'run'; digits: string; raw: string; tokens: string[] };

/**
 * Returns the text split into words and digit runs. A digit before "." that starts a label
 * (2.重复申请) stays with the label. Runs separated only by spaces are one run: crawlers put stray
 * spaces inside and between cells ("20 0 0 0 02" is 2,0,0,0,0,0,2), so a space says nothing about
 * where a cell ends and only the template's arithmetic can split the run.
 */
function partsOf(text: string): Part[] {
  const parts: Part[] = [];
  const re = /\d+(?:\.\d+(?!\D?[\u4e00-\u9fff]))?/g;
  let last = 0;
  const pushText = (t: string) => {
    if (!t) return;
    const prev = parts.at(-1);
    if (prev?.kind === 'text') prev.text += t;
    else parts.push({ kind: 'text', text: t });
  };
  for (const m of text.matchAll(re)) {
    let digits = m[0];
    let ordinal = '';
    const next = text[m.index + digits.length];
    if ((next === '.' || next === '．' || next === '、') && /^\d+$/.test(digits)) {
      ordinal = digits.slice(-1);
      digits = digits.slice(0, -1);
    }
    const between = text.slice(last, m.index);
    const prev = parts.at(-1);
    if (digits && prev?.kind === 'run' && /^[ \u3000\u00a0]+$/.test(between)) {
      prev.digits += digits;
      prev.raw += between + digits;
      prev.tokens.push(digits);
    } else {
      pushText(between);
      if (digits) parts.push({ kind: 'run', digits, raw: digits, tokens: [digits] });
    }
    pushText(ordinal);
    last = m.index + m[0].length;
  }
  pushText(text.slice(last));
  return parts;
}

interface Pending {
  label: string;
  digits: string;
  /** The run's space-separated tokens, as printed. */
  tokens: string[];
  /** A unit printed right after the figures (万元, 元), kept with the last cell. */
  unit: string;
  /** Candidate splits (each a list of numbers as printed). */
  splits: readonly string[][];
  key?: RequestRowKey;
}

/** A number as one cell: digits without a leading zero, or a decimal (18651.064104). */
const ONE_NUMBER = /^(?:0|[1-9]\d*)(?:\.\d+)?$/;

/**
 * Returns the lines of a table section's crawled body. A digit run is a row's cells only when the
 * text before it ends with one of the table's row labels (table C: with its header, 总计); every
 * other run is prose (共收到申请3条) and stays in its sentence.
 */
function tableLines(table: 'proactive' | 'requests' | 'appeals', body: string): string[] {
  const parts = partsOf(body);
  const items: (string | Pending)[] = [];
  let text = '';
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i]!;
    const next = parts[i + 1];
    if (p.kind === 'text' && next?.kind === 'run') {
      const cut = cutLabel(table, text + p.text);
      if (cut) {
        if (cut.prefix) items.push(cut.prefix);
        const after = parts[i + 2];
        const unit = after?.kind === 'text' ? (/^[ \u3000\u00a0]*(万元|亿元|元)/.exec(after.text)?.[1] ?? '') : '';
        if (unit && after?.kind === 'text') after.text = after.text.replace(/^[ \u3000\u00a0]*(万元|亿元|元)/, '');
        items.push({ label: cut.label, digits: next.digits, tokens: next.tokens, unit, splits: [] });
        text = '';
        i++;
        continue;
      }
    }
    text += p.kind === 'text' ? p.text : p.raw;
  }
  if (text) items.push(text);
  const rows = items.filter((x): x is Pending => typeof x !== 'string');

  const notes: Map<Pending, Message> = new Map();
  if (table === 'proactive') {
    const edition = /本年新制作数量|上一年项目数量|对外公开总数量/.test(body) ? '2019' : '2021';
    for (const row of rows) {
      const label = canonicalLabel(row.label);
      const spec = PROACTIVE_ROWS[edition].find((s) => s.zh === label || s.aliases?.includes(label));
      const width = spec?.columns.length ?? 0;
      if (!width) continue;
      // Table A has no arithmetic: a run is read when its spaces separate exactly its cells, or
      // when one split is possible at all.
      row.splits = spacedCells(row, width, () => true) ?? (width === 1 ? (ONE_NUMBER.test(row.digits) ? [[row.digits]] : []) : splits(row.digits, width, () => true));
      if (row.splits.length !== 1) {
        notes.set(row, createMessage('proactiveRunUnsplit', { label: row.label, digits: row.digits, width, splits: row.splits.length, examples: row.splits.slice(0, 2).map((s) => s.join(' / ')) }));
      }
    }
  } else if (table === 'requests') {
    for (const row of rows) {
      row.key = matchRequestLabel(canonicalLabel(row.label), new Set(rows.filter((r) => r.key).map((r) => r.key!))) ?? undefined;
      if (!row.key) continue;
      const sums = (n: number[]) => n.slice(0, 6).reduce((a, b) => a + b, 0) === n[6];
      row.splits = spacedCells(row, 7, sums) ?? arithmeticSplits(row.digits, 7, sums);
    }
    resolveRequests(rows.filter((r) => r.key), notes);
  } else {
    for (const row of rows) {
      const sums = (n: number[]) => [0, 5, 10].every((g) => n[g]! + n[g + 1]! + n[g + 2]! + n[g + 3]! === n[g + 4]);
      row.splits = spacedCells(row, 15, sums) ?? arithmeticSplits(row.digits, 15, sums);
      if (row.splits.length !== 1) {
        notes.set(row, createMessage('appealsRunUnsplit', { digits: row.digits, splits: row.splits.length }));
      }
    }
  }

  const out: string[] = [];
  for (const item of items) {
    if (typeof item === 'string') {
      out.push(...sentences(item));
      continue;
    }
    const note = notes.get(item);
    const cells = !note && item.splits.length === 1 ? item.splits[0]! : null;
    if (table === 'appeals') {
      // Table C's figures follow its header row.
      if (item.label) out.push(`${item.label}\t`);
      if (cells) out.push(cells.join('\t'));
    } else if (cells) {
      out.push([item.label, ...cells.slice(0, -1), cells.at(-1)! + item.unit].join('\t'));
    } else {
      out.push(item.label);
    }
    if (note) out.push(writeExtractorNote(note));
  }
  return out;
}

/**
 * Returns the row's cells as its spaces separate them — when there are exactly `count` tokens, each
 * a number as printed (no leading zero) and together satisfying the row's arithmetic — or
 * undefined. Crawlers' spaces are unreliable ("20 0 0 0 02"), so a token count that does not fit
 * falls back to splitting the digits.
 */
function spacedCells(row: Pending, count: number, accept: (numbers: number[]) => boolean): string[][] | undefined {
  if (row.tokens.length !== count || !row.tokens.every((t) => ONE_NUMBER.test(t))) return undefined;
  return accept(row.tokens.map(Number)) ? [row.tokens] : undefined;
}

/** Table C's header ends with the last group's 总计; the 15 figures follow it. */
const APPEALS_HEADER_END = /(?:尚未审结|审结)?总计\s*$/;

/**
 * Returns the row label the text ends with and the text before it (headers, group labels), or
 * null when the text ends with no label of the table.
 */
function cutLabel(table: 'proactive' | 'requests' | 'appeals', text: string): { prefix: string; label: string } | null {
  if (table === 'proactive') {
    const label = TABLE_A_LABELS.find((l) => canonicalLabel(text).endsWith(l));
    if (!label) return null;
    // Cut in the printed text: drop characters from the end until the label is consumed.
    let k = text.length;
    while (k > 0 && canonicalLabel(text.slice(k)) !== label) k--;
    return { prefix: text.slice(0, k), label: text.slice(k) };
  }
  if (table === 'requests') {
    // The tail from the last ordinal (一、 （一） 1.) that names a row. Labels printed without
    // figures (…3.其他（七）总计1000001) stay before it as text: their cells are blank, and the
    // figures belong to the last label, the one they follow.
    const ordinals = [...text.matchAll(/[一二三四]、|（[一二三四五六七]）|\([一二三四五六七]\)|\d[.．]/g)].reverse();
    for (const m of ordinals) {
      const tail = text.slice(m.index);
      if (tail.length > 60) break;
      if (isRequestRowLabel(canonicalLabel(tail))) return { prefix: text.slice(0, m.index), label: tail };
    }
    return null;
  }
  return APPEALS_HEADER_END.test(text) && /复议|诉讼/.test(text) ? { prefix: '', label: text } : null;
}

/**
 * Returns the splits of `digits` into `count` numbers to choose from: the only split when there is
 * one at all (as many digits as cells: every cell one digit, whatever the arithmetic says — a
 * report whose sums are wrong is read as printed and its check fails), otherwise those that
 * satisfy the row's arithmetic.
 */
function arithmeticSplits(digits: string, count: number, accept: (numbers: number[]) => boolean): readonly string[][] {
  const all = splits(digits, count, () => true);
  if (all.length === 1 || all === TOO_MANY) return all;
  return all.filter((s) => accept(s.map(Number)));
}

/**
 * What `splits` returns when the enumeration budget ran out: two empty readings, so that it counts
 * as not unique everywhere a length is compared, and no arithmetic accepts it (its cells are not
 * numbers). Compared by identity.
 */
export const TOO_MANY: readonly string[][] = Object.freeze([Object.freeze([]) as unknown as string[], Object.freeze([]) as unknown as string[]]);

/**
 * Returns every way to cut `digits` into `count` numbers without leading zeros that `accept`s, in
 * order; `TOO_MANY` when there are more than the budget allows to count.
 */
export function splits(digits: string, count: number, accept: (numbers: number[]) => boolean): readonly string[][] {
  const found: string[][] = [];
  let steps = 0;
  const parts: string[] = [];
  const walk = (at: number): boolean => {
    if (++steps > BUDGET) return false;
    if (parts.length === count) {
      if (at === digits.length && accept(parts.map(Number))) found.push([...parts]);
      return true;
    }
    const left = count - parts.length;
    for (let len = 1; len <= Math.min(9, digits.length - at - (left - 1)); len++) {
      const piece = digits.slice(at, at + len);
      if (len > 1 && piece.startsWith('0')) break;
      parts.push(piece);
      const ok = walk(at + len);
      parts.pop();
      if (!ok) return false;
    }
    return true;
  };
  if (!walk(0)) return TOO_MANY;
  return found;
}

/**
 * Chooses one split per table-B row: a row with one split that sums to its 总计 keeps it; rows with
 * several are decided by the column equations (balance, dispositions) when exactly one combination
 * satisfies them. Rows left undecided get a note.
 */
function resolveRequests(rows: Pending[], notes: Map<Pending, Message>): void {
  const byKey = new Map(rows.map((r) => [r.key!, r]));
  const ambiguous = rows.filter((r) => r.splits.length > 1);
  const edition = byKey.has('otherHandling') && !byKey.has('otherNoCorrection') ? '2019' : '2021';
  const dispositions = listDispositionRows(edition).map((r) => r.key);
  const column = (choice: Map<Pending, string[]>, key: RequestRowKey, c: number): number | null => {
    const row = byKey.get(key);
    if (!row) return null;
    const split = choice.get(row) ?? (row.splits.length === 1 ? row.splits[0] : undefined);
    return split ? Number(split[c]) : null;
  };
  const consistent = (choice: Map<Pending, string[]>): boolean => {
    for (let c = 0; c < 7; c++) {
      const [a = null, b = null, t = null, f = null] = (['newReceived', 'carriedOver', 'total', 'carriedForward'] as const).map((k) => column(choice, k, c));
      if (a === null || b === null || t === null || f === null || a + b !== t + f) return false;
      const d = dispositions.map((k) => column(choice, k, c));
      if (d.some((x) => x === null) || d.reduce((s, x) => s! + x!, 0) !== t) return false;
    }
    return true;
  };
  let solutions: Map<Pending, string[]>[] = [];
  if (ambiguous.length && ambiguous.reduce((n, r) => n * r.splits.length, 1) <= BUDGET) {
    const choose = (i: number, choice: Map<Pending, string[]>) => {
      if (solutions.length > 1) return;
      if (i === ambiguous.length) {
        if (consistent(choice)) solutions.push(new Map(choice));
        return;
      }
      for (const s of ambiguous[i]!.splits) {
        choice.set(ambiguous[i]!, s);
        choose(i + 1, choice);
      }
      choice.delete(ambiguous[i]!);
    };
    choose(0, new Map());
  } else if (ambiguous.length) {
    solutions = [new Map(), new Map()];
  }
  for (const r of rows) {
    if (r.splits.length === 0) {
      notes.set(r, createMessage('requestsRunUnsplit', { row: r.key ?? r.label, digits: r.digits }));
    } else if (r.splits.length > 1) {
      if (solutions.length === 1) {
        r.splits = [solutions[0]!.get(r)!];
      } else {
        notes.set(r, createMessage('requestsRunAmbiguous', { row: r.key ?? r.label, digits: r.digits, splits: r.splits === TOO_MANY ? null : r.splits.length, checked: solutions.length > 0 }));
      }
    }
  }
}
