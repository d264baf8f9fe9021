/**
 * The keyed paths of a page that exists once per language: apart from src/lib/site/incremental.ts,
 * which the build's own process loads (scripts/lib/incremental/site-build.ts), so that it does not
 * load the dictionaries with it.
 */
import { listLocales, localize, type Lang } from '../i18n/index.ts';
import { selectStaticPaths } from './incremental.ts';

/**
 * Returns the paths to render of a page that exists once per language (`[...locale]/…`): its site
 * path `route` in the default language, localized for each, all under one `key` (KeyedPath's).
 */
export function selectLocalePaths(route: string, key: string | undefined): { params: { locale: string | undefined }; props: { lang: Lang } }[] {
  return selectStaticPaths(listLocales().map(({ locale, lang }) => ({ route: localize(lang, route), key, path: { params: { locale }, props: { lang } } })));
}
