/**
 * The build's page writer: wraps Astro's prerenderer (the integration's setPrerenderer) so that each
 * page it renders is written here, synchronously, to the file `astro build` would write it to
 * (page-files.ts), and Astro is handed an empty response, which it writes nowhere. Astro writes
 * each page with two asynchronous calls (mkdir, writeFile), each a round trip through the thread
 * pool; at tens of thousands of pages their hand-offs, not the writes, took a sixth of the build's
 * main thread (bench/results.md). Redirects, endpoints, the error pages and any path that is not
 * plain letters, digits and `/_.~-` (Astro encodes the others its own way) are left to Astro.
 */
import { outputFile, writeResponse } from './page-files.ts';

/** Astro's prerenderer, as far as it is used here (AstroPrerenderer in astro's types). */
interface Prerenderer {
  render(request: Request, options: { routeData: { type: string; route: string }; collectMetadata?: boolean }): Promise<Response | { response: Response; metadata?: unknown }>;
}

/** Paths whose file name is the path itself (encodeURI leaves them as they are). */
const PLAIN_PATH = /^[A-Za-z0-9/_.~-]*$/;

/**
 * Returns `base` with its render writing the pages it can into `outDir` (see the module comment),
 * each file written noted in `written` (relative to `outDir`, `/`-separated). `sitePath` is the
 * site's base path (Astro's `base`), which request URLs start with.
 */
export function writePagesOnce<P extends Prerenderer>(base: P, outDir: string, sitePath: string, written: Set<string>): P {
  const prefix = sitePath.endsWith('/') ? sitePath : `${sitePath}/`;
  return {
    ...base,
    render: async (request, options) => {
      const result = await base.render(request, options);
      const { routeData, collectMetadata } = options;
      // Metadata is for Astro's own incremental cache, which then wants to write the page itself.
      if (collectMetadata || routeData.type !== 'page' || routeData.route === '/404' || routeData.route === '/500') return result;
      const response = result instanceof Response ? result : result.response;
      const { pathname } = new URL(request.url);
      if (response.status !== 200 || !response.body || !pathname.startsWith(prefix) || !PLAIN_PATH.test(pathname)) return result;
      const file = outputFile(pathname.slice(prefix.length - 1), 'page');
      await writeResponse(outDir, file, response);
      written.add(file);
      return new Response(null, { status: 200, headers: response.headers });
    },
  };
}
