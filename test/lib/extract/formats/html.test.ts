import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { extractReport } from '../../../../src/lib/extract/extract-report.ts';
import { htmlToReportText } from '../../../../src/lib/extract/formats/html.ts';
import { readReportText, sniffHtmlCharset } from '../../../../src/lib/extract/formats/formats.ts';

const page = (body: string, head = '') => `<!DOCTYPE html><html><head><meta charset="utf-8">${head}</head><body>${body}</body></html>`;
const rows = (text: string) => text.split('\n').filter((l) => l.includes('\t'));

describe('htmlToReportText: tables', () => {
  it('writes a row per line, cells tab-separated, a merged position as an empty cell (not repeated)', () => {
    const html = page(`<table>
      <tr><td rowspan="2">三、本年度办理结果</td><td colspan="2">（一）予以公开</td><td>5</td></tr>
      <tr><td rowspan="2">（三）不予公开</td><td>1.属于国家秘密</td><td>7</td></tr>
      <tr><td>x</td><td>2.其他法律行政法规禁止公开</td><td>8</td></tr>
    </table>`);
    expect(rows(htmlToReportText(html))).toEqual([
      '三、本年度办理结果\t（一）予以公开\t5', // a label spanning two columns is one cell
      '\t（三）不予公开\t1.属于国家秘密\t7',
      'x\t\t2.其他法律行政法规禁止公开\t8',
    ]);
  });

  it('merges grid columns that no figure row starts a cell in (商业企业 colspan=2 in every row)', () => {
    const html = page(`<table>
      <tr><td colspan="3" rowspan="3">note</td><td colspan="8">申请人情况</td></tr>
      <tr><td colspan="2">自然人</td><td colspan="5">法人或其他组织</td><td rowspan="2">总计</td></tr>
      <tr><td>&nbsp;</td><td colspan="2">商业企业</td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td></tr>
      <tr><td colspan="3">一、本年新收政府信息公开申请数量</td><td>64</td><td colspan="2">0</td><td>0</td><td>2</td><td>0</td><td>4</td><td>70</td></tr>
    </table>`);
    const last = rows(htmlToReportText(html)).at(-1)!;
    expect(last.split('\t').filter((c) => c !== '')).toEqual(['一、本年新收政府信息公开申请数量', '64', '0', '0', '2', '0', '4', '70']);
    // The label's colspan covers grid columns no figure row starts a cell in: they merge too.
    expect(last.split('\t')).toHaveLength(8);
  });

  it('joins a cell\'s paragraphs and <br>s without line breaks, and &nbsp; is blank', () => {
    const html = page(`<table><tr>
      <td><p>结</p><p>果</p><br>纠<br/>正</td>
      <td><p class="p">&nbsp;</p></td>
      <td><p>1</p><p>2</p></td>
      <td>３<span>\t</span></td>
    </tr></table>`);
    // "1" and "2" in two paragraphs stay two numbers: gluing them would invent 12.
    expect(rows(htmlToReportText(html))).toEqual(['结果纠正\t\t1 2\t３']);
  });

  it('drops rows with no text at all', () => {
    const html = page('<table><tr><td>a</td><td>1</td></tr><tr><td>&nbsp;</td><td> </td></tr><tr><td>b</td><td>2</td></tr></table>');
    expect(rows(htmlToReportText(html))).toEqual(['a\t1', 'b\t2']);
  });

  it('keeps a two-cell row with an empty first cell a row (not a Word cell continued)', () => {
    const html = page('<table><tr><td>行政许可</td><td>3</td></tr><tr><td></td><td>4</td></tr></table>');
    expect(rows(htmlToReportText(html))).toEqual(['行政许可\t3', '\t4\t']);
  });

  it('reads a layout table (one column, or cells holding tables) as ordinary blocks', () => {
    const html = page(`<table><tr><td><p>一、总体情况</p><p>正文</p>
      <table><tr><td>规章</td><td>0</td><td>0</td><td>1</td></tr></table></td></tr></table>`);
    expect(htmlToReportText(html).split('\n')).toEqual(['一、总体情况', '正文', '规章\t0\t0\t1', '']);
  });

  it('finds rows through thead/tbody/tfoot but not those of a nested table', () => {
    const html = page('<table><thead><tr><th>a</th><th>b</th></tr></thead><tbody><tr><td>1</td><td>2</td></tr></tbody><tfoot><tr><td>3</td><td>4</td></tr></tfoot></table>');
    expect(rows(htmlToReportText(html))).toEqual(['a\tb', '1\t2', '3\t4']);
  });

  it('survives absurd spans: every cell’s text in its row, no run of empty columns', () => {
    const html = page('<table><tr><td rowspan="0" colspan="99999">a</td><td rowspan="-3" colspan="x">1</td></tr><tr><td>2</td></tr></table>');
    const text = htmlToReportText(html);
    expect(text.split('\n').filter(Boolean).map((line) => line.split('\t').filter(Boolean))).toEqual([['a', '1'], ['2']]);
    // colspan="99999" does not become 99,999 cells.
    expect(Math.max(...text.split('\n').map((line) => line.split('\t').length))).toBeLessThanOrEqual(3);
  });
});

