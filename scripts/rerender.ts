#!/usr/bin/env node
/**
 * npm run build's re-render stage: `node scripts/rerender.ts`, in place of `astro build` when the
 * last Astro build kept its bundle and neither the site's code nor the settings changed since
 * (scripts/lib/incremental/rerender.ts): renders the stale pages into the kept site folder. Exits 0
 * when done; exits 4 (REFUSED_EXIT) with one line on stderr saying why when it cannot, and the build
 * then runs the full Astro build (scripts/build.ts). Settings from src/lib/config.ts.
 */
import path from 'node:path';
import { readConfig } from '../src/lib/config.ts';
import { REFUSED_EXIT } from './lib/build-stages.ts';
import { rerenderSite } from './lib/incremental/rerender.ts';

const started = performance.now();
const root = process.cwd();
const outcome = await rerenderSite(root, readConfig(), path.join(root, 'public'));
const seconds = ((performance.now() - started) / 1000).toFixed(2);
if ('refused' in outcome) {
  process.stderr.write(`nianbao rerender: 不重新渲染，改做完整的 Astro 构建 (no re-render, a full Astro build instead): ${outcome.refused}\n`);
  process.exit(REFUSED_EXIT);
}
process.stderr.write(`nianbao rerender: ${outcome.rendered} pages rendered, ${outcome.kept} kept, ${outcome.deleted} stale files deleted · ${seconds}s\n`);
