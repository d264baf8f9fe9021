/**
 * The extractor's messages as data: a code and its parameters, never words. The record's
 * `messages` and the manifest's reasons hold these; a page (or the CLI) turns them into words in
 * its language with the dictionaries' `extractMessages` (src/lib/i18n). Parameters hold keys
 * (a template row, a table, a source), figures, paths, and text quoted from the report or the
 * file; never interface words.
 */
import { z } from 'zod';

/** A table of the 2019/2021 template: 二 (proactive), 三 (requests), 四 (appeals). */
const table = z.enum(['proactive', 'requests', 'appeals']);
/** Where an identity (agency, year) was read from; the record's `identitySource`. */
const identitySource = z.enum(['body', 'body-quote', 'crawler-header', 'html-meta', 'html-title', 'pdf-meta', 'file-name', 'correction']);
/** A template row key of table 三 (template.ts REQUEST_ROW_KEYS); a string here, checked by the reader. */
const requestRow = z.string();
/** A duplicate's keeper and the kept report's identity, for the duplicate codes. */
const duplicateOf = { keeper: z.string(), id: z.string(), agency: z.string(), year: z.number().int() };

/** Returns the schema of one message code with its parameters. */
function defineMessage<C extends string, P extends z.ZodRawShape>(code: C, params: P) {
  return z.object({ code: z.literal(code), params: z.object(params).strict() });
}

