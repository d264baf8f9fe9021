/**
 * Figures stated in prose ("共收到政府信息公开申请9件，其中予以公开2件"). They fill in for reports
 * whose tables were lost, and the `narrative` check compares them with the tables. Only the first
 * statement of each measure is taken; numbers may be Arabic or Chinese, with 万/亿.
 */
import type { Narrative, ProseFigure } from '../schema/report.ts';
import { toHalfWidth } from './normalize.ts';
import { parseProseNumber } from './numbers.ts';

const NUM = '([0-9][0-9,]*(?:\\.[0-9]+)?|[零〇一二两三四五六七八九十百千]+)(万|亿)?';
const FILLER = '[^。；，,0-9零〇一二两三四五六七八九十百千]';

const PATTERNS: Record<keyof Narrative, RegExp> = {
  proactiveItems: new RegExp(`公开(?:政府|政务)?信息(?:共)?${NUM}条`),
  requestsReceived: new RegExp(`(?:收到|受理|新收|接收)${FILLER}{0,15}?申请${FILLER}{0,10}?${NUM}件`),
  granted: new RegExp(`予以公开${NUM}件`),
  // Not "予以公开及部分公开42件": that figure is the two rows together.
  partiallyGranted: new RegExp(`(?<!公开[及和与、])部分公开${NUM}件`),
  withheld: new RegExp(`不予公开${NUM}件`),
  unavailable: new RegExp(`无法提供${NUM}件`),
  notProcessed: new RegExp(`不予处理${NUM}件`),
  reviewCases: new RegExp(`行政复议${NUM}(?:件|起)`),
  litigationCases: new RegExp(`行政诉讼${NUM}(?:件|起)`),
};

/** The units that close every pattern of PATTERNS. */
const UNITS = /[件条起]/;

/** True for lines that are table cells rather than prose. */
function isTableLine(line: string): boolean {
  return line.includes('\t') || line.trimStart().startsWith('|');
}

/** Returns the prose figures of the text, each with its 1-based line and the words it came from. */
export function readNarrative(lines: readonly string[]): Narrative {
  const narrative: Narrative = {};
  lines.forEach((line, i) => {
    // Every pattern ends in one of these units (half-width forms map no character to them): a line
    // without any cannot match, and most lines of a report have none.
    if (!UNITS.test(line) || isTableLine(line)) return;
    // Spaces between numbers and units ("9 件", "2020 年") are common; match on the compact form.
    const compact = toHalfWidth(line).replace(/[\s\u00a0\u3000]+/g, '');
    for (const key of Object.keys(PATTERNS) as (keyof Narrative)[]) {
      if (narrative[key]) continue;
      const m = PATTERNS[key].exec(compact);
      if (!m) continue;
      const value = parseProseNumber(m[1]!, m[2]);
      if (value === null) continue;
      const figure: ProseFigure = { value, line: i + 1, text: m[0] };
      narrative[key] = figure;
    }
  });
  return narrative;
}
