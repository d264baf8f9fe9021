/**
 * One snapshot per kind of chart the site draws, from fixed rows, compared with the files under
 * test/output/charts/ (test/support/snapshot.ts; NIANBAO_UPDATE_SNAPSHOTS=1 rewrites them). The
 * figures are the sample reports' (content/reports/) and the 平潭 crawler dumps'
 * (test/fixtures/wild/pingtan-txt/), as their summaries read them.
 */
import { describe, it } from 'vitest';
import '../../../src/lib/charts/server-document.ts';
import { CATEGORY_COLORS, DISPOSITION_COLORS } from '../../../src/lib/charts/colors.ts';
import { drawGrantRanking } from '../../../src/lib/charts/ranking.ts';
import { drawRequestsByKind } from '../../../src/lib/charts/requests-by-kind.ts';
import { drawSeriesByYear } from '../../../src/lib/charts/series-by-year.ts';
import { drawStackedBars, type StackedBarOptions } from '../../../src/lib/charts/stacked-bars.ts';
import { enChartWords } from '../../../src/lib/i18n/chart-words-en.ts';
import { zhChartWords } from '../../../src/lib/i18n/chart-words-zh.ts';
import { expectSnapshotFile } from '../../support/snapshot.ts';

/** The words the site passes: the dictionaries' (the snapshots were drawn with these words as the charts' defaults). */
const ZH = zhChartWords.drawing;
const EN = enChartWords.drawing;

const OUTCOMES: Pick<StackedBarOptions, 'keys' | 'labels' | 'colors'> = {
  keys: ['granted', 'partial', 'withheld', 'unavailable', 'notProcessed', 'otherHandling'],
  labels: ['予以公开', '部分公开', '不予公开', '无法提供', '不予处理', '其他处理'],
  colors: [DISPOSITION_COLORS.granted, DISPOSITION_COLORS.partial, DISPOSITION_COLORS.withheld, DISPOSITION_COLORS.unavailable, DISPOSITION_COLORS.notProcessed, DISPOSITION_COLORS.otherHandling],
};

/** Returns the six outcome segments of a bar from its counts (in OUTCOMES order) and its （七）总计. */
function outcomeBar(bar: string, counts: readonly number[], handled: number) {
  return counts.map((value, i) => ({ bar, key: OUTCOMES.keys[i]!, label: OUTCOMES.labels[i]!, value, share: value / handled }));
}

