/**
 * The older statistics table of reports for 2008–2018 (before 国办公开办函〔2019〕60号): one indicator a
 * row under 指标名称 / 计量单位 / 本年 / 历年累计. Its rows differ by province and year; these are the
 * ones seen in real reports, with the printed variants of each label, its unit and the record key.
 * Everything that needs a legacy row's label, unit or sum imports it from here.
 */

/** Record keys of the older table's rows, in the order they are printed. */
export const LEGACY_KEYS = [
  'proactiveTotal',
  'proactiveWebsite',
  'proactiveGazette',
  'requestsReceived',
  'requestsInPerson',
  'requestsByFax',
  'requestsByEmail',
  'requestsOnline',
  'requestsByLetter',
  'requestsByLetterOrFax',
  'requestsOther',
  'answersTotal',
  'answersGranted',
  'answersPartlyGranted',
  'answersRefused',
  'answersOther',
  'feesYuan',
  'complaints',
  'reviews',
  'lawsuits',
] as const;
export type LegacyKey = (typeof LEGACY_KEYS)[number];

/** The two figure columns: 本年 (the reporting year, also printed "2016年度" or "年末统计") and 历年累计. */
export const LEGACY_COLUMNS = ['year', 'cumulative'] as const;
export type LegacyColumn = (typeof LEGACY_COLUMNS)[number];

export const LEGACY_COLUMN_LABELS: Record<LegacyColumn, { zh: string; en: string }> = {
  year: { zh: '本年', en: 'This year' },
  cumulative: { zh: '历年累计', en: 'Cumulative' },
};

export interface LegacyRowSpec {
  key: LegacyKey;
  /** The label in its most common printed form. */
  zh: string;
  en: string;
  /**
   * Every printed form, in canonical form (no spaces, punctuation, 其中 or ordinal; 其它 as 其他):
   * see `canonicalLegacyLabel`.
   */
  variants: readonly string[];
  /** Unit as printed: 条 (items or requests), 件 (cases), 元 (yuan). */
  unit: '条' | '件' | '元';
  unitEn: string;
}

