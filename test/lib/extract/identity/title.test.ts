import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  classifyAgency,
  readSignatureDate,
  readStatisticalYear,
  readTitle,
  resolveRegion,
  slugifyAgency,
} from '../../../../src/lib/extract/identity/title.ts';

const sample = (id: string): string[] =>
  readFileSync(new URL(`../../../../content/reports/${id}.txt`, import.meta.url), 'utf8').split('\n');

const S000 = sample('000_951e69aa5677aff7');
const S001 = sample('001_b87e4db93de93761');
const S002 = sample('002_1c63ee7c050fc816');
const S003 = sample('003_9ea34a5d9b67e804');
const S004 = sample('004_e73212b8dc766644');

describe('readTitle', () => {
  it('reads a one-line title behind a bookmark marker (000)', () => {
    expect(readTitle(S000)).toEqual({
      name: '沂源县行政审批服务局',
      year: 2024,
      title: '沂源县行政审批服务局2024年政府信息公开工作年度报告',
      line: 1,
    });
  });

  it('reads a plain one-line title (001)', () => {
    expect(readTitle(S001)).toMatchObject({ name: '泰安市泰山区行政审批服务局', year: 2024, line: 1 });
  });

  it('joins a title split before 年度报告 (002)', () => {
    expect(readTitle(S002)).toEqual({
      name: '沂源县人民政府',
      year: 2023,
      title: '沂源县人民政府2023年政府信息公开工作年度报告',
      line: 1,
    });
  });

  it('joins a title split over a blank line, with spaces around the year (003)', () => {
    expect(readTitle(S003)).toEqual({
      name: '沂源县行政审批服务局',
      year: 2020,
      title: '沂源县行政审批服务局2020年政府信息公开工作年度报告',
      line: 3,
    });
  });

  it('joins Markdown headings (004)', () => {
    expect(readTitle(S004)).toEqual({
      name: '枣庄市行政审批服务局',
      year: 2024,
      title: '枣庄市行政审批服务局2024年政府信息公开工作年度报告',
      line: 3,
    });
  });

  it('accepts 年度, 政务公开, 政府信息公开年度报告 and full-width spaces', () => {
    expect(readTitle(['某市教育局2021年度政府信息公开工作年度报告'])).toMatchObject({ name: '某市教育局', year: 2021 });
    expect(readTitle(['', '某县人民政府　2022　年政务公开工作年度报告'])).toMatchObject({
      name: '某县人民政府',
      year: 2022,
      line: 2,
    });
    expect(readTitle(['某县财政局2019年政府信息公开年度报告'])).toMatchObject({ name: '某县财政局', year: 2019 });
  });

  it('does not glue a header line onto the agency name', () => {
    expect(readTitle(['政务公开', '某县财政局2019年政府信息公开年度报告'])).toMatchObject({ name: '某县财政局', line: 2 });
  });

  it('returns null for text that is not a report', () => {
    expect(readTitle(['关于印发某某办法的通知', '各镇人民政府：', '特向社会公布2024年本机关政府信息公开工作年度报告。'])).toBeNull();
    expect(readTitle([])).toBeNull();
  });
});

describe('readStatisticalYear', () => {
  it('reads 统计期限自2024年1月1日 (000, 001, 002)', () => {
    expect(readStatisticalYear(S000)).toBe(2024);
    expect(readStatisticalYear(S001)).toBe(2024);
    expect(readStatisticalYear(S002)).toBe(2023);
  });

  it('allows spaces and 从 (003, 004)', () => {
    expect(readStatisticalYear(S003)).toBe(2020);
    expect(readStatisticalYear(S004)).toBe(2024);
  });

  it('returns null when the period is not stated', () => {
    expect(readStatisticalYear(['一、总体情况', '2024年，我局收到申请1件。'])).toBeNull();
  });
});

describe('readSignatureDate', () => {
  it('reads the date under the signature (003)', () => {
    expect(readSignatureDate(S003)).toBe('2020-01-27');
  });

  it('returns null when the report ends in prose (000, 004)', () => {
    expect(readSignatureDate(S000)).toBeNull();
    expect(readSignatureDate(S004)).toBeNull();
  });

  it('accepts spaces and Chinese numerals', () => {
    expect(readSignatureDate(['某局', '2025 年 1 月 20 日'])).toBe('2025-01-20');
    expect(readSignatureDate(['某局', '二〇二五年一月二十日', ''])).toBe('2025-01-20');
    expect(readSignatureDate(['二○二四年十二月三十一日'])).toBe('2024-12-31');
  });

  it('rejects impossible dates, prose and dates far from the end', () => {
    expect(readSignatureDate(['2025年2月30日'])).toBeNull();
    expect(readSignatureDate(['全面贯彻落实上级部署，我局于2024年召开专题会议并形成纪要，会议时间为2024年3月1日'])).toBeNull();
    expect(readSignatureDate(['2025年1月20日', ...Array.from({ length: 8 }, (_, i) => `正文${i}`)])).toBeNull();
  });
});

