/**
 * The report record: one zod schema shared by the extractor, the content collections and the tests.
 * Every figure is a number read from the report, or `null` where the report has no value for it
 * (blank cell, missing or cut-off table). Never 0 for absent.
 */
import { z } from 'zod';
import { messageSchema } from './message.ts';

/** A figure read from the report; `null` = absent in the source. */
const cell = z.number().nullable();

/** One row of table B: the six applicant columns and 总计, counts of requests. */
const requestRow = z.object({
  /** 自然人 (natural persons), requests. */
  natural: cell,
  /** 法人或其他组织·商业企业, requests. */
  commercial: cell,
  /** 法人或其他组织·科研机构, requests. */
  research: cell,
  /** 法人或其他组织·社会公益组织 (2019: 社会组织), requests. */
  nonprofit: cell,
  /** 法人或其他组织·法律服务机构, requests. */
  legal: cell,
  /** 法人或其他组织·其他, requests. */
  other: cell,
  /** 总计 as printed (not computed), requests. */
  total: cell,
});
export type RequestRow = z.infer<typeof requestRow>;

/** Table B (三、收到和处理政府信息公开申请情况): every template row, both editions. */
export const requestsSchema = z.object({
  /** 一、本年新收政府信息公开申请数量 */
  newReceived: requestRow,
  /** 二、上年结转政府信息公开申请数量 */
  carriedOver: requestRow,
  /** 三（一）予以公开 */
  granted: requestRow,
  /** （二）部分公开 */
  partiallyGranted: requestRow,
  /** （三）不予公开 1.属于国家秘密 */
  withheldStateSecret: requestRow,
  /** 2.其他法律行政法规禁止公开 */
  withheldLawProhibited: requestRow,
  /** 3.危及“三安全一稳定” */
  withheldSecurityStability: requestRow,
  /** 4.保护第三方合法权益 */
  withheldThirdParty: requestRow,
  /** 5.属于三类内部事务信息 */
  withheldInternalAffairs: requestRow,
  /** 6.属于四类过程性信息 */
  withheldProcessInfo: requestRow,
  /** 7.属于行政执法案卷 */
  withheldEnforcementFile: requestRow,
  /** 8.属于行政查询事项 */
  withheldAdminQuery: requestRow,
  /** （四）无法提供 1.本机关不掌握相关政府信息 */
  unavailableNotHeld: requestRow,
  /** 2.没有现成信息需要另行制作 */
  unavailableNeedsCreation: requestRow,
  /** 3.补正后申请内容仍不明确 */
  unavailableUnclear: requestRow,
  /** （五）不予处理 1.信访举报投诉类申请 */
  notProcessedComplaint: requestRow,
  /** 2.重复申请 */
  notProcessedDuplicate: requestRow,
  /** 3.要求提供公开出版物 */
  notProcessedPublication: requestRow,
  /** 4.无正当理由大量反复申请 */
  notProcessedExcessive: requestRow,
  /** 5.要求行政机关确认或重新出具已获取信息 */
  notProcessedConfirmation: requestRow,
  /** （六）其他处理 1.申请人无正当理由逾期不补正 (2021 edition) */
  otherNoCorrection: requestRow,
  /** 2.申请人逾期未按收费通知要求缴纳费用 (2021 edition) */
  otherUnpaidFee: requestRow,
  /** 3.其他 (2021 edition) */
  otherOther: requestRow,
  /** （六）其他处理, the single row of the 2019 edition */
  otherHandling: requestRow,
  /** （七）总计 */
  total: requestRow,
  /** 四、结转下年度继续办理 */
  carriedForward: requestRow,
});
export type Requests = z.infer<typeof requestsSchema>;

/** One group of table C: counts of cases. */
const appealGroup = z.object({
  /** 结果维持, cases. */
  upheld: cell,
  /** 结果纠正, cases. */
  corrected: cell,
  /** 其他结果, cases. */
  other: cell,
  /** 尚未审结, cases. */
  pending: cell,
  /** 总计 as printed, cases. */
  total: cell,
});

