/**
 * Identity from anywhere: the title forms agencies print, and the sources besides the body (a
 * crawler's header block, page metadata, a quoted title, the file name). Titles below are the
 * forms seen in real reports (test/fixtures/wild) and in the issue that listed them.
 */
import { describe, expect, it } from 'vitest';
import { readCrawlerHeader, readFileNameMeta, readHtmlMeta, readIsoDate } from '../../../../src/lib/extract/identity/document-meta.ts';
import { parseTitle } from '../../../../src/lib/extract/identity/title.ts';
import { readIdentity, readSignatureNames } from '../../../../src/lib/extract/identity/read-identity.ts';

describe('parseTitle', () => {
  it.each([
    ['平潭县财政局2009年度政府信息公开年度报告', '平潭县财政局', 2009],
    ['2019年济南市历下区市场监督管理局政府信息公开工作年度报告', '济南市历下区市场监督管理局', 2019],
    ['本溪市溪湖区2024年度政府信息公开工作年度报告', '本溪市溪湖区', 2024],
    ['平潭综合实验区公安局2018年政府信息公开工作报告', '平潭综合实验区公安局', 2018],
    ['平潭综合实验区地方税务局2013年信息公开年度报告', '平潭综合实验区地方税务局', 2013],
    ['平潭综合实验区苏平片区管理局关于报送2020年度政府信息公开工作年度报告的函', '平潭综合实验区苏平片区管理局', 2020],
    ['平潭综合实验区海坛片区管理局 关于2021年度政府信息公开工作年度报告', '平潭综合实验区海坛片区管理局', 2021],
    ['平潭综合实验区社会事业局 2016 年政府信息公开工作年度报告', '平潭综合实验区社会事业局', 2016],
    ['区公安局2022年政府信息公开工作年度报告', '区公安局', 2022],
  ])('%s → %s %i', (title, name, year) => {
    expect(parseTitle(title)).toMatchObject({ name, year });
  });

  it.each([
    '2024年政府信息公开工作年度报告', // no agency
    '特向社会公布2024年本机关政府信息公开工作年度报告', // a sentence
    '本机关2024年政府信息公开工作年度报告',
    '我局2023年政府信息公开工作年度报告',
  ])('reads no agency in %s', (text) => {
    expect(parseTitle(text)).toBeNull();
  });
});

describe('readCrawlerHeader', () => {
  const dump = ['标题: 平潭综合实验区公安局2022年政府信息公开工作年度报告', '发布时间: 2023-01-09 19:52', '文号: ', '发布机构: ', '栏目: 政府信息公开年报', '==================== 正文 ====================', '根据《条例》…'];

  it('reads the title, the date and where the body starts', () => {
    const { meta, bodyStart } = readCrawlerHeader(dump);
    expect(meta).toEqual({ titles: [{ text: '平潭综合实验区公安局2022年政府信息公开工作年度报告', source: 'crawler-header' }], published: { date: '2023-01-09', source: 'crawler-header' } });
    expect(bodyStart).toBe(6);
  });

  it('ignores a publisher that names no agency (办公室, 1, 行政科) and reads one that does', () => {
    expect(readCrawlerHeader(['标题: x', '发布机构: 行政科']).meta.publisher).toBeUndefined();
    expect(readCrawlerHeader(['标题: x', '发布机构: 1']).meta.publisher).toBeUndefined();
    expect(readCrawlerHeader(['标题: x', '发布机构: 平潭综合实验区投资促进局']).meta.publisher).toEqual({ text: '平潭综合实验区投资促进局', source: 'crawler-header' });
  });

  it('finds no header in a report that opens with its title', () => {
    expect(readCrawlerHeader(['某县2024年政府信息公开工作年度报告', '标题: 不是页头']).bodyStart).toBe(0);
  });
});

