/**
 * An agency's name in English, translated part by part: the place names (山东省, 淄博市, 沂源县 …) in
 * pinyin with their level (Province, City, County …) and the organ (人民政府 → People's Government,
 * 行政审批服务局 → Administrative Approval Service Bureau …) from a table of common organ names.
 * A part it does not know stays Chinese rather than be guessed: pinyin from a character table would
 * misread polyphones, and an organ's official English is not the sum of its characters.
 */

/** Common organ names and their usual official English; the longest that ends a name is used. */
const ORGANS: Record<string, string> = {
  人民政府: 'People’s Government',
  人民政府办公室: 'People’s Government General Office',
  政府办公室: 'Government General Office',
  政府信息公开办公室: 'Government Information Disclosure Office',
  办公室: 'Office',
  办事处: 'Office',
  管理委员会: 'Administrative Committee',
  管委会: 'Administrative Committee',
  管委会办公室: 'Administrative Committee Office',
  管理局: 'Administration Bureau',
  公安局: 'Public Security Bureau',
  教育局: 'Education Bureau',
  教育委员会: 'Education Commission',
  教育和体育局: 'Education and Sports Bureau',
  财政局: 'Finance Bureau',
  财政金融局: 'Finance Bureau',
  自然资源局: 'Natural Resources Bureau',
  自然资源和规划局: 'Natural Resources and Planning Bureau',
  自然资源与生态环境局: 'Natural Resources and Ecological Environment Bureau',
  生态环境局: 'Ecological Environment Bureau',
  住房和城乡建设局: 'Housing and Urban-Rural Development Bureau',
  交通运输局: 'Transport Bureau',
  交通与建设局: 'Transport and Construction Bureau',
  农业农村局: 'Agriculture and Rural Affairs Bureau',
  水利局: 'Water Resources Bureau',
  水务局: 'Water Affairs Bureau',
  商务局: 'Commerce Bureau',
  文化和旅游局: 'Culture and Tourism Bureau',
  旅游与文化体育局: 'Tourism, Culture and Sports Bureau',
  卫生健康委员会: 'Health Commission',
  卫生健康局: 'Health Bureau',
  退役军人事务局: 'Veterans Affairs Bureau',
  应急管理局: 'Emergency Management Bureau',
  综合执法与应急管理局: 'Law Enforcement and Emergency Management Bureau',
  审计局: 'Audit Bureau',
  市场监督管理局: 'Market Supervision Administration',
  统计局: 'Statistics Bureau',
  医疗保障局: 'Healthcare Security Bureau',
  行政审批服务局: 'Administrative Approval Service Bureau',
  行政审批局: 'Administrative Approval Bureau',
  发展和改革委员会: 'Development and Reform Commission',
  发展和改革局: 'Development and Reform Bureau',
  经济发展局: 'Economic Development Bureau',
  工业和信息化局: 'Industry and Information Technology Bureau',
  民政局: 'Civil Affairs Bureau',
  司法局: 'Justice Bureau',
  人力资源和社会保障局: 'Human Resources and Social Security Bureau',
  社会事业局: 'Social Affairs Bureau',
  林业局: 'Forestry Bureau',
  城市管理局: 'Urban Management Bureau',
  城市管理综合执法局: 'Urban Management and Law Enforcement Bureau',
  税务局: 'Taxation Bureau',
  地方税务局: 'Local Taxation Bureau',
  国有资产管理局: 'State-owned Assets Administration Bureau',
  投资促进局: 'Investment Promotion Bureau',
  科学技术局: 'Science and Technology Bureau',
  档案局: 'Archives Bureau',
};

/** Level words that end a place name, longest first so that 自治县 wins over 县. */
const LEVELS: [string, string][] = [
  ['综合实验区', 'Comprehensive Experimental Zone'],
  ['自治区', 'Autonomous Region'],
  ['自治州', 'Autonomous Prefecture'],
  ['自治县', 'Autonomous County'],
  ['片区', 'Area'],
  ['街道', 'Subdistrict'],
  ['省', 'Province'],
  ['市', 'City'],
  ['县', 'County'],
  ['区', 'District'],
  ['镇', 'Town'],
  ['乡', 'Township'],
  ['旗', 'Banner'],
];