/** Table C (四、政府信息公开行政复议、行政诉讼情况). */
export const appealsSchema = z.object({
  /** 行政复议 */
  review: appealGroup,
  /** 行政诉讼·未经复议直接起诉 */
  litigationDirect: appealGroup,
  /** 行政诉讼·复议后起诉 */
  litigationAfterReview: appealGroup,
});
export type Appeals = z.infer<typeof appealsSchema>;

const documentsRow2021 = z.object({
  /** 本年制发件数, documents. */
  issued: cell,
  /** 本年废止件数, documents. */
  repealed: cell,
  /** 现行有效件数, documents. */
  inForce: cell,
});
const decisionsRow2021 = z.object({
  /** 本年处理决定数量, decisions. */
  decisions: cell,
});

/** Table A, 2021 edition (二、主动公开政府信息情况). */
export const proactive2021Schema = z.object({
  /** 规章 (第二十条第（一）项) */
  rules: documentsRow2021,
  /** 行政规范性文件 */
  normativeDocs: documentsRow2021,
  /** 行政许可 (第（五）项) */
  licensing: decisionsRow2021,
  /** 行政处罚 (第（六）项) */
  penalty: decisionsRow2021,
  /** 行政强制 (第（六）项) */
  coercion: decisionsRow2021,
  /** 行政事业性收费 (第（八）项) */
  fees: z.object({
    /** 本年收费金额, 万元 (10,000 yuan). */
    amountWan: cell,
  }),
});

const documentsRow2019 = z.object({
  /** 本年新制作数量, documents. */
  made: cell,
  /** 本年新公开数量, documents. */
  published: cell,
  /** 对外公开总数量, documents. */
  totalPublic: cell,
});
const itemsRow2019 = z.object({
  /** 上一年项目数量, items. */
  prevItems: cell,
  /** 本年增/减, items, signed (增 69 → 69, 减 3 → -3). */
  change: cell,
  /** 处理决定数量, decisions. */
  decisions: cell,
});

/** Table A, 2019 edition. */
export const proactive2019Schema = z.object({
  /** 规章 (第二十条第（一）项) */
  rules: documentsRow2019,
  /** 规范性文件 */
  normativeDocs: documentsRow2019,
  /** 行政许可 (第（五）项) */
  licensing: itemsRow2019,
  /** 其他对外管理服务事项 (第（五）项) */
  otherServices: itemsRow2019,
  /** 行政处罚 (第（六）项) */
  penalty: itemsRow2019,
  /** 行政强制 (第（六）项) */
  coercion: itemsRow2019,
  /** 行政事业性收费 (第（八）项) */
  fees: z.object({
    /** 上一年项目数量, items. */
    prevItems: cell,
    /** 本年增/减, items, signed. */
    change: cell,
  }),
  /** 政府集中采购 (第（九）项) */
  procurement: z.object({
    /** 采购项目数量, projects. */
    projects: cell,
    /** 采购总金额, yuan (converted from the unit printed in the cell). */
    amountYuan: cell,
  }),
});

/** One row of the older statistics table: 本年 and 历年累计, in the row's unit. */
const legacyFigure = z.object({
  /** 本年 (printed "2016年度", "年末统计"): the reporting year's figure. */
  year: cell,
  /** 历年累计: the figure since disclosure began (2008); null where the table has no such column. */
  cumulative: cell,
});

/**
 * The older statistics table of reports before the 2019 template (指标名称 / 计量单位 / 本年 / 历年累计).
 * Every row is here; a row the report does not print is `{ year: null, cumulative: null }`.
 * Only `requestsReceived` (受理 ≈ 新收), `answersGranted` (同意公开 ≈ 予以公开), `answersPartlyGranted`,
 * `reviews` and `lawsuits` mean roughly what fields of the later templates mean.
 */
