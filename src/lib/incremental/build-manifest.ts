/**
 * The build manifest: every file the Astro build owns in the site folder, each with the key of what
 * it shows (null: rendered on every build), and the version of the site's code that wrote them. It
 * lets a build keep the site folder instead of emptying it: a page whose key and code are unchanged
 * is neither rendered nor written again, and a file the last build wrote that this one does not is
 * deleted. Pure: the Astro integration (scripts/lib/incremental/integration.ts) reads and writes it.
 */
/** Name of the manifest file, at the top of the site folder. */
export const BUILD_MANIFEST_FILE = '.nianbao-build.json';

/** What the manifest holds. */
export interface BuildManifest {
  /** Version of the site's code and build settings (scripts/lib/incremental/site-version.ts). */
  version: string;
  /** Files relative to the site folder, `/`-separated, each with its page's key or null. */
  files: Record<string, string | null>;
}

/**
 * Returns the manifest in `text`, or null when it is not one (a missing, older or damaged file:
 * render everything). Checked by hand rather than by a zod schema: it has an entry per page (some
 * 400,000 at national scale), and every build and re-render reads it.
 */
export function parseBuildManifest(text: string | null): BuildManifest | null {
  if (text === null) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null) return null;
  const { version, files } = parsed as Record<string, unknown>;
  if (typeof version !== 'string' || typeof files !== 'object' || files === null || Array.isArray(files)) return null;
  for (const key in files) {
    const value = (files as Record<string, unknown>)[key];
    if (value !== null && typeof value !== 'string') return null;
  }
  return { version, files: files as Record<string, string | null> };
}

/** Returns the manifest as the JSON text written to the site folder (files in path order, so that equal builds write equal bytes). */
export function formatBuildManifest(manifest: BuildManifest): string {
  const files = Object.fromEntries(Object.entries(manifest.files).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return `${JSON.stringify({ version: manifest.version, files }, null, 1)}\n`;
}

/**
 * Returns whether the page written to `file` by the last build can stay as it is: the same code
 * wrote it under the same key, and the file is still there. A page without a key is never kept.
 */
export function canKeepPage(previous: BuildManifest | null, version: string, file: string, key: string | undefined, exists: (file: string) => boolean): boolean {
  if (previous === null || key === undefined || previous.version !== version) return false;
  return previous.files[file] === key && exists(file);
}

/** Returns the files of the last build that this one did not write or keep, in path order: to delete. */
export function listStaleFiles(previous: BuildManifest | null, next: BuildManifest): string[] {
  if (previous === null) return [];
  return Object.keys(previous.files).filter((f) => !Object.hasOwn(next.files, f)).sort();
}

/**
 * Returns the file a route's path is written to in the site folder (build.format 'directory',
 * trailing slashes): `reports/x/` → `reports/x/index.html`, `feed/reports.xml` → itself.
 */
export function routeFile(route: string): string {
  const bare = route.replace(/^\/+/, '');
  return bare === '' || bare.endsWith('/') ? `${bare}index.html` : bare;
}
