/**
 * Every interface string of the Chinese site, by key: the type of this object is the key set that
 * every other locale's dictionary must satisfy (en.ts). Report text and agency names are never here:
 * they are the report's own words.
 */
import type { Timeliness, TimelinessStatus } from '../findings/timeliness.ts';
import type { MeasureChange } from '../findings/yoy.ts';
import { JUMP_FACTOR } from '../findings/yoy.ts';

type Status = 'pass' | 'fail' | 'incomplete' | 'notApplicable';
type TableStatus = 'complete' | 'partial' | 'absent';
type Template = '2021' | '2019' | 'pre2019';

/** Returns the date judged, in words, when it is the publication date (the signature date is the default). */
function basisZh(t: Timeliness): string {
  return t.basis === 'published' ? `，按公布日期 ${t.published}` : '';
}

export const zh = {
  htmlLang: 'zh-CN',
  siteName: '年报观察',
  tagline: '政府信息公开年度报告',
  defaultDescription: '政府信息公开工作年度报告的数据与比较：每个机关、每份报告的数字都可追溯到原文。',
  skip: '跳到正文',
  searchLabel: '搜索报告和机关',
  searchPlaceholder: '搜索机关、报告…',
  searchButton: '搜索',
  navLabel: '主导航',
  nav: { home: '首页', agencies: '机关', compare: '比较', quality: '数据质量', findings: '发现', data: '数据下载', about: '关于与方法' },
  switchTo: 'English',
  footer: '数据来自各机关公开发布的政府信息公开工作年度报告，按国务院办公厅规定的格式（国办公开办函〔2021〕30号、〔2019〕60号）逐项读取。空白单元格显示为“—”，不以 0 代替。',
  sitemap: '站点地图',
  breadcrumb: '位置',
  viewTable: '查看数据表',
  source: '来源：',
  cite: '引用',
  embed: '嵌入',
  embedCode: '嵌入代码：',
  nothingToDraw: '没有可画的数字。',
  absent: '缺失',
  notInReport: '报告中没有此数',
  line: (n: number) => `原文第 ${n} 行`,
  /** A citation of a chart: what, its source, where and when. */
  citation: (what: string, source: string, url: string, builtOn: string) => `${what}。${source.replace(/。$/, '')}。年报观察，${url}，数据构建于 ${builtOn}。`,
  kind: { government: '政府', department: '部门' },
  level: { province: '省级', prefecture: '地市级', county: '县级', unknown: '未知' },
  regionUnknown: '地区未识别',
  status: { pass: '通过', fail: '未通过', incomplete: '数据不全', notApplicable: '无数据' } satisfies Record<Status, string>,
  tableStatus: { complete: '完整', partial: '不完整', absent: '缺失' } satisfies Record<TableStatus, string>,
  checks: {
    balance: { label: '收支平衡', rule: '每列：本年新收 + 上年结转 = 办理结果总计 + 结转下年度' },
    rowSum: { label: '行合计', rule: '每行：六类申请人之和 = 总计' },
    dispositionSum: { label: '办理结果合计', rule: '每列：各项办理结果之和 = （七）总计' },
    appealSum: { label: '复议诉讼合计', rule: '每组：维持 + 纠正 + 其他 + 尚未审结 = 总计' },
    narrative: { label: '正文与表格一致', rule: '正文所述数字 = 表格中的对应数字' },
    legacySum: { label: '旧式统计表合计', rule: '本年、历年累计两列：网站公开 + 政府公报公开 = 主动公开；各类答复之和 = 答复总数（按报告所列的行）' },
  } as Record<string, { label: string; rule: string }>,
  checksList: {
    caption: '模板勾稽关系核对结果',
    columns: ['核对', '规则', '结果', '未通过的等式'],
    evaluated: (n: number) => `（${n} 项）`,
    failure: (where: string, expected: number, actual: number) => `${where}：应为 ${expected}，表中为 ${actual}`,
  },
  timeliness: {
    status: { met: '按时', late: '逾期', unknown: '未知', implausible: '日期存疑' } satisfies Record<TimelinessStatus, string>,
    /** The timeliness in words, e.g. 逾期 12 天, 按时（截止日前 3 天）. */
    describe: (t: Timeliness): string => {
      switch (t.status) {
        case 'unknown':
          return '未知（报告未印签署日期，文件也未注明公布日期）';
        case 'met':
          return (t.daysAfterDeadline === 0 ? '按时（截止日当天）' : `按时（截止日前 ${-t.daysAfterDeadline!} 天）`) + basisZh(t);
        case 'late':
          return `逾期 ${t.daysAfterDeadline} 天` + basisZh(t);
        case 'implausible':
          return t.basis === 'published'
            ? `日期存疑：公布日期 ${t.published} 不晚于统计期末（${t.year}-12-31），请核对原文`
            : `日期存疑：签署日期 ${t.signedOn} 不晚于统计期末（${t.year}-12-31），可能是笔误，请核对原文`;
      }
    },
  },
  changes: {
    /** A flagged change in words, with the measure, both years and the ratio; null when not flagged. */
    describe: (change: MeasureChange): string | null => {
      if (!change.flag) return null;
      const fmt = (v: number) => (change.measure === 'grantRate' ? `${(v * 100).toFixed(1)}%` : `${v.toLocaleString('en-US')} ${change.unit}`);
      const span = `${change.fromYear} 年 ${fmt(change.from!)} → ${change.toYear} 年 ${fmt(change.to!)}`;
      switch (change.flag) {
        case 'suddenZero':
          return `${change.label}：${span}，由非零骤降为零，请核对原文。`;
        case 'jump':
          return `${change.label}：${span}，增至 ${change.ratio!.toFixed(1)} 倍（超过 ${JUMP_FACTOR} 倍），请核对原文。`;
        case 'drop':
          return `${change.label}：${span}，降至原来的 ${(change.ratio! * 100).toFixed(1)}%（不到五分之一），请核对原文。`;
      }
    },
  },
  agency: {
    description: (name: string) => `${name}历年政府信息公开工作年度报告的数据：收到申请、办理结果、申请人类型、复议诉讼。`,
    title: (name: string) => name,
    region: '地区',
    regionCode: (code: string) => `区划代码 ${code}`,
    levelKind: '层级与类型',
    slug: '拼音标识',
    nameEn: '英文名称',
    otherNames: '报告中的其他名称',
    reports: '年度报告',
    reportLink: (year: number, failed: boolean) => `${year} 年报告${failed ? '（核对未通过）' : ''}`,
    figuresCaption: '历年主要数字',
    figuresColumns: ['年度', '新收申请', '上年结转', '办理总计', '予以公开占比', '主动公开信息（条）', '格式'],
    template: { '2021': '2021 版', '2019': '2019 版', pre2019: '2019 年以前' } satisfies Record<Template, string>,
    fromProse: '* 该年度报告没有表格，数字取自报告正文。',
    fromLegacy: '† 2019 年以前的报告：旧式统计表的“受理政府信息公开申请总数”（受理申请），与 2019 年起表三的“本年新收”口径不同。',
    charts: '历年图表',
    cite: (name: string, title: string) => `${name}，${title}`,
    proactive: '主动公开',
    proactiveCaption: '历年主动公开数字（表二与正文）',
    proactiveColumns: ['年度', '主动公开信息（条，正文）', '行政许可决定', '行政处罚决定', '行政强制决定'],
    findings: '发现',
    checkSource: '请核对原文：',
    noFlags: '相邻年度之间没有超过 5 倍、不到五分之一或由非零骤降为零的变化。',
    timelinessCaption: '报告是否按时发布（部门 1 月 31 日前，县级以上人民政府 3 月 31 日前；以文件注明的公布日期判断，没有时以落款日期判断）',
    timelinessColumns: ['年度', '公布日期', '落款日期', '结果'],
    boilerplateCaption: '套话程度：本年报告正文与上一份报告重复的比例',
    boilerplateColumns: ['年度', '对比', '句子重复', '五字片段重复'],
    versus: (year: number) => `与 ${year} 年报告`,
    ratio: (part: number, whole: number, share: string) => `${part}/${whole}（${share}）`,
    checks: '历年核对结果',
    year: '年度',
  },
  agencyCharts: {
    yearOf: (year: number) => `${year}年`,
    proseNote: (n: number) => `空心点：该年报告没有表格，数字取自正文（${n} 个）。`,
    legacyNote: (n: number) => `方形点、虚线：2019 年以前的报告没有表三，数字是其旧式统计表“受理政府信息公开申请总数”的本年数（${n} 个）。受理申请与 2019 年起的“本年新收申请”不是同一口径，两段之间不宜直接比较。`,
    noteSeparator: '',
    requests: {
      title: '每年新收政府信息公开申请',
      description: (name: string, legacy: boolean) => `${name}各年度本年新收申请数（件）。空心点表示该年数字来自正文而非表格。${legacy ? '方形点为 2019 年以前报告旧式统计表的受理申请数，与本年新收口径不同。' : ''}`,
      source: (name: string, legacy: boolean) => `${name}各年度政府信息公开工作年度报告，表三第一行“本年新收政府信息公开申请数量”总计列${legacy ? '；2019 年以前为旧式统计表“受理政府信息公开申请总数”的本年列' : ''}。`,
      aria: (name: string) => `${name}每年新收申请折线图`,
      axis: (legacy: boolean): string => (legacy ? '新收申请 / 受理申请（件）' : '新收申请（件）'),
      columns: (legacy: boolean) => ['年度', legacy ? '新收申请 / 受理申请（件）' : '新收申请（件）', '来源'],
      readFrom: { legacy: '旧式统计表（受理申请）', prose: '正文', table: '表三' },
      /** Options of the series drawing beyond its label and axis (Chinese: the chart module's defaults). */
      drawing: {} as { xLabel?: string; yearSuffix?: string; proseNote?: string; legacyNote?: string },
    },
    dispositions: {
      title: '办理结果构成',
      description: '各年度办理结果按类别的占比；数据表同时给出件数。缺少任何一类数字的年度不画。',
      source: '表三“三、本年度办理结果”各项的总计列。',
      aria: (name: string) => `${name}办理结果构成堆积条形图`,
      axis: '占办理结果（%）',
      column: (label: string) => `${label}（件）`,
      total: '总计（件）',
    },
    applicants: {
      title: '申请人类型',
      description: '各年度新收申请按申请人类型的件数。',
      source: '表三第一行“本年新收政府信息公开申请数量”各列。',
      aria: (name: string) => `${name}申请人类型堆积条形图`,
      axis: '新收申请（件）',
    },
    appeals: {
      title: '行政复议与行政诉讼',
      description: '各年度因政府信息公开被申请行政复议、提起行政诉讼的件数（各组总计）。',
      source: '表四各组的总计列。',
      aria: (name: string) => `${name}行政复议与行政诉讼堆积条形图`,
      axis: '案件（件）',
    },
    /** Unit after a count in bar tooltips; undefined: the chart module's default (件). */
    requestsUnit: undefined as string | undefined,
    casesUnit: undefined as string | undefined,
  },
};

/** The key set of an interface dictionary: every locale's dictionary has this type. */
export type Dictionary = typeof zh;
