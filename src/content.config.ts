/**
 * The site reads the extractor's records (npm run extract writes them to .nianbao/reports) through a
 * content collection validated by the same zod schema.
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { reportRecordSchema } from './lib/schema/report.ts';

const reports = defineCollection({
  loader: glob({ pattern: '*.json', base: process.env.NIANBAO_DATA ? `${process.env.NIANBAO_DATA}/reports` : './.nianbao/reports' }),
  schema: reportRecordSchema,
});

export const collections = { reports };