export const legacySchema = z.object({
  /** 主动公开信息数 / 主动公开文件数, 条 (items). */
  proactiveTotal: legacyFigure,
  /** 其中：网站公开(数) / 政府网站公开数, 条 (items). */
  proactiveWebsite: legacyFigure,
  /** 政府公报公开(数), 条 (items). */
  proactiveGazette: legacyFigure,
  /** 受理依申请公开信息总数 / 受理政府信息公开申请总数, 条 (requests). */
  requestsReceived: legacyFigure,
  /** 其中：当面申请数 (also printed 当面申请书), 条 (requests). */
  requestsInPerson: legacyFigure,
  /** 传真申请数, 条 (requests). */
  requestsByFax: legacyFigure,
  /** 电子邮件申请数, 条 (requests). */
  requestsByEmail: legacyFigure,
  /** 网上申请数, 条 (requests). */
  requestsOnline: legacyFigure,
  /** 信函申请数, 条 (requests). */
  requestsByLetter: legacyFigure,
  /** 信函、传真申请数 (one row for both), 条 (requests). */
  requestsByLetterOrFax: legacyFigure,
  /** 其他形式申请数, 条 (requests). */
  requestsOther: legacyFigure,
  /** 对申请的答复(总)数, 条 (answers). */
  answersTotal: legacyFigure,
  /** 其中：同意公开答复数, 条 (answers). */
  answersGranted: legacyFigure,
  /** 同意部分公开答复数, 条 (answers). */
  answersPartlyGranted: legacyFigure,
  /** 否决公开答复(总)数 / 不予公开答复数, 条 (answers). */
  answersRefused: legacyFigure,
  /** 其他类型答复数, 条 (answers). */
  answersOther: legacyFigure,
  /** 政府信息公开收费减免金额 / 收费, 元 (yuan; converted when printed in 万元). */
  feesYuan: legacyFigure,
  /** 行政申诉数 / 接受行政申诉、举报数 / 接受行政诉讼、举报数, 件 (cases). */
  complaints: legacyFigure,
  /** 行政复议数, 件 (cases; also printed 条). */
  reviews: legacyFigure,
  /** 行政诉讼数, 件 (cases). */
  lawsuits: legacyFigure,
});
export type Legacy = z.infer<typeof legacySchema>;

/** How much of a table the report has. */
export const tableStatusSchema = z.enum(['complete', 'partial', 'absent']);
export type TableStatus = z.infer<typeof tableStatusSchema>;

/** A figure stated in prose, with where it was read. */
export const proseFigureSchema = z.object({
  /** The number, in the unit of the measure (items, requests, cases). */
  value: z.number(),
  /** 1-based line in the source text. */
  line: z.number().int().positive(),
  /** The words it was read from, as printed. */
  text: z.string(),
});
export type ProseFigure = z.infer<typeof proseFigureSchema>;

/** Figures stated in the prose sections. Each key is absent when the prose does not state it. */
export const narrativeSchema = z.object({
  /** 主动公开（政府）信息N条: items proactively disclosed. */
  proactiveItems: proseFigureSchema.optional(),
  /** 收到/受理/新收 …申请N件: requests received. */
  requestsReceived: proseFigureSchema.optional(),
  /** 予以公开N件 */
  granted: proseFigureSchema.optional(),
  /** 部分公开N件 */
  partiallyGranted: proseFigureSchema.optional(),
  /** 不予公开N件 */
  withheld: proseFigureSchema.optional(),
  /** 无法提供N件 */
  unavailable: proseFigureSchema.optional(),
  /** 不予处理N件 */
  notProcessed: proseFigureSchema.optional(),
  /** 行政复议N件 */
  reviewCases: proseFigureSchema.optional(),
  /** 行政诉讼N件 */
  litigationCases: proseFigureSchema.optional(),
});
export type Narrative = z.infer<typeof narrativeSchema>;

/** The checks of the 2019 and 2021 templates, in the spec's order. */
export const CHECK_IDS = ['balance', 'rowSum', 'dispositionSum', 'appealSum', 'narrative'] as const;
/** The check of the older statistics table: its 其中 rows add up to their totals (records with template pre2019 only). */
export const LEGACY_CHECK_ID = 'legacySum';
export type TemplateCheckId = (typeof CHECK_IDS)[number];
export type CheckId = TemplateCheckId | typeof LEGACY_CHECK_ID;

