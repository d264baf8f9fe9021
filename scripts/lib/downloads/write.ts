/**
 * The one producer of everything under OUT/api/ and OUT/data/ but the data page itself (an I/O
 * edge), run after the Astro build into the site it built: reads the records one file at a time
 * from DATA/reports in id order (the order the site sorts them in) and streams each download to
 * OUT/data/ — the long CSV, a wide CSV per table, the JSON and the SQLite file — each record's
 * API document to OUT/api/reports/, and each report text too long for its page (isTextCut in
 * src/lib/site/bounds.ts) whole to OUT/data/text/<id>.txt; then the data package that describes
 * the CSVs, the Datasette metadata that describes the SQLite file, the data dictionary and the
 * extractor's manifest, and the API's index, summaries and agency documents from the index entries
 * of the records it read (the same entries the pages are built from). All from the pure builders in
 * src/lib/export. Memory holds one record, the streams' buffers, one index entry per report and one
 * small row per agency (SQLite), never a whole file.
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import { copyFile, mkdir, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import path from 'node:path';
import { groupAgencies } from '../../../src/lib/aggregate/corpus.ts';
import { indexReport, type IndexedReport } from '../../../src/lib/aggregate/report-index.ts';
import { buildApiAgency, buildApiIndex, type Linker } from '../../../src/lib/export/api.ts';
import { TABLES } from '../../../src/lib/export/cells.ts';
import {
  buildDictionaryCsv,
  formatDatasetJsonFrame,
  formatDatasetJsonRecord,
  formatLongCsvHead,
  formatLongCsvRecord,
  formatWideCsvHead,
  formatWideCsvRecord,
} from '../../../src/lib/export/dataset.ts';
import { buildDataPackage } from '../../../src/lib/export/datapackage.ts';
import { buildDatasetteMetadata } from '../../../src/lib/export/datasette.ts';
import { openSqliteWriter } from '../../../src/lib/export/sqlite.ts';
import { describeInput } from '../../../src/lib/extract/manifest.ts';
import { manifestSchema, reportRecordSchema, type Manifest, type ReportRecord } from '../../../src/lib/schema/report.ts';
import { publishManifestCounts } from '../../../src/lib/corrections/counts.ts';
import { toCompareRows } from '../../../src/lib/site/compare-rows.ts';
import { fullTextPath, isTextCut } from '../../../src/lib/site/bounds.ts';
import { assertCorrectionsValid, openCorrector, type Corrector } from '../../../src/lib/site/corrections.ts';

/** The files written, relative to OUT/data/ (the data page and api/index.json link these names). */
export const DOWNLOAD_FILES = ['nianbao-long.csv', ...TABLES.map((t) => `nianbao-wide-${t}.csv`), 'nianbao.json', 'nianbao.sqlite', 'datapackage.json', 'metadata.json', 'dictionary.csv', 'manifest.json'] as const;

export interface DownloadOptions {
  /** The extraction folder (the data setting): records in `reports/<id>.json`. */
  data: string;
  /** The built site (the out setting): files go to `data/` in it. */
  out: string;
  /** Build date, yyyy-mm-dd (citation in the JSON, metadata in SQLite). */
  builtOn: string;
  /**
   * Absolute URL of the data folder, for the citation, the data package's homepage and Datasette's
   * source_url; null without a site address (NIANBAO_SITE).
   */
  dataUrl: string | null;
  /** Where the corrections file is found (NIANBAO_CORPUS, NIANBAO_CORRECTIONS: locateCorrectionsFile); process.env by default. */
  env?: NodeJS.ProcessEnv;
  /** How the API documents link a site path (makeLinker: the base path, and the site address when there is one). */
  link: Linker;
}

/** Returns the record ids in DATA/reports, in the site's order (loadSiteData sorts by id, `<`). */
export async function listRecordIds(data: string): Promise<string[]> {
  const names = await readdir(path.join(data, 'reports'));
  return names
    .filter((n) => n.endsWith('.json'))
    .map((n) => n.slice(0, -'.json'.length))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * Reads one record: as validated by the schema the site's content collection uses (same keys, same
 * order) and corrected (content/corrections.csv), and in compact JSON (the API document): as its file
 * holds it, or the corrected record.
 */
async function readRecord(data: string, id: string, corrector: Corrector): Promise<{ record: ReportRecord; json: string }> {
  const parsed = JSON.parse(await readFile(path.join(data, 'reports', `${id}.json`), 'utf8')) as unknown;
  const read = reportRecordSchema.parse(parsed);
  if (read.id !== id) throw new Error(`reports/${id}.json holds record ${read.id}`);
  // With corrections, the record as published: its values, its checks and each value as read beside.
  const record = corrector.correctOrThrow(read);
  return { record, json: record === read ? JSON.stringify(parsed) : JSON.stringify(record) };
}

/**
 * Copies a record's text (DATA/text/<id>.txt, as the extractor wrote it) into the site at its
 * download path when its page shows only part of it; a record without a text file has none.
 */
async function offerFullText(data: string, out: string, id: string): Promise<void> {
  const from = path.join(data, 'text', `${id}.txt`);
  const info = await stat(from).catch(() => null);
  if (info && isTextCut(info.size)) await copyFile(from, path.join(out, fullTextPath(id)));
}

/** A text file written through a stream, waiting for it to drain when its buffer is full. */
class TextOut {
  private readonly stream: WriteStream;
  private readonly done: Promise<void>;

  constructor(file: string) {
    this.stream = createWriteStream(file, { highWaterMark: 1 << 20 });
    this.done = finished(this.stream);
    // Observed in flush() and close(); without this an early error would be unhandled.
    this.done.catch(() => {});
  }

