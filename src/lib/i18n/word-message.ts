/**
 * The extractor's messages (schema/message.ts) in words: a page's language, or both languages for
 * the command line and the evaluation report (Chinese, then English in parentheses, as
 * scripts/lib/cli.ts words its own messages).
 */
import type { Message } from '../schema/message.ts';
import { dictionary, type Lang } from './index.ts';
import { EXTRACTOR_NOTE, NOTE_MARK, readExtractorNote } from '../extract/formats/crawled.ts';

/** Returns a message in words in a language (the dictionary's `extractMessages`). */
export function wordMessage(message: Message, lang: Lang): string {
  const words = dictionary(lang).extractMessages[message.code] as (p: Message['params']) => string;
  return words(message.params);
}

/** Returns a message in Chinese, then English in parentheses: `文件为空 (empty file)`. */
export function wordMessageBilingual(message: Message): string {
  return `${wordMessage(message, 'zh')} (${wordMessage(message, 'en')})`;
}

/**
 * Returns a line of a report's stored text as the source view shows it: a note line the extractor
 * added (a glued run left blank, crawled.ts) holds its message as data, shown here in Chinese words
 * (the source text is shown on the Chinese page); any other line as it is.
 */
export function wordNoteLine(line: string): string {
  if (!line.startsWith(EXTRACTOR_NOTE)) return line;
  try {
    return `${EXTRACTOR_NOTE}${wordMessage(readExtractorNote(line), 'zh')}`;
  } catch {
    // A text written before notes were codes holds the words already.
    return line;
  }
}

/**
 * Returns a report's text as it is published (the whole-text download, the search records): each
 * note line in Chinese words (wordNoteLine), every other line as it is; the same string when it
 * holds no note.
 */
export function wordNoteLines(text: string): string {
  return text.includes(NOTE_MARK) ? text.split('\n').map(wordNoteLine).join('\n') : text;
}

/** Returns a text that may be absent (a report's section) with its note lines in words, or null. */
export function wordNoteLinesOrNull(text: string | null): string | null {
  return text === null ? null : wordNoteLines(text);
}