/**
 * Pinyin of the characters of the place names in the corpora (the samples, the real and crawled
 * reports, the test fixtures). Characters with more than one reading in place names are left out
 * of this table and given whole in PLACES.
 */
const SYLLABLES: Record<string, string> = {
  山: 'shan', 东: 'dong', 淄: 'zi', 博: 'bo', 沂: 'yi', 源: 'yuan', 原: 'yuan', 枣: 'zao', 庄: 'zhuang', 泰: 'tai',
  安: 'an', 平: 'ping', 潭: 'tan', 福: 'fu', 建: 'jian', 州: 'zhou', 鼓: 'gu', 楼: 'lou', 君: 'jun', 海: 'hai',
  坛: 'tan', 苏: 'su', 金: 'jin', 井: 'jing', 本: 'ben', 溪: 'xi', 湖: 'hu', 吉: 'ji', 林: 'lin', 北: 'bei',
  京: 'jing', 淀: 'dian', 庆: 'qing', 城: 'cheng', 口: 'kou', 辽: 'liao', 宁: 'ning', 济: 'ji', 南: 'nan', 历: 'li',
  下: 'xia', 中: 'zhong', 上: 'shang', 天: 'tian', 津: 'jin', 广: 'guang', 江: 'jiang', 河: 'he', 西: 'xi', 湘: 'xiang',
};

/** Place names read whole: polyphones (重庆), spellings that are not the syllables (陕西 Shaanxi), municipalities. */
const PLACES: Record<string, string> = {
  重庆市: 'Chongqing Municipality',
  北京市: 'Beijing Municipality',
  上海市: 'Shanghai Municipality',
  天津市: 'Tianjin Municipality',
  陕西省: 'Shaanxi Province',
  市中区: 'Shizhong District',
};

/** Returns a place name's base (without its level word) in pinyin, or null when a character is not in the table. */
function spellPinyin(base: string): string | null {
  const syllables = [...base].map((c) => SYLLABLES[c]);
  if (syllables.some((s) => s === undefined)) return null;
  // An apostrophe marks a syllable that starts with a vowel (Tai'an), as pinyin writes it.
  const joined = syllables.map((s, i) => (i > 0 && /^[aoe]/.test(s!) ? `’${s}` : s)).join('');
  return joined.charAt(0).toUpperCase() + joined.slice(1);
}

/** Returns the place names that open `text` (山东省淄博市 → [山东省, 淄博市]), and what is left after them. */
function splitPlaces(text: string): { places: { base: string; level: string }[]; rest: string } {
  const places: { base: string; level: string }[] = [];
  let rest = text;
  for (;;) {
    const match = [...rest].slice(1).map((_, i) => i + 1).flatMap((i) => LEVELS.filter(([level]) => rest.startsWith(level, i)).map(([level]) => ({ base: rest.slice(0, i), level })))[0];
    if (!match) return { places, rest };
    places.push(match);
    rest = rest.slice(match.base.length + match.level.length);
  }
}

/** Returns one place name in English (Yiyuan County), or the Chinese when its base cannot be spelt. */
function translatePlace({ base, level }: { base: string; level: string }): string {
  const whole = PLACES[base + level];
  if (whole) return whole;
  const pinyin = spellPinyin(base);
  const english = LEVELS.find(([l]) => l === level)![1];
  return pinyin === null ? base + level : `${pinyin} ${english}`;
}

/**
 * Returns an agency name in English, part by part: `沂源县行政审批服务局` → `Yiyuan County
 * Administrative Approval Service Bureau`; a part not in the tables stays Chinese (`某某县人民政府` →
 * `某某县 People’s Government`). Returns null when no part could be translated.
 */
export function translateAgencyName(name: string): string | null {
  const organ = Object.keys(ORGANS).filter((o) => name.endsWith(o)).sort((a, b) => b.length - a.length)[0];
  const head = organ ? name.slice(0, name.length - organ.length) : name;
  const { places, rest } = splitPlaces(head);
  const parts = [...places.map(translatePlace), ...(rest ? [rest] : []), ...(organ ? [ORGANS[organ]!] : [])];
  const english = parts.join(' ');
  return /[A-Za-z]/.test(english) ? english : null;
}
