/**
 * The site's address (src/lib/config.ts reads it: NIANBAO_SITE, NIANBAO_BASE). Without one the
 * site has no absolute address: its links are relative to the host it is served from, and what only
 * an absolute URL can say (the sitemap, the canonical and alternate links, the URL in a citation of
 * the dataset) is left out — never a placeholder domain. Pure.
 */

/** Said once on stderr by a build without NIANBAO_SITE (astro.config.mjs). */
export const SITE_WARNING =
  'nianbao: 警告：未设置 NIANBAO_SITE（网站地址），链接均为相对地址，不生成 sitemap.xml 和 canonical 链接 ' +
  '(warning: NIANBAO_SITE is not set: links are relative, and there is no sitemap.xml and no canonical link; ' +
  'set it to the address the site is served at, e.g. NIANBAO_SITE=https://nianbao.example.gov.cn)';

/** Returns the absolute URL of a site path (`/nianbao/data/`, base included) on `site`, or null without one. */
export function absoluteUrl(sitePath: string, site: URL | string | undefined): string | null {
  return site === undefined ? null : new URL(sitePath, site).href;
}

/**
 * Returns the absolute URL of the data folder (`https://nianbao.example.gov.cn/data/`), as the
 * /data/ page states it (`new URL(href('data/'), site)`), or null without a site address.
 */
export function dataUrl(config: { site: string | undefined; base: string }): string | null {
  return absoluteUrl(`${config.base}data/`, config.site);
}
