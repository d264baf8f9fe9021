import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { addFigureTitles, describeFigureCell, FIGURE_WORDS } from '../../src/client/figure-titles.ts';
import { dictionary, LANGS } from '../../src/lib/i18n/index.ts';

/** Table B's header as RequestsTable lays it out: two rows, spans, the figures after the row label. */
const REQUESTS = `<table><thead>
  <tr><th scope="col" rowspan="2">项目</th><th scope="col" rowspan="2">自然人</th><th scope="colgroup" colspan="5">法人或其他组织</th><th scope="col" rowspan="2">总计</th></tr>
  <tr><th scope="col">商业企业</th><th scope="col">科研机构</th><th scope="col">社会公益组织</th><th scope="col">法律服务机构</th><th scope="col">其他</th></tr>
</thead><tbody>
  <tr class="group"><th scope="rowgroup" colspan="8">三、本年度办理结果</th></tr>
  <tr><th scope="row">（一）予以公开</th><td class="num" data-value="7"><a href="#L40">7</a></td><td class="num" data-value="3"><a href="#L40">3</a></td><td class="num absent" data-value=""><span aria-label="缺失">—</span></td><td></td><td></td><td></td><td class="num" data-value="10">10</td></tr>
</tbody></table>`;

/** Table A as ProactiveTable lays it out: the column headers repeated in the body, above the rows they label. */
const PROACTIVE = `<table><tbody>
  <tr class="group"><th scope="col">信息内容</th><th scope="col">本年制发件数</th><th scope="col">本年废止件数</th></tr>
  <tr><th scope="row">规章</th><td class="num" data-value="2"><a href="#L21">2</a></td><td class="num" data-value="0"><a href="#L21">0</a></td></tr>
  <tr class="group"><th scope="col">信息内容</th><th scope="col">处理决定数量</th></tr>
  <tr><th scope="row">行政许可</th><td class="num" data-value="" ><span>—</span></td></tr>
</tbody></table>`;

const cells = (html: string) => {
  const { document } = parseHTML(`<!doctype html><html lang="zh-CN"><body>${html}</body></html>`);
  return { document, cells: [...document.querySelectorAll('td[data-value]')] };
};

describe('describeFigureCell', () => {
  it('names the row, the column under a spanning header, and the source line', () => {
    const { cells: c } = cells(REQUESTS);
    expect(describeFigureCell(c[0]!, 'zh')).toBe('（一）予以公开·自然人 (原文第 40 行)');
    expect(describeFigureCell(c[1]!, 'zh')).toBe('（一）予以公开·商业企业 (原文第 40 行)');
    expect(describeFigureCell(c[2]!, 'zh')).toBe('（一）予以公开·科研机构: 报告中没有此数');
    // A figure without a source line: the row and column only.
    expect(describeFigureCell(c[3]!, 'en')).toBe('（一）予以公开·总计');
  });

  it('takes the column from the nearest header row above when the body repeats its headers', () => {
    const { cells: c } = cells(PROACTIVE);
    expect(describeFigureCell(c[1]!, 'zh')).toBe('规章·本年废止件数 (原文第 21 行)');
    expect(describeFigureCell(c[2]!, 'en')).toBe('行政许可·处理决定数量: not in the report');
  });
});

describe('addFigureTitles', () => {
  it('gives a cell its title when pointed at, once per page however many tables load it', () => {
    const { document, cells: c } = cells(REQUESTS);
    addFigureTitles(document);
    addFigureTitles(document);
    expect(c[0]!.hasAttribute('title')).toBe(false);
    c[0]!.firstElementChild!.dispatchEvent(new document.defaultView!.Event('pointerover', { bubbles: true }));
    expect(c[0]!.getAttribute('title')).toBe('（一）予以公开·自然人 (原文第 40 行)');
  });
});

describe('the tooltip words', () => {
  it('are the dictionaries\' words, for every language', () => {
    for (const lang of LANGS) {
      expect(FIGURE_WORDS[lang].notInReport).toBe(dictionary(lang).notInReport);
      expect(FIGURE_WORDS[lang].line(98)).toBe(dictionary(lang).line(98));
    }
  });

  it('name the line of a link to another page\'s text (the English report links to the Chinese one)', () => {
    const { document } = parseHTML(`<table><thead><tr><th scope="col">Item</th><th scope="col">Total</th></tr></thead><tbody><tr><th scope="row">Granted</th><td class="num" data-value="10"><a href="/reports/x-2023/#L40">10</a></td></tr></tbody></table>`);
    expect(describeFigureCell(document.querySelector('td')!, 'en')).toBe('Granted·Total (source line 40)');
  });
});
