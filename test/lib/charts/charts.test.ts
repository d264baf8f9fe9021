import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import '../../../src/lib/charts/server-document.ts';
import { drawGrantRanking } from '../../../src/lib/charts/ranking.ts';
import { drawRequestsByKind } from '../../../src/lib/charts/requests-by-kind.ts';
import { drawSeriesByYear } from '../../../src/lib/charts/series-by-year.ts';
import { drawStackedBars } from '../../../src/lib/charts/stacked-bars.ts';
import { DISPOSITION_COLORS } from '../../../src/lib/charts/colors.ts';
import { zhChartWords } from '../../../src/lib/i18n/chart-words-zh.ts';

/** The Chinese words the site passes the charts. */
const ZH = zhChartWords.drawing;

/** Returns the chart markup parsed, for querying marks. */
function parse(markup: string) {
  return parseHTML(`<!doctype html><html><body>${markup}</body></html>`).document;
}

describe('drawSeriesByYear', () => {
  const svg = drawSeriesByYear(
    [
      { agency: '沂源县行政审批服务局', year: 2020, value: 0, fromProse: false },
      { agency: '沂源县行政审批服务局', year: 2024, value: 1, fromProse: true },
      { agency: '沂源县人民政府', year: 2023, value: 106, fromProse: false },
    ],
    { ariaLabel: '每年新收申请', yLabel: '新收申请（件）', ...ZH.series, punctuation: ZH.punctuation },
  );
  const doc = parse(svg);
  it('draws one line per agency, a dot per point, the prose point hollow', () => {
    expect(doc.querySelector('svg[aria-label]')!.getAttribute('aria-label')).toBe('每年新收申请');
    expect(doc.querySelectorAll('g[data-mark="line"] path')).toHaveLength(2);
    const dots = [...doc.querySelectorAll('g[data-mark="dot"] circle')];
    expect(dots).toHaveLength(3);
    // The hollow mark is a group of its own whose fill is the constant white.
    const hollow = doc.querySelectorAll('g[data-mark="dot"][fill="white"] circle');
    expect(hollow).toHaveLength(1);
    expect(hollow[0]!.querySelector('title')!.textContent).toBe('沂源县行政审批服务局 2024年：1（来自正文，非表格）');
  });
  it('labels axes, years and values', () => {
    expect(svg).toContain('新收申请（件）');
    const labels = [...doc.querySelectorAll('g[data-mark="text"] text')].map((t) => t.textContent);
    expect(labels.sort()).toEqual(['0', '1', '106']);
    expect([...doc.querySelectorAll('g[data-mark="x-axis tick label"] text')].map((t) => t.textContent)).toEqual(['2020', '2023', '2024']);
  });
  it('escapes agency names', () => {
    const evil = drawSeriesByYear([{ agency: '<script>alert(1)</script>', year: 2024, value: 1, fromProse: false }], { ariaLabel: 'x', yLabel: 'y', ...ZH.series, punctuation: ZH.punctuation });
    expect(evil).not.toContain('<script>');
    expect(evil).toContain('&lt;script&gt;');
  });
});

describe('drawSeriesByYear with points of the older table', () => {
  const svg = drawSeriesByYear(
    [
      { agency: '平潭综合实验区社会事业局', year: 2016, value: 0, fromProse: false, fromLegacy: true },
      { agency: '平潭综合实验区社会事业局', year: 2017, value: 3, fromProse: false, fromLegacy: true },
      { agency: '平潭综合实验区社会事业局', year: 2019, value: 1, fromProse: false },
      { agency: '平潭综合实验区社会事业局', year: 2024, value: 2, fromProse: false },
    ],
    { ariaLabel: '每年新收申请', yLabel: '新收申请 / 受理申请（件）', ...ZH.series, punctuation: ZH.punctuation },
  );
  const doc = parse(svg);
  it('draws them as squares on a dashed line of their own, not joined to the later points', () => {
    const lines = [...doc.querySelectorAll('g[data-mark="line"]')];
    expect(lines).toHaveLength(2);
    expect(lines.map((g) => g.getAttribute('stroke-dasharray'))).toEqual([null, '5,4']);
    const squares = [...doc.querySelectorAll('g[data-mark="dot"] path')];
    expect(squares).toHaveLength(2);
    expect(squares[0]!.querySelector('title')!.textContent).toBe('平潭综合实验区社会事业局 2016年：0（2019年以前：旧式统计表的受理申请）');
    expect(doc.querySelectorAll('g[data-mark="dot"] circle')).toHaveLength(2);
  });
});

