/** Site-internal links that work at the domain root and under a sub-path (astro `base`). */

/** Returns `path` (e.g. `agencies/x/`) prefixed with the site's base path. */
export function href(path: string): string {
  const base = import.meta.env.BASE_URL.endsWith('/') ? import.meta.env.BASE_URL : `${import.meta.env.BASE_URL}/`;
  return `${base}${path.replace(/^\//, '')}`;
}
