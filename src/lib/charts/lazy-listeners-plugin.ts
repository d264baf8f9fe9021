/**
 * A Vite plugin for the site build: linkedom's EventTarget constructor gives every node (element,
 * text, attribute) its own listener map in a module-wide WeakMap. Charts drawn at build time create
 * tens of thousands of nodes per agency page and never listen to events, so those maps cost a
 * WeakMap insertion per node and, more, garbage-collector time (WeakMap entries are traced
 * separately): about a fifth of the Astro build's CPU time with 1,000 reports. The transform creates
 * the map on the first addEventListener instead; dispatch already treats a missing map as "no
 * listeners". Applied to the SSR bundle only (linkedom is never shipped to the client).
 */

/** The file of linkedom the transform rewrites. */
export const EVENT_TARGET_FILE = /linkedom[\\/]esm[\\/]interface[\\/]event-target\.js$/;

/** The source fragments rewritten, each with its replacement. */
const REWRITES: readonly [from: string, to: string][] = [
  ['    wm.set(this, new Map);\n', ''],
  ['  addEventListener(type, listener, options) {\n    const map = wm.get(this);\n', '  addEventListener(type, listener, options) {\n    let map = wm.get(this);\n    if (!map) wm.set(this, map = new Map);\n'],
  ['  removeEventListener(type, listener) {\n    const map = wm.get(this);\n    if (map.has(type)) {\n', '  removeEventListener(type, listener) {\n    const map = wm.get(this);\n    if (map && map.has(type)) {\n'],
];

/**
 * Returns linkedom's event-target.js with listener maps created lazily, or null when the source is
 * not the one this was written for (another linkedom version): then it is left as it is, slower but
 * correct.
 */
export function makeListenersLazy(source: string): string | null {
  let out = source;
  for (const [from, to] of REWRITES) {
    if (!out.includes(from)) return null;
    out = out.replace(from, to);
  }
  return out;
}

/** Returns the Vite plugin (for `vite.plugins` in astro.config.mjs; bundle linkedom with `ssr.noExternal`). */
export function lazyListenersPlugin() {
  let warned = false;
  return {
    name: 'nianbao:linkedom-lazy-listeners',
    enforce: 'pre' as const,
    transform(code: string, id: string) {
      if (!EVENT_TARGET_FILE.test(id.split('?')[0]!)) return null;
      const out = makeListenersLazy(code);
      if (out === null && !warned) {
        warned = true;
        process.stderr.write('nianbao: linkedom event-target.js changed; charts render without the lazy-listener speed-up\n');
      }
      return out === null ? null : { code: out, map: null };
    },
  };
}
