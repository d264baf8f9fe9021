/**
 * The State Council's annual-report template (国办公开办函〔2021〕30号 and the 2019 edition
 * 国办公开办函〔2019〕60号): the fixed rows and columns of its three tables, with the JSON keys the
 * record uses. Everything that needs a label, a group or an order imports it from here.
 */

/** Applicant columns of table B, in template order; `total` is 总计. */
export const REQUEST_COLUMNS = [
  'natural',
  'commercial',
  'research',
  'nonprofit',
  'legal',
  'other',
  'total',
] as const;
export type RequestColumn = (typeof REQUEST_COLUMNS)[number];

/** Disposition family of a table-B row, used for colours and stacked charts. */
export type RowGroup =
  | 'intake'
  | 'granted'
  | 'partial'
  | 'withheld'
  | 'unavailable'
  | 'notProcessed'
  | 'otherHandling'
  | 'total'
  | 'carriedForward';

export interface RequestRowSpec {
  key: RequestRowKey;
  group: RowGroup;
  /** Label as printed in the 2021 template. */
  zh: string;
  en: string;
  /** Which template editions have this row (none before the 2019 template, `pre2019`). */
  editions: readonly ('2021' | '2019' | 'pre2019')[];
}

export const REQUEST_ROW_KEYS = [
  'newReceived',
  'carriedOver',
  'granted',
  'partiallyGranted',
  'withheldStateSecret',
  'withheldLawProhibited',
  'withheldSecurityStability',
  'withheldThirdParty',
  'withheldInternalAffairs',
  'withheldProcessInfo',
  'withheldEnforcementFile',
  'withheldAdminQuery',
  'unavailableNotHeld',
  'unavailableNeedsCreation',
  'unavailableUnclear',
  'notProcessedComplaint',
  'notProcessedDuplicate',
  'notProcessedPublication',
  'notProcessedExcessive',
  'notProcessedConfirmation',
  'otherNoCorrection',
  'otherUnpaidFee',
  'otherOther',
  'otherHandling',
  'total',
  'carriedForward',
] as const;
export type RequestRowKey = (typeof REQUEST_ROW_KEYS)[number];

const BOTH = ['2021', '2019'] as const;

