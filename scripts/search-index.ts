#!/usr/bin/env node
/** Builds the Pagefind search index over dist/ (report and agency pages). */
import * as pagefind from 'pagefind';

/** The built site (astro's outDir; NIANBAO_OUT overrides it as in astro.config.mjs). */
const OUT = process.env.NIANBAO_OUT ?? 'dist';

const { index, errors } = await pagefind.createIndex({ forceLanguage: 'zh-cn' });
if (!index) throw new Error(`pagefind: ${errors.join('; ')}`);
const added = await index.addDirectory({ path: OUT });
if (added.errors.length) throw new Error(`pagefind: ${added.errors.join('; ')}`);
await index.writeFiles({ outputPath: `${OUT}/pagefind` });
await pagefind.close();
process.stderr.write(`pagefind: indexed ${added.page_count} pages\n`);
