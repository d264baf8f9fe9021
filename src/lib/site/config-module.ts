/**
 * How the site's code receives the settings astro.config.mjs read (src/lib/config.ts): as the
 * module `virtual:nianbao/config`, whose default export is that object, so that the pages and the
 * content collection never read the environment themselves. The site and the base path reach them
 * by Astro's own conventions instead (`Astro.site`, `import.meta.env.SITE`, `import.meta.env.BASE_URL`).
 */
import type { NianbaoConfig } from '../config.ts';

/** The module's name, as the site's code imports it. */
export const CONFIG_MODULE = 'virtual:nianbao/config';

/** Vite's convention for a virtual module's resolved id: a leading NUL keeps other plugins off it. */
const RESOLVED = `\0${CONFIG_MODULE}`;

/** Returns a Vite plugin that serves `config` as the default export of `virtual:nianbao/config`. */
export function configModulePlugin(config: Readonly<NianbaoConfig>): { name: string; resolveId: (id: string) => string | undefined; load: (id: string) => string | undefined } {
  return {
    name: 'nianbao-config',
    resolveId: (id) => (id === CONFIG_MODULE ? RESOLVED : undefined),
    load: (id) => (id === RESOLVED ? `export default ${JSON.stringify(config)};\n` : undefined),
  };
}
