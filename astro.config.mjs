// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { lazyListenersPlugin } from './src/lib/charts/lazy-listeners-plugin.ts';

/**
 * NIANBAO_SITE: the absolute origin the site is served from (canonical URLs, sitemap).
 * NIANBAO_BASE: a sub-path such as /nianbao/ when the site is not at the domain root.
 * NIANBAO_DATA: the extraction folder the site reads (default .nianbao).
 */
export default defineConfig({
  site: process.env.NIANBAO_SITE ?? 'https://nianbao.example.org',
  base: process.env.NIANBAO_BASE ?? '/',
  // NIANBAO_OUT: where the site is written (tests build variants into temporary folders).
  outDir: process.env.NIANBAO_OUT ?? './dist',
  // NIANBAO_ASTRO_CACHE: Astro's cache (content data store, incremental-build pages), so that builds
  // of different corpora side by side (tests, the benchmark) keep their own.
  cacheDir: process.env.NIANBAO_ASTRO_CACHE ?? './node_modules/.astro',
  trailingSlash: 'always',
  build: { format: 'directory', concurrency: 4 },
  integrations: [mdx()],
  devToolbar: { enabled: false },
  vite: {
    // linkedom is bundled into the build so that its listener maps are made lazy (see the plugin).
    plugins: [lazyListenersPlugin()],
    // Pages are rendered by the build's prerender environment.
    environments: { prerender: { resolve: { noExternal: ['linkedom'] } } },
  },
  experimental: {
    // Report, agency and embed pages carry a cacheKey (src/lib/site/data.ts): after one report
    // changes, only its agency's pages are rendered again.
    incrementalBuild: true,
  },
});
