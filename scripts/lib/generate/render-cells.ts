/**
 * Tables as Word-to-text converters print them (samples 001, 002): every cell on its own line
 * behind a tab, a blank line between rows, merged cells as empty tab lines, long labels wrapped onto
 * a line without a tab, bookmark markers and full-width padding.
 */
import type { Figures } from './figures.ts';
import { organisationHeaders, printedRequestRows, proactiveBlocks } from './labels.ts';
import type { Rng } from './prng.ts';
import { appealCells, maybeBookmark, pad, rowCells, wrapAt } from './render-common.ts';
import type { RenderedTables } from './render-types.ts';

const cell = (text: string) => `\t${text}`;

/** Returns the three tables in the cell-per-line layout. */
export function renderCells(f: Figures, rng: Rng): RenderedTables {
  const padP = rng.chance(0.5) ? 0.6 : 0;
  const article = (a: string) => (rng.chance(0.3) ? a.replace('第二十条', '第二十条  ') : a);

  const a: string[] = [];
  for (const block of proactiveBlocks(f.edition)) {
    a.push(cell(article(block.article)), '', cell('信息内容'), ...block.headers.map(cell), '');
    for (const row of block.rows) {
      a.push(cell(row.label), ...f.proactivePrinted[row.key]!.map((t) => cell(pad(rng, t, padP))), '');
    }
  }

  const b: string[] = [
    cell('（本列数据的勾稽关系为：第一项加第二项之和，'),
    '等于第三项加第四项之和）',
    cell('申请人情况'),
    '',
    cell(''), cell('自然人'), cell('法人或其他组织'), cell('总计'),
    '',
    cell(''), cell(''), ...organisationHeaders(f.edition).map(cell), cell(''),
    '',
  ];
  for (const row of printedRequestRows(f.edition)) {
    const lead: string[] = [];
    if (row.outer) lead.push(cell(row.outer));
    else if (!['newReceived', 'carriedOver', 'carriedForward'].includes(row.key)) lead.push(cell(''));
    if (row.group) lead.push(cell(row.group));
    else if (/^[2-9]/.test(row.label)) lead.push(cell('')); // later rows of a block: the block's cell is merged
    const wrapped = rng.chance(0.15) ? wrapAt(rng, row.label) : null;
    const label = wrapped ? [cell(maybeBookmark(rng) + wrapped[0]), wrapped[1]] : [cell(maybeBookmark(rng) + row.label)];
    b.push(...lead, ...label, ...rowCells(f.requests[row.key]).map((t) => cell(pad(rng, t, padP / 3))), '');
  }

  const c = [
    cell('行政复议'), cell('行政诉讼'), '',
    cell('结果'), '维持', cell('结果纠正'), cell('其他结果'), cell('尚未'), '审结', cell('总'), '计',
    cell('未经复议直接起诉'), cell(`${maybeBookmark(rng)}复议后起诉`), '',
    cell(''), cell(''), cell(''), cell(''), cell(''),
    cell('结果维持'), cell('结果纠正'), cell('其他'), '结果', cell('尚未'), '审结', cell('总计'),
    cell('结果维持'), cell('结果'), '纠正', cell('其他'), '结果', cell('尚未审结'), cell('总计'), '',
    ...appealCells(f.appeals).map(cell),
  ];
  return { proactive: a.join('\n'), requests: b.join('\n'), appeals: c.join('\n') };
}