describe('htmlToReportText: the article', () => {
  const chrome = `<header><a href="/">首页</a></header><nav><ul><li>网站地图</li></ul></nav>
    <script>var x = "一、总体情况";</script><style>p{color:red}</style>`;
  const article = `<div class="TRS_Editor">
    <p>本报告根据《条例》编制。</p><p>一、总体情况</p><p>我局今年主动公开政府信息12条。</p>
    <p>二、主动公开政府信息情况</p><p>三、收到和处理政府信息公开申请情况</p></div>`;
  const footer = '<footer>版权所有</footer><div style="display:none">隐藏</div>';

  it('keeps the article, puts the title first, drops scripts, menus and footers', () => {
    const html = page(`${chrome}<div class="article_title">某某县人民政府2024年政府信息公开工作年度报告</div>${article}${footer}`, '<title>年度报告_某某县政府网</title>');
    expect(htmlToReportText(html).split('\n')).toEqual([
      '某某县人民政府2024年政府信息公开工作年度报告',
      '本报告根据《条例》编制。',
      '一、总体情况',
      '我局今年主动公开政府信息12条。',
      '二、主动公开政府信息情况',
      '三、收到和处理政府信息公开申请情况',
      '',
    ]);
  });

  it('takes the title from <meta name="ArticleTitle"> or the document title when the page prints none', () => {
    const meta = page(article, '<meta name="ArticleTitle" content="某某县人民政府 2024年政府信息公开工作年度报告">');
    expect(htmlToReportText(meta).split('\n')[0]).toBe('某某县人民政府 2024年政府信息公开工作年度报告');
    const title = page(article, '<title>某某县人民政府2024年政府信息公开工作年度报告_某某县政府网</title>');
    expect(htmlToReportText(title).split('\n')[0]).toBe('某某县人民政府2024年政府信息公开工作年度报告');
  });

  it('does not repeat a title the article already prints', () => {
    const html = page(`<h1>某某县人民政府2024年政府信息公开工作年度报告</h1>${article}`);
    expect(htmlToReportText(html).split('\n').filter((l) => l.includes('年度报告'))).toHaveLength(1);
  });

  it('joins a paragraph broken over source lines: no space between Chinese characters, one between words', () => {
    const html = page('<p>政府信息\n   公开 and\n  more</p>');
    expect(htmlToReportText(html)).toBe('政府信息公开 and more\n');
  });

  it('keeps text it cannot place: with no headings, the block with most paragraph text', () => {
    const html = page('<div><p>menu</p></div><div id="main"><p>第一段很长很长的正文。</p><p>第二段。</p></div>');
    expect(htmlToReportText(html)).toBe('第一段很长很长的正文。\n第二段。\n');
  });

  // What a browser's parser (and parse5, which this reader used before htmlparser2) builds of them.
  it('reads malformed tables as a browser does: stray text moved before the table, cells outside a row put in one', () => {
    expect(htmlToReportText('<table><p>注：单位 件</p><tr><td>规章</td><td>1</td><td>2</td></tr>说明文字</table>')).toBe('注：单位 件\n说明文字\n规章\t1\t2\n');
    expect(htmlToReportText('<table><td>规章</td><td>1</td><td>2</td><tr><td>规范性文件</td><td>3</td><td>4</td></table>')).toBe('规章\t1\t2\n规范性文件\t3\t4\n');
    expect(htmlToReportText('<table><tbody><tr><td>规章<td>1<td>2<tr><td>a<td>3<td>4</tbody></table>')).toBe('规章\t1\t2\na\t3\t4\n');
  });

  it('keeps the rows of a form inside a table, and never prints a page title left outside <head> twice', () => {
    expect(htmlToReportText('<table><form><tr><td>a</td><td>1</td></tr></form></table>')).toBe('a\t1\n');
    const bare = '<title>某某县2024年政府信息公开工作年度报告</title><h1>某某县2024年政府信息公开工作年度报告</h1><p>一、总体情况</p><p>正文</p><p>二、主动公开政府信息情况</p>';
    expect(htmlToReportText(bare).split('\n').filter((l) => l.includes('年度报告'))).toHaveLength(1);
  });

  it('reads broken markup as text, never throwing: a stray < stays, a cell outside a table is its text', () => {
    const broken = ['', '<', '<table><tr><td>', '<p><table></p></td></tr>', '<!--', '<td colspan=3>1</td>'];
    expect(broken.map((html) => [html, htmlToReportText(html)])).toEqual([
      ['', '\n'],
      ['<', '<\n'],
      ['<table><tr><td>', '\n'],
      ['<p><table></p></td></tr>', '\n'],
      ['<!--', '\n'],
      ['<td colspan=3>1</td>', '1\n'],
    ]);
  });
});

