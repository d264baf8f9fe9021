/**
 * Table B as printed, row by row: the label of each template row, with the group labels that head
 * its block (三、本年度办理结果, （三）不予公开 …), for either edition. The renderers lay these out in
 * their own way; the wording follows the State Council templates and the sample reports.
 */
import type { RequestRowKey } from '../../../src/lib/template.ts';
import type { Edition } from './figures.ts';

export interface PrintedRow {
  key: RequestRowKey;
  /** 三、本年度办理结果, printed on the first row of the dispositions only. */
  outer?: string;
  /** （三）不予公开 and the like, printed on the first row of its block only. */
  group?: string;
  label: string;
}

const WITHHELD = ['1.属于国家秘密', '2.其他法律行政法规禁止公开', '3.危及“三安全一稳定”', '4.保护第三方合法权益', '5.属于三类内部事务信息', '6.属于四类过程性信息', '7.属于行政执法案卷', '8.属于行政查询事项'] as const;
const UNAVAILABLE = ['1.本机关不掌握相关政府信息', '2.没有现成信息需要另行制作', '3.补正后申请内容仍不明确'] as const;
const NOT_PROCESSED = ['1.信访举报投诉类申请', '2.重复申请', '3.要求提供公开出版物', '4.无正当理由大量反复申请', '5.要求行政机关确认或重新出具已获取信息'] as const;
const OTHER_2021 = ['1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', '3.其他'] as const;

const block = (group: string, keys: readonly RequestRowKey[], labels: readonly string[]): PrintedRow[] =>
  keys.map((key, i) => ({ key, label: labels[i]!, ...(i === 0 ? { group } : {}) }));

/** Returns table B's rows in printed order for an edition. */
export function printedRequestRows(edition: Edition): PrintedRow[] {
  return [
    { key: 'newReceived', label: '一、本年新收政府信息公开申请数量' },
    { key: 'carriedOver', label: '二、上年结转政府信息公开申请数量' },
    { key: 'granted', outer: '三、本年度办理结果', label: '（一）予以公开' },
    { key: 'partiallyGranted', label: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）' },
    ...block('（三）不予公开', ['withheldStateSecret', 'withheldLawProhibited', 'withheldSecurityStability', 'withheldThirdParty', 'withheldInternalAffairs', 'withheldProcessInfo', 'withheldEnforcementFile', 'withheldAdminQuery'], WITHHELD),
    ...block('（四）无法提供', ['unavailableNotHeld', 'unavailableNeedsCreation', 'unavailableUnclear'], UNAVAILABLE),
    ...block('（五）不予处理', ['notProcessedComplaint', 'notProcessedDuplicate', 'notProcessedPublication', 'notProcessedExcessive', 'notProcessedConfirmation'], NOT_PROCESSED),
    ...(edition === '2021'
      ? block('（六）其他处理', ['otherNoCorrection', 'otherUnpaidFee', 'otherOther'], OTHER_2021)
      : [{ key: 'otherHandling' as const, label: '（六）其他处理' }]),
    { key: 'total', label: '（七）总计' },
    { key: 'carriedForward', label: '四、结转下年度继续办理' },
  ];
}

/** Column headers of table B's applicant columns (2019: 社会组织; 2021: 社会公益组织). */
export function organisationHeaders(edition: Edition): string[] {
  return ['商业企业', '科研机构', edition === '2019' ? '社会组织' : '社会公益组织', '法律服务机构', '其他'];
}

/** Table A as printed: article blocks, each with its header row and the rows under it. */
export interface ProactiveBlock {
  article: string;
  headers: string[];
  rows: { key: string; label: string }[];
}

/** Returns table A's blocks in printed order for an edition. */
export function proactiveBlocks(edition: Edition): ProactiveBlock[] {
  if (edition === '2021') {
    return [
      { article: '第二十条第（一）项', headers: ['本年制发件数', '本年废止件数', '现行有效件数'], rows: [{ key: 'rules', label: '规章' }, { key: 'normativeDocs', label: '行政规范性文件' }] },
      { article: '第二十条第（五）项', headers: ['本年处理决定数量'], rows: [{ key: 'licensing', label: '行政许可' }] },
      { article: '第二十条第（六）项', headers: ['本年处理决定数量'], rows: [{ key: 'penalty', label: '行政处罚' }, { key: 'coercion', label: '行政强制' }] },
      { article: '第二十条第（八）项', headers: ['本年收费金额（单位：万元）'], rows: [{ key: 'fees', label: '行政事业性收费' }] },
    ];
  }
  const items = ['上一年项目数量', '本年增/减', '处理决定数量'];
  return [
    { article: '第二十条第（一）项', headers: ['本年新制作数量', '本年新公开数量', '对外公开总数量'], rows: [{ key: 'rules', label: '规章' }, { key: 'normativeDocs', label: '规范性文件' }] },
    { article: '第二十条第（五）项', headers: items, rows: [{ key: 'licensing', label: '行政许可' }, { key: 'otherServices', label: '其他对外管理服务事项' }] },
    { article: '第二十条第（六）项', headers: items, rows: [{ key: 'penalty', label: '行政处罚' }, { key: 'coercion', label: '行政强制' }] },
    { article: '第二十条第（八）项', headers: ['上一年项目数量', '本年增/减'], rows: [{ key: 'fees', label: '行政事业性收费' }] },
    { article: '第二十条第（九）项', headers: ['采购项目数量', '采购总金额'], rows: [{ key: 'procurement', label: '政府集中采购' }] },
  ];
}
