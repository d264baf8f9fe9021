/** Display formatting shared by pages: absent figures are an em dash, never 0. */

/** Returns a count for display ("1,186"), or "—" when absent. */
export function formatCount(n: number | null | undefined): string {
  return n === null || n === undefined ? '—' : n.toLocaleString('en-US');
}

/** Returns a fraction 0–1 as a percentage with one decimal ("12.5%"), or "—". */
export function formatShare(x: number | null | undefined): string {
  return x === null || x === undefined ? '—' : `${(x * 100).toFixed(1)}%`;
}

/** Returns the administrative level of a region in Chinese: 省级, 地市级, 县级, or 未知. */
export function describeLevel(region: { province: string | null; city: string | null; county: string | null }): string {
  return region.county ? '县级' : region.city ? '地市级' : region.province ? '省级' : '未知';
}

/** Returns the region as one line: 山东省 淄博市 沂源县 (absent levels skipped), or 地区未识别. */
export function formatRegion(region: { province: string | null; city: string | null; county: string | null }): string {
  const parts = [region.province, region.city, region.county].filter(Boolean);
  return parts.length ? parts.join(' ') : '地区未识别';
}

export const KIND_ZH = { government: '政府', department: '部门' } as const;

export const CHECK_LABELS: Record<string, { zh: string; rule: string }> = {
  balance: { zh: '收支平衡', rule: '每列：本年新收 + 上年结转 = 办理结果总计 + 结转下年度' },
  rowSum: { zh: '行合计', rule: '每行：六类申请人之和 = 总计' },
  dispositionSum: { zh: '办理结果合计', rule: '每列：各项办理结果之和 = （七）总计' },
  appealSum: { zh: '复议诉讼合计', rule: '每组：维持 + 纠正 + 其他 + 尚未审结 = 总计' },
  narrative: { zh: '正文与表格一致', rule: '正文所述数字 = 表格中的对应数字' },
};

export const STATUS_ZH: Record<string, string> = {
  pass: '通过',
  fail: '未通过',
  incomplete: '数据不全',
  notApplicable: '无数据',
};

export const TABLE_STATUS_ZH: Record<string, string> = { complete: '完整', partial: '不完整', absent: '缺失' };
