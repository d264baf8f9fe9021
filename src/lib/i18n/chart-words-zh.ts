/** The charts' words in Chinese (the shape in chart-words.ts). */
import type { ChartWords } from './chart-words.ts';

const levels: ChartWords['levels'] = { province: '省级', prefecture: '地市级', county: '县级', unknown: '未知' };
const kinds: ChartWords['kinds'] = { government: '政府', department: '部门' };

export const zhChartWords: ChartWords = {
  levels,
  kinds,
  nothingToDraw: '没有可画的数字。',
  drawing: {
    punctuation: { colon: '：', open: '（', close: '）' },
    series: { xLabel: '年度', yearSuffix: '年', proseNote: '（来自正文，非表格）', legacyNote: '（2019年以前：旧式统计表的受理申请）' },
    requestsUnit: { one: ' 件', other: ' 件' },
    casesUnit: { one: ' 件', other: ' 件' },
    unreadLabel: '未读出',
    dispositionLabels: { granted: '予以公开', partial: '部分公开', withheld: '不予公开', unavailable: '无法提供', notProcessed: '不予处理', otherHandling: '其他处理' },
    receivedAxis: '新收申请（件）',
    grantRateAxis: '予以公开占办理总数（%）',
  },
  notes: {
    unread: '斜线部分：办理总计中未能读出所属类别的件数（这些类别在数据表中为“—”）。',
    undrawn: (bars: string) => `不画比例：${bars}。`,
    join: '；',
    partJoin: '',
    reason: { totalNotRead: '办理总计未读出', zeroTotal: '办理总计为 0', contradicts: '各类之和与办理总计不符' },
    bar: (bar: string, reason: string) => `${bar}（${reason}）`,
    applicants: (bars: string) => `没有画：${bars}（申请人类型未全部读出，见数据表中的“—”）。`,
    appeals: (bars: string) => `未读出、没有画（不是 0）：${bars}。`,
    categoryJoin: '；',
    categoryBar: (bar: string, labels: string[]) => `${bar} ${labels.join('、')}`,
  },
  measures: {
    received: { name: '新收申请', unit: '件' },
    handled: { name: '办理总计', unit: '件' },
    grantRate: { name: '予以公开占比', unit: '%' },
    review: { name: '行政复议', unit: '件' },
    litigation: { name: '行政诉讼', unit: '件' },
  },
  compare: {
    agency: '机关', year: '年度', unit: (u: string) => `（${u}）`, handled: '办理总计（件）', share: '予以公开占比', kind: '层级·类型', received: '新收申请（件）',
    seriesAria: (m: string) => `所选机关每年${m}折线图`, dispAria: (y: string) => `${y}年所选机关办理结果构成`, dispAxis: '占办理结果（%）',
    dispColumn: (label: string) => `${label}（件）`,
    rankAria: (y: string) => `${y}年所选机关予以公开比例排名`, kindAria: (y: string) => `${y}年所选机关新收申请与机关层级类型`,
    seriesTitle: (m: string) => `每年${m}`, cross: (y: string) => `${y} 年`,
    dispTitle: (y: string) => `办理结果构成（${y} 年）`, rankTitle: (y: string) => `予以公开比例排名（${y} 年）`, kindTitle: (y: string) => `新收申请与机关层级、类型（${y} 年）`,
    kindLabel: (level, kind) => `${levels[level]}·${kinds[kind]}`,
  },
};
