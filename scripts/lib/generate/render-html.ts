/**
 * Tables as a government website publishes them: Word's HTML export inside the site's page, every
 * cell a `<td>` holding a `<p class="MsoNormal">`, the template's merged cells as rowspan/colspan
 * (the 三、本年度办理结果 and （三）不予公开 blocks, the applicant header, table C's groups).
 */
import type { Figures } from './figures.ts';
import { organisationHeaders, printedRequestRows, proactiveBlocks } from './labels.ts';
import type { Rng } from './prng.ts';
import { appealCells, rowCells } from './render-common.ts';
import type { RenderedTables } from './render-types.ts';

/** Returns text with the five HTML-special characters escaped. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** Returns one Word-exported cell. */
function td(text: string, span: { rows?: number; cols?: number } = {}, align = 'center'): string {
  const attrs = `${span.rows && span.rows > 1 ? ` rowspan="${span.rows}"` : ''}${span.cols && span.cols > 1 ? ` colspan="${span.cols}"` : ''}`;
  return `<td valign="center"${attrs}><p class="MsoNormal" align="${align}">${escapeHtml(text)}<o:p></o:p></p></td>`;
}

const table = (rows: string[]) => `<table class="MsoNormalTable" border="1" cellspacing="0">\n<tbody>\n${rows.map((r) => `<tr>${r}</tr>`).join('\n')}\n</tbody>\n</table>`;

/** Returns the three tables as Word-exported HTML tables. */
export function renderHtml(f: Figures, _rng: Rng): RenderedTables {
  const a: string[] = [];
  for (const block of proactiveBlocks(f.edition)) {
    a.push(td(block.article, { cols: 4 }, 'left'));
    const wide = 4 - block.headers.length; // the last header spans what is left of the 4 columns
    a.push(td('信息内容') + block.headers.map((h, i) => td(h, { cols: i === block.headers.length - 1 ? wide : 1 })).join(''));
    for (const row of block.rows) {
      const cells = f.proactivePrinted[row.key]!;
      a.push(td(row.label) + cells.map((t, i) => td(t, { cols: i === cells.length - 1 ? wide : 1 })).join(''));
    }
  }

  const rows = printedRequestRows(f.edition);
  const blockSize = (from: number) => {
    let n = 1;
    while (rows[from + n] && !rows[from + n]!.group && /^[2-9]/.test(rows[from + n]!.label)) n++;
    return n;
  };
  const dispositions = rows.filter((r) => !['newReceived', 'carriedOver', 'carriedForward'].includes(r.key)).length;
  const b: string[] = [
    td('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', { rows: 3, cols: 3 }) + td('申请人情况', { cols: 7 }),
    td('自然人', { rows: 2 }) + td('法人或其他组织', { cols: 5 }) + td('总计', { rows: 2 }),
    organisationHeaders(f.edition).map((h) => td(h)).join(''),
  ];
  rows.forEach((r, i) => {
    const values = rowCells(f.requests[r.key]).map((v) => td(v)).join('');
    if (['newReceived', 'carriedOver', 'carriedForward'].includes(r.key)) b.push(td(r.label, { cols: 3 }, 'left') + values);
    else if (r.outer) b.push(td(r.outer, { rows: dispositions }) + td(r.label, { cols: 2 }, 'left') + values);
    else if (r.group) b.push(td(r.group, { rows: blockSize(i) }) + td(r.label, {}, 'left') + values);
    else if (/^[2-9]/.test(r.label)) b.push(td(r.label, {}, 'left') + values);
    else b.push(td(r.label, { cols: 2 }, 'left') + values);
  });

  const outcomes = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
  const c = [
    td('行政复议', { cols: 5 }) + td('行政诉讼', { cols: 10 }),
    outcomes.map((o) => td(o, { rows: 2 })).join('') + td('未经复议直接起诉', { cols: 5 }) + td('复议后起诉', { cols: 5 }),
    [...outcomes, ...outcomes].map((o) => td(o)).join(''),
    appealCells(f.appeals).map((v) => td(v)).join(''),
  ];
  return { proactive: table(a), requests: table(b), appeals: table(c) };
}
