/**
 * The charts' words by language, without the rest of the dictionaries: what the chart views and the
 * compare page's script import (the dictionaries' `charts` are the same objects).
 */
import type { ChartWords } from './chart-words.ts';
import { enChartWords } from './chart-words-en.ts';
import { zhChartWords } from './chart-words-zh.ts';
import type { Lang } from './lang.ts';

const CHART_WORDS: Record<Lang, ChartWords> = { zh: zhChartWords, en: enChartWords };

/** Returns the charts' words in a language (the same object as the dictionary's `charts`). */
export function chartWords(lang: Lang): ChartWords {
  return CHART_WORDS[lang];
}
