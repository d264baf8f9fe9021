/**
 * The extractor's messages in words, for tests that read a message's Chinese as the report's
 * reader would (the words come from the zh dictionary, src/lib/i18n/extract-messages-zh.ts).
 */
import type { Message } from '../../src/lib/schema/message.ts';
import type { Lang } from '../../src/lib/i18n/index.ts';
import { wordMessage } from '../../src/lib/i18n/word-message.ts';

/** Returns each message in words, in Chinese unless `lang` says otherwise. */
export function wordMessages(messages: readonly Message[], lang: Lang = 'zh'): string[] {
  return messages.map((m) => wordMessage(m, lang));
}
