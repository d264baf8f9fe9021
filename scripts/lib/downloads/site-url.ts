/**
 * The URL the downloads are served at, read from the environment the way astro.config.mjs reads it
 * (NIANBAO_SITE, NIANBAO_BASE) and normalised the way Astro normalises `base` and src/lib/site/url.ts
 * `href` joins it: the same text the /data/ page and the old nianbao.json endpoint used,
 * `new URL(href('data/'), site).href`.
 */
import { readConfiguredSite } from '../../../src/lib/site/origin.ts';

/** The site origin when NIANBAO_SITE is not set (as in astro.config.mjs). */
export const DEFAULT_SITE = 'https://nianbao.example.org';

/** Returns the base path with a leading and a trailing slash: `/`, `/nianbao/`. */
export function normalizeBase(base: string | undefined): string {
  const b = base ?? '/';
  const lead = b.startsWith('/') ? b : `/${b}`;
  return lead.endsWith('/') ? lead : `${lead}/`;
}

/** Returns the absolute URL of the data folder: `https://nianbao.example.org/data/`. */
export function dataUrl(env: { NIANBAO_SITE?: string; NIANBAO_BASE?: string }): string {
  return new URL(`${normalizeBase(env.NIANBAO_BASE)}data/`, env.NIANBAO_SITE ?? DEFAULT_SITE).href;
}

/** Returns the absolute URL of the data folder when NIANBAO_SITE is set, else null (never the placeholder). */
export function readConfiguredDataUrl(env: { NIANBAO_SITE?: string; NIANBAO_BASE?: string }): string | null {
  const site = readConfiguredSite(env);
  return site === null ? null : dataUrl({ ...env, NIANBAO_SITE: site });
}
