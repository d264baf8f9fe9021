/**
 * Findings in words: the findings layer (src/lib/findings) returns data, and these word it in a
 * language with the dictionaries' words, as word-message.ts does for the extractor's messages.
 */
import type { Timeliness } from '../findings/timeliness.ts';
import { JUMP_FACTOR, type MeasureChange } from '../findings/yoy.ts';
import { dictionary, type Lang } from './index.ts';

/** Returns the timeliness in words in a language, e.g. 逾期 12 天, 按时（截止日前 3 天）. */
export function describeTimeliness(t: Timeliness, lang: Lang = 'zh'): string {
  return dictionary(lang).timeliness.describe(t);
}

/** Returns a change as a "check the source" sentence in a language, or null when it is not flagged. */
export function describeChangeFlag(change: MeasureChange, lang: Lang = 'zh'): string | null {
  return dictionary(lang).changes.describe(change, JUMP_FACTOR);
}
