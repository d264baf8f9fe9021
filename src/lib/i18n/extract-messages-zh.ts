/**
 * The extractor's messages in Chinese, one function per code (schema/message.ts). Table and row
 * names are the template's own Chinese labels (template.ts).
 */
import { labelAppealGroup, labelLegacySum, labelProactiveRow, labelRequestRow, type MessageWords } from './extract-messages.ts';

const TABLE = { proactive: '表二（主动公开）', requests: '表三（依申请）', appeals: '表四（复议诉讼）' } as const;
const PART = { proactive: '二', requests: '三', appeals: '四' } as const;
const SOURCE = {
  body: '正文标题',
  'body-quote': '正文引用的报告名称',
  'crawler-header': '抓取页头的「标题」',
  'html-meta': '网页元数据 ArticleTitle',
  'html-title': '网页 <title>',
  'pdf-meta': 'PDF 元数据的标题',
  'file-name': '文件名',
  correction: '更正文件',
  publisher: '发布机构',
  signature: '落款',
} as const;
const LEGACY_REASON = {
  noSum: () => '没有勾稽关系可以确定',
  sumUnread: (sum: string) => `「${sum}」中有一行读不出数字，无法用来确定`,
  tooMany: (sum: string) => `拆法组合过多，未用「${sum}」确定`,
  noSolution: (sum: string) => `没有一种拆法使「${sum}」在每一列成立`,
  severalSolutions: (sum: string, n: number) => `使「${sum}」在每一列成立的拆法仍有 ${n} 种`,
} as const;
const duplicate = (p: { keeper: string; agency: string; year: number }, reason: string) =>
  `重复：与 ${p.keeper} 为同一机关同一年度（${p.agency} ${p.year}），${reason}`;