/** Table B rows in template order. */
export const REQUEST_ROWS: readonly RequestRowSpec[] = [
  { key: 'newReceived', group: 'intake', zh: '一、本年新收政府信息公开申请数量', en: 'New requests received this year', editions: BOTH },
  { key: 'carriedOver', group: 'intake', zh: '二、上年结转政府信息公开申请数量', en: 'Carried over from last year', editions: BOTH },
  { key: 'granted', group: 'granted', zh: '（一）予以公开', en: 'Granted in full', editions: BOTH },
  { key: 'partiallyGranted', group: 'partial', zh: '（二）部分公开', en: 'Granted in part', editions: BOTH },
  { key: 'withheldStateSecret', group: 'withheld', zh: '（三）不予公开 1.属于国家秘密', en: 'Withheld: state secret', editions: BOTH },
  { key: 'withheldLawProhibited', group: 'withheld', zh: '2.其他法律行政法规禁止公开', en: 'Withheld: prohibited by other law', editions: BOTH },
  { key: 'withheldSecurityStability', group: 'withheld', zh: '3.危及“三安全一稳定”', en: 'Withheld: endangers security or stability', editions: BOTH },
  { key: 'withheldThirdParty', group: 'withheld', zh: '4.保护第三方合法权益', en: 'Withheld: third-party rights', editions: BOTH },
  { key: 'withheldInternalAffairs', group: 'withheld', zh: '5.属于三类内部事务信息', en: 'Withheld: internal affairs', editions: BOTH },
  { key: 'withheldProcessInfo', group: 'withheld', zh: '6.属于四类过程性信息', en: 'Withheld: deliberative process', editions: BOTH },
  { key: 'withheldEnforcementFile', group: 'withheld', zh: '7.属于行政执法案卷', en: 'Withheld: enforcement file', editions: BOTH },
  { key: 'withheldAdminQuery', group: 'withheld', zh: '8.属于行政查询事项', en: 'Withheld: administrative query', editions: BOTH },
  { key: 'unavailableNotHeld', group: 'unavailable', zh: '（四）无法提供 1.本机关不掌握相关政府信息', en: 'Unavailable: not held', editions: BOTH },
  { key: 'unavailableNeedsCreation', group: 'unavailable', zh: '2.没有现成信息需要另行制作', en: 'Unavailable: would need to be created', editions: BOTH },
  { key: 'unavailableUnclear', group: 'unavailable', zh: '3.补正后申请内容仍不明确', en: 'Unavailable: still unclear after correction', editions: BOTH },
  { key: 'notProcessedComplaint', group: 'notProcessed', zh: '（五）不予处理 1.信访举报投诉类申请', en: 'Not processed: petition or complaint', editions: BOTH },
  { key: 'notProcessedDuplicate', group: 'notProcessed', zh: '2.重复申请', en: 'Not processed: duplicate', editions: BOTH },
  { key: 'notProcessedPublication', group: 'notProcessed', zh: '3.要求提供公开出版物', en: 'Not processed: asks for publications', editions: BOTH },
  { key: 'notProcessedExcessive', group: 'notProcessed', zh: '4.无正当理由大量反复申请', en: 'Not processed: excessive repeated requests', editions: BOTH },
  { key: 'notProcessedConfirmation', group: 'notProcessed', zh: '5.要求行政机关确认或重新出具已获取信息', en: 'Not processed: asks to confirm or reissue', editions: BOTH },
  { key: 'otherNoCorrection', group: 'otherHandling', zh: '（六）其他处理 1.申请人无正当理由逾期不补正', en: 'Other: applicant did not correct in time', editions: ['2021'] },
  { key: 'otherUnpaidFee', group: 'otherHandling', zh: '2.申请人逾期未按收费通知要求缴纳费用', en: 'Other: fee not paid', editions: ['2021'] },
  { key: 'otherOther', group: 'otherHandling', zh: '3.其他', en: 'Other: other', editions: ['2021'] },
  { key: 'otherHandling', group: 'otherHandling', zh: '（六）其他处理', en: 'Other handling', editions: ['2019'] },
  { key: 'total', group: 'total', zh: '（七）总计', en: 'Total handled', editions: BOTH },
  { key: 'carriedForward', group: 'carriedForward', zh: '四、结转下年度继续办理', en: 'Carried forward to next year', editions: BOTH },
];

export const COLUMN_LABELS: Record<RequestColumn, { zh: string; en: string }> = {
  natural: { zh: '自然人', en: 'Natural persons' },
  commercial: { zh: '商业企业', en: 'Businesses' },
  research: { zh: '科研机构', en: 'Research institutions' },
  nonprofit: { zh: '社会公益组织', en: 'Non-profits' },
  legal: { zh: '法律服务机构', en: 'Legal services' },
  other: { zh: '其他', en: 'Other organisations' },
  total: { zh: '总计', en: 'Total' },
};

/** Disposition rows (between 三、本年度办理结果 and （七）总计) for one edition. */
export function listDispositionRows(edition: '2021' | '2019'): RequestRowSpec[] {
  return REQUEST_ROWS.filter(
    (r) => !['intake', 'total', 'carriedForward'].includes(r.group) && r.editions.includes(edition),
  );
}

export const APPEAL_GROUPS = ['review', 'litigationDirect', 'litigationAfterReview'] as const;
export type AppealGroup = (typeof APPEAL_GROUPS)[number];
export const APPEAL_OUTCOMES = ['upheld', 'corrected', 'other', 'pending', 'total'] as const;
export type AppealOutcome = (typeof APPEAL_OUTCOMES)[number];

export const APPEAL_GROUP_LABELS: Record<AppealGroup, { zh: string; en: string }> = {
  review: { zh: '行政复议', en: 'Administrative review' },
  litigationDirect: { zh: '行政诉讼·未经复议直接起诉', en: 'Litigation, filed directly' },
  litigationAfterReview: { zh: '行政诉讼·复议后起诉', en: 'Litigation after review' },
};
export const APPEAL_OUTCOME_LABELS: Record<AppealOutcome, { zh: string; en: string }> = {
  upheld: { zh: '结果维持', en: 'Upheld' },
  corrected: { zh: '结果纠正', en: 'Corrected' },
  other: { zh: '其他结果', en: 'Other outcome' },
  pending: { zh: '尚未审结', en: 'Pending' },
  total: { zh: '总计', en: 'Total' },
};

