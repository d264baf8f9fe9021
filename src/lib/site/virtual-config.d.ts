/** The settings astro.config.mjs read, as the site's code imports them (src/lib/site/config-module.ts). */
declare module 'virtual:nianbao/config' {
  const config: Readonly<import('../config.ts').NianbaoConfig>;
  export default config;
}
