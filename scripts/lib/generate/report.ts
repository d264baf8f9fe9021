/**
 * One generated report: its text in a layout, and the answer the extractor must find in it. The
 * answer is taken from the same figures the text is printed from, after any deliberate violation,
 * so it is exactly what the text says.
 */
import type { Appeals, Narrative, Requests, TemplateCheckId } from '../../../src/lib/schema/report.ts';
import type { AgencySpec } from './agencies.ts';
import { applyViolation, drawFigures, nullAppeals, nullRequests, type Edition, type Figures, type Violation } from './figures.ts';
import type { Rng } from './prng.ts';
import { chineseCount, numberStyle, otherParagraphs, overviewParagraphs, problemParagraphs, type ProseInput, type Stated } from './prose.ts';
import { renderCells } from './render-cells.ts';
import { renderGfm } from './render-gfm.ts';
import { escapeHtml, renderHtml } from './render-html.ts';
import { renderTabs } from './render-tabs.ts';
import type { RenderedTables } from './render-types.ts';

/** How the report's tables reach the extractor (see content/reports/001, 003, 004, 000; html: a web page). */
export type Layout = 'cells' | 'gfm' | 'tabs' | 'html' | 'prose';
export type CheckStatus = 'pass' | 'fail' | 'incomplete' | 'notApplicable';

/** The true values of one generated file, keyed like the record. */
export interface ReportAnswer {
  agency: Pick<AgencySpec, 'name' | 'kind' | 'region'>;
  year: number;
  template: Edition;
  layout: Layout;
  signedOn: string | null;
  tables: { proactive: 'complete' | 'absent'; requests: 'complete' | 'absent'; appeals: 'complete' | 'absent' };
  proactive: Record<string, Record<string, number | null>>;
  requests: Requests;
  appeals: Appeals;
  /** Figures stated in prose, by narrative key: exactly the keys the extractor should find. */
  narrative: Stated;
  checks: Record<TemplateCheckId, CheckStatus>;
  /** The check this report fails on purpose, and what was changed; null when none. */
  violation: { check: Violation; change: string } | null;
}

export interface ReportPlan {
  agency: AgencySpec;
  year: number;
  layout: Layout;
  violation: Violation | null;
}

const TABLE_HEADINGS = {
  proactive: '二、主动公开政府信息情况',
  requests: '三、收到和处理政府信息公开申请情况',
  appeals: ['四、政府信息公开行政复议、行政诉讼情况', '四、因政府信息公开工作被申请行政复议、提起行政诉讼情况'],
};

/** Returns the figures the prose will state, derived from the printed tables. */
function chooseStatements(rng: Rng, f: Figures, proseOnly: boolean, violation: Violation | null): Stated {
  const s: Stated = {};
  const r = f.requests;
  const total = (prefix: string) =>
    Object.entries(r).filter(([k]) => k.startsWith(prefix)).reduce((sum, [, row]) => sum + (row.total ?? 0), 0);
  if (rng.chance(proseOnly ? 0.9 : 0.7)) s.proactiveItems = rng.int(proseOnly ? 1 : 20, 3000);
  const received = r.newReceived.total!;
  if (violation === 'narrative' || proseOnly || (received > 0 && rng.chance(0.6))) {
    // The narrative violation: the prose says more requests than table B holds.
    s.requestsReceived = received + (violation === 'narrative' ? rng.int(1, 3) : 0);
    if (rng.chance(0.6)) {
      const parts: [keyof Narrative, number][] = [
        ['granted', r.granted.total!], ['partiallyGranted', r.partiallyGranted.total!],
        ['withheld', total('withheld')], ['unavailable', total('unavailable')], ['notProcessed', total('notProcessed')],
      ];
      for (const [k, v] of parts) if (rng.chance(0.8)) s[k] = v;
    }
  }
  const review = f.appeals.review.total!;
  const litigation = f.appeals.litigationDirect.total! + f.appeals.litigationAfterReview.total!;
  if ((review + litigation > 0 && rng.chance(0.6)) || rng.chance(0.15)) {
    s.reviewCases = review;
    if (rng.chance(0.9)) s.litigationCases = litigation;
  }
  return s;
}