/** One failed equation of a check. */
export const checkFailureSchema = z.object({
  /** What was compared, in words (Chinese). */
  where: z.string(),
  /** Paths of the cells involved, e.g. `requests.total.natural`. */
  cells: z.array(z.string()),
  /** The sum the template expects (left side), in the cells' unit. */
  expected: z.number(),
  /** The printed figure (right side). */
  actual: z.number(),
});
export type CheckFailure = z.infer<typeof checkFailureSchema>;

/** The result of one of the template's own arithmetic checks. */
export const checkResultSchema = z.object({
  id: z.enum([...CHECK_IDS, LEGACY_CHECK_ID]),
  /** pass: every equation holds; fail: one does not; incomplete: cells missing; notApplicable: no data. */
  status: z.enum(['pass', 'fail', 'incomplete', 'notApplicable']),
  /** Equations evaluated with every cell present. */
  evaluated: z.number().int(),
  failures: z.array(checkFailureSchema),
});
export type CheckResult = z.infer<typeof checkResultSchema>;

export const regionSchema = z.object({
  /** 省级 name, e.g. 山东省. */
  province: z.string().nullable(),
  /** 地级 name, e.g. 淄博市. */
  city: z.string().nullable(),
  /** 县级 name, e.g. 沂源县. */
  county: z.string().nullable(),
  /** GB/T 2260 code of the most specific level resolved (6 digits), or null. */
  code: z.string().nullable(),
});
export type Region = z.infer<typeof regionSchema>;

export const agencySchema = z.object({
  /** Full name from the title, e.g. 沂源县行政审批服务局. */
  name: z.string(),
  /** Stable URL-safe pinyin slug, the same across years. */
  slug: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
  region: regionSchema,
  /** government: 人民政府 and its 办公厅/室; department: everything else. */
  kind: z.enum(['government', 'department']),
});
export type Agency = z.infer<typeof agencySchema>;

export const sourceSchema = z.object({
  /** Path relative to the corpus root, with forward slashes. */
  path: z.string(),
  /** sha256 of the file's bytes, hex. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** Detected encoding, e.g. utf-8, gb18030, utf-16le. */
  encoding: z.string(),
  /** Input format (docx: a Word file, read through its HTML; pdf: a PDF's text layer). */
  format: z.enum(['text', 'markdown', 'html', 'docx', 'pdf']),
  /** Size in bytes. */
  bytes: z.number().int().nonnegative(),
});

/**
 * Figure path → 1-based source line. Checked in one loop: as `z.record(z.string(), z.number().int()
 * .positive())`, which runs two schemas per key, it was four fifths of checking a whole record (some
 * 200 keys): 55 µs a record then, 17 µs now.
 */
const provenanceSchema = z.custom<Record<string, number>>(
  (value) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
    const lines = value as Record<string, unknown>;
    // By key: Object.values on an object of some 200 keys took four times as long.
    for (const key of Object.keys(lines)) {
      const line = lines[key];
      if (typeof line !== 'number' || !Number.isInteger(line) || line <= 0) return false;
    }
    return true;
  },
  { message: 'provenance: 每个数字的来源行号须为正整数 (each figure\'s source line must be a positive integer)' },
);

/** How much of each of tables 二, 三 and 四 the report has. */
const tablesSchema = z.object({
  proactive: tableStatusSchema,
  requests: tableStatusSchema,
  appeals: tableStatusSchema,
});

/**
 * One line of the corrections file (content/corrections.csv, parsed by src/lib/corrections/parse.ts):
 * a person's correction of one cell of one report, with why and where it was checked. Corrections are
 * applied to the record after extraction (src/lib/corrections/apply.ts), never inside it.
 */
