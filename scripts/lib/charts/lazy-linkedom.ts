/**
 * The build's lazy-listener rewrite of linkedom (src/lib/charts/lazy-listeners-plugin.ts) for
 * plain Node, where Vite's plugin does not run: a module load hook of this thread. Call it before
 * anything imports linkedom; charts then draw as fast as in the Astro build, and the same.
 */
import module from 'node:module';
import { fileURLToPath } from 'node:url';
import { EVENT_TARGET_FILE, makeListenersLazy } from '../../../src/lib/charts/lazy-listeners-plugin.ts';

let installed = false;

/** Installs the load hook in this thread (once); linkedom loaded before it keeps its eager maps. */
export function installLazyLinkedom(): void {
  if (installed) return;
  installed = true;
  module.registerHooks({
    load(url, context, nextLoad) {
      const result = nextLoad(url, context);
      if (!url.startsWith('file:') || !EVENT_TARGET_FILE.test(fileURLToPath(url)) || result.source === undefined) return result;
      const lazy = makeListenersLazy(String(result.source));
      return lazy === null ? result : { ...result, source: lazy };
    },
  });
}
