/**
 * Every interface string of the English site (under /en/), by the keys of the Chinese dictionary.
 * Report text stays Chinese (marked lang="zh-CN" where pages show it); agency names get an English
 * rendering of their parts beside the Chinese (agency-name-en.ts).
 */
import { MEASURES } from '../aggregate/compare.ts';
import type { Timeliness } from '../findings/timeliness.ts';
import type { MeasureChange } from '../findings/yoy.ts';
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
    describe: (change: MeasureChange, factor: number): string | null => {
      if (!change.flag) return null;
      const fmt = (v: number) => (change.measure === 'grantRate' ? `${(v * 100).toFixed(1)}%` : v.toLocaleString('en-US'));
      const span = `${change.fromYear} ${fmt(change.from!)} → ${change.toYear} ${fmt(change.to!)}`;
      const label = MEASURES[change.measure].en;
      switch (change.flag) {
        case 'suddenZero':
          return `${label}: ${span}, a sudden fall to zero; check the source.`;
        case 'jump':
          return `${label}: ${span}, ${change.ratio!.toFixed(1)} times as many (more than ${factor} times); check the source.`;
        case 'drop':
          return `${label}: ${span}, down to ${(change.ratio! * 100).toFixed(1)}% (less than a fifth); check the source.`;
      }
    },
  },
  agencies: {
    title: 'Agencies',
    description: 'Every agency: region, kind, years covered, latest requests and share granted, checks passed.',
    lede: (total: number, number: number, count: number, shown: number) => `${total} agencies${count > 1 ? ` (page ${number} of ${count}, ${shown} on this page)` : ''}, grouped by province and city. Names stay in Chinese, with an English rendering. Click a column heading to sort; the filter box needs JavaScript (the table does not).`,
    filter: 'Filter',
    filterPlaceholder: 'name, region, kind',
    unknownProvince: 'region not identified',
    caption: (province: string) => `Agencies in ${province}`,
    columns: ['Agency', 'Prefecture', 'County', 'Level · kind', 'Years', 'New requests (latest)', 'Granted in full', 'Checks passed'],
    yearSeparator: ', ',
    latestYear: (year: number) => ` (${year})`,
    footnote: '* That report has no tables; the figure is from its prose. “Checks passed”: checks passed / checks that could run, over all the agency’s reports.',
  },
  pager: { label: 'Pages', prev: 'Previous', next: 'Next' },
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
  report: {
    title: (name: string, year: number) => `${name}, annual report ${year}`,
    description: (name: string, year: number) => `Figures of the ${year} government information disclosure annual report of ${name}, each traceable to the report text.`,
    template: { '2021': '2021 template', '2019': '2019 template', pre2019: 'before the 2019 template (older statistics table)' },
    failed: (n: number) => `${n} check(s) failed`,
    incomplete: 'incomplete: partly checked',
    passed: 'no contradiction found',
    tableNames: { proactive: 'Table 2', requests: 'Table 3', appeals: 'Table 4', legacy: 'statistics table' },
    tableBadge: (table: string, status: string) => `${table} ${status}`,
    agency: 'Agency',
    kind: (kind: string) => ` (${kind})`,
    year: 'Reporting year',
    signedOn: 'Signed on',
    published: 'Published on',
    publishedFrom: (date: string, source: string) => `${date} (${source})`,
    publishedSource: { 'crawler-header': 'the crawler’s 发布时间', 'html-meta': 'the page’s PubDate', 'html-title': 'the page title', 'pdf-meta': 'the PDF’s metadata', 'file-name': 'the file name' },
    sourceFile: 'Source file',
    sourceFileIs: (path: string, format: string, encoding: string, bytes: number) => `${path} (${format}, ${encoding}, ${bytes.toLocaleString('en-US')} bytes)`,
    messages: 'Extraction notes (in Chinese)',
    headline: 'Headline figures',
    legacyFigures: { requestsReceived: 'requests accepted', answersTotal: 'answers given', answersGranted: 'disclosure granted', reviews: 'administrative reviews', lawsuits: 'lawsuits' },
    legacyFigure: (label: string) => `${label} (older table, this year)`,
    received: 'new requests',
    receivedFromProse: 'from prose',
    receivedFromProseBefore: ', ',
    handled: 'handled',
    grantRate: 'granted in full',
    reviews: 'administrative reviews',
    lawsuits: 'lawsuits',
    tables: 'Tables',
    tablesLede: 'Each figure links to its line in the report text on the Chinese page. “—” means the report has no value there (blank, missing or cut-off table), not 0. Cells named by a failed check are outlined in red.',
    legacyIntro: 'This report predates the 2019 template: it has none of tables 2–4, only the older statistics table. Its “requests accepted” (受理) is not the same measure as the “new requests received” (本年新收) of table 3 from 2019 on; “disclosure granted” is roughly “granted” (予以公开).',
    legacyNone: 'This report predates the 2019 template and prints no statistics table; its figures are in its prose only (see “Figures stated in the prose” below).',
    checks: 'The template’s arithmetic',
    findings: 'Findings',
    timeliness: 'Timeliness',
    boilerplate: 'Boilerplate',
    versusBefore: 'vs ',
    versusLink: (year: number) => `the ${year} report`,
    versusAfter: (b: { reusedSentences: number; sentences: number; reusedNgrams: number; ngrams: number }, sentenceShare: string, ngramShare: string) => `: ${b.reusedSentences}/${b.sentences} sentences reused (${sentenceShare}), ${b.reusedNgrams}/${b.ngrams} five-character sequences (${ngramShare})`,
    noPrevious: 'No earlier report of this agency to compare.',
    changes: 'Year-over-year changes',
    noChanges: 'No unusual change (above 5×, below a fifth or a sudden zero).',
    disagreements: 'Prose and tables',
    noDisagreements: 'No figure in the prose disagrees with the tables.',
    disagreement: (label: string, prose: number, line: number | null, text: string | null, table: number) => `Prose and tables disagree: ${label} is ${prose} in the prose${line ? ` (line ${line}, “${text}”)` : ''}, ${table} in the tables.`,
    narrative: 'Figures stated in the prose',
    noNarrative: 'No comparable figure was read in the prose.',
    narrativeColumns: ['Item', 'Figure', 'Source'],
    narrativeLine: (n: number) => `line ${n}`,
    narrativeQuote: (text: string) => `: ${text}`,
    sections: { overview: 'Overview (一、总体情况)', problems: 'Problems and improvements (五、存在的主要问题及改进情况)', other: 'Other matters (六、其他需要报告的事项)' },
    sectionCut: (kb: number) => `This section is long; the page shows its first ${kb} KB; the whole text is in `,
    sectionCutDownload: 'the download',
    sectionCutBelow: 'the report text',
    sectionCutEnd: '.',
    sectionElsewhere: 'In Chinese, on ',
    sectionElsewhereLink: 'the Chinese page',
    source: (lines: number) => `Report text (${lines} lines, Chinese, as extracted)`,
    sourceCut: (first: number, linked: number) => `The text is too long to show whole: the Chinese page shows its first ${first} lines${linked > 0 ? `, and the ${linked} lines that figures link to` : ''}; the whole text is a `,
    sourceCutLink: 'download',
    sourceCutEnd: ' (plain text, UTF-8).',
    sourceLede: (checks: string) => `The report’s plain text, numbered by line and unchanged, is on the Chinese page; every figure above links to its line there. Check results: ${checks}.`,
    checkStatus: (id: string, status: string) => `${id} ${status}`,
    listSeparator: ', ',
    sourceLabel: 'Report text, numbered by line',
    sourceElsewhere: 'Read it on ',
    sourceElsewhereLink: 'the Chinese page',
  },
  narrativeLabels: {
    proactiveItems: 'Items published proactively',
    requestsReceived: 'Requests received',
    granted: 'Granted',
    partiallyGranted: 'Partly granted',
    withheld: 'Withheld',
    unavailable: 'Unavailable',
    notProcessed: 'Not processed',
    reviewCases: 'Administrative reviews',
    litigationCases: 'Lawsuits',
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