export const correctionSchema = z.object({
  /** 1-based line of the corrections file (the header is line 1), for error messages and the page. */
  line: z.number().int().positive(),
  /** The report's id (`<agency slug>-<year>`) or its source path relative to the corpus folder. */
  report: z.string().min(1),
  /** `proactive`, `requests`, `appeals` or `legacy`. */
  table: z.enum(['proactive', 'requests', 'appeals', 'legacy']),
  /** Row key, as in the record and the data dictionary (`granted`). */
  row: z.string().min(1),
  /** Column key (`natural`; `year` or `cumulative` in table `legacy`). */
  column: z.string().min(1),
  /** The value to publish, in the cell's unit; null: the report prints no figure there. */
  value: z.number().nullable(),
  /** Why the value read is wrong, in words. */
  reason: z.string().min(1),
  /** Where the correct value was checked: a URL, or 报告第 4 页. */
  source: z.string().min(1),
  /** When the correction was made, ISO yyyy-mm-dd. */
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
});
export type Correction = z.infer<typeof correctionSchema>;

/** A correction applied to a record: the cell, the value as read beside the value published, and why. */
export const appliedCorrectionSchema = correctionSchema.omit({ report: true, table: true, row: true, column: true }).extend({
  /** Path of the cell (`requests.granted.natural`), as in `provenance`. */
  cell: z.string(),
  /** The value the extractor read (null: none), in the cell's unit. */
  read: z.number().nullable(),
});
export type AppliedCorrection = z.infer<typeof appliedCorrectionSchema>;

/**
 * An identity line of the corrections file (`table` = `identity`): `agency` or `year` give a file's
 * agency or year (`report`: the file's path in the corpus folder; `value`: the agency's full name, or
 * the year); `merge` shows the reports of one agency name under another (`report`: the name, or
 * slug, the reports print; `value`: the name, or slug, of the agency to show them under).
 */
export const identityCorrectionSchema = correctionSchema.pick({ line: true, report: true, reason: true, source: true, date: true }).extend({
  kind: z.enum(['agency', 'year', 'merge']),
  value: z.string().min(1),
});
export type IdentityCorrection = z.infer<typeof identityCorrectionSchema>;

/** An agency or year a correction gave the extractor: the value it read itself (null: none) beside the value published. */
export const appliedIdentitySchema = identityCorrectionSchema.pick({ line: true, reason: true, source: true, date: true }).extend({
  field: z.enum(['agency', 'year']),
  read: z.string().nullable(),
  value: z.string(),
});
export type AppliedIdentity = z.infer<typeof appliedIdentitySchema>;

/** A merge applied to a record: the agency as the report names it, now shown under another. */
export const appliedMergeSchema = identityCorrectionSchema.pick({ line: true, reason: true, source: true, date: true }).extend({
  /** The agency's name and slug as extracted. */
  name: z.string(),
  slug: z.string(),
});
export type AppliedMerge = z.infer<typeof appliedMergeSchema>;

