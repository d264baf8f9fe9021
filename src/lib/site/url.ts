/**
 * Site-internal links that work at the domain root and under a sub-path: Astro's `base` and `site`
 * (set by astro.config.mjs from src/lib/config.ts, which gives the base its slashes).
 */

/** Returns `path` (e.g. `agencies/x/`) prefixed with the site's base path. */
export function href(path: string): string {
  return `${import.meta.env.BASE_URL}${path.replace(/^\//, '')}`;
}

/**
 * Returns the link a feed gives to a site path: absolute when the site has an address (NIANBAO_SITE);
 * otherwise root-relative under the base path (`/nianbao/reports/x/`), which feed readers resolve
 * against the feed's own URL.
 */
export function makeFeedLink(path: string): string {
  const site: string | undefined = import.meta.env.SITE;
  return site ? new URL(href(path), site).href : href(path);
}
