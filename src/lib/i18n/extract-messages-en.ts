/**
 * The extractor's messages in English, one function per code (schema/message.ts). Text quoted from
 * a report or a file (a printed label, a run of digits, a title, a path) stays as printed.
 */
import { labelAppealGroup, labelLegacySum, labelProactiveRow, labelRequestRow, type MessageWords } from './extract-messages.ts';

const TABLE = { proactive: 'Table 2 (proactive disclosure)', requests: 'Table 3 (requests)', appeals: 'Table 4 (reviews and lawsuits)' } as const;
const SOURCE = {
  body: 'the body’s title',
  'body-quote': 'the report’s name quoted in the body',
  'crawler-header': 'the crawler header’s title',
  'html-meta': 'the web page’s ArticleTitle metadata',
  'html-title': 'the web page’s <title>',
  'pdf-meta': 'the PDF metadata’s title',
  'file-name': 'the file name',
  correction: 'the corrections file',
  publisher: 'the publisher',
  signature: 'the signature',
} as const;
const duplicate = (p: { id: string }, reason: string) => `duplicate of ${p.id}: ${reason}`;
const cellsNull = 'its cells are empty (null)';
/** Returns `n` with the noun in the singular or plural, as English needs. */
const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export const enMessages: MessageWords = {
  emptyFile: () => 'empty file',
  notAReport: () => 'not an annual report: no title, no sections',
  identityFromCorrection: (p) => `${p.lines.map((l) => `the ${l.field} (corrections file, line ${l.line})`).join(' and ')} from the corrections file`,
  noIdentity: (p) => `no identity: no report title in the body, the file's metadata or its name; ${p.figures} figures read, no record`,
  recordInvalid: (p) => `record failed validation: ${p.issues}`,
  unsupportedFormat: (p) => `unsupported format ${p.extension ?? '(no extension)'}; reads ${p.formats.join(', ')}`,
  tooLarge: (p) => `too large: ${p.megabytes} MB, limit ${p.limit} MB`,
  binaryFile: () => 'binary file: contains NUL bytes',
  binaryAfterDecoding: (p) => `binary data: ${count(p.count, 'control character', 'control characters')} after decoding as ${p.encoding}`,
  unknownEncoding: (p) => `unknown encoding ${p.encoding}`,
  invalidUtf8: () => 'invalid UTF-8',
  notDocx: () => 'not a .docx: no zip header',
  docxUnreadable: (p) => `unreadable .docx: ${p.detail}`,
  zipNoDirectory: () => 'unreadable .docx: no zip directory',
  zipDirectoryDamaged: () => 'unreadable .docx: zip directory damaged',
  zipTooManyEntries: (p) => `unreadable .docx: zip has ${p.entries} entries, limit ${p.limit}`,
  zipEntryDamaged: (p) => `unreadable .docx: zip entry ${p.entry} damaged`,
  zipEntryNoInflate: (p) => `unreadable .docx: zip entry ${p.entry} does not inflate`,
  zipEntryMethod: (p) => `unreadable .docx: zip entry ${p.entry} uses compression method ${p.method}`,
  zipBomb: (p) => `unreadable .docx: inflates past ${p.limit} MB at entry ${p.entry}: not unpacked`,
  notPdf: () => 'not a PDF: no %PDF- header',
  pdfEncrypted: () => 'encrypted PDF: it needs a password to open',
  pdfUnreadable: (p) => `unreadable PDF: ${p.detail}`,
  pdfNoText: () => 'PDF has no text layer: a scanned document?',
  pdfTooManyPages: (p) => `PDF of ${p.pages} pages, over the limit of ${p.limit}`,
  pdfTextTooLong: (p) => `PDF text over ${p.limit.toLocaleString('en-US')} characters at page ${p.page}`,
  internalError: (p) => `internal error: ${p.detail}`,
  workerDied: (p) => `the worker thread died on this file: ${p.detail}; no other file was affected`,
  folderUnreadable: (p) => `cannot read folder: ${p.code}`,
  notRegularFile: (p) => `not a regular file: ${p.kind}; not read`,
  symlinkDangling: (p) => `dangling symlink to ${p.to}`,
  symlinkLoop: (p) => `symlink loop: ${p.to}`,
  symlinkUnresolved: (p) => `cannot resolve symlink to ${p.to}: ${p.code}`,
  symlinkOutside: (p) => `symlink points outside the corpus: ${p.to}; not read`,
  symlinkSkipped: (p) => `symlink into a skipped folder: ${p.to}; not read`,
  symlinkParent: (p) => `symlink loop: points to its own folder or a parent, ${p.to}`,
  duplicateIdentical: (p) => duplicate(p, `byte-identical copy of ${p.keeper}`),
  duplicateMajority: (p) => duplicate(p, `kept ${p.keeper}, the byte-identical majority (${p.copies} copies)`),
  duplicateFewerFailures: (p) => duplicate(p, `kept ${p.keeper}, fewer failed checks (${p.kept} against ${p.own})`),
  duplicateMoreFigures: (p) => duplicate(p, `kept ${p.keeper}, more figures (${p.kept} against ${p.own})`),
  duplicateFirstPath: (p) => duplicate(p, `kept ${p.keeper}, first path in sorted order`),
  fileNameNotUtf8: (p) =>
    p.escaped ? 'file name is not valid UTF-8; its undecodable bytes are shown as %XX' : 'file name is not valid UTF-8; shown decoded as GB18030',
  otherCopyNotUsed: (p) => `another file of the same agency and year, ${p.path}, was not used`,
  htmlExtension: (p) => `the file's extension is ${p.extension} but it holds a web page (HTML): read as a web page`,
  htmlTooDeep: (p) => `HTML nested deeper than ${p.depth} levels: ${count(p.count, 'deeper tag', 'deeper tags')} read flat, text kept`,
  plainTextFigures: (p) =>
    `${TABLE[p.table]} is pdftotext plain text (cells one per line, some in columns): ${p.alone} figures on lines of their own cannot be placed in one row and column, not read (cells empty, null)` +
    (p.read ? `; ${p.read} rows printed with their label and all their figures on one line were read` : ''),
  titleFromSource: (p) => `no report title in the body: agency and year taken from ${SOURCE[p.source]}: ${p.title}`,
  sourceYearDiffers: (p) => `the year in ${SOURCE[p.source]}, ${p.year}, differs from the year in ${SOURCE[p.chosenSource]}, ${p.chosenYear}: the latter is used`,
  shortAgencyName: (p) => `the agency name in the title, ${p.name}, is short; the full name ${p.full} is taken from ${SOURCE[p.from]}`,
  statYearDiffers: (p) => `the title's year ${p.titleYear} differs from the statistics period's year ${p.statYear}: the title's year is used`,
  regionNotFound: (p) => `no province, city or county found at the start of the agency name ${p.name}`,
  countyAmbiguous: (p) => `county-level name ${p.county} in ${p.name} is ambiguous: ${p.candidates.join(', ')}; city and county left empty`,
  countyNearOne: (p) =>
    `county-level name ${p.printed} in ${p.name} is not in the gazetteer; read as ${p.read}, the only name one character apart: ${p.division} (printed ${p.printed}, gazetteer ${p.read})`,
  countyNearSeveral: (p) => `county-level name ${p.printed} in ${p.name} is not in the gazetteer and is one character from several: ${p.candidates.join(', ')}; county left empty`,
  zoneRead: (p) => `zone ${p.zone} in ${p.name} read as ${p.division}, the only county-level division whose short name ${p.short} begins it`,
  sectionHeadingMissing: (p) => `the heading of ${TABLE[p.table]} is missing`,
  tableAbsent: (p) => `${TABLE[p.table]} is missing: ${cellsNull}`,
  proactivePartial: (p) => `${TABLE.proactive} is incomplete: only ${p.rows.join(', ')} read`,
  requestsPartial: (p) =>
    `${TABLE.requests} is incomplete: ${p.missing.length} rows missing (${p.missing.map((k) => labelRequestRow(k, 'en')).join('; ')})` +
    (p.cutAfter ? `; the table is cut off after “${labelRequestRow(p.cutAfter, 'en')}”` : ''),
  requestsEditionDiffers: (p) =>
    p.edition === '2019'
      ? 'Table 3 prints “(6) other handling” as one row, as the 2019 template does: checked in that shape'
      : 'Table 3 prints “(6) other handling” as three rows, as the 2021 template does: checked in that shape',
  pre2019Tables: (p) =>
    `a report for ${p.year}, before the 2019 template: no tables 2, 3 and 4; ` +
    (p.legacy ? 'the older statistics table it prints was read' : 'no older statistics table either: the tables are missing'),
  legacyOnly: () => 'no tables 2, 3 and 4, only the statistics table used before the 2019 template: read as that table',
  pre2019WithTemplate: (p) => `a report for ${p.year}, before the 2019 template, yet figures of tables 2–4 were read: recorded as the 2019 template`,
  legacyIgnored: () => 'the report also prints the statistics table used before the 2019 template: not read (the report has tables 2–4)',
  checkFailed: (p) => `check ${p.check} failed: ${p.cells.join(', ')}: expected ${p.expected}, printed ${p.actual}`,
  proactiveExtraCells: (p) => `Table 2, ${labelProactiveRow(p.row, 'en')}: ${count(p.count, 'extra cell', 'extra cells')} ignored`,
  requestsRowTwice: (p) => `Table 3, “${labelRequestRow(p.row, 'en')}” is printed twice: the first is read`,
  requestsRowMisaligned: (p) =>
    `Table 3, “${labelRequestRow(p.row, 'en')}” has only ${count(p.count, 'figure', 'figures')}, which fit the columns only right-aligned: which column each belongs to is unknown; ${cellsNull}`,
  requestsExtraCells: (p) => `Table 3, “${labelRequestRow(p.row, 'en')}”: ${count(p.count, 'extra cell', 'extra cells')} ignored`,
  appealsUnlabelled: (p) => `a group of figures in Table 4 (line ${p.line}) follows no “administrative review” or “litigation” label: which group it is is unknown; ${cellsNull}`,
  appealsGroupTwice: (p) => `Table 4, ${p.groups.map((g) => labelAppealGroup(g, 'en')).join(', ')} printed twice (line ${p.line}): the first is read`,
  appealsExtraCells: (p) => `Table 4 has ${count(p.count, 'extra figure cell', 'extra figure cells')} (line ${p.line}): ignored`,
  appealsBlank: (p) => `${p.count} of Table 4's 15 cells are empty`,
  legacyYearDiffers: (p) =>
    `the older statistics table's year column is headed “${p.header}”, not the report's year ${p.year}: which year its figures are for is unknown; the column is not read, ${cellsNull}`,
  legacyUnknownRow: (p) => `the older statistics table's row “${p.label}” is no known measure: not read`,
  legacyRowTwice: (p) => `the older statistics table's row “${p.label}” is printed twice: the first is read`,
  legacyNotNumber: (p) => `the older statistics table's row “${p.label}”, ${p.column === 'year' ? 'this year' : 'cumulative'} column: “${p.text}” is not a number, empty (null)`,
  proactiveRunUnsplit: (p) =>
    `Table 2, “${p.label}”: the run of digits “${p.digits}” ${p.splits ? `splits ${p.splits} ways (such as ${p.examples.join('; ')}) and no sum in Table 2 decides` : `does not split into ${p.width} figures`}; ${cellsNull}`,
  requestsRunUnsplit: (p) => `Table 3, “${labelRequestRow(p.row, 'en')}”: the run of digits “${p.digits}” does not split into 7 figures whose first six add up to the total; ${cellsNull}`,
  requestsRunAmbiguous: (p) =>
    `Table 3, “${labelRequestRow(p.row, 'en')}”: the run of digits “${p.digits}” splits ${p.splits === null ? 'too many' : p.splits} ways that fit the row total, and the table's sums ${p.checked ? 'do not pick one either' : 'fail or cannot be checked'}; ${cellsNull}`,
  appealsRunUnsplit: (p) =>
    `Table 4: the run of digits “${p.digits}” ${p.splits ? `splits ${p.splits} ways that fit the groups' totals` : 'does not split into 15 figures that fit the groups’ totals (a cell may be blank)'}; ${cellsNull}`,
  legacyRunUnsplit: (p) => `the older statistics table's row “${p.label}”: its figures “${p.run}” ${p.run ? `do not split into ${p.width} figures` : 'are blank'}; ${cellsNull}`,
  legacyRunAmbiguous: (p) => {
    const sum = p.sum === null ? '' : labelLegacySum(p.sum, 'en');
    const list = p.candidates === null ? 'too many' : `${p.candidates.length}: ${p.candidates.join('; ')}`;
    const why = {
      noSum: 'no sum decides',
      sumUnread: `a row of the sum to ${sum} has no figures, so it cannot decide`,
      tooMany: `too many combinations to decide by the sum to ${sum}`,
      noSolution: `no split makes the sum to ${sum} hold in every column`,
      severalSolutions: `${p.solutions ?? 0} splits still make the sum to ${sum} hold in every column`,
    }[p.reason];
    return `the older statistics table's row “${p.label}”: the run of digits “${p.run}” splits several ways (${list}); ${why}; ${cellsNull}`;
  },
};
