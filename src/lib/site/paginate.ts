/** Splitting long index tables into pages, so that no page grows with the corpus. */

/** Agencies per index page: about 500 bytes of HTML each, well under 200 KB a page. */
export const PAGE_SIZE = 200;

/** One page of a paginated list: its items, its number (1-based), the page count, and its path segment. */
export interface Page<T> {
  items: T[];
  number: number;
  count: number;
  /** `undefined` for the first page (the index itself), else `page/<n>`. */
  param: string | undefined;
}

/** Returns the list cut into pages of `size` (at least one page, possibly empty). */
export function paginate<T>(list: readonly T[], size = PAGE_SIZE): Page<T>[] {
  const count = Math.max(1, Math.ceil(list.length / size));
  return Array.from({ length: count }, (_, i) => ({
    items: list.slice(i * size, (i + 1) * size),
    number: i + 1,
    count,
    param: i === 0 ? undefined : `page/${i + 1}`,
  }));
}

/** Returns the site path of page `n` under a folder (`agencies/` → `agencies/page/2/`). */
export function pagePath(folder: string, n: number): string {
  return n === 1 ? folder : `${folder}page/${n}/`;
}
