/**
 * Whether the site's own URL is known. astro.config.mjs falls back to a placeholder origin when
 * NIANBAO_SITE is unset, so that Astro can build; anything published outside the pages (feeds, the
 * data package's homepage) must not carry that placeholder, and asks here first.
 */

/** Returns the origin NIANBAO_SITE configures (`https://example.gov.cn`), or null when it is unset or blank. */
export function readConfiguredSite(env: { NIANBAO_SITE?: string | undefined }): string | null {
  const site = env.NIANBAO_SITE?.trim();
  return site ? site : null;
}
