import { describe, expect, it } from 'vitest';
import { translateAgencyName } from '../../../src/lib/i18n/agency-name-en.ts';

describe('translateAgencyName', () => {
  it('translates the organ and spells the places of the sample agencies in pinyin', () => {
    expect(translateAgencyName('沂源县人民政府')).toBe('Yiyuan County People’s Government');
    expect(translateAgencyName('沂源县行政审批服务局')).toBe('Yiyuan County Administrative Approval Service Bureau');
    expect(translateAgencyName('枣庄市行政审批服务局')).toBe('Zaozhuang City Administrative Approval Service Bureau');
  });

  it('reads several places in a row and marks a syllable that opens with a vowel', () => {
    expect(translateAgencyName('泰安市泰山区行政审批服务局')).toBe('Tai’an City Taishan District Administrative Approval Service Bureau');
  });

  it('takes the longest organ name that ends the name', () => {
    expect(translateAgencyName('沂源县人民政府办公室')).toBe('Yiyuan County People’s Government General Office');
    expect(translateAgencyName('平潭综合实验区市场监督管理局')).toBe('Pingtan Comprehensive Experimental Zone Market Supervision Administration');
    expect(translateAgencyName('平潭综合实验区君山片区管理局')).toBe('Pingtan Comprehensive Experimental Zone Junshan Area Administration Bureau');
  });

  it('gives polyphones and municipalities whole, never from the syllables', () => {
    expect(translateAgencyName('重庆市城口县人民政府')).toBe('Chongqing Municipality Chengkou County People’s Government');
    expect(translateAgencyName('枣庄市市中区人民政府')).toBe('Zaozhuang City Shizhong District People’s Government');
  });

  it('keeps a place it cannot spell in Chinese rather than guess', () => {
    expect(translateAgencyName('某某县人民政府')).toBe('某某县 People’s Government');
    expect(translateAgencyName('某某街道办事处')).toBe('某某街道 Office');
  });

  it('returns null when no part is known', () => {
    expect(translateAgencyName('测试县测试局')).toBeNull();
  });

  it('translates an organ without a place', () => {
    expect(translateAgencyName('财政局')).toBe('Finance Bureau');
  });
});
