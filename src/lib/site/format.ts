/** Display formatting shared by pages: absent figures are an em dash, never 0. */

/** Returns a count for display ("1,186"), or "—" when absent. */
export function formatCount(n: number | null | undefined): string {
  return n === null || n === undefined ? '—' : n.toLocaleString('en-US');
}

/** Returns a fraction 0–1 as a percentage with one decimal ("12.5%"), or "—". */
export function formatShare(x: number | null | undefined): string {
  return x === null || x === undefined ? '—' : `${(x * 100).toFixed(1)}%`;
}

/** Returns the administrative level of a region: 省级, 地市级, 县级, 未知 (or in English). */
export function describeLevel(region: { province: string | null; city: string | null; county: string | null }, lang: 'zh' | 'en' = 'zh'): string {
  const level = region.county ? 2 : region.city ? 1 : region.province ? 0 : 3;
  return (lang === 'en' ? ['Province', 'Prefecture', 'County', 'Unknown'] : ['省级', '地市级', '县级', '未知'])[level]!;
}

/** Returns the region as one line: 山东省 淄博市 沂源县 (absent levels skipped), or 地区未识别. */
export function formatRegion(region: { province: string | null; city: string | null; county: string | null }): string {
  const parts = [region.province, region.city, region.county].filter(Boolean);
  return parts.length ? parts.join(' ') : '地区未识别';
}

export const KIND_ZH = { government: '政府', department: '部门' } as const;
export const KIND_EN = { government: 'government', department: 'department' } as const;

export const CHECK_LABELS: Record<string, { zh: string; rule: string }> = {
  balance: { zh: '收支平衡', rule: '每列：本年新收 + 上年结转 = 办理结果总计 + 结转下年度' },
  rowSum: { zh: '行合计', rule: '每行：六类申请人之和 = 总计' },
  dispositionSum: { zh: '办理结果合计', rule: '每列：各项办理结果之和 = （七）总计' },
  appealSum: { zh: '复议诉讼合计', rule: '每组：维持 + 纠正 + 其他 + 尚未审结 = 总计' },
  narrative: { zh: '正文与表格一致', rule: '正文所述数字 = 表格中的对应数字' },
  legacySum: { zh: '旧式统计表合计', rule: '本年、历年累计两列：网站公开 + 政府公报公开 = 主动公开；各类答复之和 = 答复总数（按报告所列的行）' },
};

export const CHECK_LABELS_EN: Record<string, { label: string; rule: string }> = {
  balance: { label: 'Balance', rule: 'Per column: new + carried over = total handled + carried forward' },
  rowSum: { label: 'Row sums', rule: 'Per row: the six applicant columns add up to the total' },
  dispositionSum: { label: 'Disposition sum', rule: 'Per column: every disposition row adds up to （七）总计' },
  appealSum: { label: 'Appeal sums', rule: 'Per group: upheld + corrected + other + pending = total' },
  narrative: { label: 'Prose vs tables', rule: 'Figures stated in the prose equal the tables' },
  legacySum: { label: 'Older table sums', rule: 'In both columns: website + gazette = proactive total; the kinds of answers add up to the answers given (over the rows printed)' },
};

export const STATUS_EN: Record<string, string> = { pass: 'pass', fail: 'fail', incomplete: 'incomplete', notApplicable: 'no data' };
export const TABLE_STATUS_EN: Record<string, string> = { complete: 'complete', partial: 'partial', absent: 'absent' };

export const STATUS_ZH: Record<string, string> = {
  pass: '通过',
  fail: '未通过',
  incomplete: '数据不全',
  notApplicable: '无数据',
};

export const TABLE_STATUS_ZH: Record<string, string> = { complete: '完整', partial: '不完整', absent: '缺失' };