describe('chart snapshots', () => {
  it('series-by-year: new requests, one line per agency, a prose figure hollow', () => {
    // 沂源县行政审批服务局 2020: 0 (table 三), 2024: 1 (prose, no tables); 沂源县人民政府 2023: 106; 枣庄 2024: 9; 泰山区 2024: 28.
    const svg = drawSeriesByYear(
      [
        { agency: '沂源县行政审批服务局', year: 2020, value: 0, fromProse: false },
        { agency: '沂源县行政审批服务局', year: 2024, value: 1, fromProse: true },
        { agency: '沂源县人民政府', year: 2023, value: 106, fromProse: false },
        { agency: '枣庄市行政审批服务局', year: 2024, value: 9, fromProse: false },
        { agency: '泰安市泰山区行政审批服务局', year: 2024, value: 28, fromProse: false },
      ],
      { ariaLabel: '每年新收申请折线图', yLabel: '新收申请（件）', ...ZH.series, punctuation: ZH.punctuation },
    );
    expectSnapshotFile('charts/series-by-year.html', svg);
  });

  it('series-by-year: an agency back before 2019, the older table’s 受理申请 on a dashed line of its own', () => {
    // 平潭综合实验区社会事业局: 2016 受理政府信息公开申请总数 0 (older table); 2019: 1, 2024: 2 (table 三).
    const svg = drawSeriesByYear(
      [
        { agency: '平潭综合实验区社会事业局', year: 2016, value: 0, fromProse: false, fromLegacy: true },
        { agency: '平潭综合实验区社会事业局', year: 2019, value: 1, fromProse: false },
        { agency: '平潭综合实验区社会事业局', year: 2024, value: 2, fromProse: false },
      ],
      { ariaLabel: '平潭综合实验区社会事业局每年新收申请折线图', yLabel: '新收申请 / 受理申请（件）', ...ZH.series, punctuation: ZH.punctuation },
    );
    expectSnapshotFile('charts/series-by-year-legacy.html', svg);
  });

  it('series-by-year: a share per year, as percent (English labels)', () => {
    // 予以公开 ÷ （七）总计: 沂源县人民政府 2023 62/103; 泰山区 2024 13/28; 枣庄 2024 2/9.
    const svg = drawSeriesByYear(
      [
        { agency: '沂源县人民政府', year: 2023, value: 62 / 103, fromProse: false },
        { agency: '泰安市泰山区行政审批服务局', year: 2024, value: 13 / 28, fromProse: false },
        { agency: '枣庄市行政审批服务局', year: 2024, value: 2 / 9, fromProse: false },
      ],
      { ariaLabel: 'Share granted in full per year, selected agencies', yLabel: 'Share granted in full (%)', percent: true, ...EN.series, punctuation: EN.punctuation },
    );
    expectSnapshotFile('charts/series-by-year-percent.html', svg);
  });

  it('stacked-bars: outcomes as shares of （七）总计', () => {
    // Table 三 总计 column: 沂源县人民政府 2023 62, 2, 6, 30, 1, 2 of 103; 枣庄 2024 2, 1, 2, 4, 0, 0 of 9.
    const svg = drawStackedBars([...outcomeBar('沂源县人民政府（2023）', [62, 2, 6, 30, 1, 2], 103), ...outcomeBar('枣庄市行政审批服务局（2024）', [2, 1, 2, 4, 0, 0], 9)], {
      ...OUTCOMES, ariaLabel: '各机关办理结果构成堆积条形图', normalize: true, xLabel: '占办理结果（%）', unit: ZH.requestsUnit, unreadLabel: ZH.unreadLabel, punctuation: ZH.punctuation,
    });
    expectSnapshotFile('charts/stacked-bars-shares.html', svg);
  });

  it('stacked-bars: outcomes as shares of （七）总计 (English words)', () => {
    // The same figures as the Chinese chart above, with the English words and punctuation the site passes.
    const labels = OUTCOMES.keys.map((k) => EN.dispositionLabels[k as keyof typeof EN.dispositionLabels]);
    const english = (segments: ReturnType<typeof outcomeBar>) => segments.map((s, i) => ({ ...s, label: labels[i % labels.length]! }));
    const svg = drawStackedBars([...english(outcomeBar('沂源县人民政府 (2023)', [62, 2, 6, 30, 1, 2], 103)), ...english(outcomeBar('枣庄市行政审批服务局 (2024)', [2, 1, 2, 4, 0, 0], 9))], {
      ...OUTCOMES, labels, ariaLabel: 'Outcomes per agency, stacked bars', normalize: true, xLabel: 'Share of requests handled (%)', unit: EN.requestsUnit, unreadLabel: EN.unreadLabel, punctuation: EN.punctuation,
    });
    expectSnapshotFile('charts/stacked-bars-shares-en.html', svg);
  });

  it('stacked-bars: outcomes with a part not read, hatched', () => {
    // 枣庄 2024 with its row 不予公开 4.保护第三方合法权益 (2) not read: 2, 1, —, 4, 0, 0 of 9, 2 not read.
    const read = outcomeBar('2024年', [2, 1, 0, 4, 0, 0], 9).filter((s) => s.key !== 'withheld');
    const svg = drawStackedBars([...read, { bar: '2024年', key: 'unread', label: '未读出', value: 2, share: 2 / 9, unread: true }], {
      ...OUTCOMES, ariaLabel: '枣庄市行政审批服务局办理结果构成堆积条形图', normalize: true, xLabel: '占办理结果（%）', unit: ZH.requestsUnit, unreadLabel: ZH.unreadLabel, punctuation: ZH.punctuation,
    });
    expectSnapshotFile('charts/stacked-bars-unread.html', svg);
  });

  it('stacked-bars: counts per category (applicant types)', () => {
    // 一、本年新收 by applicant: 沂源县人民政府 2023 105, 0, 1, 0, 0, 0; 泰山区 2024 28, 0, 0, 0, 0, 0.
    const columns = ['natural', 'commercial', 'research', 'nonprofit', 'legal', 'other'];
    const labels = ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'];
    const bar = (name: string, values: number[]) => values.map((value, i) => ({ bar: name, key: columns[i]!, label: labels[i]!, value }));
    const svg = drawStackedBars([...bar('2023年', [105, 0, 1, 0, 0, 0]), ...bar('2024年', [28, 0, 0, 0, 0, 0])], {
      ariaLabel: '申请人类型堆积条形图', keys: columns, labels, colors: CATEGORY_COLORS.slice(0, 6), xLabel: '新收申请（件）', unit: ZH.requestsUnit, unreadLabel: ZH.unreadLabel, punctuation: ZH.punctuation,
    });
    expectSnapshotFile('charts/stacked-bars-counts.html', svg);
  });

  it('stacked-bars: counts that are all zero (an axis of 0–1)', () => {
    // 表四 totals of 泰山区 2024: 行政复议 0, 未经复议直接起诉 0, 复议后起诉 0.
    const keys = ['review', 'litigationDirect', 'litigationAfterReview'];
    const labels = ['行政复议', '未经复议直接起诉', '复议后起诉'];
    const svg = drawStackedBars(keys.map((key, i) => ({ bar: '2024年', key, label: labels[i]!, value: 0 })), {
      ariaLabel: '行政复议与行政诉讼堆积条形图', keys, labels, colors: [CATEGORY_COLORS[0]!, CATEGORY_COLORS[1]!, CATEGORY_COLORS[5]!], xLabel: '案件（件）', unit: ZH.casesUnit, unreadLabel: ZH.unreadLabel, punctuation: ZH.punctuation,
    });
    expectSnapshotFile('charts/stacked-bars-zero.html', svg);
  });

  it('ranking: share granted in full, highest first', () => {
    const svg = drawGrantRanking(
      [
        { agency: '沂源县人民政府', slug: 'yiyuanxian-renminzhengfu', year: 2023, rate: 62 / 103, handled: 103 },
        { agency: '泰安市泰山区行政审批服务局', slug: 'taishanqu-xingzheng-shenpi-fuwuju', year: 2024, rate: 13 / 28, handled: 28 },
        { agency: '枣庄市行政审批服务局', slug: 'zaozhuangshi-xingzheng-shenpi-fuwuju', year: 2024, rate: 2 / 9, handled: 9 },
      ],
      { ariaLabel: '予以公开比例排名条形图', xLabel: ZH.grantRateAxis, punctuation: ZH.punctuation },
    );
    expectSnapshotFile('charts/ranking.svg', svg);
  });

  it('ranking: share granted in full, highest first (English words)', () => {
    const svg = drawGrantRanking(
      [
        { agency: '沂源县人民政府', slug: 'yiyuanxian-renminzhengfu', year: 2023, rate: 62 / 103, handled: 103 },
        { agency: '泰安市泰山区行政审批服务局', slug: 'taishanqu-xingzheng-shenpi-fuwuju', year: 2024, rate: 13 / 28, handled: 28 },
        { agency: '枣庄市行政审批服务局', slug: 'zaozhuangshi-xingzheng-shenpi-fuwuju', year: 2024, rate: 2 / 9, handled: 9 },
      ],
      { ariaLabel: 'Share granted in full, ranked', xLabel: EN.grantRateAxis, punctuation: EN.punctuation },
    );
    expectSnapshotFile('charts/ranking-en.svg', svg);
  });

  it('requests-by-kind: a dot per report, grouped by level and kind', () => {
    const svg = drawRequestsByKind(
      [
        { agency: '沂源县人民政府', year: 2023, kind: '县级·政府', received: 106 },
        { agency: '泰安市泰山区行政审批服务局', year: 2024, kind: '县级·部门', received: 28 },
        { agency: '枣庄市行政审批服务局', year: 2024, kind: '地市级·部门', received: 9 },
      ],
      { ariaLabel: '新收申请与机关层级类型', xLabel: ZH.receivedAxis, unit: ZH.requestsUnit, punctuation: ZH.punctuation },
    );
    expectSnapshotFile('charts/requests-by-kind.svg', svg);
  });
});