  /** Queues text; returns a promise to await before writing more when the buffer is full, else null. */
  write(text: string): Promise<unknown> | null {
    if (this.stream.errored) throw this.stream.errored;
    return this.stream.write(text) ? null : Promise.race([once(this.stream, 'drain'), this.done]);
  }

  async close(): Promise<void> {
    this.stream.end();
    await this.done;
  }

  destroy(): void {
    this.stream.destroy();
  }
}

/**
 * Writes every download to OUT/data/ and every API document to OUT/api/ (see the module comment):
 * here, where every record is read anyway, rather than by the Astro build, where ten thousand such
 * routes cost some twenty seconds; returns the number of records.
 */
export async function writeDownloads(options: DownloadOptions): Promise<number> {
  const dir = path.join(options.out, 'data');
  await mkdir(dir, { recursive: true });
  // The folder is this function's alone: emptied, so a record that is gone leaves no document.
  const apiDir = path.join(options.out, 'api', 'reports');
  await rm(apiDir, { recursive: true, force: true });
  await mkdir(apiDir, { recursive: true });
  // The whole texts of pages that show part of theirs: this function's folder alone too.
  const textDir = path.dirname(path.join(options.out, fullTextPath('x')));
  await rm(textDir, { recursive: true, force: true });
  await mkdir(textDir, { recursive: true });
  const ids = await listRecordIds(options.data);
  const corrector = openCorrector(options.data, options.env);
  assertCorrectionsValid(corrector);
  const file = (name: (typeof DOWNLOAD_FILES)[number]) => path.join(dir, name);
  const indexed: IndexedReport[] = [];

  const long = new TextOut(file('nianbao-long.csv'));
  const wide = TABLES.map((table) => ({ table, out: new TextOut(file(`nianbao-wide-${table}.csv`)) }));
  const json = new TextOut(file('nianbao.json'));
  const texts = [long, ...wide.map((w) => w.out), json];
  await rm(file('nianbao.sqlite'), { force: true });
  const sqlite = openSqliteWriter(file('nianbao.sqlite'), options.builtOn);
  try {
    const frame = formatDatasetJsonFrame(options.builtOn, options.dataUrl, ids.length);
    const pending = [long.write(formatLongCsvHead()), ...wide.map((w) => w.out.write(formatWideCsvHead(w.table))), json.write(frame.head)];
    await Promise.all(pending);
    // The next record is read while this one is written.
    let next = ids.length ? readRecord(options.data, ids[0]!, corrector) : null;
    for (let i = 0; i < ids.length; i++) {
      const { record, json: document } = await next!;
      next = i + 1 < ids.length ? readRecord(options.data, ids[i + 1]!, corrector) : null;
      // An unobserved rejection of the prefetch must not crash the process before it is awaited.
      next?.catch(() => {});
      sqlite.add(record);
      indexed.push(indexReport(record));
      await Promise.all([
        long.write(formatLongCsvRecord(record)),
        ...wide.map((w) => w.out.write(formatWideCsvRecord(record, w.table))),
        json.write((i ? frame.separator : '') + formatDatasetJsonRecord(record)),
        writeFile(path.join(apiDir, `${record.id}.json`), document),
        offerFullText(options.data, options.out, record.id),
      ]);
    }
    await json.write(frame.tail);
    sqlite.finish();
    await Promise.all(texts.map((t) => t.close()));
  } catch (error) {
    sqlite.abort();
    for (const t of texts) t.destroy();
    throw error;
  }
  await writeFile(file('datapackage.json'), `${JSON.stringify(buildDataPackage({ builtOn: options.builtOn, homepage: options.dataUrl }), null, 2)}\n`);
  await writeFile(file('metadata.json'), `${JSON.stringify(buildDatasetteMetadata(options.dataUrl), null, 2)}\n`);
  await writeFile(file('dictionary.csv'), buildDictionaryCsv());
  await writeFile(file('manifest.json'), JSON.stringify(publishManifestCounts(await readManifest(options.data), indexed), null, 2));
  await writeApiIndexes(options.out, indexed, options.builtOn, options.link);
  return ids.length;
}

/** Returns the extractor's manifest as the site publishes it: its corpus folder named as the extractor names it now, so that an older manifest publishes no absolute path either. */
async function readManifest(data: string): Promise<Manifest> {
  const read = manifestSchema.parse(JSON.parse(await readFile(path.join(data, 'manifest.json'), 'utf8')));
  return { ...read, input: describeInput(read.input, process.cwd()) };
}

/**
 * Writes the API's corpus documents from the reports' index entries (in id order): OUT/api/index.json,
 * OUT/api/summaries.json (one headline row per report, with its agency's level and kind: the compare
 * page's picker reads it) and OUT/api/agencies/<slug>.json, whose folder is this function's alone.
 */
async function writeApiIndexes(out: string, reports: readonly IndexedReport[], builtOn: string, link: Linker): Promise<void> {
  const agencies = groupAgencies(reports);
  const summaries = reports.map((r) => r.summary);
  const compareRows = toCompareRows(reports);
  await writeFile(path.join(out, 'api', 'index.json'), JSON.stringify(buildApiIndex(summaries, agencies, builtOn, link)));
  await writeFile(path.join(out, 'api', 'summaries.json'), JSON.stringify(compareRows));
  const agencyDir = path.join(out, 'api', 'agencies');
  await rm(agencyDir, { recursive: true, force: true });
  await mkdir(agencyDir, { recursive: true });
  for (const group of agencies) await writeFile(path.join(agencyDir, `${group.slug}.json`), JSON.stringify(buildApiAgency(group, link)));
}