/** Returns a signature date in the first months of the next year, as an ISO date and as printed. */
function signature(rng: Rng, year: number, style: 'plain' | 'spaced'): { iso: string; printed: string } {
  const [y, m, d] = [year + 1, rng.int(1, 3), rng.int(1, 28)];
  const iso = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  const form = rng.int(0, 4);
  const printed = form === 0
    ? `${[...String(y)].map((c) => '〇一二三四五六七八九'[Number(c)]).join('')}年${chineseCount(m)}月${chineseCount(d)}日`
    : style === 'spaced' ? `${y} 年 ${m} 月 ${d} 日` : `${y}年${m}月${d}日`;
  return { iso, printed };
}

/** Returns the report text and its answer. */
export function generateReport(rng: Rng, plan: ReportPlan): { text: string; answer: ReportAnswer } {
  const { agency, year, layout } = plan;
  const edition: Edition = year <= 2020 ? '2019' : '2021';
  let figures = drawFigures(rng, agency, edition);
  let change: string | null = null;
  if (plan.violation && plan.violation !== 'narrative' && layout !== 'prose') {
    change = applyViolation(rng, figures, plan.violation);
    if (change === null) {
      // Too few requests to move one: draw a busier year, which always leaves room.
      figures = drawFigures(rng, agency, edition, true);
      change = applyViolation(rng, figures, plan.violation);
    }
  }
  const violation = layout === 'prose' ? null : plan.violation;
  if (violation === 'narrative') change = '正文所述收到申请数多于表三本年新收总计';

  const proseOnly = layout === 'prose';
  const stated = chooseStatements(rng, figures, proseOnly, violation);
  const spaced = layout === 'gfm' || layout === 'tabs';
  const yearText = spaced && rng.chance(0.6) ? ` ${year} ` : String(year);
  const prose: ProseInput = { agency, year, yearText, stated, noCasesInWords: rng.chance(0.5), num: numberStyle(rng, spaced) };
  const tables: RenderedTables | null =
    layout === 'cells' ? renderCells(figures, rng)
      : layout === 'gfm' ? renderGfm(figures, rng)
        : layout === 'tabs' ? renderTabs(figures, rng)
          : layout === 'html' ? renderHtml(figures, rng)
            : null;
  const sign = rng.chance(0.75) ? signature(rng, year, spaced ? 'spaced' : 'plain') : null;
  const compose = layout === 'html' ? composeHtml : composeText;
  const text = compose(rng, { ...plan, yearText, prose, tables, sign: sign?.printed ?? null });

  const proactive = Object.fromEntries(
    Object.entries(figures.proactive as Record<string, Record<string, number | null>>).map(([row, cells]) => [
      row,
      Object.fromEntries(Object.entries(cells).map(([c, v]) => [c, proseOnly ? null : v])),
    ]),
  );
  const hasComparable = Object.keys(stated).some((k) => k !== 'proactiveItems');
  const tableCheck = (id: Violation): CheckStatus => (proseOnly ? 'notApplicable' : violation === id ? 'fail' : 'pass');
  const answer: ReportAnswer = {
    agency: { name: agency.name, kind: agency.kind, region: agency.region },
    year,
    template: edition,
    layout,
    signedOn: sign?.iso ?? null,
    tables: proseOnly
      ? { proactive: 'absent', requests: 'absent', appeals: 'absent' }
      : { proactive: 'complete', requests: 'complete', appeals: 'complete' },
    proactive,
    requests: proseOnly ? nullRequests() : figures.requests,
    appeals: proseOnly ? nullAppeals() : figures.appeals,
    narrative: stated,
    checks: {
      balance: tableCheck('balance'),
      rowSum: tableCheck('rowSum'),
      dispositionSum: tableCheck('dispositionSum'),
      appealSum: tableCheck('appealSum'),
      narrative: proseOnly || !hasComparable ? 'notApplicable' : violation === 'narrative' ? 'fail' : 'pass',
    },
    violation: violation && change ? { check: violation, change } : null,
  };
  return { text, answer };
}

