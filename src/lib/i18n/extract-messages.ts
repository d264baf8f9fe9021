/**
 * What the dictionaries need to word the extractor's messages (schema/message.ts): the type of a
 * language's words, one function per code, and the template's row and table names by key.
 */
import type { MessageCode, MessageParams } from '../schema/message.ts';
import { APPEAL_GROUP_LABELS, PROACTIVE_ROWS, REQUEST_ROWS, type AppealGroup } from '../template.ts';
import { LEGACY_ROWS, LEGACY_SUMS } from '../template-legacy.ts';

/** One language's words for every message code: a function of the code's parameters. */
export type MessageWords = { [C in MessageCode]: (p: MessageParams<C>) => string };

type Side = 'zh' | 'en';

/** Returns the label of table 三's row `key` in a language (the key itself when unknown). */
export function labelRequestRow(key: string, side: Side): string {
  return REQUEST_ROWS.find((r) => r.key === key)?.[side] ?? key;
}

/** Returns the label of table 二's row `key` in a language (the key itself when unknown). */
export function labelProactiveRow(key: string, side: Side): string {
  return [...PROACTIVE_ROWS['2021'], ...PROACTIVE_ROWS['2019']].find((r) => r.key === key)?.[side] ?? key;
}

/** Returns the label of table 四's group `key` in a language (the key itself when unknown). */
export function labelAppealGroup(key: string, side: Side): string {
  return APPEAL_GROUP_LABELS[key as AppealGroup]?.[side] ?? key;
}

/** Returns an older-table sum by its total's key: the equation in Chinese, or the total's English name. */
export function labelLegacySum(total: string, side: Side): string {
  if (side === 'zh') return LEGACY_SUMS.find((s) => s.total === total)?.zh ?? total;
  return LEGACY_ROWS.find((r) => r.key === total)?.en.toLowerCase() ?? total;
}
