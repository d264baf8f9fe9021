// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { lazyListenersPlugin } from './src/lib/charts/lazy-listeners-plugin.ts';
import { readSite, SITE_WARNING } from './src/lib/site/site-url.ts';
import { keepSiteFolder } from './scripts/lib/incremental/integration.ts';

/**
 * NIANBAO_SITE: the absolute origin the site is served from (canonical URLs, sitemap, citations);
 * unset, links are relative and what needs an absolute URL is left out, with one warning.
 * NIANBAO_BASE: a sub-path such as /nianbao/ when the site is not at the domain root.
 * NIANBAO_DATA: the extraction folder the site reads (default .nianbao).
 */
const site = readSite(process.env);
if (site === undefined) process.stderr.write(`${SITE_WARNING}\n`);

export default defineConfig({
  site,
  base: process.env.NIANBAO_BASE ?? '/',
  // NIANBAO_OUT: where the site is written (tests build variants into temporary folders).
  outDir: process.env.NIANBAO_OUT ?? './dist',
  // NIANBAO_ASTRO_CACHE: Astro's cache (the content data store), so that builds of different
  // corpora side by side (tests, the benchmark) keep their own.
  cacheDir: process.env.NIANBAO_ASTRO_CACHE ?? './node_modules/.astro',
  trailingSlash: 'always',
  build: { format: 'directory', concurrency: 4 },
  // keepSiteFolder: the site folder is kept between builds; unchanged pages are not written again,
  // stale ones are deleted (scripts/lib/incremental/integration.ts).
  integrations: [mdx(), keepSiteFolder()],
  devToolbar: { enabled: false },
  vite: {
    // linkedom is bundled into the build so that its listener maps are made lazy (see the plugin).
    plugins: [lazyListenersPlugin()],
    // Pages are rendered by the build's prerender environment.
    environments: { prerender: { resolve: { noExternal: ['linkedom'] } } },
  },
});