interface ComposeInput extends ReportPlan {
  yearText: string;
  prose: ProseInput;
  tables: RenderedTables | null;
  sign: string | null;
}

/** Returns the whole report text: title, preface, six sections, signature, in the layout's house style. */
function composeText(rng: Rng, c: ComposeInput): string {
  const { agency, year, layout } = c;
  const markdown = layout === 'tabs';
  const airy = layout === 'gfm' || layout === 'tabs'; // blank lines between paragraphs
  const y = c.yearText;
  const out: string[] = [];
  const para = (text: string) => {
    out.push(text);
    if (airy) out.push('');
  };
  const heading = (text: string, level: number) => para(markdown ? `${'#'.repeat(level)} ${text}` : text);

  // Title
  if (markdown) {
    out.push('', '', `# ${agency.name}`, '', `## ${y.trim()} 年政府信息公开工作年度报告`, '');
  } else if (layout === 'gfm') {
    out.push('', '', `${agency.name}${y}年政府`, '', '信息公开工作年度报告', '');
  } else {
    const marker = rng.chance(0.3) ? '[bookmark: _GoBack]' : '';
    if (rng.chance(0.3)) out.push(`${marker}${agency.name}${year}年政府信息公开工作`, '年度报告');
    else out.push(`${marker}${agency.name}${year}年政府信息公开工作年度报告`);
    if (rng.chance(0.5)) out.push('');
  }
  const period = `本年度报告中所列数据的统计期限自${y}年1月1日起，至${y}年12月31日止。`;
  para(
    `根据《中华人民共和国政府信息公开条例》，特向社会公布${y}年本机关政府信息公开工作年度报告。` +
      '全文包括：总体情况；主动公开政府信息情况；收到和处理政府信息公开申请情况；政府信息公开行政复议、行政诉讼情况；存在的主要问题及改进情况；其他需要报告的事项。' +
      (rng.chance(0.6) ? period : ''),
  );

  heading('一、总体情况', 3);
  for (const p of overviewParagraphs(rng, c.prose)) para(splitForPdf(rng, p, markdown));

  const appealsHeading = rng.pick(TABLE_HEADINGS.appeals);
  if (!c.tables) {
    // Sample 000: the tables were lost, only their headings remain.
    out.push(rng.chance(0.5) ? '二 、主动公开政府信息情况' : TABLE_HEADINGS.proactive);
    out.push(rng.chance(0.5) ? ' 三、 收到和处理政府信息公开申请情况' : TABLE_HEADINGS.requests);
    out.push(rng.chance(0.5) ? ' 四 、政府信息公开行政复议、行政诉讼情况' : appealsHeading);
  } else {
    const gap = layout === 'cells' ? ['', ''] : [''];
    heading(rng.chance(0.2) && !markdown ? ` ${TABLE_HEADINGS.proactive}` : TABLE_HEADINGS.proactive, 2);
    if (!airy) out.push('');
    out.push(c.tables.proactive, ...gap);
    heading(TABLE_HEADINGS.requests, 2);
    if (!airy) out.push('');
    out.push(c.tables.requests, ...gap);
    heading(appealsHeading, 4);
    if (!airy) out.push('');
    out.push(c.tables.appeals, ...gap);
  }

  heading('五、存在的主要问题及改进情况', 4);
  for (const p of problemParagraphs(rng)) para(markdown && p.startsWith('（') && p.length < 16 ? `##### ${p}` : splitForPdf(rng, p, markdown));
  heading('六、其他需要报告的事项', 2);
  for (const p of otherParagraphs(rng, c.prose)) para(markdown && p.startsWith('（') && p.length < 30 ? `### ${p}` : p);

  if (c.sign) {
    if (rng.chance(0.7)) para(agency.name);
    para(c.sign);
  } else if (!airy) {
    out.push(' ');
  }
  return out.join('\n').replace(/\n+$/, '') + '\n';
}

