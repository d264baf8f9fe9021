/**
 * Every interface string of the Chinese site, by key: the type of this object is the key set that
 * every other locale's dictionary must satisfy (en.ts). Report text and agency names are never here:
 * they are the report's own words.
 */
import { MEASURE_IS_SHARE } from '../aggregate/compare.ts';
import type { FailureMessage } from '../findings/failure-message.ts';
import { zhChartWords } from './chart-words-zh.ts';
import { zhMessages } from './extract-messages-zh.ts';
import { COLUMN_LABELS } from '../template.ts';
import { LEGACY_COLUMN_LABELS } from '../template-legacy.ts';
import type { Timeliness, TimelinessStatus } from '../findings/timeliness.ts';
import type { MeasureChange } from '../findings/yoy.ts';

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
  citationLabel: '引用格式：',
  embed: '嵌入',
  embedCode: '嵌入代码：',
  /** The embed pages: one chart alone, for an iframe (src/pages/[...locale]/embed/). */
  embedPage: {
    chartTitle: (name: string, title: string) => `${name}：${title}`,
    backToAgency: (name: string) => `${name} 的全部数据`,
    backToCompare: '自选机关进行比较',
    compareDescription: '年报观察默认比较中的机关。',
  },
  nothingToDraw: zhChartWords.nothingToDraw,
  absent: '缺失',
  notInReport: '报告中没有此数',
  line: (n: number) => `原文第 ${n} 行`,
  corrected: '人工更正',
  /** The mark after a figure corrected by hand, in its table cell. */
  correctedMark: '更',
  correctedNote: (read: string, reason: string, source: string) => `人工更正：提取时读作 ${read}；理由：${reason}；来源：${source}`,
  /** A citation of a chart: what, its source, where and when. */
  citation: (what: string, source: string, url: string, builtOn: string) => `${what}。${source.replace(/。$/, '')}。年报观察，${url}，数据构建于 ${builtOn}。`,
  kind: zhChartWords.kinds,
  level: zhChartWords.levels,
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
  /** A failed equation of a check in words, from its code and parameters (findings/failure-message.ts). */
  failure: (m: FailureMessage): string => {
    switch (m.code) {
      case 'balance':
        return `${COLUMN_LABELS[m.params.column].zh}列：本年新收 + 上年结转 = 总计 + 结转下年度`;
      case 'dispositionSum':
        return `${COLUMN_LABELS[m.params.column].zh}列：各项办理结果之和 = 总计`;
      case 'rowSum':
        return `「${m.params.row}」行：六类申请人之和 = 总计`;
      case 'appealSum':
        return `${{ review: '行政复议', litigationDirect: '未经复议直接起诉', litigationAfterReview: '复议后起诉' }[m.params.group]}：维持 + 纠正 + 其他 + 尚未审结 = 总计`;
      case 'narrative': {
        const where = {
          requestsReceived: '正文所述收到申请数 = 表三本年新收总计',
          granted: '正文所述予以公开数 = 表三予以公开总计',
          partiallyGranted: '正文所述部分公开数 = 表三部分公开总计',
          withheld: '正文所述不予公开数 = 表三不予公开各项总计之和',
          unavailable: '正文所述无法提供数 = 表三无法提供各项总计之和',
          notProcessed: '正文所述不予处理数 = 表三不予处理各项总计之和',
          reviewCases: '正文所述行政复议数 = 表四行政复议总计',
          litigationCases: '正文所述行政诉讼数 = 表四行政诉讼总计之和',
          proactiveItems: '正文所述主动公开信息数',
        }[m.params.measure];
        return m.params.line === null ? where : `${where}（正文第 ${m.params.line} 行）`;
      }
      case 'legacySum':
        return `旧式统计表${LEGACY_COLUMN_LABELS[m.params.column].zh}列：${m.params.total === 'proactiveTotal' ? '网站公开 + 政府公报公开 = 主动公开' : '同意公开 + 同意部分公开 + 不予（否决）公开 + 其他类型 = 答复总数'}`;
      case 'text':
        return m.params.text;
    }
  },
  timeliness: {
    status: { met: '按时', late: '逾期', unknown: '未知', implausible: '日期存疑' } satisfies Record<TimelinessStatus, string>,
    /** A late or implausibly dated report as a "check the source" note (the findings feed), around `describe`. */
    note: (text: string) => `报告时限：${text}。`,
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
    describe: (change: MeasureChange, factor: number): string | null => {
      if (!change.flag) return null;
      const { name: label, unit } = zhChartWords.measures[change.measure];
      const fmt = (v: number) => (MEASURE_IS_SHARE[change.measure] ? `${(v * 100).toFixed(1)}%` : `${v.toLocaleString('en-US')} ${unit}`);
      const span = `${change.fromYear} 年 ${fmt(change.from!)} → ${change.toYear} 年 ${fmt(change.to!)}`;
      switch (change.flag) {
        case 'suddenZero':
          return `${label}：${span}，由非零骤降为零，请核对原文。`;
        case 'jump':
          return `${label}：${span}，增至 ${change.ratio!.toFixed(1)} 倍（超过 ${factor} 倍），请核对原文。`;
        case 'drop':
          return `${label}：${span}，降至原来的 ${(change.ratio! * 100).toFixed(1)}%（不到五分之一），请核对原文。`;
      }
    },
  },
  about: { title: '关于与方法' },
  home: {
    title: '首页',
    h1: '政府信息公开工作年度报告：数据与比较',
    lede: '每个行政机关每年都要发布政府信息公开工作年度报告，格式由国务院办公厅统一规定，但报告散落在各地网站，表格被转换得七零八落，无法比较。本站把报告中的每个数字逐项读出、核对模板自身的勾稽关系，并链接回原文的具体行；读不到的数字显示为“—”，绝不以 0 代替或猜测。',
    statsLabel: '全站数字',
    agencies: '个机关',
    reports: '份报告',
    years: '年度',
    received: (fromProse: number) => `件新收申请（合计${fromProse > 0 ? `，其中 ${fromProse} 份报告的数字来自正文` : ''}）`,
    grantRate: '予以公开占办理总数',
    passing: '份报告全部核对通过',
    compare: '比较',
    median: '每个机关的中位数',
    requests: {
      title: '每年新收政府信息公开申请',
      description: (perAgency: boolean): string => (perAgency ? '各机关每个年度本年新收的申请件数，一条线一个机关。' : '每个年度各机关新收申请的中位数（一半机关多于它，一半少于它）。各年度报告的机关不尽相同，合计会随机关的进出而跳动，所以不画合计；数据表列出每年的机关数和合计，下方列出同一批机关的逐年变化。按机关比较请用比较页。'),
      aria: (perAgency: boolean): string => (perAgency ? '每年新收申请折线图' : '每年新收申请中位数折线图'),
      axis: (perAgency: boolean): string => (perAgency ? '新收申请（件）' : '新收申请，每个机关的中位数（件）'),
      columns: (perAgency: boolean): string[] => (perAgency ? ['机关', '年度', '新收申请（件）', '来源'] : ['年度', '计入的机关（报告）', '中位数（件）', '合计（件）', '其中数字来自正文']),
      source: '各机关政府信息公开工作年度报告，表三“本年新收政府信息公开申请数量”总计列。',
      note: (n: number) => `空心点：该报告没有表格，数字取自正文（${n} 个）。`,
    },
    changesCaption: '同一批机关的逐年变化（只计两年都报告了新收申请数的机关）',
    changesColumns: ['年度', '机关数', '前一年合计（件）', '本年合计（件）', '变化'],
    fromZero: '—（前一年为 0）',
    dispositions: {
      title: (perAgency: boolean): string => (perAgency ? '办理结果构成（各机关最近一年）' : '办理结果构成（每年合计）'),
      description: (perAgency: boolean): string => (perAgency ? '每个机关最近一份报告中各类办理结果占办理总数的比例。' : '每个年度各类办理结果合计占办理总数的比例（只计办理总计读出、不为 0 且与各类之和不矛盾的报告）。'),
      aria: '各机关办理结果构成堆积条形图',
      axis: '占办理结果（%）',
      bar: (agency: string, year: number) => `${agency}（${year}）`,
      first: (perAgency: boolean): string => (perAgency ? '机关（年度）' : '年度'),
      column: (label: string) => `${label}（件）`,
      total: '办理总计（件）',
      source: '表三“三、本年度办理结果”各项的总计列。未能读出的类别画为斜线部分；办理总计为 0、未读出或与各类之和不符的报告不画比例，只在数据表中列出。',
    },
    ranking: {
      title: (limit: number, total: number): string => (total > limit ? `予以公开比例最高的 ${limit} 个机关` : '予以公开比例排名'),
      description: (limit: number, total: number) => `每个机关最近一份有完整数字的报告中，予以公开占办理总数的比例${total > limit ? `（共 ${total} 个机关，完整排名见数据下载）` : ''}。`,
      aria: '予以公开比例排名条形图',
      columns: ['机关', '年度', '予以公开占比', '办理总计（件）'],
      source: '表三“（一）予以公开”总计 ÷ “（七）总计”总计。',
    },
    compareLink: '自选机关、年度和指标进行比较 →',
    latest: '最新报告',
    latestReport: (agency: string, year: number) => `${agency} ${year} 年`,
    latestReceived: (n: string) => `：新收申请 ${n} 件`,
    fromProse: '（来自正文）',
    checkFailed: '核对未通过',
    quality: '数据质量',
    qualityText: (c: { files: number; records: number; warnings: number; errors: number; failedChecks: number }) => `读入 ${c.files} 个文件，生成 ${c.records} 份报告记录；${c.warnings} 个文件有提示（如缺表、表格截断），${c.errors} 个文件无法作为报告读取；共有 ${c.failedChecks} 项模板核对未通过。`,
    qualityLink: '查看每份报告的问题 →',
  },
  search: {
    title: '搜索',
    description: '搜索机关名称和报告内容。',
    lede: '',
    /** Pagefind's own interface strings (its defaults are English). */
    pagefind: { placeholder: '搜索机关、报告…', zero_results: '没有找到 [SEARCH_TERM]' } as Record<string, string> | undefined,
    noscript: '搜索需要 JavaScript。也可以',
    noscriptLink: '浏览全部机关',
    noscriptEnd: '。',
  },
  compare: {
    title: '比较',
    description: '在机关之间比较政府信息公开申请数、办理结果、予以公开比例和复议诉讼。',
    lede: (agencies: number, year: number) => `默认比较报告最多的 ${agencies} 个机关、${year} 年的横截面。启用 JavaScript 后可以自选机关、年度和指标，所选内容保存在网址中，可直接分享。`,
    agencies: '机关',
    addAgency: '添加机关',
    addPlaceholder: '输入机关名称',
    year: '年度',
    measure: '指标',
    series: { description: '所选机关各年度的数字，一条线一个机关；空心点表示数字来自正文。', source: '各机关年度报告表三、表四。' },
    dispositions: { description: '所选年度各机关办理结果占比（归一化堆积条形）。', source: '表三“三、本年度办理结果”各项总计列。未能读出的类别画为斜线部分；办理总计为 0、未读出或与各类之和不符的报告不画比例。' },
    ranking: { description: '所选年度各机关予以公开占办理总数的比例，从高到低。', source: '表三“（一）予以公开”总计 ÷ “（七）总计”总计。' },
    kind: { description: '所选年度每份报告的新收申请数，按机关层级（县级、地市级、省级）与类型（政府、部门）分组。', source: '表三第一行总计列；层级由行政区划代码确定。' },
  },
  findings: {
    title: '发现',
    description: '同比异常变化、套话程度、报告是否按时、正文与表格不一致、申请人构成和机关数据质量排名。',
    lede: (reports: number) => `从全部 ${reports} 份报告中自动计算：哪些数字的变化大得需要核对原文，哪些报告大段照抄上一年，哪些报告按时发布，正文与表格在哪里说法不一，以及谁在申请政府信息公开。报告中没有的数字显示为“—”，不参与计算，也不当作 0。`,
    cutNote: (limit: number) => `为使页面在报告很多时仍然轻便，下列每张表最多列出 ${limit} 行（按各表的排序取前 ${limit} 行）；完整数据请见`,
    cutNoteLink: '数据下载',
    cutNoteEnd: '（CSV、SQLite）。',
    toc: '本页目录',
    report: (agency: string, year: number) => `${agency} ${year}`,
    sections: { changes: '同比变化与核对提示', boilerplate: '套话程度', timeliness: '报告时限', disagreements: '正文与表格不一致', applicants: '申请人构成', quality: '机关数据质量排名' },
    changesText: (factor: number) => `每个机关的每份报告与该机关上一份报告比较五项主要数字。增至上一份的 ${factor} 倍以上、降至 1/${factor} 以下，或由非零变为零的，标为“请核对原文”：可能是真实变化，也可能是报告印错或统计口径改变。两份报告都有数字时才比较。`,
    noFlags: '没有需要核对的变化。',
    flagSeparator: '：',
    noChanges: '没有同一机关两个年度的报告，无法比较。',
    changeColumns: ['机关', '年度', '指标', '上一份', '本份', '变化', '倍数', '提示'],
    fromProse: '（正文）',
    points: (d: string) => `${d} 个百分点`,
    flag: (flag: 'jump' | 'drop' | 'suddenZero', factor: number) => `${{ jump: `增至 ${factor} 倍以上`, drop: `降至 1/${factor} 以下`, suddenZero: '骤降为零' }[flag]}，请核对原文`,
    boilerplateText: (n: number) => `报告正文（一、总体情况，五、存在的主要问题及改进情况，六、其他需要报告的事项）有多少照搬同一机关的上一份报告：按“。！？；”和换行断句、忽略空白后逐字相同的句子所占比例，以及连续 ${n} 个字的片段（不重复计）在上一份报告中出现过的比例。`,
    boilerplateColumns: (n: number) => ['排名', '报告', '对比', '照搬的句子', `重复的${n}字片段`, '照搬最长的句子'],
    previousReport: (year: number) => `${year} 年报告`,
    fraction: (part: string, whole: string, share: string) => `${part} / ${whole}（${share}）`,
    timelinessText: '《政府信息公开条例》第四十九、五十条：政府部门应在每年 1 月 31 日前、县级以上人民政府应在 3 月 31 日前公布上一年度的年度报告。这里只依据报告末尾印出的签署日期；没有日期的为“未知”，不作推测。签署日期不晚于统计期末的标为“日期存疑”。',
    timelinessColumns: ['报告', '类型', '截止日期', '公布日期', '签署日期', '结果'],
    disagreementsText: '正文中写明的数字（如“共收到政府信息公开申请9件”）与同一报告表格中的数字不符之处，两个数字都列出，原文行号链接到报告原文。',
    noDisagreements: '没有发现：正文所述数字与表格一致，或无法比较。',
    disagreementColumns: ['报告', '指标', '正文', '表格', '原文'],
    proseLine: (line: number, text: string) => `第 ${line} 行：${text}`,
    applicantsText: '本年新收申请按申请人类型：自然人，以及法人或其他组织（商业企业、科研机构、社会公益组织、法律服务机构、其他）。占比以六类之和为分母；缺任何一类数字的报告不计入合计，并注明未计入的报告数。',
    applicantsChart: {
      title: '申请人构成（全部报告，按年度）',
      description: '各年度本年新收申请中各类申请人所占比例。',
      aria: '各年度申请人构成堆积条形图',
      axis: '占本年新收申请（%）',
      column: (label: string) => `${label}（件）`,
      columns: ['年度', '合计（件）', '计入的报告'],
      source: '表三“一、本年新收政府信息公开申请数量”各申请人列；缺少任何一列的报告不计入。',
      empty: '没有可画的年度：各年度都没有完整的申请人数字，或新收申请为 0。',
    },
    byYear: '全部报告，按年度',
    byYearColumns: { first: '年度', total: '合计', organisations: '法人或其他组织占比', reports: '计入 / 未计入的报告' },
    share: (share: string) => `（${share}）`,
    byReport: '各机关，按年度',
    byReportColumns: { first: '报告', total: '合计', natural: '自然人占比' },
    qualityText: '依次比较：模板勾稽核对的通过率（通过 / 可执行，数据不全的核对算作未通过）、未通过的核对数、完整表格的比例、正文与表格不一致的处数；各项都相同的机关并列。详见',
    qualityLink: '数据质量',
    qualityEnd: '。',
    qualityColumns: ['排名', '机关', '报告数', '通过 / 可执行的核对', '未通过', '数据不全', '完整的表格', '正文与表格不一致'],
    ownWork: '这些结果也可通过',
    ownWorkLink: '数据下载',
    ownWorkEnd: '自行核算。',
  },
  /** The downloads page. Entries named `…Html` hold markup: they are this file's own words, never report text. */
  data: {
    title: '数据下载',
    description: '下载全部年度报告数据：CSV 长表与宽表、JSON、SQLite 数据库、数据字典和静态 JSON 接口。',
    lede: (title: string, agencies: number, reports: number, builtOn: string) => `${title}。${agencies} 个机关、${reports} 份报告，数据版本 ${builtOn}。每个数字都来自报告原文并注明原文行号；报告中没有的数字留空（CSV 为空字段，SQLite 为 NULL，JSON 为 null），`,
    ledeStrong: '绝不以 0 代替',
    ledeEnd: '。',
    files: '文件',
    fileColumns: ['文件', '格式', '内容'],
    csv: 'CSV（UTF-8 BOM）',
    longCsv: (rows: string) => `长表：每份报告 × 表格 × 行 × 列一行，共 ${rows} 行，含机关、行政区划代码、年度、模板版本、数值和原文行号`,
    wideCsv: (table: string, reports: number) => `宽表：${table}，每份报告一行（${reports} 行），每个单元格一列`,
    wideTable: (section: string, name: string, legacy: boolean) => (legacy ? name : `表${section}（${name}）`),
    json: (reports: number) => `全部 ${reports} 份报告的完整记录（含正文段落、核对结果和每个数字的原文行号）`,
    sqlite: '数据库：agencies、reports、cells（长表）、checks、check_failures、dictionary 六张表，已建索引，可用 sqlite3、DB Browser 或 Datasette 打开',
    dictionaryCsv: '数据字典：每个单元格的中英文名称、单位、所属模板版本和模板行',
    metadataFormat: 'JSON（Datasette）',
    metadata: 'SQLite 数据库的说明：每张表、每一列的含义和单位，许可与来源；与 nianbao.sqlite 放在同一文件夹，运行 datasette nianbao.sqlite -m metadata.json 即可浏览',
    packageFormat: 'JSON（Frictionless Data Package）',
    datapackage: '上列 CSV 文件的机器可读说明：每个字段的名称、类型、含义和单位，主键与外键，许可；可用 Frictionless 等工具直接读取和校验',
    csvNoteHtml: 'CSV 文件为 UTF-8 编码并带 BOM、CRLF 换行、按 RFC 4180 加引号，可直接用 Excel 打开而不出现乱码；以公式字符开头的文字前加了单引号，见<a href="#dictionary">数据字典</a>。宽表中某一模板版本没有的单元格同样留空，哪个版本有哪个单元格见数据字典的 <code>editions</code> 列。',
    longForm: '长表的字段',
    longColumns: ['字段', '含义', 'Meaning'],
    wideNote: (n: number) => `宽表的前 ${n} 列为 `,
    wideNoteEndHtml: '（<code>table_status</code>：complete 完整 / partial 不完整 / absent 缺失），其后每列为一个单元格，列名为“行标识_列标识”，如 <code>granted_natural</code>。',
    sqliteHeading: 'SQLite 数据库',
    sqliteHtml: '表 <code>cells</code> 即长表；<code>reports</code> 每份报告一行（模板版本、签署日期、三张表的完整程度、来源文件及其 SHA-256，以及 2019 年以前旧式统计表的完整程度 <code>legacy_status</code>）；<code>agencies</code> 每个机关一行；<code>checks</code> 每份报告每项核对一行，<code>check_failures</code> 列出未通过的等式；<code>dictionary</code> 即数据字典。例如，各报告的予以公开件数：',
    datasetteHtml: (metadata: string) => `用 <a href="https://datasette.io/">Datasette</a> 浏览时，把 <a href="${metadata}"><code>metadata.json</code></a> 与数据库放在同一文件夹，运行 <code>datasette nianbao.sqlite -m metadata.json</code>：每张表、每一列都附有中英文说明和单位。`,
    api: '静态 JSON 接口',
    apiLede: '无需密钥、无需服务器端程序的只读接口，随网站一同生成：',
    apiColumns: ['地址', '内容'],
    apiIndex: '全部机关和报告的目录，每项附网页地址和接口地址',
    apiReport: '/api/reports/<报告编号>.json',
    apiReportWhat: '一份报告的完整记录，与 nianbao.json 中的记录相同',
    apiAgency: '/api/agencies/<机关标识>.json',
    apiAgencyWhat: '一个机关：名称、地区、类型，及其历年报告的主要数字和链接',
    apiSummaries: '每份报告一行的主要数字（比较页使用）',
    example: '（例：',
    exampleEnd: '）',
    feeds: '订阅',
    feedsLede: (n: number) => `两个 Atom 订阅源（中文），可用任何 RSS/Atom 阅读器订阅，按报告自身的日期（发布日期，没有的用落款日期）由新到旧排列，各列最新的 ${n} 条：`,
    feedReports: '：年度报告，每份报告一条，链接到报告页面；',
    feedFindings: '：需要核对原文的',
    feedFindingsLink: '发现',
    feedFindingsEnd: '（较上一份报告的异常变化、逾期或日期存疑的报告、正文与表格不一致的数字），每条链接到所涉报告的“发现”一节。',
    dictionary: '数据字典',
    dictionaryLede: (all: number, e2021: number, e2019: number, pre: number) => `共 ${all} 个单元格（2021 年版 ${e2021} 个，2019 年版 ${e2019} 个，2019 年以前的旧式统计表 ${pre} 个，模板版本记作 pre2019）。旧式统计表的“受理申请”与 2019 年起表三的“本年新收”口径不同，合并使用时请注意。也可下载 `,
    formulaHtml: 'CSV 中的文字单元格（机关名称、地区、行名称等）如以 <code>=</code>、<code>+</code>、<code>-</code>、<code>@</code>、制表符或回车开头（如名为 <code>=NOW()</code> 的机关），前面加一个单引号 <code>\'</code>，Excel 等表格软件因此把它显示为文字，而不当作公式执行（OWASP 对 CSV 注入的建议）；数字不加（−3 仍写作 <code>-3</code>）。JSON、SQLite 和接口保留原文，不加单引号。',
    dictionaryColumns: ['标识', '行', '列', 'Row · column', '单位', '模板版本', '模板位置'],
    editionSeparator: '、',
    licence: '许可与引用',
    citation: '引用格式：',
    citeReport: '发现问题、想引用某一个数字时，请同时注明报告页面的地址：每份报告的页面列出来源文件和 SHA-256，每个数字链接到原文中的那一行。另见',
    and: '与',
    end: '。',
  },
  quality: {
    title: '数据质量',
    description: '每份报告的核对结果、缺失或被截断的表格，以及无法读取的文件和原因。',
    stats: { files: '个输入文件', records: '份报告记录', warnings: '个文件有提示', errors: '个文件无法读取', failedChecks: '项核对未通过' },
    rules: (rules: { label: string; rule: string }[]) => `核对规则来自模板本身：${rules.map((c) => `${c.label}（${c.rule}）`).join('；')}。未通过的核对如实展示，报告中印出的数字不作任何修改。`,
    problems: (n: number) => `有问题的报告（${n}）`,
    noProblems: '所有报告的表格完整、核对全部通过。',
    problemColumns: ['报告', '未通过的核对', '数据不全的核对', '缺失或不完整的表格', '说明'],
    report: (agency: string, year: number) => `${agency} ${year}`,
    listSeparator: '、',
    tableBadge: (table: string, status: string) => `${table}${status}`,
    problemsCut: (n: number) => `只列出前 ${n} 份（按未通过的核对数排序）；全部文件的状态与原因见 `,
    ranking: '机关数据质量排名',
    rankingColumns: ['机关', '通过 / 可执行的核对', '未通过', '报告数'],
    files: (n: number) => `无法作为报告读取的文件（${n}）`,
    noFiles: '没有。',
    fileColumns: ['文件', '原因'],
    reasonSeparator: '；',
    filesCut: (n: number) => `只列出前 ${n} 个；全部见 `,
    cutEnd: '。',
    statuses: (statuses: [string, string][]) => `核对状态：${statuses.map(([k, v]) => `${v}（${k}）`).join('、')}。`,
  },
  agencies: {
    title: '机关',
    description: '全部机关：地区、类型、年度、最近一年的申请数与予以公开比例、核对结果。',
    lede: (total: number, number: number, count: number, shown: number) => `共 ${total} 个机关${count > 1 ? `（第 ${number} / ${count} 页，本页 ${shown} 个）` : ''}，按省、市分组。点击表头排序；在下面的框中输入可筛选（需要 JavaScript，表格本身不需要）。`,
    filter: '筛选',
    filterPlaceholder: '机关名称、地区、类型',
    unknownProvince: '地区未识别',
    caption: (province: string) => `${province}的机关`,
    columns: ['机关', '地市', '区县', '层级 · 类型', '报告年度', '最近一年新收申请', '予以公开占比', '核对通过'],
    yearSeparator: '、',
    latestYear: (year: number) => `（${year}）`,
    footnote: '* 该报告没有表格，数字取自正文。“核对通过”为该机关所有报告中通过的核对项数 / 能够执行的核对项数。',
  },
  pager: { label: '分页', prev: '上一页', next: '下一页' },
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
  /** The home page of a site built from a corpus without reports (components/EmptyCorpus.astro): words around the folder, the links and the code. */
  emptyCorpus: {
    heading: '还没有报告',
    builtFrom: '本站由文件夹 ',
    noFiles: ' 生成，其中没有文件。',
    unreadable: (files: number) => ` 生成，其中的 ${files} 个文件都不是可以读取的年度报告，原因见`,
    quality: '数据质量',
    unreadableEnd: '页。',
    /** Before the folder content/reports/, between it and NIANBAO_CORPUS, after that (both shown as code). */
    howTo: ['添加报告：把政府信息公开工作年度报告（.txt、.md、.html、.docx 或带文字层的 .pdf）放进 ', ' 文件夹，或用环境变量 ', ' 指定报告所在的文件夹，然后重新构建：'],
  },
  /** The report's tables: captions and the heads the template's own labels do not give. */
  reportTables: {
    proactiveCaption: (template: string) => `表二 主动公开政府信息情况（${template} 年版格式）`,
    item: '信息内容',
    requestsCaption: '表三 收到和处理政府信息公开申请情况（单位：件）',
    row: '项目',
    legalPersons: '法人或其他组织',
    outcomes: '三、本年度办理结果',
    appealsCaption: '表四 政府信息公开行政复议、行政诉讼情况（单位：件）',
    group: '类别',
    legacyCaption: '政府信息公开情况统计表（2019 年以前的旧式统计表）',
    indicator: '指标名称',
    unit: '计量单位',
  },
  corrections: {
    heading: '人工更正',
    lede: '以下数字在提取之后经人工核对更正；上面的表格和核对使用更正后的数字。提取时读到的数字仍保留在下载数据中（value_read 列）。',
    columns: ['单元格', '提取时读作', '更正为', '理由', '来源', '日期'],
    identity: { agency: '机关名称（身份更正）', year: '报告年度（身份更正）', merge: '机关名称（合并显示于此机关）' },
    identityLede: '这份报告的机关或年度由更正文件给出，或与另一机关名称合并显示；报告原文所印的名称保留在表中。',
  },
  report: {
    title: (name: string, year: number) => `${name} ${year} 年政府信息公开工作年度报告`,
    description: (name: string, year: number) => `${name}${year}年政府信息公开工作年度报告的数据：收到申请、办理结果、复议诉讼，逐项可追溯到原文。`,
    template: { '2021': '2021 年版格式', '2019': '2019 年版格式', pre2019: '2019 年以前的旧式统计表' } satisfies Record<Template, string>,
    failed: (n: number) => `${n} 项核对未通过`,
    incomplete: '表格不完整，部分核对',
    passed: '核对未发现矛盾',
    tableNames: { proactive: '表二', requests: '表三', appeals: '表四', legacy: '旧式统计表' },
    tableBadge: (table: string, status: string) => `${table}${status}`,
    agency: '机关',
    kind: (kind: string) => `（${kind}）`,
    year: '报告年度',
    signedOn: '落款日期',
    published: '公布日期',
    publishedFrom: (date: string, source: string) => `${date}（${source}）`,
    publishedSource: { 'crawler-header': '抓取页头的发布时间', 'html-meta': '网页元数据 PubDate', 'html-title': '网页标题', 'pdf-meta': 'PDF 元数据', 'file-name': '文件名' },
    sourceFile: '来源文件',
    sourceFileIs: (path: string, format: string, encoding: string, bytes: number) => `${path}（${format}，${encoding}，${bytes.toLocaleString('en-US')} 字节）`,
    messages: '提取说明',
    headline: '主要数字',
    legacyFigures: { requestsReceived: '受理申请（件）', answersTotal: '答复总数（件）', answersGranted: '同意公开（件）', reviews: '行政复议（件）', lawsuits: '行政诉讼（件）' },
    legacyFigure: (label: string) => `${label}，旧式统计表本年`,
    received: '本年新收申请（件）',
    receivedFromProse: '来自正文',
    receivedFromProseBefore: '，',
    handled: '办理结果总计（件）',
    grantRate: '予以公开占比',
    reviews: '行政复议（件）',
    lawsuits: '行政诉讼（件）',
    tables: '表格',
    tablesLede: '数字链接到原文所在行；“—”表示报告中没有这个数（空白、缺表或表格被截断），不是 0。红框为核对未通过所涉及的单元格；标“更”的数字经人工更正，理由见“人工更正”。',
    legacyIntro: '这份报告早于 2019 年的模板，没有表二、表三、表四，只有旧式统计表。其中“受理申请”与 2019 年起表三的“本年新收申请”口径不同，“同意公开”大致相当于“予以公开”。',
    legacyNone: '这份报告早于 2019 年的模板，没有表二、表三、表四，也没有旧式统计表；数字只见于正文（见下文“正文所述数字”）。',
    checks: '勾稽关系核对',
    findings: '发现',
    timeliness: '是否按时发布',
    boilerplate: '与上一份报告的重复',
    versusBefore: '与 ',
    versusLink: (year: number) => `${year} 年报告`,
    versusAfter: (b: { reusedSentences: number; sentences: number; reusedNgrams: number; ngrams: number }, sentenceShare: string, ngramShare: string) => `相比：句子重复 ${b.reusedSentences}/${b.sentences}（${sentenceShare}），五字片段重复 ${b.reusedNgrams}/${b.ngrams}（${ngramShare}）`,
    noPrevious: '没有同一机关更早的报告可比。',
    changes: '较上一年的变化',
    noChanges: '没有异常变化（超过 5 倍、不到五分之一或骤降为零）。',
    disagreements: '正文与表格',
    noDisagreements: '没有发现正文与表格不一致的数字。',
    /** A prose-vs-table disagreement: the measure, the prose's figure and line, the table's figure. */
    disagreement: (label: string, prose: number, line: number | null, text: string | null, table: number) => `正文与表格不一致：${label}正文为 ${prose}${line ? `（第 ${line} 行“${text}”）` : ''}，表格为 ${table}。`,
    narrative: '正文所述数字',
    noNarrative: '正文中没有读到可比较的数字。',
    narrativeColumns: ['项目', '数字', '原文'],
    narrativeLine: (n: number) => `第 ${n} 行`,
    narrativeQuote: (text: string) => `：${text}`,
    sections: { overview: '一、总体情况', problems: '五、存在的主要问题及改进情况', other: '六、其他需要报告的事项' },
    sectionCut: (kb: number) => `本节过长，页面只显示开头 ${kb} KB；全文见`,
    sectionCutDownload: '原文下载',
    sectionCutBelow: '下方原文',
    sectionCutEnd: '。',
    sectionElsewhere: '',
    sectionElsewhereLink: '',
    source: (lines: number) => `原文（提取时读到的文本，共 ${lines} 行）`,
    sourceCut: (first: number, linked: number) => `原文过长，页面只显示前 ${first} 行${linked > 0 ? `及表格、正文数字所在的 ${linked} 行` : ''}；全文见`,
    sourceCutLink: '下载',
    sourceCutEnd: '（纯文本，UTF-8）。',
    sourceLede: (checks: string) => `以下为报告原文的纯文本，按行编号，未作任何修改；表格中每个数字都链接到这里的对应行。各项核对的状态：${checks}。`,
    checkStatus: (id: string, status: string) => `${id} ${status}`,
    listSeparator: '，',
    sourceLabel: '报告原文，按行编号',
    sourceElsewhere: '',
    sourceElsewhereLink: '',
  },
  narrativeLabels: {
    proactiveItems: '主动公开信息（条）',
    requestsReceived: '收到申请（件）',
    granted: '予以公开（件）',
    partiallyGranted: '部分公开（件）',
    withheld: '不予公开（件）',
    unavailable: '无法提供（件）',
    notProcessed: '不予处理（件）',
    reviewCases: '行政复议（件）',
    litigationCases: '行政诉讼（件）',
  } as Record<string, string>,
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
    },
    dispositions: {
      title: '办理结果构成',
      description: '各年度办理结果按类别占办理总计的比例；数据表同时给出件数。未能读出的类别画为斜线部分；办理总计为 0、未读出或与各类之和不符的年度不画比例。',
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
  },
  /** The extractor's messages (record.messages, the manifest's reasons), by code (schema/message.ts). */
  extractMessages: zhMessages,
  /** The charts' words: drawn in a chart, in the notes under it, on the compare page (chart-words.ts). */
  charts: zhChartWords,
};

/** The key set of an interface dictionary: every locale's dictionary has this type. */
export type Dictionary = typeof zh;