describe('HTML encodings', () => {
  const html = '<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head><body><p>某某县人民政府2024年政府信息公开工作年度报告</p></body></html>';

  it('reads the declared charset', () => {
    expect(sniffHtmlCharset(Buffer.from(html))).toBe('gb2312');
    expect(sniffHtmlCharset(Buffer.from('<meta charset=UTF-8>'))).toBe('utf-8');
    expect(sniffHtmlCharset(Buffer.from('<p>none</p>'))).toBeNull();
  });

  it('decodes a GBK page by its declaration and records the encoding', async () => {
    const read = await readReportText(iconv.encode(html, 'gbk'), 'html');
    expect(read).toEqual({
      ok: true,
      text: '某某县人民政府2024年政府信息公开工作年度报告\n',
      encoding: 'gb18030',
      meta: { titles: [] },
    });
  });

  it('prefers valid UTF-8 over a stale declaration', async () => {
    const read = await readReportText(Buffer.from(html), 'html');
    expect(read.ok && read.encoding).toBe('utf-8');
  });
});

describe('report text in HTML stays text', () => {
  it('entities decode to plain characters, markup inside cells is not kept', () => {
    const html = page(`<p>某某县人民政府2024年政府信息公开工作年度报告</p><p>一、总体情况</p>
      <p>&lt;script&gt;alert(1)&lt;/script&gt; &lt;img src=x onerror=alert(1)&gt;</p>
      <p><a href="javascript:alert(1)">链接</a></p><p>二、主动公开政府信息情况</p>`);
    const text = htmlToReportText(html);
    expect(text).toContain('<script>alert(1)</script> <img src=x onerror=alert(1)>');
    expect(text).toContain('链接');
    expect(text).not.toContain('javascript:');
    const result = extractReport(text, { path: 'x.html', sha256: '0'.repeat(64), encoding: 'utf-8', format: 'html', bytes: 1 });
    expect(result.ok && result.record.sections.overview).toBe('<script>alert(1)</script> <img src=x onerror=alert(1)>\n链接');
  });
});

describe('HTML nesting', () => {
  it('reads a page nested 100,000 levels deep without overflowing the stack, its text kept, and says so', async () => {
    const { extractFile } = await import('../../../../scripts/lib/extract/file.ts');
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const path = await import('node:path');
    const dir = mkdtempSync(path.join(tmpdir(), 'nianbao-deep-'));
    const body = '<p>某某县人民政府2024年政府信息公开工作年度报告</p><p>一、总体情况</p><p>本年共收到政府信息公开申请3件。</p>';
    writeFileSync(path.join(dir, 'deep.html'), `<html><body>${'<div>'.repeat(100_000)}${body}${'</div>'.repeat(100_000)}</body></html>`);
    const outcome = await extractFile(dir, 'deep.html');
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect([outcome.record.agency.name, outcome.record.year]).toEqual(['某某县人民政府', 2024]);
    expect(outcome.record.messages).toContainEqual({ code: 'htmlTooDeep', params: { depth: 512, count: expect.any(Number) } });
  });
});
