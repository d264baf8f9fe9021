/**
 * Writing the corpus-sized downloads (an I/O edge): reads the records one file at a time from
 * DATA/reports in id order (the order the site sorts them in) and streams each download to
 * OUT/data/ — the long CSV, a wide CSV per table, the JSON and the SQLite file — each record's
 * API document to OUT/api/reports/, and each report text too long for its page (isTextCut in
 * src/lib/site/bounds.ts) whole to OUT/data/text/<id>.txt; then the data package that describes
 * the CSVs and the Datasette metadata that describes the SQLite file. All from the pure
 * per-record builders in src/lib/export. Memory holds one record, the streams' buffers and one small
 * row per agency (SQLite), never a whole file.
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import { copyFile, cp, mkdir, readFile, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import path from 'node:path';
import { TABLES } from '../../../src/lib/export/cells.ts';
import {
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
import { reportRecordSchema, type ReportRecord } from '../../../src/lib/schema/report.ts';
import { fullTextPath, isTextCut } from '../../../src/lib/site/bounds.ts';

/** The files written, relative to OUT/data/ (the data page and api/index.json link these names). */
export const DOWNLOAD_FILES = ['nianbao-long.csv', ...TABLES.map((t) => `nianbao-wide-${t}.csv`), 'nianbao.json', 'nianbao.sqlite', 'datapackage.json', 'metadata.json'] as const;

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
 * order), and as its file holds it, in compact JSON (the API document).
 */
async function readRecord(data: string, id: string): Promise<{ record: ReportRecord; json: string }> {
  const parsed = JSON.parse(await readFile(path.join(data, 'reports', `${id}.json`), 'utf8')) as unknown;
  const record = reportRecordSchema.parse(parsed);
  if (record.id !== id) throw new Error(`reports/${id}.json holds record ${record.id}`);
  return { record, json: JSON.stringify(parsed) };
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
 * Writes every download to OUT/data/, and each record as the API's OUT/api/reports/<id>.json (the
 * record itself: written here, where every record is read anyway, rather than by the Astro build,
 * where ten thousand such routes cost some twenty seconds); returns the number of records.
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
  const file = (name: (typeof DOWNLOAD_FILES)[number]) => path.join(dir, name);

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
    let next = ids.length ? readRecord(options.data, ids[0]!) : null;
    for (let i = 0; i < ids.length; i++) {
      const { record, json: document } = await next!;
      next = i + 1 < ids.length ? readRecord(options.data, ids[i + 1]!) : null;
      // An unobserved rejection of the prefetch must not crash the process before it is awaited.
      next?.catch(() => {});
      sqlite.add(record);
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
  return ids.length;
}

/**
 * Moves what writeDownloads wrote into `staged` (its `out`) into the site at `out`: each download
 * into OUT/data/, the whole texts' folder to OUT/data/text/ and the API documents' folder to OUT/api/reports/. So the downloads can be written
 * while Astro builds the site (Astro empties its output folder first) and put in place afterwards:
 * a rename each, or a copy when the two folders are on different file systems.
 */
export async function placeDownloads(staged: string, out: string): Promise<void> {
  const move = async (from: string, to: string) => {
    await rm(to, { recursive: true, force: true });
    try {
      await rename(from, to);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
      await cp(from, to, { recursive: true });
      await rm(from, { recursive: true, force: true });
    }
  };
  await mkdir(path.join(out, 'data'), { recursive: true });
  for (const name of DOWNLOAD_FILES) await move(path.join(staged, 'data', name), path.join(out, 'data', name));
  const texts = path.dirname(fullTextPath('x'));
  await move(path.join(staged, texts), path.join(out, texts));
  await mkdir(path.join(out, 'api'), { recursive: true });
  await move(path.join(staged, 'api', 'reports'), path.join(out, 'api', 'reports'));
}
