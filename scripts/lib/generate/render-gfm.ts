/**
 * Tables as GFM pipe tables (sample 003, a Word file converted to Markdown): merged cells become
 * empty cells, so the figures of the withheld/unavailable/… blocks sit one column to the right of
 * the other rows' figures, and rows have ragged lengths.
 */
import type { Figures } from './figures.ts';
import { organisationHeaders, printedRequestRows, proactiveBlocks } from './labels.ts';
import type { Rng } from './prng.ts';
import { appealCells, rowCells } from './render-common.ts';
import type { RenderedTables } from './render-types.ts';

const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`.replace(/ {2}\|/g, ' |');
const rule = (n: number, rng: Rng) => `|${Array.from({ length: n }, () => '-'.repeat(rng.int(3, 12))).join('|')}|`;
/** Returns `cells` padded with empty cells to `n`. */
const fill = (cells: readonly string[], n: number) => [...cells, ...Array<string>(Math.max(0, n - cells.length)).fill('')];
/** "1.属于国家秘密" → "1. 属于国家秘密", as the converter spaced the numbered labels. */
const spaced = (label: string) => label.replace(/^(\d)\./, '$1. ');

/** Returns the three tables as GFM pipe tables. */
export function renderGfm(f: Figures, rng: Rng): RenderedTables {
  const a: string[] = [];
  proactiveBlocks(f.edition).forEach((block, i) => {
    // The first article is a table of its own; the others were one table in the source.
    if (i === 1) a.push('');
    a.push(line(fill([block.article], 4)));
    if (i <= 1) a.push(rule(4, rng));
    a.push(line(fill(['信息内容', ...block.headers], 4)));
    for (const row of block.rows) a.push(line(fill([row.label, ...f.proactivePrinted[row.key]!], 4)));
  });

  const b: string[] = [
    line(['（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', '', '申请人情况', '', '', '', '', '', '总计', '']),
    rule(10, rng),
    line(['', '', '自然人', '法人或其他组织', '', '', '', '', '', '']),
    line(['', '', '', ...organisationHeaders(f.edition), '', '']),
  ];
  for (const row of printedRequestRows(f.edition)) {
    const values = rowCells(f.requests[row.key]);
    if (row.key === 'newReceived' || row.key === 'carriedOver' || row.key === 'carriedForward') {
      b.push(line([row.label, '', ...values, '']));
    } else if (row.outer) {
      b.push(line([row.outer, row.label, ...values, '']));
    } else if (row.group) {
      b.push(line(['', row.group, spaced(row.label), ...values]));
    } else if (/^\d/.test(row.label)) {
      b.push(line(['', '', spaced(row.label), ...values]));
    } else {
      b.push(line(['', row.label, ...values, '']));
    }
  }

  const outcomes = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
  const c = [
    line(fill(['行政复议', '', '', '', '', '行政诉讼'], 15)),
    rule(15, rng),
    line(fill(['', '', '', '', '', '未经复议直接起诉', '', '', '', '', '复议后起诉'], 15)),
    line([...outcomes, ...outcomes, ...outcomes]),
    line(appealCells(f.appeals)),
  ];
  return { proactive: a.join('\n'), requests: b.join('\n'), appeals: c.join('\n') };
}
