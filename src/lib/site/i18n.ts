/**
 * The interface in two languages: Simplified Chinese first (the site root), English under /en/ for
 * foreign correspondents. Report text and agency names stay Chinese; English pages add pinyin.
 */
export type Lang = 'zh' | 'en';

export const UI = {
  zh: {
    htmlLang: 'zh-CN',
    siteName: '年报观察',
    tagline: '政府信息公开年度报告',
    skip: '跳到正文',
    searchLabel: '搜索报告和机关',
    searchPlaceholder: '搜索机关、报告…',
    searchButton: '搜索',
    navLabel: '主导航',
    nav: { home: '首页', agencies: '机关', compare: '比较', quality: '数据质量', findings: '发现', data: '数据下载', about: '关于与方法' },
    switchTo: 'English',
    footer: '数据来自各机关公开发布的政府信息公开工作年度报告，按国务院办公厅规定的格式（国办公开办函〔2021〕30号、〔2019〕60号）逐项读取。空白单元格显示为“—”，不以 0 代替。',
    sitemap: '站点地图',
    viewTable: '查看数据表',
    source: '来源：',
    cite: '引用',
    embed: '嵌入',
    embedCode: '嵌入代码：',
    nothingToDraw: '没有可画的数字。',
    absent: '缺失',
    notInReport: '报告中没有此数',
    line: (n: number) => `原文第 ${n} 行`,
    corrected: '人工更正',
    correctedNote: (read: string, reason: string, source: string) => `人工更正：提取时读作 ${read}；理由：${reason}；来源：${source}`,
  },
  en: {
    htmlLang: 'en',
    siteName: 'Nianbao',
    tagline: 'China’s government information disclosure annual reports',
    skip: 'Skip to content',
    searchLabel: 'Search reports and agencies',
    searchPlaceholder: 'Search (Chinese names work best)…',
    searchButton: 'Search',
    navLabel: 'Main',
    nav: { home: 'Home', agencies: 'Agencies', compare: 'Compare', quality: 'Data quality', findings: 'Findings (zh)', data: 'Downloads (zh)', about: 'About & methods' },
    switchTo: '中文',
    footer: 'Figures are read cell by cell from the annual reports agencies publish in the State Council’s fixed format (国办公开办函〔2021〕30号 and 〔2019〕60号). A blank cell is shown as “—”, never as 0.',
    sitemap: 'Sitemap',
    viewTable: 'Show the data table',
    source: 'Source: ',
    cite: 'Cite',
    embed: 'embed',
    embedCode: 'Embed code: ',
    nothingToDraw: 'No figures to draw.',
    absent: 'absent',
    notInReport: 'not in the report',
    line: (n: number) => `source line ${n}`,
    corrected: 'corrected by hand',
    correctedNote: (read: string, reason: string, source: string) => `Corrected by hand (人工更正): read as ${read}; reason: ${reason}; source: ${source}`,
  },
} as const;

/** Returns the site path of a page in a language: `agencies/` → `en/agencies/` for English. */
export function localize(lang: Lang, path: string): string {
  return lang === 'en' ? `en/${path.replace(/^\//, '')}` : path.replace(/^\//, '');
}

/** Returns the other language's path for a site path (without base): `en/x/` ↔ `x/`. */
export function counterpart(path: string): { lang: Lang; path: string } {
  const p = path.replace(/^\//, '');
  return p === 'en' || p.startsWith('en/') ? { lang: 'zh', path: p.replace(/^en\/?/, '') } : { lang: 'en', path: `en/${p}` };
}

/** Returns a pinyin agency name from its slug, words capitalised: `yiyuanxian-renminzhengfu` → `Yiyuanxian Renminzhengfu`. */
export function pinyinName(slug: string): string {
  return slug
    .split('-')
    .filter((w) => !/^[0-9a-f]{7}$/.test(w) || /[g-z]/.test(w))
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join(' ');
}
