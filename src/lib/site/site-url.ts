/**
 * The site's address, read from the environment (NIANBAO_SITE, NIANBAO_BASE) by astro.config.mjs
 * and the downloads alike. Without NIANBAO_SITE the site has no absolute address: its links are
 * relative to the host it is served from, and what only an absolute URL can say (the sitemap, the
 * canonical and alternate links, the URL in a citation of the dataset) is left out — never a
 * placeholder domain. Pure.
 */

/** Said once on stderr by a build without NIANBAO_SITE (astro.config.mjs). */
export const SITE_WARNING =
  'nianbao: 警告：未设置 NIANBAO_SITE（网站地址），链接均为相对地址，不生成 sitemap.xml 和 canonical 链接 ' +
  '(warning: NIANBAO_SITE is not set: links are relative, and there is no sitemap.xml and no canonical link; ' +
  'set it to the address the site is served at, e.g. NIANBAO_SITE=https://nianbao.example.gov.cn)';

/**
 * Returns the site's origin from NIANBAO_SITE, or undefined when it is unset or blank; throws when
 * it is not an absolute http(s) URL.
 */
export function readSite(env: { NIANBAO_SITE?: string }): string | undefined {
  const value = env.NIANBAO_SITE?.trim();
  if (!value) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`NIANBAO_SITE 不是网址：${value} (NIANBAO_SITE is not an absolute URL: ${value})`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`NIANBAO_SITE 须为 http(s) 网址：${value} (NIANBAO_SITE must be an http(s) URL: ${value})`);
  return value;
}

/** Returns the base path with a leading and a trailing slash: `/`, `/nianbao/`. */
export function normalizeBase(base: string | undefined): string {
  const b = base ?? '/';
  const lead = b.startsWith('/') ? b : `/${b}`;
  return lead.endsWith('/') ? lead : `${lead}/`;
}

/** Returns the absolute URL of a site path (`/nianbao/data/`, base included) on `site`, or null without one. */
export function absoluteUrl(sitePath: string, site: URL | string | undefined): string | null {
  return site === undefined ? null : new URL(sitePath, site).href;
}

/**
 * Returns the absolute URL of the data folder (`https://nianbao.example.gov.cn/data/`), as the
 * /data/ page states it (`new URL(href('data/'), site)`), or null without NIANBAO_SITE.
 */
export function dataUrl(env: { NIANBAO_SITE?: string; NIANBAO_BASE?: string }): string | null {
  return absoluteUrl(`${normalizeBase(env.NIANBAO_BASE)}data/`, readSite(env));
}