describe('drawStackedBars', () => {
  it('draws a normalised bar per report with the disposition colours', () => {
    const svg = drawStackedBars(
      [
        { bar: '枣庄', key: 'granted', label: '予以公开', value: 2, share: 2 / 9 },
        { bar: '枣庄', key: 'unavailable', label: '无法提供', value: 4, share: 4 / 9 },
        { bar: '枣庄', key: 'withheld', label: '不予公开', value: 3, share: 3 / 9 },
      ],
      { ariaLabel: '办理结果', keys: ['granted', 'withheld', 'unavailable'], labels: ['予以公开', '不予公开', '无法提供'], colors: [DISPOSITION_COLORS.granted, DISPOSITION_COLORS.withheld, DISPOSITION_COLORS.unavailable], normalize: true, xLabel: '占办理结果（%）', unit: ZH.requestsUnit, unreadLabel: ZH.unreadLabel, punctuation: ZH.punctuation },
    );
    const doc = parse(svg);
    const rects = [...doc.querySelectorAll('g[data-mark="bar"] rect')];
    expect(rects).toHaveLength(3);
    expect(rects.map((r) => r.getAttribute('fill')).sort()).toEqual([DISPOSITION_COLORS.granted, DISPOSITION_COLORS.unavailable, DISPOSITION_COLORS.withheld].sort());
    expect(rects.map((r) => r.querySelector('title')!.textContent)).toContain('枣庄 · 无法提供：4 件（44.4%）');
    // Legend swatches in the given order.
    expect([...doc.querySelectorAll('span[class$="-swatch"]')].map((s) => s.textContent)).toEqual(['予以公开', '不予公开', '无法提供']);
  });
});

describe('drawStackedBars with a part not read', () => {
  // 枣庄 2024 with its 不予公开 row not read: 2 + 1 + 4 of 9 read, 2 not (test/lib/aggregate/disposition-bars.test.ts).
  const options = {
    ariaLabel: '办理结果',
    keys: ['granted', 'partial', 'unavailable'],
    labels: ['予以公开', '部分公开', '无法提供'],
    colors: [DISPOSITION_COLORS.granted, DISPOSITION_COLORS.partial, DISPOSITION_COLORS.unavailable],
    normalize: true,
    xLabel: '占办理结果（%）',
    unit: ZH.requestsUnit,
    unreadLabel: ZH.unreadLabel, punctuation: ZH.punctuation,
  };
  const rows = [
    { bar: '2024年', key: 'granted', label: '予以公开', value: 2, share: 2 / 9 },
    { bar: '2024年', key: 'partial', label: '部分公开', value: 1, share: 1 / 9 },
    { bar: '2024年', key: 'unavailable', label: '无法提供', value: 4, share: 4 / 9 },
    { bar: '2024年', key: 'unread', label: '未读出', value: 2, share: 2 / 9, unread: true },
  ];
  const svg = drawStackedBars(rows, options);
  const doc = parse(svg);

  it('draws it hatched and outlined, last in the bar, the parts read filled', () => {
    const pattern = doc.querySelector('defs pattern')!;
    expect(pattern.getAttribute('id')).toMatch(/^nianbao-unread-[0-9a-f]{8}$/);
    const rects = [...doc.querySelectorAll('g[data-mark="bar"] rect')];
    expect(rects.map((r) => [r.getAttribute('fill'), r.getAttribute('stroke')])).toEqual([
      [DISPOSITION_COLORS.granted, 'none'],
      [DISPOSITION_COLORS.partial, 'none'],
      [DISPOSITION_COLORS.unavailable, 'none'],
      [`url(#${pattern.getAttribute('id')})`, '#555555'],
    ]);
    expect(rects[3]!.querySelector('title')!.textContent).toBe('2024年 · 未读出：2 件（22.2%）');
    // The parts follow one another, the part not read its share of the whole: the parts read are not stretched over it.
    const x = (r: Element) => Number(r.getAttribute('x'));
    const right = (r: Element) => x(r) + Number(r.getAttribute('width'));
    for (let i = 1; i < rects.length; i++) expect(x(rects[i]!)).toBeCloseTo(right(rects[i - 1]!), 6);
    expect(Number(rects[3]!.getAttribute('width')) / (right(rects[3]!) - x(rects[0]!))).toBeCloseTo(2 / 9, 6);
  });

  it('names it in the legend with the hatching as its swatch', () => {
    const swatches = [...doc.querySelectorAll('span[class$="-swatch"]')];
    expect(swatches.map((s) => s.textContent)).toEqual(['予以公开', '部分公开', '无法提供', '未读出']);
    expect(swatches[3]!.querySelector('svg')!.getAttribute('fill')).toBe(`url(#${doc.querySelector('defs pattern')!.getAttribute('id')})`);
  });

  it('takes another label for it', () => {
    const en = parse(drawStackedBars(rows.map((r) => (r.unread ? { ...r, label: 'Not read' } : r)), { ...options, unreadLabel: 'Not read' }));
    expect([...en.querySelectorAll('span[class$="-swatch"]')].map((s) => s.textContent).at(-1)).toBe('Not read');
  });

  it('gives two charts two pattern ids, and the same chart the same id', () => {
    const id = (markup: string) => parse(markup).querySelector('defs pattern')!.getAttribute('id');
    expect(id(drawStackedBars(rows, options))).toBe(id(svg));
    expect(id(drawStackedBars(rows, { ...options, ariaLabel: '另一张图' }))).not.toBe(id(svg));
  });

  it('adds no pattern and no outline to a bar read whole', () => {
    const whole = drawStackedBars(rows.slice(0, 3), options);
    expect(whole).not.toContain('<pattern');
    expect(parse(whole).querySelectorAll('g[data-mark="bar"] rect[stroke]')).toHaveLength(0);
  });
});

