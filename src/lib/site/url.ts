/** Site-internal links that work at the domain root and under a sub-path (astro `base`). */
import { readConfiguredSite } from './origin.ts';

/** Returns `path` (e.g. `agencies/x/`) prefixed with the site's base path. */
export function href(path: string): string {
  const base = import.meta.env.BASE_URL.endsWith('/') ? import.meta.env.BASE_URL : `${import.meta.env.BASE_URL}/`;
  return `${base}${path.replace(/^\//, '')}`;
}

/**
 * Returns the link a feed gives to a site path: absolute when NIANBAO_SITE configures the site's URL;
 * otherwise root-relative under the base path (`/nianbao/reports/x/`), which feed readers resolve
 * against the feed's own URL, because the origin astro.config.mjs falls back to is a placeholder.
 */
export function makeFeedLink(path: string): string {
  const site = readConfiguredSite(process.env);
  return site === null ? href(path) : new URL(href(path), site).href;
}