export const LEGACY_ROWS: readonly LegacyRowSpec[] = [
  { key: 'proactiveTotal', zh: '主动公开信息数', en: 'Items proactively disclosed', variants: ['主动公开信息数', '主动公开文件数', '主动公开政府信息数'], unit: '条', unitEn: 'items' },
  { key: 'proactiveWebsite', zh: '网站公开数', en: 'Proactively disclosed on the website', variants: ['网站公开', '网站公开数', '政府网站公开', '政府网站公开数'], unit: '条', unitEn: 'items' },
  { key: 'proactiveGazette', zh: '政府公报公开数', en: 'Proactively disclosed in the gazette', variants: ['政府公报公开', '政府公报公开数', '公报公开', '公报公开数'], unit: '条', unitEn: 'items' },
  { key: 'requestsReceived', zh: '受理政府信息公开申请总数', en: 'Requests accepted (受理)', variants: ['受理依申请公开信息总数', '受理政府信息公开申请总数', '受理依申请公开申请总数', '受理申请总数'], unit: '条', unitEn: 'requests' },
  { key: 'requestsInPerson', zh: '当面申请数', en: 'Requests made in person', variants: ['当面申请数', '当面申请书'], unit: '条', unitEn: 'requests' },
  { key: 'requestsByFax', zh: '传真申请数', en: 'Requests by fax', variants: ['传真申请数'], unit: '条', unitEn: 'requests' },
  { key: 'requestsByEmail', zh: '电子邮件申请数', en: 'Requests by e-mail', variants: ['电子邮件申请数'], unit: '条', unitEn: 'requests' },
  { key: 'requestsOnline', zh: '网上申请数', en: 'Requests online', variants: ['网上申请数'], unit: '条', unitEn: 'requests' },
  { key: 'requestsByLetter', zh: '信函申请数', en: 'Requests by letter', variants: ['信函申请数'], unit: '条', unitEn: 'requests' },
  { key: 'requestsByLetterOrFax', zh: '信函、传真申请数', en: 'Requests by letter or fax', variants: ['信函传真申请数'], unit: '条', unitEn: 'requests' },
  { key: 'requestsOther', zh: '其他形式申请数', en: 'Requests in other ways', variants: ['其他形式申请数'], unit: '条', unitEn: 'requests' },
  { key: 'answersTotal', zh: '对申请的答复总数', en: 'Answers given', variants: ['对申请的答复数', '对申请的答复总数'], unit: '条', unitEn: 'answers' },
  { key: 'answersGranted', zh: '同意公开答复数', en: 'Answers granting disclosure', variants: ['同意公开答复数'], unit: '条', unitEn: 'answers' },
  { key: 'answersPartlyGranted', zh: '同意部分公开答复数', en: 'Answers granting part', variants: ['同意部分公开答复数'], unit: '条', unitEn: 'answers' },
  { key: 'answersRefused', zh: '不予公开答复数', en: 'Answers refusing disclosure', variants: ['否决公开答复数', '否决公开答复总数', '不予公开答复数', '不予公开答复总数'], unit: '条', unitEn: 'answers' },
  { key: 'answersOther', zh: '其他类型答复数', en: 'Other answers', variants: ['其他类型答复数'], unit: '条', unitEn: 'answers' },
  { key: 'feesYuan', zh: '政府信息公开收费减免金额', en: 'Fees charged or waived', variants: ['政府信息公开收费减免金额', '收费减免金额', '收费'], unit: '元', unitEn: 'yuan' },
  { key: 'complaints', zh: '行政申诉数', en: 'Administrative complaints and reports', variants: ['行政申诉数', '接受行政申诉举报数', '接受行政诉讼举报数'], unit: '件', unitEn: 'cases' },
  { key: 'reviews', zh: '行政复议数', en: 'Administrative reviews', variants: ['行政复议数'], unit: '件', unitEn: 'cases' },
  { key: 'lawsuits', zh: '行政诉讼数', en: 'Lawsuits', variants: ['行政诉讼数'], unit: '件', unitEn: 'cases' },
];

/**
 * The sums the table's own rows state ("其中" sub-rows): each part row adds up to its total row, in
 * every column, over the part rows the report prints.
 */
export const LEGACY_SUMS: readonly { total: LegacyKey; parts: readonly LegacyKey[]; zh: string }[] = [
  { total: 'proactiveTotal', parts: ['proactiveWebsite', 'proactiveGazette'], zh: '网站公开 + 政府公报公开 = 主动公开' },
  { total: 'answersTotal', parts: ['answersGranted', 'answersPartlyGranted', 'answersRefused', 'answersOther'], zh: '同意公开 + 同意部分公开 + 不予（否决）公开 + 其他类型 = 答复总数' },
];

/**
 * Returns a label in the canonical form `LegacyRowSpec.variants` holds: spaces, punctuation, a
 * leading 其中 and an ordinal (1． 2、 （3）) removed, full-width digits folded, 其它 as 其他.
 */
export function canonicalLegacyLabel(label: string): string {
  return label
    .normalize('NFKC')
    .replace(/[\s\u00a0\u3000]+/g, '')
    .replace(/^其中[:：]?/, '')
    .replace(/^(?:\d{1,2}[.、．]|[(（]\d{1,2}[)）])/, '')
    .replace(/[、，,：:；;.。·()（）"“”]/g, '')
    .replace(/其它/g, '其他');
}

const BY_VARIANT = new Map(LEGACY_ROWS.flatMap((row) => row.variants.map((v) => [v, row] as const)));

/** Returns the row a printed label names (fuzzy on spaces, punctuation, 其中 and ordinals), or null. */
export function matchLegacyLabel(label: string): LegacyRowSpec | null {
  return BY_VARIANT.get(canonicalLegacyLabel(label)) ?? null;
}

/** Returns the spec of a row. */
export function findLegacyRow(key: LegacyKey): LegacyRowSpec {
  return LEGACY_ROWS.find((r) => r.key === key)!;
}
