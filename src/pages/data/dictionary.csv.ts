/** /data/dictionary.csv: every cell of the template, with Chinese and English labels, unit and template row. */
import type { APIRoute } from 'astro';
import { buildDictionaryCsv } from '../../lib/export/dataset.ts';

export const GET: APIRoute = () => new Response(buildDictionaryCsv(), { headers: { 'content-type': 'text/csv; charset=utf-8' } });
