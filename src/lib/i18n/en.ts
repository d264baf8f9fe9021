/**
 * Every interface string of the English site (under /en/), by the keys of the Chinese dictionary.
 * Report text stays Chinese (marked lang="zh-CN" where pages show it); agency names get an English
 * rendering of their parts beside the Chinese (agency-name-en.ts).
 */
import { MEASURES } from '../aggregate/compare.ts';
import type { Timeliness } from '../findings/timeliness.ts';
import { JUMP_FACTOR, type MeasureChange } from '../findings/yoy.ts';
import type { Dictionary } from './zh.ts';

/** Returns the date judged, in words, when it is the publication date (the signature date is the default). */
function basisEn(t: Timeliness): string {
  return t.basis === 'published' ? `, by the publication date ${t.published}` : '';
}

export const en = {
  htmlLang: 'en',
  siteName: 'Nianbao',
  tagline: 'China’s government information disclosure annual reports',
  defaultDescription: 'Data from China’s government information disclosure annual reports: every figure traceable to the report it came from.',
  skip: 'Skip to content',
  searchLabel: 'Search reports and agencies',
  searchPlaceholder: 'Search (Chinese names work best)…',
  searchButton: 'Search',
  navLabel: 'Main',
  nav: { home: 'Home', agencies: 'Agencies', compare: 'Compare', quality: 'Data quality', findings: 'Findings', data: 'Downloads', about: 'About & methods' },
  switchTo: '中文',
  footer: 'Figures are read cell by cell from the annual reports agencies publish in the State Council’s fixed format (国办公开办函〔2021〕30号 and 〔2019〕60号). A blank cell is shown as “—”, never as 0.',
  sitemap: 'Sitemap',
  breadcrumb: 'Breadcrumb',
  viewTable: 'Show the data table',
  source: 'Source: ',
  cite: 'Cite',
  embed: 'embed',
  embedCode: 'Embed code: ',
  nothingToDraw: 'No figures to draw.',
  absent: 'absent',
  notInReport: 'not in the report',
  line: (n: number) => `source line ${n}`,
  citation: (what: string, source: string, url: string, builtOn: string) => `${what}. ${source.replace(/\.$/, '')}. Nianbao, ${url}, data built ${builtOn}.`,
  kind: { government: 'government', department: 'department' },
  level: { province: 'Province', prefecture: 'Prefecture', county: 'County', unknown: 'Unknown' },
  regionUnknown: 'region not identified',
  status: { pass: 'pass', fail: 'fail', incomplete: 'incomplete', notApplicable: 'no data' },
  tableStatus: { complete: 'complete', partial: 'partial', absent: 'absent' },
  checks: {
    balance: { label: 'Balance', rule: 'Per column: new + carried over = total handled + carried forward' },
    rowSum: { label: 'Row sums', rule: 'Per row: the six applicant columns add up to the total' },
    dispositionSum: { label: 'Disposition sum', rule: 'Per column: every disposition row adds up to （七）总计' },
    appealSum: { label: 'Appeal sums', rule: 'Per group: upheld + corrected + other + pending = total' },
    narrative: { label: 'Prose vs tables', rule: 'Figures stated in the prose equal the tables' },
    legacySum: { label: 'Older table sums', rule: 'In both columns: website + gazette = proactive total; the kinds of answers add up to the answers given (over the rows printed)' },
  },
  checksList: {
    caption: 'The template’s own arithmetic checks',
    columns: ['Check', 'Rule', 'Result', 'Failed equations (wording in Chinese)'],
    evaluated: (n: number) => ` (${n} equations)`,
    failure: (where: string, expected: number, actual: number) => `${where}：expected ${expected}, printed ${actual}`,
  },
  timeliness: {
    status: { met: 'on time', late: 'late', unknown: 'unknown', implausible: 'date implausible' },
    describe: (t: Timeliness): string => {
      switch (t.status) {
        case 'unknown':
          return 'unknown (the report prints no signature date and the file states no publication date)';
        case 'met':
          return (t.daysAfterDeadline === 0 ? 'on time (on the deadline)' : `on time (${-t.daysAfterDeadline!} days before the deadline)`) + basisEn(t);
        case 'late':
          return `${t.daysAfterDeadline} days late` + basisEn(t);
        case 'implausible':
          return t.basis === 'published'
            ? `date implausible: published ${t.published}, not after the end of the year reported (${t.year}-12-31); check the source`
            : `date implausible: signed ${t.signedOn}, not after the end of the year reported (${t.year}-12-31), perhaps a typo; check the source`;
      }
    },
  },
  changes: {
    describe: (change: MeasureChange): string | null => {
      if (!change.flag) return null;
      const fmt = (v: number) => (change.measure === 'grantRate' ? `${(v * 100).toFixed(1)}%` : v.toLocaleString('en-US'));
      const span = `${change.fromYear} ${fmt(change.from!)} → ${change.toYear} ${fmt(change.to!)}`;
      const label = MEASURES[change.measure].en;
      switch (change.flag) {
        case 'suddenZero':
          return `${label}: ${span}, a sudden fall to zero; check the source.`;
        case 'jump':
          return `${label}: ${span}, ${change.ratio!.toFixed(1)} times as many (more than ${JUMP_FACTOR} times); check the source.`;
        case 'drop':
          return `${label}: ${span}, down to ${(change.ratio! * 100).toFixed(1)}% (less than a fifth); check the source.`;
      }
    },
  },
  agency: {
    description: (name: string) => `Annual report figures of ${name} across years: requests, outcomes, applicants, review and litigation.`,
    title: (name: string) => name,
    region: 'Region',
    regionCode: (code: string) => `GB/T 2260 code ${code}`,
    levelKind: 'Level · kind',
    slug: 'Identifier',
    nameEn: 'Name in English',
    otherNames: 'Other names in its reports',
    reports: 'Reports',
    reportLink: (year: number, failed: boolean) => `${year} report${failed ? ' (check failed)' : ''}`,
    figuresCaption: 'Main figures per year',
    figuresColumns: ['Year', 'New requests', 'Carried over', 'Handled', 'Granted in full', 'Items published proactively', 'Template'],
    template: { '2021': '2021 edition', '2019': '2019 edition', pre2019: 'before 2019' },
    fromProse: '* That year’s report has no tables; the figure is from its prose.',
    fromLegacy: '† A report before 2019: requests accepted (受理) in its older statistics table, not the same measure as the new requests received (本年新收) of table 3 from 2019 on.',
    charts: 'Charts',
    cite: (name: string, title: string) => `${name}, ${title}`,
    proactive: 'Proactive disclosure',
    proactiveCaption: 'Proactive disclosure per year (table 2 and prose)',
    proactiveColumns: ['Year', 'Items published (prose)', 'Licensing decisions', 'Penalty decisions', 'Coercive measures'],
    findings: 'Findings',
    checkSource: 'Check the source: ',
    noFlags: 'No change between consecutive years above 5×, below a fifth or from non-zero to zero.',
    timelinessCaption: 'Was the report published on time (departments by 31 January, governments at county level and above by 31 March; judged by the publication date the file states, else the signature date)',
    timelinessColumns: ['Year', 'Published', 'Signed', 'Result'],
    boilerplateCaption: 'Boilerplate: the share of this year’s prose reused from the previous report',
    boilerplateColumns: ['Year', 'Against', 'Sentences reused', 'Five-character sequences reused'],
    versus: (year: number) => `the ${year} report`,
    ratio: (part: number, whole: number, share: string) => `${part}/${whole} (${share})`,
    checks: 'Checks per year',
    year: 'Year',
  },
  agencyCharts: {
    yearOf: (year: number) => String(year),
    proseNote: (n: number) => `Hollow dots: that year’s report has no tables; the figure is from its prose (${n}).`,
    legacyNote: (n: number) => `Squares on a dashed line: a report before 2019 has no table 3; the figure is requests accepted (受理) in its older statistics table (${n}). Requests accepted and the new requests received (本年新收) counted from 2019 on are not the same measure: do not compare the two stretches directly.`,
    noteSeparator: ' ',
    requests: {
      title: 'New requests per year',
      description: (name: string, legacy: boolean) => `New information requests received by ${name} each year. A hollow dot marks a figure read from the prose, not a table.${legacy ? ' A square marks requests accepted in the older statistics table of a report before 2019, another measure.' : ''}`,
      source: (_name: string, legacy: boolean) => `Each year’s annual report, table 3, first row (本年新收政府信息公开申请数量), total column${legacy ? '; before 2019, the older statistics table’s 受理政府信息公开申请总数, this year’s column' : ''}.`,
      aria: (name: string) => `New requests per year, ${name}`,
      axis: (legacy: boolean) => (legacy ? 'New / accepted requests' : 'New requests'),
      columns: (legacy: boolean) => ['Year', legacy ? 'New (accepted) requests' : 'New requests', 'Read from'],
      readFrom: { legacy: 'older table (accepted)', prose: 'prose', table: 'table 3' },
      drawing: { xLabel: 'Year', yearSuffix: '', proseNote: ' (from prose, not a table)', legacyNote: ' (before 2019: requests accepted, older statistics table)' },
    },
    dispositions: {
      title: 'Outcomes of requests handled',
      description: 'Share of each outcome among requests handled each year; the table gives counts. Years missing any outcome are not drawn.',
      source: 'Table 3, section 三 (outcomes), total column.',
      aria: (name: string) => `Outcomes per year, ${name}`,
      axis: 'Share of requests handled (%)',
      column: (label: string) => label,
      total: 'Total handled',
    },
    applicants: {
      title: 'Who asked',
      description: 'New requests by type of applicant.',
      source: 'Table 3, first row, applicant columns.',
      aria: (name: string) => `Applicant types per year, ${name}`,
      axis: 'New requests',
    },
    appeals: {
      title: 'Administrative review and litigation',
      description: 'Cases brought over information disclosure each year (group totals).',
      source: 'Table 4, total column of each group.',
      aria: (name: string) => `Review and litigation per year, ${name}`,
      axis: 'Cases',
    },
    requestsUnit: ' requests',
    casesUnit: ' cases',
  },
} satisfies Dictionary;