/** PDF text breaks long lines mid-sentence; only figure-free paragraphs are broken, so no figure is split. */
function splitForPdf(rng: Rng, p: string, pdf: boolean): string {
  if (!pdf || /[\d件条]/.test(p) || p.length < 40 || !rng.chance(0.3)) return p;
  const at = rng.int(15, p.length - 10);
  return `${p.slice(0, at)}\n\n${p.slice(at)}`;
}

/**
 * Returns the report as a web page: Word's HTML export (title, paragraphs, tables) inside a portal's
 * chrome (navigation, footer with a filing number, scripts), which the extractor must drop. Declares
 * UTF-8; the corpus rewrites the declaration when it encodes the page as GB18030.
 */
function composeHtml(rng: Rng, c: ComposeInput): string {
  const { agency, year } = c;
  const title = `${agency.name}${year}年政府信息公开工作年度报告`;
  const para = (t: string) => `<p class="MsoNormal" style="text-indent:2em">${escapeHtml(t)}</p>`;
  const boldHeadings = rng.chance(0.5);
  const heading = (t: string) => (boldHeadings ? `<p class="MsoNormal"><b>${escapeHtml(t)}</b></p>` : `<h3>${escapeHtml(t)}</h3>`);
  const body: string[] = [
    `<h1 class="article-title">${escapeHtml(title)}</h1>`,
    para(`根据《中华人民共和国政府信息公开条例》，特向社会公布${year}年本机关政府信息公开工作年度报告。本年度报告中所列数据的统计期限自${year}年1月1日起，至${year}年12月31日止。`),
    heading('一、总体情况'),
    ...overviewParagraphs(rng, c.prose).map(para),
    heading(TABLE_HEADINGS.proactive), c.tables!.proactive,
    heading(TABLE_HEADINGS.requests), c.tables!.requests,
    heading(rng.pick(TABLE_HEADINGS.appeals)), c.tables!.appeals,
    heading('五、存在的主要问题及改进情况'),
    ...problemParagraphs(rng).map(para),
    heading('六、其他需要报告的事项'),
    ...otherParagraphs(rng, c.prose).map(para),
  ];
  if (c.sign) body.push(`<p class="MsoNormal" align="right">${escapeHtml(agency.name)}</p>`, `<p class="MsoNormal" align="right">${escapeHtml(c.sign)}</p>`);
  const portal = `${agency.region.city ?? agency.region.province ?? ''}人民政府门户网站`;
  return [
    '<!DOCTYPE html>',
    '<html lang="zh-CN">',
    `<head><meta charset="utf-8"><title>${escapeHtml(title)}_${escapeHtml(portal)}</title>`,
    '<script>var _hmt = _hmt || []; window.siteId = "4500000001";</script></head>',
    '<body>',
    `<header><nav><a href="/">首页</a> <a href="/zwgk/">政务公开</a> <a href="/zwfw/">政务服务</a> <a href="/hdjl/">互动交流</a></nav></header>`,
    `<div class="breadcrumb">当前位置：首页 &gt; 政务公开 &gt; 政府信息公开年报</div>`,
    `<div class="article"><div class="article-body">`,
    ...body,
    '</div></div>',
    `<footer><p>主办：${escapeHtml(portal)} 网站标识码：${rng.int(1000000000, 9999999999)} 备案号：ICP备${rng.int(10000000, 99999999)}号</p></footer>`,
    '<script src="/js/common.js"></script>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