const recordBase = z.object({
  /** `<agency slug>-<year>`: the report's stable id and URL segment. */
  id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
  agency: agencySchema,
  /** Reporting year (统计期限 / title), not the publication year. */
  year: z.number().int().min(2000).max(2100),
  /** The report's title as printed (lines joined). */
  title: z.string(),
  /** Signature date at the end of the report, ISO yyyy-mm-dd, when printed. */
  signedOn: z.string().nullable(),
  /**
   * Where the agency and year were read: `body` (the title printed in the report), `body-quote` (the
   * report's name quoted in its opening), `crawler-header` (a crawler's 标题: line), `html-meta`
   * (ArticleTitle), `html-title` (the page's <title>), `pdf-meta` (the PDF's Title), `file-name`;
   * `correction`: an identity line of the corrections file gave the agency or the year (`identityCorrections`).
   */
  identitySource: z.enum(['body', 'body-quote', 'crawler-header', 'html-meta', 'html-title', 'pdf-meta', 'file-name', 'correction']),
  /**
   * Publication date, ISO yyyy-mm-dd, where the file states one: the page's `<meta name="PubDate">`
   * (`html-meta`), a crawler's 发布时间 (`crawler-header`), the PDF's creation date (`pdf-meta`);
   * null otherwise. The signature date is `signedOn`.
   */
  published: z
    .object({
      date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
      source: z.enum(['crawler-header', 'html-meta', 'html-title', 'pdf-meta', 'file-name']),
    })
    .nullable(),
  requests: requestsSchema,
  appeals: appealsSchema,
  tables: tablesSchema,
  /** Prose of sections 一, 五, 六 (plain text, as printed), or null when the section is missing. */
  sections: z.object({
    overview: z.string().nullable(),
    problems: z.string().nullable(),
    other: z.string().nullable(),
  }),
  narrative: narrativeSchema,
  checks: z.array(checkResultSchema),
  source: sourceSchema,
  /** For each extracted figure, by path (`requests.granted.natural`), its 1-based source line. */
  provenance: provenanceSchema,
  /**
   * Notes about this record (missing tables, cut-off rows, failed checks) as codes with their
   * parameters (message.ts); pages and the CLI put them into words with the dictionaries.
   */
  messages: z.array(messageSchema),
  /**
   * Corrections applied after extraction (content/corrections.csv): each cell's value as read beside
   * the value now in the record, whose checks were run again on the corrected figures. Absent in
   * the extractor's records: it never applies corrections.
   */
  corrections: z.array(appliedCorrectionSchema).optional(),
  /**
   * The agency or year the corrections file gave the extractor for this file (identity lines), each
   * beside what the extractor read itself. Absent when the file's identity was read.
   */
  identityCorrections: z.array(appliedIdentitySchema).optional(),
  /**
   * Set after extraction when a merge line of the corrections file shows this report under another
   * agency (`agency`): the agency as the report names it. Absent in the extractor's records.
   */
  agencyMerge: appliedMergeSchema.optional(),
});

export const reportRecordSchema = z.discriminatedUnion('template', [
  recordBase.extend({
    /** Template edition: 2021 (国办公开办函〔2021〕30号). */
    template: z.literal('2021'),
    proactive: proactive2021Schema,
    /** No older statistics table in a report of the 2019 or 2021 template. */
    legacy: z.null(),
  }),
  recordBase.extend({
    /** Template edition: 2019 (国办公开办函〔2019〕60号). */
    template: z.literal('2019'),
    proactive: proactive2019Schema,
    legacy: z.null(),
  }),
  recordBase.extend({
    /**
     * Before the 2019 template (reports for 2008–2018, or a later report that still prints the older
     * table instead of tables 二–四): tables 二, 三 and 四 absent, their cells all null.
     */
    template: z.literal('pre2019'),
    /** No table 二 before the 2019 template. */
    proactive: z.null(),
    /** The older statistics table (指标名称 / 计量单位 / 本年 / 历年累计); null when the report prints none. */
    legacy: legacySchema.nullable(),
    tables: tablesSchema.extend({
      /**
       * The older statistics table: complete when every row it prints was read in every column its
       * header has, partial when a figure or a row was not, absent when the report has no such table.
       */
      legacy: tableStatusSchema,
    }),
  }),
]);
export type ReportRecord = z.infer<typeof reportRecordSchema>;
export type Proactive2021 = z.infer<typeof proactive2021Schema>;
export type Proactive2019 = z.infer<typeof proactive2019Schema>;
/** A template edition: 2021, 2019, or pre2019 (the older statistics table). */
export type Template = ReportRecord['template'];

/** One input file in the manifest. */
export const manifestEntrySchema = z.object({
  /** Path relative to the corpus root. */
  path: z.string(),
  status: z.enum(['ok', 'warning', 'error']),
  /** The record's id, when the file became a record. */
  id: z.string().nullable(),
  /** Why the file gave no record (error), or the record's notes (warning): codes with parameters (message.ts). */
  messages: z.array(messageSchema),
});
export type ManifestEntry = z.infer<typeof manifestEntrySchema>;

export const manifestSchema = z.object({
  /** The corpus folder, relative to the extractor's working folder or by its name, never absolute (describeInput). */
  input: z.string(),
  counts: z.object({
    files: z.number().int(),
    records: z.number().int(),
    warnings: z.number().int(),
    errors: z.number().int(),
    failedChecks: z.number().int(),
  }),
  files: z.array(manifestEntrySchema),
});
export type Manifest = z.infer<typeof manifestSchema>;