describe('page metadata, file names, dates', () => {
  it('reads ArticleTitle, the <title> without its site suffix, PubDate and ContentSource', () => {
    const meta = readHtmlMeta(new Map([['ArticleTitle', 'A局2025年政府信息公开工作年度报告'], ['PubDate', '2026-01-26 11:49'], ['ContentSource', '平潭综合实验区交通与建设局']]), 'A局2025年政府信息公开工作年度报告_政府信息公开年报_某网站');
    expect(meta.titles.map((t) => t.source)).toEqual(['html-meta', 'html-title', 'html-title', 'html-title']);
    expect(meta.published).toEqual({ date: '2026-01-26', source: 'html-meta' });
    expect(meta.publisher?.text).toBe('平潭综合实验区交通与建设局');
  });

  it('takes the file name less its extension as a title candidate', () => {
    expect(readFileNameMeta('a/b/沂源县人民政府2023年政府信息公开工作年度报告.pdf').titles).toEqual([{ text: '沂源县人民政府2023年政府信息公开工作年度报告', source: 'file-name' }]);
  });

  it('reads dates in the forms metadata uses, and refuses impossible ones', () => {
    expect(['2023-01-09 19:52', '2023/1/9', '2023年1月9日', 'D:20230109120000+08\'00\''].map(readIsoDate)).toEqual(['2023-01-09', '2023-01-09', '2023-01-09', '2023-01-09']);
    expect([readIsoDate('2023-02-30'), readIsoDate('发布于昨天')]).toEqual([null, null]);
  });
});

describe('readIdentity', () => {
  it('prefers the title printed in the body, and notes a metadata title of another year', () => {
    const lines = ['某县财政局2023年政府信息公开工作年度报告', '一、总体情况'];
    const id = readIdentity(lines, 0, { titles: [{ text: '某县财政局2024年政府信息公开工作年度报告', source: 'html-meta' }] })!;
    expect([id.name, id.year, id.source]).toEqual(['某县财政局', 2023, 'body']);
    expect(id.messages).toEqual([{ code: 'sourceYearDiffers', params: { source: 'html-meta', year: 2024, chosenSource: 'body', chosenYear: 2023 } }]);
  });

  it('falls back to the metadata title, then to the title quoted in the opening', () => {
    const prose = ['根据《条例》，特向社会公布《沂源县人民政府2023年政府信息公开工作年度报告》。', '一、总体情况'];
    expect(readIdentity(prose, 0, { titles: [{ text: '沂源县财政局2023年政府信息公开工作年度报告', source: 'pdf-meta' }] })).toMatchObject({ name: '沂源县财政局', source: 'pdf-meta' });
    expect(readIdentity(prose, 0, { titles: [] })).toMatchObject({ name: '沂源县人民政府', year: 2023, source: 'body-quote' });
    expect(readIdentity(['一、总体情况', '正文'], 0, { titles: [] })).toBeNull();
  });

  it('completes a short name (区公安局) from a fuller one in the file that ends with it', () => {
    const lines = ['区公安局2022年政府信息公开工作年度报告', '一、总体情况', '……', '平潭综合实验区公安局', '2023年1月9日'];
    const id = readIdentity(lines, 0, { titles: [] })!;
    expect(id.name).toBe('平潭综合实验区公安局');
    expect(id.messages).toEqual([{ code: 'shortAgencyName', params: { name: '区公安局', full: '平潭综合实验区公安局', from: 'signature' } }]);
    const fromPublisher = readIdentity(['区公安局2022年政府信息公开工作年度报告'], 0, { titles: [], publisher: { text: '平潭综合实验区公安局', source: 'html-meta' } })!;
    expect(fromPublisher.name).toBe('平潭综合实验区公安局');
    // A name with a region of its own is never replaced.
    expect(readIdentity(['沂源县财政局2022年政府信息公开工作年度报告'], 0, { titles: [], publisher: { text: '淄博市沂源县财政局', source: 'html-meta' } })!.name).toBe('沂源县财政局');
  });

  it('reads the signing agency at the end, alone or before the date', () => {
    expect(readSignatureNames(['六、其他需要报告的事项', '无。', '平潭综合实验区财政金融局 2025年1月23日'])).toEqual(['平潭综合实验区财政金融局']);
  });
});
