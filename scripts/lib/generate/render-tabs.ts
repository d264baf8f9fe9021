/**
 * Tables as PDF-to-text converters print them (sample 004): one row per line with tab-separated
 * cells, labels broken by stray spaces ("三、本 年度办 理结果"), half-width brackets, and now and then
 * a row split across a page break, its label's tail on a line of its own.
 */
import type { Figures } from './figures.ts';
import { organisationHeaders, printedRequestRows, proactiveBlocks } from './labels.ts';
import type { Rng } from './prng.ts';
import { appealCells, halfWidthLabel, rowCells, spaceOut } from './render-common.ts';
import type { RenderedTables } from './render-types.ts';

const row = (cells: readonly string[]) => cells.join('\t');
const fill = (cells: readonly string[], n: number) => [...cells, ...Array<string>(Math.max(0, n - cells.length)).fill('')];

/** Returns the three tables as tab-separated rows. */
export function renderTabs(f: Figures, rng: Rng): RenderedTables {
  const spaceP = rng.chance(0.6) ? 0.12 : 0;
  const label = (text: string) => spaceOut(rng, halfWidthLabel(text), spaceP);

  const a: string[] = [];
  for (const block of proactiveBlocks(f.edition)) {
    a.push(row(fill([block.article], 4)), row(fill(['信息内容', ...block.headers], 4)));
    for (const r of block.rows) a.push(row(fill([r.label, ...f.proactivePrinted[r.key]!], 4)));
  }

  const b: string[] = [
    row(['(本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和)', '申请人情况', '', '', '', '', '', '总计']),
    row(['', '自然人', '法人或其他组织', '', '', '', '', '']),
    row(['', '', ...organisationHeaders(f.edition), '']),
  ];
  // At most one row of the table is split by a page break.
  let pageBreakUsed = !rng.chance(0.3);
  for (const r of printedRequestRows(f.edition)) {
    const values = rowCells(f.requests[r.key]);
    if (r.outer) b.push('');
    let text = label(r.label);
    let tail: string | null = null;
    if (!pageBreakUsed && [...r.label].length > 20) {
      const chars = [...text];
      const at = chars.length - rng.int(4, 8);
      if (/\p{Script=Han}/u.test(chars[at]!)) {
        [text, tail] = [chars.slice(0, at).join(''), chars.slice(at).join('')];
        pageBreakUsed = true;
      }
    }
    if (r.key === 'newReceived' || r.key === 'carriedOver') b.push(row([text, ...values]));
    else if (r.key === 'carriedForward') b.push(row([text, '', '', ...values]));
    else if (r.outer) b.push(row([label(r.outer), text, ...values, '']));
    else if (r.group) b.push(row(['', label(r.group), text, ...values]));
    else if (/^\d/.test(r.label) || r.key === 'total') b.push(row(['', '', text, ...values]));
    else b.push(row(['', text, ...values, '']));
    if (tail) b.push('', row(['', '', tail, '', '', '', '', '', '', '']));
  }

  const outcomes = ['结果 维持', '结果 纠正', '其他 结果', '尚未 审结', '总计'];
  const c = [
    row(fill(['行政复议', '', '', '', '', '行政诉讼'], 16)),
    row(fill([...outcomes, '未经复议直接起诉', '', '', '', '', '复议后起诉'], 16)),
    row(['', '', '', '', '', ...outcomes, ...outcomes, '']),
    row(appealCells(f.appeals)),
  ];
  return { proactive: a.join('\n'), requests: b.join('\n'), appeals: c.join('\n') };
}
