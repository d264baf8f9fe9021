#!/usr/bin/env node
/** Builds the Pagefind search index over dist/ (report and agency pages). */
import * as pagefind from 'pagefind';

const { index, errors } = await pagefind.createIndex({ forceLanguage: 'zh-cn' });
if (!index) throw new Error(`pagefind: ${errors.join('; ')}`);
const added = await index.addDirectory({ path: 'dist' });
if (added.errors.length) throw new Error(`pagefind: ${added.errors.join('; ')}`);
await index.writeFiles({ outputPath: 'dist/pagefind' });
await pagefind.close();
process.stderr.write(`pagefind: indexed ${added.page_count} pages\n`);
