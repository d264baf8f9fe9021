/**
 * The site's content collections: the hand-written prose (src/prose/, one MDX file per page and
 * language), which Astro compiles and renders as it does best.
 *
 * The extracted records are not a collection. The pages read them, and their index entries, from
 * the site-data stage's product at render time (DATA/site/reports.json, src/lib/site/data.ts): a
 * collection is bundled into the build, so a page rendered again from a kept build
 * (scripts/lib/incremental/rerender.ts) would show the records of the build that made it, and its
 * sync (every record file read and validated on every build) was the largest fixed cost of the
 * Astro stage. Each record is validated against the schema when the site-data stage indexes it.
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';

/** The about page's prose, `about/zh`, `about/en`. */
const prose = defineCollection({ loader: glob({ pattern: '**/*.mdx', base: './src/prose' }) });

export const collections = { prose };
