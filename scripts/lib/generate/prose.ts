/**
 * The prose of a generated report: sections 一, 五 and 六 in the register of the samples. The only
 * figures in it are the statements the generator means (主动公开政府信息N条, 共收到政府信息公开申请N件,
 * 予以公开N件 …): filler sentences carry no digits, so the prose states exactly what the answers say.
 */
import type { Narrative } from '../../../src/lib/schema/report.ts';
import type { AgencySpec } from './agencies.ts';
import type { Rng } from './prng.ts';

/** Figures the prose states, by narrative key; the values are what the text prints. */
export type Stated = Partial<Record<keyof Narrative, number>>;

const DIGIT = '零一二三四五六七八九';

/** Returns a count of 1–99 in Chinese numerals (十二, 二十, 九十九). */
export function chineseCount(n: number): string {
  if (n < 10) return DIGIT[n]!;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : DIGIT[tens]}十${ones ? DIGIT[ones] : ''}`;
}

/** Prints a count: Arabic, spaced Arabic (PDF style), or now and then Chinese numerals. */
export type NumberStyle = (n: number) => string;

/** Returns a number style for one report. */
export function numberStyle(rng: Rng, spaced: boolean): NumberStyle {
  const chinese = rng.chance(0.1);
  return (n) => (chinese && n > 0 && n < 100 ? chineseCount(n) : spaced ? ` ${n} ` : String(n));
}

const GENERAL = [
  '坚持以习近平新时代中国特色社会主义思想为指导，深入贯彻落实党中央、国务院关于政务公开工作的决策部署',
  '认真贯彻《中华人民共和国政府信息公开条例》，围绕中心工作，不断提升政务公开质量和实效',
  '紧紧围绕以人民为中心的发展理念，全力推进政府信息公开工作，致力于打造透明高效的政务环境',
  '准确把握政务公开职责定位，全力推进政府信息公开、政策解读和回应关切等各项工作',
];
const MANAGEMENT = [
  '优化政府信息主动公开目录，细化公开事项的名称、内容、依据等要素，严格执行“三审三校”制度。',
  '加强和规范政府信息管理，准确把握不同类型公开要求，科学合理确定公开方式，严格落实信息发布主体责任。',
  '及时调整更新信息公开保密审查领导小组，严格按照政府信息公开保密审查制度对公开内容进行审查。',
];
const PLATFORM = [
  '充分发挥政府网站政务公开第一平台作用，及时发布政策文件、工作动态等信息，同步做好政务新媒体的信息推送。',
  '持续优化政府网站、政务新媒体等公开平台，提升用户体验，方便公众获取信息。',
  '按规定在政府门户网站上及时做好政策发布、解读以及结果公示等公开工作，未单独自行建设信息公开平台。',
];
const OVERSIGHT = [
  '加强组织领导，成立政务公开工作领导小组，由主要负责同志任组长，办公室统筹协调，各科室负责人为成员。',
  '建立健全政务公开监督的组织机构和工作流程，将政务公开工作纳入年度考核，本年度未发生因政务公开工作引发的责任追究情况。',
  '遵循“谁公开、谁审查、谁负责”的原则，定期开展自查，发现问题及时整改。',
];
const PROBLEMS = [
  '政策解读方式还需多样，采用的语言、形式不够丰富，回应方式单一。',
  '政务公开方式还需拓宽，部分信息公开不够及时，时效性、连续性还需进一步提高。',
  '人员工作衔接不够顺畅，科室间信息传递有时存在延迟。',
  '政务公开特色亮点工作和创新做法不够多。',
];
const IMPROVEMENTS = [
  '进一步提升信息发布时效性，督促信息提供科室及时制作拟发布信息，同时通过文字、视频等形式进行解读。',
  '加强政务公开教育培训，不断提升政府信息公开工作人员责任意识和业务水平。',
  '强化日常监督检查，对政府网站的信息发布、更新频次等开展日常监测，发现问题及时整改。',
  '丰富信息内容形式，优化平台宣传形式，持续做好在线直播等形式的政策解读。',
];

const ORDINALS = ['一', '二', '三', '四', '五'];

export interface ProseInput {
  agency: AgencySpec;
  year: number;
  /** The year as printed in prose (2024, or 2024 with spaces around it in PDF text). */
  yearText: string;
  /** The figures to state, already as the text will print them (a narrative violation included). */
  stated: Stated;
  /** Appeals were stated as a count of zero cases in words ("未发生…") instead of figures. */
  noCasesInWords: boolean;
  num: NumberStyle;
}

/** Returns the paragraphs of section 一 (总体情况), with the stated figures. */
export function overviewParagraphs(rng: Rng, p: ProseInput): string[] {
  const { agency, stated, num } = p;
  const y = p.yearText;
  const out: string[] = [`${y}年，${agency.shortName}${rng.pick(GENERAL)}。`];
  const proactive = stated.proactiveItems !== undefined
    ? `${y}年，${p.agency.self}通过政府网站等平台主动公开政府信息${num(stated.proactiveItems)}条，涵盖政策文件、工作动态、公示公告等内容。`
    : `${p.agency.self}持续拓宽公开领域，加大公开力度与深度，及时发布政策文件、工作动态等各类信息。`;
  let requests: string;
  if (stated.requestsReceived !== undefined) {
    const parts = (['granted', 'partiallyGranted', 'withheld', 'unavailable', 'notProcessed'] as const)
      .filter((k) => stated[k] !== undefined)
      .map((k) => `${{ granted: '予以公开', partiallyGranted: '部分公开', withheld: '不予公开', unavailable: '无法提供', notProcessed: '不予处理' }[k]}${num(stated[k]!)}件`);
    const verb = rng.pick(['共收到政府信息公开申请', '共受理政府信息公开申请', '新收政府信息公开申请']);
    requests = `${y}年，${p.agency.self}${verb}${num(stated.requestsReceived)}件${parts.length ? `，其中${parts.join('，')}` : ''}，均已按期答复。`;
  } else {
    requests = '依申请公开工作依法依规开展，严格遵循流程，确保高效、准确地处理每一项申请，切实保障公民的知情权与监督权。';
  }
  let appeals = '';
  if (stated.reviewCases !== undefined || stated.litigationCases !== undefined) {
    const bits = [
      stated.reviewCases !== undefined ? `被申请行政复议${num(stated.reviewCases)}件` : '',
      stated.litigationCases !== undefined ? `被提起行政诉讼${num(stated.litigationCases)}件` : '',
    ].filter(Boolean);
    appeals = `本年度因政府信息公开工作${bits.join('、')}。`;
  } else if (p.noCasesInWords) {
    appeals = '本年度未发生因政府信息公开工作引起的行政复议、行政诉讼案件。';
  }
  const topics: [string, string][] = [
    ['主动公开方面', proactive],
    ['依申请公开方面', requests + appeals],
    ['政府信息管理方面', rng.pick(MANAGEMENT)],
    ['平台建设方面', rng.pick(PLATFORM)],
    ['监督保障方面', rng.pick(OVERSIGHT)],
  ];
  const style = rng.int(0, 2);
  topics.forEach(([title, body], i) => {
    if (style === 0) out.push(`（${ORDINALS[i]}）${title}`, body);
    else if (style === 1) out.push(`${i + 1}．${title}。${body}`);
    else out.push(`${i + 1}.${title}。`, body);
  });
  return out;
}

/** Returns the paragraphs of section 五 (problems and improvements). */
export function problemParagraphs(rng: Rng): string[] {
  const pick2 = (list: readonly string[]) => {
    const first = rng.int(0, list.length - 1);
    return [list[first]!, list[(first + 1 + rng.int(0, list.length - 2)) % list.length]!];
  };
  const [p1, p2] = pick2(PROBLEMS);
  const [i1, i2] = pick2(IMPROVEMENTS);
  return ['（一）存在的主要问题', `一是${p1}二是${p2}`, '（二）改进情况', `一是${i1}`, `二是${i2}`];
}

/** Returns the paragraphs of section 六 (other matters): fees, proposals, innovations. */
export function otherParagraphs(rng: Rng, p: ProseInput): string[] {
  return [
    '（一）收取信息处理费情况',
    rng.pick(['本年度没有因政府信息公开申请产生相关费用。', `${p.yearText}年，${p.agency.self}未收取政府信息公开信息处理费。`]),
    '（二）人大代表建议和政协提案办理结果公开情况',
    rng.pick(['所承办的建议提案均已按时办理答复完毕，办理结果依法公开。', '本年度未承办人大代表建议和政协委员提案。']),
    '（三）政务公开工作创新情况',
    rng.pick(['拓展公开渠道，通过微信服务号、门户网站等平台公开职能职责、办事指南等政务服务内容。', '打造线上线下政务公开专区，提供更加简明快捷的办事指引服务。']),
  ];
}
