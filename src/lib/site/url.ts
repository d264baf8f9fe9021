/** Site-internal links that work at the domain root and under a sub-path (astro `base`). */
import { readSite } from './site-url.ts';

/** Returns `path` (e.g. `agencies/x/`) prefixed with the site's base path. */
export function href(path: string): string {
  const base = import.meta.env.BASE_URL.endsWith('/') ? import.meta.env.BASE_URL : `${import.meta.env.BASE_URL}/`;
  return `${base}${path.replace(/^\//, '')}`;
}

/**
 * Returns the link a feed gives to a site path: absolute when NIANBAO_SITE configures the site's URL;
 * otherwise root-relative under the base path (`/nianbao/reports/x/`), which feed readers resolve
 * against the feed's own URL.
 */
export function makeFeedLink(path: string): string {
  const site = readSite(process.env);
  return site === undefined ? href(path) : new URL(href(path), site).href;
}
