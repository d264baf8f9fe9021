/**
 * The site reads the extractor's records (npm run extract writes them to .nianbao/reports) through a
 * content collection: every record is validated by the same zod schema when the collection syncs, and
 * the collection keeps only an index entry per report (id, agency, year; the entry's digest is that of
 * the record file). Why not whole records: Astro hands a collection to the pages as one JavaScript
 * module holding the whole store as a string literal, and compiling it grows faster than the corpus
 * (6 s at 2,000 reports, over 5 minutes at 10,000, with three copies in memory). The pages read the
 * full records from the same files, once per build (src/lib/site/data.ts).
 */
import { defineCollection } from 'astro:content';
import { glob, type Loader } from 'astro/loaders';
import config from 'virtual:nianbao/config';
import { hasRecordFiles } from './lib/site/record-files.ts';
import { reportRecordSchema } from './lib/schema/report.ts';

/** Folder of the record files, as the extractor wrote them (the data setting, src/lib/config.ts). */
const REPORTS_DIR = `${config.data}/reports`;

/**
 * The glob loader over the record files; a folder without any (an empty corpus) gives an empty
 * collection without the loader's warning: the site says it once, in its own words (src/lib/site/data.ts).
 */
function loadRecords(): Loader {
  const files = glob({ pattern: '*.json', base: REPORTS_DIR });
  return {
    ...files,
    load: async (context) => {
      if (hasRecordFiles(REPORTS_DIR)) return files.load(context);
      context.store.clear();
    },
  };
}

const reports = defineCollection({
  loader: loadRecords(),
  schema: reportRecordSchema.transform((r) => ({ id: r.id, slug: r.agency.slug, year: r.year })),
});

export const collections = { reports };
