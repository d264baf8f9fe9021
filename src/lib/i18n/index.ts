/**
 * The interface languages: Simplified Chinese first (the site root), English under /en/. A page
 * asks `dictionary(lang)` for its words; a route file generates every locale with `listLocales()`.
 */
import { en } from './en.ts';
import { zh, type Dictionary } from './zh.ts';

export type { Lang } from './lang.ts';
import type { Lang } from './lang.ts';
export type { Dictionary };

export const LANGS: readonly Lang[] = ['zh', 'en'];

const DICTIONARIES: Record<Lang, Dictionary> = { zh, en };

/** Returns the interface dictionary of a language. */
export function dictionary(lang: Lang): Dictionary {
  return DICTIONARIES[lang];
}

/**
 * Returns the `locale` route parameter of each language, for a `[...locale]` route's
 * getStaticPaths: undefined (the site root) for Chinese, 'en' for English.
 */
export function listLocales(): { locale: string | undefined; lang: Lang }[] {
  return LANGS.map((lang) => ({ locale: lang === 'zh' ? undefined : lang, lang }));
}

/** Returns the site path of a page in a language: `agencies/` → `en/agencies/` for English. */
export function localize(lang: Lang, path: string): string {
  return lang === 'en' ? `en/${path.replace(/^\//, '')}` : path.replace(/^\//, '');
}

/** Returns the other language's path for a site path (without base): `en/x/` ↔ `x/`. */
export function counterpart(path: string): { lang: Lang; path: string } {
  const p = path.replace(/^\//, '');
  return p === 'en' || p.startsWith('en/') ? { lang: 'zh', path: p.replace(/^en\/?/, '') } : { lang: 'en', path: `en/${p}` };
}