export const zhMessages: MessageWords = {
  emptyFile: () => '文件为空',
  notAReport: () => '不是政府信息公开工作年度报告：没有标题，也没有报告的章节',
  identityFromCorrection: (p) => `${p.lines.map((l) => `${l.field === 'year' ? '年度' : '机关'}（更正文件第 ${l.line} 行）`).join('、')}取自更正文件`,
  noIdentity: (p) => `找不到机关和年度：正文、文件元数据和文件名都没有报告标题（机关名称 + 年度 + 政府信息公开工作年度报告）；表中读到 ${p.figures} 个数字，未成记录`,
  recordInvalid: (p) => `记录未通过校验：${p.issues}`,
  unsupportedFormat: (p) => `不支持的文件类型 ${p.extension ?? '(无扩展名)'}，可读取 ${p.formats.join('、')}`,
  tooLarge: (p) => `文件过大：${p.megabytes} MB，上限 ${p.limit} MB`,
  binaryFile: () => '二进制文件，不是文本',
  binaryAfterDecoding: (p) => `解码后大部分为控制字符，判断为二进制文件（按 ${p.encoding} 解码后有 ${p.count} 个控制字符）`,
  unknownEncoding: (p) => `无法识别的编码 ${p.encoding}`,
  invalidUtf8: () => '不是有效的 UTF-8',
  notDocx: () => '不是有效的 Word (.docx) 文件',
  docxUnreadable: (p) => `无法读取 Word 文件：${p.detail}`,
  zipNoDirectory: () => '无法读取 Word 文件：压缩包目录缺失',
  zipDirectoryDamaged: () => '无法读取 Word 文件：压缩包目录损坏',
  zipTooManyEntries: (p) => `无法读取 Word 文件：压缩包有 ${p.entries} 个条目，上限 ${p.limit}`,
  zipEntryDamaged: (p) => `无法读取 Word 文件：压缩包条目 ${p.entry} 损坏`,
  zipEntryNoInflate: (p) => `无法读取 Word 文件：压缩包条目 ${p.entry} 无法解压`,
  zipEntryMethod: (p) => `无法读取 Word 文件：压缩包条目 ${p.entry} 使用不支持的压缩方式 ${p.method}`,
  zipBomb: (p) => `无法读取 Word 文件：解压后超过 ${p.limit} MB（在条目 ${p.entry} 处），疑为压缩炸弹，未读取`,
  notPdf: () => '不是有效的 PDF 文件',
  pdfEncrypted: () => 'PDF 已加密，需要密码才能打开，无法读取',
  pdfUnreadable: (p) => `无法读取 PDF 文件：${p.detail}`,
  pdfNoText: () => 'PDF 没有文字层（可能是扫描件），无法读取',
  pdfTooManyPages: (p) => `PDF 有 ${p.pages} 页，超过上限 ${p.limit} 页，未读取`,
  pdfTextTooLong: (p) => `PDF 文字超过 ${p.limit.toLocaleString('en-US')} 个字符（在第 ${p.page} 页），未读取`,
  internalError: (p) => `读取失败：${p.detail}`,
  workerDied: (p) => `读取此文件时工作线程退出：${p.detail}；其他文件不受影响`,
  folderUnreadable: (p) => `无法读取文件夹：${p.code}`,
  notRegularFile: (p) => `不是普通文件（${p.kind}），未读取`,
  symlinkDangling: (p) => `符号链接指向不存在的位置 ${p.to}`,
  symlinkLoop: (p) => `符号链接循环：${p.to}`,
  symlinkUnresolved: (p) => `无法解析符号链接 ${p.to}：${p.code}`,
  symlinkOutside: (p) => `符号链接指向语料文件夹之外：${p.to}，未读取`,
  symlinkSkipped: (p) => `符号链接指向跳过的文件夹：${p.to}，未读取`,
  symlinkParent: (p) => `符号链接循环：指向其所在的文件夹或上级文件夹 ${p.to}`,
  duplicateIdentical: (p) => duplicate(p, `与 ${p.keeper} 字节相同`),
  duplicateMajority: (p) => duplicate(p, `保留 ${p.keeper}：${p.copies} 份字节相同，占多数`),
  duplicateFewerFailures: (p) => duplicate(p, `保留校验失败更少的 ${p.keeper}（${p.kept} 项，本文件 ${p.own} 项）`),
  duplicateMoreFigures: (p) => duplicate(p, `保留数字更多的 ${p.keeper}（${p.kept} 个，本文件 ${p.own} 个）`),
  duplicateFirstPath: (p) => duplicate(p, `保留路径排序在前的 ${p.keeper}`),
  fileNameNotUtf8: (p) => (p.escaped ? '文件名不是有效的 UTF-8，无法解读的字节写作 %XX' : '文件名不是有效的 UTF-8，按 GB18030 解读显示'),
  otherCopyNotUsed: (p) => `同一机关同一年度的另一份文件 ${p.path} 未采用`,
  htmlExtension: (p) => `文件扩展名为 ${p.extension}，内容是网页 (HTML)，按网页读取`,
  htmlTooDeep: (p) => `网页标签嵌套超过 ${p.depth} 层，更深的 ${p.count} 个标签按同一层读取（文字保留）`,
  plainTextFigures: (p) =>
    `${TABLE[p.table]}为 pdftotext 纯文本（单元格逐行、部分按列排列）：${p.alone} 个单独成行的数字无法唯一对应到行和列，未读取（单元格为空 null）` +
    (p.read ? `；标签与全部数字印在同一行的 ${p.read} 行已读取` : ''),
  titleFromSource: (p) => `正文没有报告标题，机关和年度取自${SOURCE[p.source]}：${p.title}`,
  sourceYearDiffers: (p) => `${SOURCE[p.source]}的年度 ${p.year} 与${SOURCE[p.chosenSource]}的年度 ${p.chosenYear} 不一致，采用后者`,
  shortAgencyName: (p) => `标题中的机关名称「${p.name}」是简称，全称「${p.full}」取自${SOURCE[p.from]}`,
  statYearDiffers: (p) => `标题年度 ${p.titleYear} 与统计期限年度 ${p.statYear} 不一致，采用标题年度`,
  regionNotFound: (p) => `机关名称 ${p.name} 开头没有省、市或县级地名`,
  countyAmbiguous: (p) => `${p.name} 中的县级地名 ${p.county} 有多个：${p.candidates.join('、')}；市和县留空`,
  countyNearOne: (p) => `${p.name} 中的县级地名 ${p.printed} 不在区划表中；只有 ${p.read} 与之相差一个字，读作 ${p.division}（印作 ${p.printed}，区划表作 ${p.read}）`,
  countyNearSeveral: (p) => `${p.name} 中的县级地名 ${p.printed} 不在区划表中，与多个地名相差一个字：${p.candidates.join('、')}；县留空`,
  zoneRead: (p) => `${p.name} 中的 ${p.zone} 读作 ${p.division}：简称 ${p.short} 开头的县级区划只有这一个`,
  sectionHeadingMissing: (p) => `缺少第${PART[p.table]}部分的标题`,
  tableAbsent: (p) => `${TABLE[p.table]}缺失，其单元格均为空 (null)`,
  proactivePartial: (p) => `${TABLE.proactive}不完整：只读到 ${p.rows.join('、')}`,
  requestsPartial: (p) =>
    `${TABLE.requests}不完整：缺少 ${p.missing.length} 行（${p.missing.map((k) => labelRequestRow(k, 'zh')).join('、')}）` +
    (p.cutAfter ? `，表格在「${labelRequestRow(p.cutAfter, 'zh')}」之后截断` : ''),
  requestsEditionDiffers: (p) => (p.edition === '2019' ? '表三使用2019年格式的单行「（六）其他处理」，按该格式核对' : '表三使用2021年格式的三行「（六）其他处理」，按该格式核对'),
  pre2019Tables: (p) =>
    `${p.year}年度报告早于2019年格式（国办公开办函〔2019〕60号），没有表二、表三、表四；` +
    (p.legacy ? '读取所附旧式统计表（指标名称/计量单位/本年/历年累计）' : '也没有旧式统计表（指标名称/计量单位/本年/历年累计），表格缺失'),
  legacyOnly: () => '报告没有表二、表三、表四，只有2019年格式以前的旧式统计表（指标名称/计量单位/本年/历年累计），按旧式统计表读取',
  pre2019WithTemplate: (p) => `${p.year}年度报告早于2019年格式（国办公开办函〔2019〕60号），却读到了表二至表四的数字；按2019年格式记录`,
  legacyIgnored: () => '报告另附2019年格式以前的旧式统计表，未读取（报告有表二至表四）',
  checkFailed: (p) => `核对 ${p.check} 未通过：${p.where}，应为 ${p.expected}，表中为 ${p.actual}`,
  proactiveExtraCells: (p) => `表二「${labelProactiveRow(p.row, 'zh')}」多出 ${p.count} 个单元格，已忽略`,
  requestsRowTwice: (p) => `表三「${labelRequestRow(p.row, 'zh')}」出现两次，只取第一次`,
  requestsRowMisaligned: (p) =>
    `表三「${labelRequestRow(p.row, 'zh')}」只有 ${p.count} 个数字，从左读时各列错位（靠右对齐才符合行合计），无法确定各属哪一列，本行单元格为空 (null)`,
  requestsExtraCells: (p) => `表三「${labelRequestRow(p.row, 'zh')}」多出 ${p.count} 个单元格，已忽略`,
  appealsUnlabelled: (p) => `表四的一组数字（第 ${p.line} 行）前没有标明行政复议或行政诉讼，无法确定属于哪一组，单元格为空 (null)`,
  appealsGroupTwice: (p) => `表四「${p.groups.map((g) => labelAppealGroup(g, 'zh')).join('、')}」出现两次（第 ${p.line} 行），只取第一次`,
  appealsExtraCells: (p) => `表四多出 ${p.count} 个数字单元格（第 ${p.line} 行），已忽略`,
  appealsBlank: (p) => `表四 15 个单元格中有 ${p.count} 个为空`,
  legacyYearDiffers: (p) => `旧式统计表的本年列表头为「${p.header}」，与报告年度 ${p.year} 不一致，不知是哪一年的数字；本年列不读取，单元格为空 (null)`,
  legacyUnknownRow: (p) => `旧式统计表中的「${p.label}」行不是已知指标，未读取`,
  legacyRowTwice: (p) => `旧式统计表的「${p.label}」行重复，只读取第一次出现的一行`,
  legacyNotNumber: (p) => `旧式统计表「${p.label}」的${p.column === 'year' ? '本年' : '历年累计'}列「${p.text}」不是数字，为空 (null)`,
  proactiveRunUnsplit: (p) =>
    `表二「${p.label}」的数字串「${p.digits}」${p.splits ? `有 ${p.splits} 种拆法（如 ${p.examples.join('；')}），表二没有勾稽关系可以确定` : `不能拆成 ${p.width} 个数字`}，单元格为空 (null)`,
  requestsRunUnsplit: (p) => `表三「${labelRequestRow(p.row, 'zh')}」的数字串「${p.digits}」不能拆成 7 个数字使前六列之和等于总计，单元格为空 (null)`,
  requestsRunAmbiguous: (p) =>
    `表三「${labelRequestRow(p.row, 'zh')}」的数字串「${p.digits}」有 ${p.splits === null ? '过多' : p.splits} 种符合行合计的拆法，表内各列的勾稽关系${p.checked ? '也不能确定唯一一种' : '不成立或无法核对'}，单元格为空 (null)`,
  appealsRunUnsplit: (p) =>
    `表四的数字串「${p.digits}」${p.splits ? `有 ${p.splits} 种符合各组合计的拆法` : '不能拆成 15 个符合各组合计的数字（可能有空白单元格）'}，单元格为空 (null)`,
  legacyRunUnsplit: (p) => `旧式统计表「${p.label}」的数字「${p.run}」${p.run ? `不能拆成 ${p.width} 个数字` : '为空'}，单元格为空 (null)`,
  legacyRunAmbiguous: (p) => {
    const sum = p.sum === null ? '' : labelLegacySum(p.sum, 'zh');
    const list = p.candidates === null ? '过多' : `${p.candidates.length} 种：${p.candidates.join('；')}`;
    const why = p.reason === 'noSum' ? LEGACY_REASON.noSum() : p.reason === 'severalSolutions' ? LEGACY_REASON.severalSolutions(sum, p.solutions ?? 0) : LEGACY_REASON[p.reason](sum);
    return `旧式统计表「${p.label}」的数字串「${p.run}」有多种拆法（${list}），${why}，单元格为空 (null)`;
  },
};