describe('resolveRegion', () => {
  it.each([
    ['沂源县行政审批服务局', '山东省', '淄博市', '沂源县', '370323'],
    ['沂源县人民政府', '山东省', '淄博市', '沂源县', '370323'],
    ['泰安市泰山区行政审批服务局', '山东省', '泰安市', '泰山区', '370902'],
    ['枣庄市行政审批服务局', '山东省', '枣庄市', null, '370400'],
    ['山东省人民政府办公厅', '山东省', null, null, '370000'],
    ['山东淄博市沂源县教育局', '山东省', '淄博市', '沂源县', '370323'],
    ['北京市海淀区教育委员会', '北京市', null, '海淀区', '110108'],
    ['重庆市城口县人民政府', '重庆市', null, '城口县', '500229'],
    ['仙桃市人民政府', '湖北省', null, '仙桃市', '429004'],
    ['吉林市人民政府', '吉林省', '吉林市', null, '220200'],
    ['枣庄市市中区人民政府', '山东省', '枣庄市', '市中区', '370402'],
  ])('%s → %s %s %s %s', (name, province, city, county, code) => {
    expect(resolveRegion(name)).toEqual({ region: { province, city, county, code }, messages: [] });
  });

  it('leaves an ambiguous county empty and names the candidates', () => {
    const { region, messages } = resolveRegion('市中区人民政府');
    expect(region).toEqual({ province: null, city: null, county: null, code: null });
    expect(messages).toHaveLength(1);
    expect(messages[0]).toEqual({ code: 'countyAmbiguous', params: expect.objectContaining({ county: '市中区', name: '市中区人民政府' }) });
    expect(JSON.stringify(messages[0])).toContain('370103');
    expect(JSON.stringify(messages[0])).toContain('370402');
  });

  it('keeps an explicit province when the county is ambiguous within it', () => {
    const { region, messages } = resolveRegion('山东省市中区财政局');
    expect(region).toEqual({ province: '山东省', city: null, county: null, code: '370000' });
    expect(messages).toHaveLength(1);
  });

  it('returns all null and a message when nothing matches', () => {
    const { region, messages } = resolveRegion('国家税务总局');
    expect(region).toEqual({ province: null, city: null, county: null, code: null });
    expect(messages).toHaveLength(1);
  });
});

describe('classifyAgency', () => {
  it.each([
    ['沂源县人民政府', 'government'],
    ['山东省人民政府办公厅', 'government'],
    ['沂源县人民政府办公室', 'government'],
    ['平潭综合实验区管理委员会', 'government'],
    ['某某经济技术开发区管委会', 'government'],
    ['平潭综合实验区', 'government'],
    ['沂源县行政审批服务局', 'department'],
    ['北京市海淀区教育委员会', 'department'],
    ['枣庄市行政审批服务局', 'department'],
  ] as const)('%s → %s', (name, kind) => {
    expect(classifyAgency(name)).toBe(kind);
  });
});

describe('slugifyAgency', () => {
  const slug = (name: string) => slugifyAgency(name, resolveRegion(name).region);
  const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

  it('gives the same agency the same slug across years (000, 003)', () => {
    const a = readTitle(S000)!.name;
    const b = readTitle(S003)!.name;
    expect(slug(a)).toBe(slug(b));
    expect(slug(a)).toBe('yiyuanxian-xingzheng-shenpi-fuwuju');
  });

  it('makes one word of the most specific region level printed, and dictionary words for the rest', () => {
    expect(slug('泰安市泰山区行政审批服务局')).toBe('taishanqu-xingzheng-shenpi-fuwuju');
    expect(slug('沂源县人民政府')).toBe('yiyuanxian-renminzhengfu');
    expect(slug('枣庄市行政审批服务局')).toBe('zaozhuangshi-xingzheng-shenpi-fuwuju');
    expect(slug('吉林市人民政府')).toBe('jilinshi-renminzhengfu');
  });

  it('gives one agency one slug however much of its region the title prints', () => {
    expect(slug('溪湖区人民政府')).toBe('xihuqu-renminzhengfu');
    expect(slug('本溪市溪湖区人民政府')).toBe('xihuqu-renminzhengfu');
    expect(slug('辽宁省本溪市溪湖区人民政府')).toBe('xihuqu-renminzhengfu');
    expect(slug('北京市海淀区人民政府')).toBe(slug('海淀区人民政府'));
  });

  it('keeps the city when the county-level name is not unique in the country', () => {
    expect(slug('福州市鼓楼区人民政府')).toBe('fuzhoushi-gulouqu-renminzhengfu');
    expect(slug('南京市鼓楼区人民政府')).toBe('nanjingshi-gulouqu-renminzhengfu');
  });

  it('writes ü as v and keeps digits and Latin letters', () => {
    expect(slug('吕梁市绿化委员会办公室')).toMatch(/^lvliangshi-lvhua-/);
    expect(slug('某县第2中学ＡＢＣ')).toMatch(SLUG);
    expect(slug('某县第2中学ＡＢＣ')).toContain('2');
    expect(slug('某县第2中学ＡＢＣ')).toContain('abc');
  });

  it('is URL-safe and at most 80 characters, also for long or odd names', () => {
    const long = '沂源县' + '综合行政执法和城市管理服务中心'.repeat(6);
    const s = slug(long);
    expect(s).toMatch(SLUG);
    expect(s.length).toBeLessThanOrEqual(80);
    expect(slug(long + '局')).not.toBe(s);
    expect(slug('沂源县人民政府办公室（县政府信息公开办公室）')).toMatch(SLUG);
    expect(slug('！！')).toMatch(SLUG);
  });
});
