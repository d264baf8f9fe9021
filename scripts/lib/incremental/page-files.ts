/**
 * Where `astro build` requests a route's pathname and writes it in the site folder (directory
 * format, trailing slashes), and a page written there as the build writes it: shared by the
 * build's own page writer (write-pages.ts) and the re-render (rerender.ts), so that both give the
 * same files.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Returns the site path a route's pathname is requested at, as `astro build` requests it (directory format, trailing slashes). */
export function requestPath(base: string, pathname: string, type: string): string {
  const bare = pathname.replace(/^\/+/, '').replace(/\/+$/, '');
  if (bare === '') return base;
  if (type === 'endpoint') return `${base}${bare}${/\.[^/]+$/.test(bare) ? '' : '/'}`;
  return `${base}${bare}/`;
}

/** Returns the file a route's pathname is written to under the site folder, as `astro build` writes it (directory format: 404 → 404.html). */
export function outputFile(pathname: string, type: string): string {
  const bare = pathname.replace(/^\/+/, '').replace(/\/+$/, '');
  if (type === 'endpoint') return bare;
  if (pathname === '/404' || pathname === '/500') return `${bare}.html`;
  return bare === '' ? 'index.html' : `${bare}/index.html`;
}

/**
 * Writes a rendered response's body to `file` (relative to `outDir`), its folder made first;
 * synchronously: one page at a time, without a round trip through the thread pool per call.
 */
export async function writeResponse(outDir: string, file: string, response: Response): Promise<void> {
  const body = Buffer.from(await response.arrayBuffer());
  const target = path.join(outDir, file);
  mkdirSync(path.dirname(target), { recursive: true });
  writeFileSync(target, body);
}
