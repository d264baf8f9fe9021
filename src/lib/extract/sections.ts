/**
 * Finding the six sections of the template by their headings. Headings vary in wording, spacing
 * and Markdown level ("二 、主动公开政府信息情况", "#### 四、政府信息公开行政复议、行政诉讼情况"),
 * and table B's own row labels (一、本年新收…, 四、结转下年度…) look like headings, so each heading
 * is recognised by its ordinal and a keyword of its subject, in template order.
 */
import { canonicalLabel } from './normalize.ts';

export const SECTION_KEYS = ['overview', 'proactive', 'requests', 'appeals', 'problems', 'other'] as const;
export type SectionKey = (typeof SECTION_KEYS)[number];

const HEADINGS: Record<SectionKey, RegExp> = {
  overview: /^一、.*(总体情况|概述)/,
  proactive: /^二、.*主动公开/,
  requests: /^三、.*(收到和处理|依申请)/,
  appeals: /^四、.*(行政复议|行政诉讼)/,
  problems: /^五、.*问题/,
  other: /^六、.*其他/,
};

/**
 * The start of any line whose canonical form (after its Markdown marks) starts with an ordinal and
 * 、: canonicalLabel only removes spaces and Word bookmark markers before them, and makes 、 from
 * nothing else.
 */
const SKIPPED = String.raw`(?:[\s\u00a0\u3000]|\[bookmark:[^\]]*\])*`;
const HEADING_START = new RegExp(`^#*${SKIPPED}[一二三四五六]${SKIPPED}、`);

/** A section's place in the text: `start` is the heading's 0-based line index, `end` exclusive. */
export interface SectionRange {
  key: SectionKey;
  start: number;
  end: number;
}

/** Returns the sections found, in order, each running to the next heading found (or the end). */
export function findSections(lines: readonly string[]): SectionRange[] {
  const found: { key: SectionKey; start: number }[] = [];
  // A missing section makes the next one search the same lines again: each line is canonicalised
  // once, and only a line that can become a heading (most prose lines hold 、 too).
  const canonical: (string | null)[] = [];
  const canonicalAt = (i: number) => (canonical[i] ??= HEADING_START.test(lines[i]!) ? canonicalLabel(lines[i]!.replace(/^#+/, '')) : null);
  let from = 0;
  for (const key of SECTION_KEYS) {
    for (let i = from; i < lines.length; i++) {
      const c = canonicalAt(i);
      if (c !== null && c.length <= 40 && HEADINGS[key].test(c)) {
        found.push({ key, start: i });
        from = i + 1;
        break;
      }
    }
  }
  return found.map((s, i) => ({ ...s, end: found[i + 1]?.start ?? lines.length }));
}

/** Returns the prose of a section (heading excluded), blank lines dropped, or null if absent. */
export function readSectionText(lines: readonly string[], range: SectionRange | undefined): string | null {
  if (!range) return null;
  const body = lines
    .slice(range.start + 1, range.end)
    .map((l) => l.replace(/\[bookmark:[^\]]*\]/g, '').trim())
    .filter((l) => l.length > 0);
  return body.length ? body.join('\n') : null;
}