export const messageSchema = z.discriminatedUnion('code', [
  // A file that gives no record (the manifest's errors).
  /** The file holds no bytes, or only white space. */
  defineMessage('emptyFile', {}),
  /** Neither a report title nor the report's sections. */
  defineMessage('notAReport', {}),
  /** No agency and year anywhere (body, metadata, file name); `figures` cells were read. */
  defineMessage('noIdentity', { figures: z.number().int() }),
  /** The agency or year (or both) given by identity lines of the corrections file (`line`: its line number), not read from the file. */
  defineMessage('identityFromCorrection', { lines: z.array(z.object({ field: z.enum(['agency', 'year']), line: z.number().int() }).strict()) }),
  /** The candidate record failed the schema; `issues` as zod words them (path: message). */
  defineMessage('recordInvalid', { issues: z.string() }),
  /** The file's extension is none the extractor reads (`extension` null: no extension). */
  defineMessage('unsupportedFormat', { extension: z.string().nullable(), formats: z.array(z.string()) }),
  /** The file is larger than the limit; `megabytes` with one decimal, as printed. */
  defineMessage('tooLarge', { megabytes: z.string(), limit: z.number() }),
  /** NUL bytes: a binary file, not text. */
  defineMessage('binaryFile', {}),
  /** Mostly control characters after decoding as `encoding`: binary data. */
  defineMessage('binaryAfterDecoding', { count: z.number().int(), encoding: z.string() }),
  /** The detected encoding is none the decoder knows. */
  defineMessage('unknownEncoding', { encoding: z.string() }),
  /** Declared or detected UTF-8 that does not decode. */
  defineMessage('invalidUtf8', {}),
  /** A .docx without a zip header (an old .doc renamed). */
  defineMessage('notDocx', {}),
  /** A .docx the reader could not open; `detail` is the library's own (English) error. */
  defineMessage('docxUnreadable', { detail: z.string() }),
  /** A .docx whose zip directory is missing. */
  defineMessage('zipNoDirectory', {}),
  /** A .docx whose zip directory is damaged. */
  defineMessage('zipDirectoryDamaged', {}),
  /** A .docx with more zip entries than the limit. */
  defineMessage('zipTooManyEntries', { entries: z.number().int(), limit: z.number().int() }),
  /** A zip entry whose header is damaged. */
  defineMessage('zipEntryDamaged', { entry: z.string() }),
  /** A zip entry that does not inflate. */
  defineMessage('zipEntryNoInflate', { entry: z.string() }),
  /** A zip entry compressed with a method other than stored or deflate. */
  defineMessage('zipEntryMethod', { entry: z.string(), method: z.number().int() }),
  /** Inflating passes the limit (`limit` MB) at `entry`: a zip bomb, not unpacked. */
  defineMessage('zipBomb', { entry: z.string(), limit: z.number() }),
  /** A .pdf without the %PDF- header. */
  defineMessage('notPdf', {}),
  /** A PDF that needs a password. */
  defineMessage('pdfEncrypted', {}),
  /** A PDF the reader could not open; `detail` is the library's own (English) error. */
  defineMessage('pdfUnreadable', { detail: z.string() }),
  /** A PDF without a text layer (a scanned document?). */
  defineMessage('pdfNoText', {}),
  /** A PDF with more pages than the limit. */
  defineMessage('pdfTooManyPages', { pages: z.number().int(), limit: z.number().int() }),
  /** A PDF whose text passes the limit (characters) at `page`. */
  defineMessage('pdfTextTooLong', { limit: z.number().int(), page: z.number().int() }),
  /** The extractor failed on this file; `detail` is the error (English, the corpus folder taken out). */
  defineMessage('internalError', { detail: z.string() }),
  /** The worker thread died on this file; `detail` is why (English). */
  defineMessage('workerDied', { detail: z.string() }),
  /** A folder of the corpus could not be listed; `code` is the system's (ENOENT, EACCES …). */
  defineMessage('folderUnreadable', { code: z.string() }),
  /** Not a regular file: `kind` is FIFO, socket, device or unknown. */
  defineMessage('notRegularFile', { kind: z.string() }),
  /** A symbolic link to nothing (`to`: the link's text). */
  defineMessage('symlinkDangling', { to: z.string() }),
  /** A symbolic link that loops. */
  defineMessage('symlinkLoop', { to: z.string() }),
  /** A symbolic link that could not be resolved; `code` is the system's. */
  defineMessage('symlinkUnresolved', { to: z.string(), code: z.string() }),
  /** A symbolic link out of the corpus folder: not read. */
  defineMessage('symlinkOutside', { to: z.string() }),
  /** A symbolic link into a folder the walk skips: not read. */
  defineMessage('symlinkSkipped', { to: z.string() }),
  /** A symbolic link to its own folder or a parent. */
  defineMessage('symlinkParent', { to: z.string() }),
  /** Another file of the same agency and year was kept: a byte-identical copy of it. */
  defineMessage('duplicateIdentical', duplicateOf),
  /** Another file was kept: `copies` byte-identical copies of it, the majority. */
  defineMessage('duplicateMajority', { ...duplicateOf, copies: z.number().int() }),
  /** Another file was kept: fewer failed checks (`kept` against this file's `own`). */
  defineMessage('duplicateFewerFailures', { ...duplicateOf, kept: z.number().int(), own: z.number().int() }),
  /** Another file was kept: more figures (`kept` against this file's `own`). */
  defineMessage('duplicateMoreFigures', { ...duplicateOf, kept: z.number().int(), own: z.number().int() }),
  /** Another file was kept: its path sorts first. */
  defineMessage('duplicateFirstPath', duplicateOf),

  // Notes on a file that gave a record (the record's messages, the manifest's warnings).
  /** The file's name is not valid UTF-8: shown decoded as GB18030 (`escaped` false) or with %XX bytes. */
  defineMessage('fileNameNotUtf8', { escaped: z.boolean() }),
  /** Another file of the same agency and year (`path`) was not used. */
  defineMessage('otherCopyNotUsed', { path: z.string() }),
  /** A .txt/.md file (`extension`) whose content is a web page: read as HTML. */
  defineMessage('htmlExtension', { extension: z.string() }),
  /** HTML nested deeper than `depth` levels: `count` deeper tags read flat, their text kept. */
  defineMessage('htmlTooDeep', { depth: z.number().int(), count: z.number().int() }),
  /** pdftotext plain text: `alone` figures on lines of their own not placed; `read` rows printed whole were read. */
  defineMessage('plainTextFigures', { table, alone: z.number().int(), read: z.number().int() }),
  /** No report title in the body: agency and year from `source`, whose title is `title`. */
  defineMessage('titleFromSource', { source: identitySource, title: z.string() }),
  /** `source` says year `year`, the chosen `chosenSource` says `chosenYear`: the latter is used. */
  defineMessage('sourceYearDiffers', { source: identitySource, year: z.number().int(), chosenSource: identitySource, chosenYear: z.number().int() }),
  /** The title's agency name `name` is short; the full name `full` comes from `from`. */
  defineMessage('shortAgencyName', { name: z.string(), full: z.string(), from: z.union([identitySource, z.enum(['publisher', 'signature'])]) }),
  /** The title's year and the statistics period's year differ: the title's is used. */
  defineMessage('statYearDiffers', { titleYear: z.number().int(), statYear: z.number().int() }),
  /** No province, city or county at the start of the agency name. */
  defineMessage('regionNotFound', { name: z.string() }),
  /** The county-level name `county` in `name` fits several divisions (`candidates`, described): city and county left empty. */
  defineMessage('countyAmbiguous', { county: z.string(), name: z.string(), candidates: z.array(z.string()) }),
  /** `printed` in `name` is not in the gazetteer; read as `read`, the only name one character apart (`division` described). */
  defineMessage('countyNearOne', { printed: z.string(), name: z.string(), read: z.string(), division: z.string() }),
  /** `printed` in `name` is one character from several gazetteer names (`candidates`): county left empty. */
  defineMessage('countyNearSeveral', { printed: z.string(), name: z.string(), candidates: z.array(z.string()) }),
  /** A zone `zone` in `name` read as `division`, the only county whose short name `short` begins it. */
  defineMessage('zoneRead', { zone: z.string(), name: z.string(), division: z.string(), short: z.string() }),
  /** The heading of part 二, 三 or 四 (`table`) is missing. */
  defineMessage('sectionHeadingMissing', { table }),
  /** A table is absent: its cells are all null. */
  defineMessage('tableAbsent', { table }),
  /** A table is partly read: only the rows `rows` (keys) of table 二. */
  defineMessage('proactivePartial', { rows: z.array(z.string()) }),
  /** Table 三 lacks the rows `missing` (keys); cut off after `cutAfter` when the rows after it are all missing. */
  defineMessage('requestsPartial', { missing: z.array(requestRow), cutAfter: requestRow.nullable() }),
  /** Table 三 prints （六）其他处理 as in the `edition` template (one row 2019, three 2021): checked in that shape. */
  defineMessage('requestsEditionDiffers', { edition: z.enum(['2019', '2021']) }),
  /** A report of `year` (before 2019): no tables 二–四; the older statistics table read (`legacy` true) or none printed. */
  defineMessage('pre2019Tables', { year: z.number().int(), legacy: z.boolean() }),
  /** A report without tables 二–四, with the older statistics table only: read as that. */
  defineMessage('legacyOnly', {}),
  /** A report of `year` (before 2019) whose tables 二–四 were read: recorded as the 2019 template. */
  defineMessage('pre2019WithTemplate', { year: z.number().int() }),
  /** The report also prints the older statistics table, not read (it has tables 二–四). */
  defineMessage('legacyIgnored', {}),
  /** A template check failed: the failure as the record's `checks` holds it (`where` in Chinese). */
  defineMessage('checkFailed', { check: z.string(), where: z.string(), cells: z.array(z.string()), expected: z.number(), actual: z.number() }),
  /** Table 二's row `row` (key) has `count` cells more than its columns: ignored. */
  defineMessage('proactiveExtraCells', { row: z.string(), count: z.number().int() }),
  /** Table 三's row `row` (key) is printed twice: the first is read. */
  defineMessage('requestsRowTwice', { row: requestRow }),
  /** Table 三's row `row` has only `count` figures that fit no column alignment: its cells null. */
  defineMessage('requestsRowMisaligned', { row: requestRow, count: z.number().int() }),
  /** Table 三's row `row` has `count` cells more than its columns: ignored. */
  defineMessage('requestsExtraCells', { row: requestRow, count: z.number().int() }),
  /** A group of figures in table 四 (at `line`) with no 行政复议 or 行政诉讼 before it: its cells null. */
  defineMessage('appealsUnlabelled', { line: z.number().int() }),
  /** Table 四's groups `groups` (keys) printed twice (at `line`): the first is read. */
  defineMessage('appealsGroupTwice', { groups: z.array(z.string()), line: z.number().int() }),
  /** Table 四 has `count` figure cells more than its 15 (at `line`): ignored. */
  defineMessage('appealsExtraCells', { count: z.number().int(), line: z.number().int() }),
  /** `count` of table 四's 15 cells are blank. */
  defineMessage('appealsBlank', { count: z.number().int() }),
  /** The older table's 本年 column is headed `header`, not the report's year `year`: not read. */
  defineMessage('legacyYearDiffers', { header: z.string(), year: z.number().int().nullable() }),
  /** The older table's row `label` (as printed) is no known measure: not read. */
  defineMessage('legacyUnknownRow', { label: z.string() }),
  /** The older table's row `label` is printed twice: the first is read. */
  defineMessage('legacyRowTwice', { label: z.string() }),
  /** The older table's cell in row `label`, column `column` (year, cumulative), reads `text`, no figure: null. */
  defineMessage('legacyNotNumber', { label: z.string(), column: z.enum(['year', 'cumulative']), text: z.string() }),
  /**
   * A crawled page's run of digits `digits` in table 二's row `label`: `splits` ways to cut it into
   * `width` figures (examples: `examples`), or none; nothing decides: its cells null.
   */
  defineMessage('proactiveRunUnsplit', { label: z.string(), digits: z.string(), width: z.number().int(), splits: z.number().int(), examples: z.array(z.string()) }),
  /** A crawled page's run of digits `digits` in table 三's row `row` that no cut into 7 figures sums: null. */
  defineMessage('requestsRunUnsplit', { row: z.string(), digits: z.string() }),
  /**
   * A crawled page's run in table 三's row `row`: `splits` cuts fit the row's total (null: too
   * many); the table's sums decide none (`checked` false: they fail or cannot be checked): null.
   */
  defineMessage('requestsRunAmbiguous', { row: z.string(), digits: z.string(), splits: z.number().int().nullable(), checked: z.boolean() }),
  /** A crawled page's run of table 四 `digits`: `splits` cuts fit the groups' totals (0: none fit): null. */
  defineMessage('appealsRunUnsplit', { digits: z.string(), splits: z.number().int() }),
  /** A crawled page's older-table row `label`: its run `run` is blank or cuts into no `width` figures: null. */
  defineMessage('legacyRunUnsplit', { label: z.string(), run: z.string(), width: z.number().int() }),
  /**
   * A crawled page's older-table row `label`: its run `run` cuts several ways (`candidates`, null:
   * too many); why the sums do not decide: `reason` about the sum `sum` (`solutions` left).
   */
  defineMessage('legacyRunAmbiguous', {
    label: z.string(),
    run: z.string(),
    candidates: z.array(z.string()).nullable(),
    reason: z.enum(['noSum', 'sumUnread', 'tooMany', 'noSolution', 'severalSolutions']),
    sum: z.string().nullable(),
    solutions: z.number().int().nullable(),
  }),
]);

/** One extractor message: a code and its parameters. */
export type Message = z.infer<typeof messageSchema>;
export type MessageCode = Message['code'];
/** The parameters of a message code. */
export type MessageParams<C extends MessageCode> = Extract<Message, { code: C }>['params'];

/** Every message code, in the schema's order. */
export const MESSAGE_CODES: readonly MessageCode[] = messageSchema.options.map((o) => o.shape.code.value);

/** The message codes as a zod enum. */
export const messageCodeSchema = z.enum(MESSAGE_CODES as [MessageCode, ...MessageCode[]]);

/** Returns a message of `code` with its parameters (typed by code). */
export function createMessage<C extends MessageCode>(code: C, params: MessageParams<C>): Message {
  return { code, params } as Message;
}
