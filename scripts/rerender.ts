#!/usr/bin/env node
/**
 * npm run build's re-render stage: `node scripts/rerender.ts`, in place of `astro build` when the
 * last Astro build kept its bundle and neither the site's code nor the settings changed since
 * (scripts/lib/incremental/rerender.ts): renders the stale pages into the kept site folder. The build
 * starts it early (scripts/lib/build/go.ts): it loads the bundle, then waits for the stages before
 * the pages. Exits 0 when done; exits 4 (REFUSED_EXIT) with one line on stderr saying why when it
 * cannot, and the build then runs the full Astro build (scripts/lib/build/run.ts). Settings from src/lib/config.ts.
 */
import path from 'node:path';
import { readConfig } from '../src/lib/config.ts';
import { REFUSED_EXIT } from './lib/build/stages.ts';
import { waitForGo } from './lib/build/go.ts';
import { prepareRerender, type RerenderOutcome } from './lib/incremental/rerender.ts';

const root = process.cwd();

/** Resolves to what the re-render did or why it refused; to null when the build stopped before the pages. */
async function rerender(): Promise<RerenderOutcome | null> {
  const prepared = await prepareRerender(root, readConfig(), path.join(root, 'public'));
  if ('refused' in prepared) return prepared;
  if (!(await waitForGo())) return null;
  const started = performance.now();
  const outcome = await prepared.render();
  if (!('refused' in outcome)) {
    process.stderr.write(`nianbao rerender: ${outcome.rendered} pages rendered, ${outcome.kept} kept, ${outcome.deleted} stale files deleted · ${((performance.now() - started) / 1000).toFixed(2)}s\n`);
  }
  return outcome;
}

const outcome = await rerender();
if (outcome !== null && 'refused' in outcome) {
  process.stderr.write(`nianbao rerender: 不重新渲染，改做完整的 Astro 构建 (no re-render, a full Astro build instead): ${outcome.refused}\n`);
  process.exit(REFUSED_EXIT);
}
