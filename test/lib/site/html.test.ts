import { describe, expect, it } from 'vitest';
import { escapeHtml, renderFigureCell, renderSourceLines } from '../../../src/lib/site/html.ts';

describe('escapeHtml', () => {
  it('escapes markup and quotes', () => {
    expect(escapeHtml(`<img src=x onerror="a('1')">&`)).toBe('&lt;img src=x onerror=&quot;a(&#39;1&#39;)&quot;&gt;&amp;');
  });
});

describe('renderFigureCell', () => {
  it('links a figure to its line, with no per-cell title', () => {
    expect(renderFigureCell({ value: 1186, line: 12 })).toBe('<td class="num" data-value="1186"><a href="#L12">1,186</a></td>');
  });
  it('shows an absent figure as —, never 0, and outlines failing cells', () => {
    expect(renderFigureCell({ value: null, failing: true })).toBe('<td class="num absent failing" data-value=""><span aria-label="缺失">—</span></td>');
    expect(renderFigureCell({ value: 0, lang: 'en' })).toBe('<td class="num" data-value="0">0</td>');
  });
});

describe('renderSourceLines', () => {
  it('numbers lines, keeps blanks and escapes text', () => {
    const lines = [
      { n: 1, text: '<script>alert(1)</script>', cut: false },
      { n: 2, text: '', cut: false },
    ];
    expect(renderSourceLines(lines)).toBe('<li id="L1">&lt;script&gt;alert(1)&lt;/script&gt;</li><li id="L2">&nbsp;</li>');
  });

  it('marks lines left out, numbers the line after them, and ends a cut line in …', () => {
    const lines = [
      { n: 1, text: 'a', cut: false },
      { n: 7, text: 'b', cut: true },
      { n: 8, text: 'c', cut: false },
      { n: 20, text: '', cut: false },
    ];
    expect(renderSourceLines(lines)).toBe(
      '<li id="L1">a</li><li class="gap" aria-hidden="true">…</li><li id="L7" value="7">b…</li><li id="L8">c</li><li class="gap" aria-hidden="true">…</li><li id="L20" value="20">&nbsp;</li>',
    );
  });
});

describe('renderFigureCell with a correction', () => {
  const correction = { line: 3, cell: 'requests.granted.natural', read: 13, value: 15, reason: '<b>误读</b>', source: '报告第 4 页', date: '2026-12-01' };
  it('marks the cell 人工更正, with the value read and the reason escaped in its mark\'s title and label, the mark leading to its note', () => {
    const html = renderFigureCell({ value: 15, line: 98, correction });
    expect(html).toBe(
      '<td class="num corrected" data-value="15" data-value-read="13">' +
        '<a href="#L98">15</a><a class="corrected-mark" href="#correction-requests-granted-natural" title="人工更正：提取时读作 13；理由：&lt;b&gt;误读&lt;/b&gt;；来源：报告第 4 页" aria-label="人工更正：提取时读作 13；理由：&lt;b&gt;误读&lt;/b&gt;；来源：报告第 4 页">更</a></td>',
    );
  });
  it('shows a figure corrected to none as —, and one read as none', () => {
    expect(renderFigureCell({ value: null, correction: { ...correction, value: null } })).toContain('data-value="" data-value-read="13"');
    const readAsNone = renderFigureCell({ value: 15, correction: { ...correction, read: null } });
    expect(readAsNone).toContain('data-value-read="">15<a class="corrected-mark"');
    expect(readAsNone).toContain('title="人工更正：提取时读作 —');
  });
});