/** Table A rows per edition: key, printed label, and the column keys in printed order. */
export interface ProactiveRowSpec {
  key: string;
  zh: string;
  en: string;
  /** Other printed forms of the label (2019: 规范性文件). */
  aliases?: readonly string[];
  columns: readonly string[];
  columnLabels: readonly string[];
  columnLabelsEn: readonly string[];
}

export const PROACTIVE_ROWS: Record<'2021' | '2019', readonly ProactiveRowSpec[]> = {
  '2021': [
    { key: 'rules', en: 'Rules', zh: '规章', columns: ['issued', 'repealed', 'inForce'], columnLabels: ['本年制发件数', '本年废止件数', '现行有效件数'], columnLabelsEn: ['Issued this year', 'Repealed this year', 'In force'] },
    { key: 'normativeDocs', en: 'Normative documents', zh: '行政规范性文件', aliases: ['规范性文件'], columns: ['issued', 'repealed', 'inForce'], columnLabels: ['本年制发件数', '本年废止件数', '现行有效件数'], columnLabelsEn: ['Issued this year', 'Repealed this year', 'In force'] },
    { key: 'licensing', en: 'Administrative licensing', zh: '行政许可', columns: ['decisions'], columnLabels: ['本年处理决定数量'], columnLabelsEn: ['Decisions this year'] },
    { key: 'penalty', en: 'Administrative penalties', zh: '行政处罚', columns: ['decisions'], columnLabels: ['本年处理决定数量'], columnLabelsEn: ['Decisions this year'] },
    { key: 'coercion', en: 'Administrative coercion', zh: '行政强制', columns: ['decisions'], columnLabels: ['本年处理决定数量'], columnLabelsEn: ['Decisions this year'] },
    { key: 'fees', en: 'Administrative fees', zh: '行政事业性收费', columns: ['amountWan'], columnLabels: ['本年收费金额（万元）'], columnLabelsEn: ['Fees collected (10,000 yuan)'] },
  ],
  '2019': [
    { key: 'rules', en: 'Rules', zh: '规章', columns: ['made', 'published', 'totalPublic'], columnLabels: ['本年新制作数量', '本年新公开数量', '对外公开总数量'], columnLabelsEn: ['Made this year', 'Published this year', 'Total public'] },
    { key: 'normativeDocs', en: 'Normative documents', zh: '规范性文件', aliases: ['行政规范性文件'], columns: ['made', 'published', 'totalPublic'], columnLabels: ['本年新制作数量', '本年新公开数量', '对外公开总数量'], columnLabelsEn: ['Made this year', 'Published this year', 'Total public'] },
    { key: 'licensing', en: 'Administrative licensing', zh: '行政许可', columns: ['prevItems', 'change', 'decisions'], columnLabels: ['上一年项目数量', '本年增/减', '处理决定数量'], columnLabelsEn: ['Items last year', 'Change this year', 'Decisions'] },
    { key: 'otherServices', en: 'Other administrative services', zh: '其他对外管理服务事项', columns: ['prevItems', 'change', 'decisions'], columnLabels: ['上一年项目数量', '本年增/减', '处理决定数量'], columnLabelsEn: ['Items last year', 'Change this year', 'Decisions'] },
    { key: 'penalty', en: 'Administrative penalties', zh: '行政处罚', columns: ['prevItems', 'change', 'decisions'], columnLabels: ['上一年项目数量', '本年增/减', '处理决定数量'], columnLabelsEn: ['Items last year', 'Change this year', 'Decisions'] },
    { key: 'coercion', en: 'Administrative coercion', zh: '行政强制', columns: ['prevItems', 'change', 'decisions'], columnLabels: ['上一年项目数量', '本年增/减', '处理决定数量'], columnLabelsEn: ['Items last year', 'Change this year', 'Decisions'] },
    { key: 'fees', en: 'Administrative fees', zh: '行政事业性收费', columns: ['prevItems', 'change'], columnLabels: ['上一年项目数量', '本年增/减'], columnLabelsEn: ['Items last year', 'Change this year'] },
    { key: 'procurement', en: 'Government procurement', zh: '政府集中采购', columns: ['projects', 'amountYuan'], columnLabels: ['采购项目数量', '采购总金额（元）'], columnLabelsEn: ['Procurement projects', 'Procurement total (yuan)'] },
  ],
};