describe('drawGrantRanking and drawRequestsByKind', () => {
  it('labels each ranked bar with its percentage', () => {
    const svg = drawGrantRanking(
      [
        { agency: '沂源县人民政府', slug: 'a', year: 2023, rate: 62 / 103, handled: 103 },
        { agency: '枣庄市行政审批服务局', slug: 'b', year: 2024, rate: 2 / 9, handled: 9 },
      ],
      { ariaLabel: '排名', xLabel: ZH.grantRateAxis, punctuation: ZH.punctuation },
    );
    const doc = parse(svg);
    expect(doc.querySelectorAll('g[data-mark="bar"] rect')).toHaveLength(2);
    expect([...doc.querySelectorAll('g[data-mark="text"] text')].map((t) => t.textContent)).toEqual(['60.2%', '22.2%']);
    expect(svg).toContain('沂源县人民政府（2023）');
  });
  it('draws a dot per report grouped by kind', () => {
    const svg = drawRequestsByKind(
      [
        { agency: '沂源县人民政府', year: 2023, kind: '县级·政府', received: 106 },
        { agency: '枣庄市行政审批服务局', year: 2024, kind: '地市级·部门', received: 9 },
      ],
      { ariaLabel: '层级', xLabel: ZH.receivedAxis, unit: ZH.requestsUnit, punctuation: ZH.punctuation },
    );
    const doc = parse(svg);
    expect(doc.querySelectorAll('g[data-mark="dot"] circle')).toHaveLength(2);
    expect([...doc.querySelectorAll('g[data-mark="y-axis tick label"] text')].map((t) => t.textContent)).toEqual(['县级·政府', '地市级·部门']);
  });

  it('leaves room left of the plot for its longest level and kind label, English ones too', () => {
    const plotLeft = (kinds: string[]) => {
      const svg = drawRequestsByKind(
        kinds.map((kind, i) => ({ agency: `a${i}`, year: 2024, kind, received: i + 1 })),
        { ariaLabel: 'kind', xLabel: 'New requests', unit: { one: ' request', other: ' requests' }, punctuation: { colon: ': ', open: ' (', close: ')' } },
      );
      // The x axis's first tick sits where the plot starts.
      const tick = parse(svg).querySelector('g[data-mark="x-axis tick"] path')!.getAttribute('transform')!;
      return Number(/translate\(([\d.]+)/.exec(tick)![1]);
    };
    expect(plotLeft(['县级·政府', '地市级·部门'])).toBe(100);
    // 'Prefecture · department': 23 characters of about 9 units each, beside the 14 the axis takes.
    expect(plotLeft(['County · government', 'Prefecture · department'])).toBeGreaterThanOrEqual(14 + 23 * 9);
  });
});
