// @ts-check
import { defineConfig, logHandlers } from 'astro/config';
import mdx from '@astrojs/mdx';
import { lazyListenersPlugin } from './src/lib/charts/lazy-listeners-plugin.ts';
import { readConfig } from './src/lib/config.ts';
import { configModulePlugin } from './src/lib/site/config-module.ts';
import { SITE_WARNING } from './src/lib/site/site-url.ts';
import { keepSiteFolder } from './scripts/lib/incremental/integration.ts';
import { bundleDirOf, hashConfig } from './scripts/lib/incremental/kept-bundle.ts';
import { PAGE_CONCURRENCY } from './scripts/lib/build/stages.ts';

/**
 * The site's settings (src/lib/config.ts; README "Settings"), read here once: the address and base
 * path by Astro's conventions (site, base), the rest to the site's code as virtual:nianbao/config.
 * Without an address links are relative and what needs an absolute URL is left out, with one warning.
 */
const config = readConfig();
if (config.site === undefined) process.stderr.write(`${SITE_WARNING}\n`);

export default defineConfig({
  site: config.site,
  base: config.base,
  // Tests and the benchmark build variants into folders of their own, each with its own cache.
  outDir: config.out,
  cacheDir: config.astroCache,
  trailingSlash: 'always',
  build: { format: 'directory', concurrency: PAGE_CONCURRENCY },
  // keepSiteFolder: the site folder is kept between builds; unchanged pages are not written again,
  // stale ones are deleted, and the build's bundle is kept for the re-render stage
  // (scripts/lib/incremental/integration.ts).
  integrations: [mdx(), keepSiteFolder({ bundleDir: bundleDirOf(config.data), config: hashConfig(config) })],
  devToolbar: { enabled: false },
  // Warnings and errors only: at info Astro writes a line per page, tens of thousands of lines that
  // the build's own stage times already sum up. NIANBAO_ASTRO_LOG=info brings them back.
  logger: logHandlers.node({ level: config.astroLog }),
  vite: {
    // linkedom is bundled into the build so that its listener maps are made lazy (see the plugin).
    plugins: [lazyListenersPlugin(), configModulePlugin(config)],
    // Pages are rendered by the build's prerender environment.
    environments: { prerender: { resolve: { noExternal: ['linkedom'] } } },
    build: {
      rolldownOptions: {
        // The prose collection's MDX makes Rolldown warn that Astro's own head-injection marker may
        // not be preserved; it is harmless, and Astro's to fix (withastro/astro#18087). Every other
        // warning stays.
        onwarn(warning, warn) {
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('use astro:head-inject')) return;
          warn(warning);
        },
      },
    },
  },
});
