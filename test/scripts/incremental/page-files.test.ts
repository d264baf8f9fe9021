/**
 * Where the build requests and writes each path, as `astro build` does (directory format, trailing
 * slashes), and the build's page writer: the pages it writes itself and those it leaves to Astro.
 */
import { mkdtempSync, readFileSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { outputFile, requestPath } from '../../../scripts/lib/incremental/page-files.ts';
import { writePagesOnce } from '../../../scripts/lib/incremental/write-pages.ts';

describe('requestPath and outputFile', () => {
  it('requests a page at its path with a trailing slash under the base, and writes its index.html', () => {
    expect(requestPath('/', '/', 'page')).toBe('/');
    expect(outputFile('/', 'page')).toBe('index.html');
    expect(requestPath('/nianbao/', '/reports/a-2024', 'page')).toBe('/nianbao/reports/a-2024/');
    expect(outputFile('/reports/a-2024', 'page')).toBe('reports/a-2024/index.html');
    expect(requestPath('/', '/en/', 'page')).toBe('/en/');
    expect(outputFile('/en/', 'page')).toBe('en/index.html');
  });

  it('writes the 404 page as 404.html, and an endpoint at its own name', () => {
    expect(requestPath('/', '/404', 'page')).toBe('/404/');
    expect(outputFile('/404', 'page')).toBe('404.html');
    expect(requestPath('/', '/feed/reports.xml', 'endpoint')).toBe('/feed/reports.xml');
    expect(outputFile('/feed/reports.xml', 'endpoint')).toBe('feed/reports.xml');
  });
});

describe('writePagesOnce', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  /** Returns a site folder, a wrapped prerenderer whose pages read `<p>` + the path, and what it wrote. */
  function setUp(sitePath = '/') {
    const outDir = mkdtempSync(path.join(tmpdir(), 'nianbao-write-pages-'));
    dirs.push(outDir);
    const written = new Set<string>();
    const base = {
      name: 'test',
      render: async (request: Request, _options?: unknown) => new Response(`<p>${new URL(request.url).pathname}</p>`, { headers: { 'content-type': 'text/html' } }),
    };
    return { outDir, written, prerenderer: writePagesOnce(base, outDir, sitePath, written) };
  }

  const page = { type: 'page', route: '/reports/[id]' };

  it('writes a page to its index.html itself and hands Astro an empty response', async () => {
    const { outDir, written, prerenderer } = setUp();
    const result = await prerenderer.render(new Request('http://localhost:4321/reports/a-2024/'), { routeData: page });
    expect(result).toBeInstanceOf(Response);
    expect((result as Response).body).toBeNull();
    expect(readFileSync(path.join(outDir, 'reports/a-2024/index.html'), 'utf8')).toBe('<p>/reports/a-2024/</p>');
    expect([...written]).toEqual(['reports/a-2024/index.html']);
  });

  it('writes the home page and pages under a base path where the build would', async () => {
    const { outDir, written, prerenderer } = setUp('/nianbao');
    await prerenderer.render(new Request('http://localhost:4321/nianbao/'), { routeData: { type: 'page', route: '/' } });
    await prerenderer.render(new Request('http://localhost:4321/nianbao/en/agencies/'), { routeData: { type: 'page', route: '/en/agencies' } });
    expect([...written]).toEqual(['index.html', 'en/agencies/index.html']);
    expect(readFileSync(path.join(outDir, 'en/agencies/index.html'), 'utf8')).toBe('<p>/nianbao/en/agencies/</p>');
  });

  it('leaves endpoints, the error pages, encoded paths and metadata runs to Astro, writing nothing', async () => {
    const { outDir, written, prerenderer } = setUp();
    const cases: [string, { type: string; route: string }, boolean?][] = [
      ['http://localhost:4321/feed/reports.xml', { type: 'endpoint', route: '/feed/[feed].xml' }],
      ['http://localhost:4321/404.html', { type: 'page', route: '/404' }],
      ['http://localhost:4321/agencies/%E6%9E%A3/', page],
      ['http://localhost:4321/reports/b-2024/', page, true],
    ];
    for (const [url, routeData, collectMetadata] of cases) {
      const result = (await prerenderer.render(new Request(url), { routeData, collectMetadata })) as Response;
      expect(await result.text()).toBe(`<p>${new URL(url).pathname}</p>`);
    }
    expect(written.size).toBe(0);
    expect(existsSync(path.join(outDir, 'reports'))).toBe(false);
  });
});
