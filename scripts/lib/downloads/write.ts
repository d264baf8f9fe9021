/**
 * The one producer of everything under OUT/api/ and OUT/data/ but the data page itself (an I/O
 * edge), run after the Astro build into the site it built: the long CSV, a wide CSV per table, the
 * JSON and the SQLite file in OUT/data/, each record's API document in OUT/api/reports/, each report
 * text too long for its page (isTextCut in src/lib/site/bounds.ts) whole in OUT/data/text/<id>.txt;
 * then the data package that describes the CSVs, the Datasette metadata that describes the SQLite
 * file, the data dictionary and the extractor's manifest, and the API's index, summaries and agency
 * documents from the index entries of the records (the same entries the pages are built from). All
 * from the pure builders in src/lib/export.
 *
 * From digests: each report's share of every file (its part, report-part.ts) is kept in the extraction
 * folder under a key of its record file, corrections, text and the code, so a run reads and
 * validates only the records whose key changed, joins the big files again (in id order, the order the
 * site sorts them in) from the last run's file when it is as that run left it, the other reports'
 * pieces copied from it (splice.ts), else from the kept parts, updates the SQLite file in place, and
 * writes a file only when its bytes change. The output is byte for byte a whole run's (the SQLite file: the same rows in every
 * table). Memory holds one part, the streams' buffers and one index entry per report, never a whole file.
 */
import { createHash } from 'node:crypto';
import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, readFile, readdir, rm, stat } from 'node:fs/promises';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { groupAgencies } from '../../../src/lib/aggregate/corpus.ts';
import type { IndexedReport } from '../../../src/lib/aggregate/report-index.ts';
import { buildApiAgency, buildApiIndex, type Linker } from '../../../src/lib/export/api.ts';
import { TABLES, type TableId } from '../../../src/lib/export/cells.ts';
import {
  buildDictionaryCsv,
  formatDatasetJsonFrame,
  formatLongCsvHead,
  formatWideCsvHead,
} from '../../../src/lib/export/dataset.ts';
import { buildDataPackage } from '../../../src/lib/export/datapackage.ts';
import { buildDatasetteMetadata } from '../../../src/lib/export/datasette.ts';
import { AgencyRows, openSqliteUpdater, openSqliteWriter, type SqliteUpdater, type SqliteWriter } from '../../../src/lib/export/sqlite.ts';
import { describeInput } from '../../../src/lib/extract/manifest.ts';
import { publishManifestCounts } from '../../../src/lib/corrections/counts.ts';
import { readRecordHashes } from '../../../src/lib/extract/written-state.ts';
import { manifestSchema, type Manifest } from '../../../src/lib/schema/report.ts';
import { toCompareRows } from '../../../src/lib/site/compare-rows.ts';
import { fullTextPath } from '../../../src/lib/site/bounds.ts';
import { assertCorrectionsValid, openCorrector } from '../../../src/lib/site/corrections.ts';
import { hashModuleGraph } from '../../../src/lib/source-version.ts';
import { forEachLimited } from '../extract/write-output.ts';
import { loadPieces, loadRows, partPath, readPublishedText, readReportKey, remakeReport, type MadeReport, type PartPiece, type PartPieces, type ReportEntry, type ReportRows, type ReportSource } from './report-part.ts';
import { clearDownloadsState, readDownloadsState, writeDownloadsState, type DownloadsState, type KeptFile, type KeptSqlite } from './state.ts';
import { replaceIfChanged, statSize, writeIfChanged } from '../write-if-changed.ts';
import { SplicedFile, layOutJoinedFile, type PieceSpan } from './splice.ts';
import { detachFiles, keepFiles, keptFolder, restoreKeptDocument, restoreKeptFiles, writeUnlinked } from './kept.ts';

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

  /** Queues text or bytes; returns a promise to await before writing more when the buffer is full, else null. */
  write(text: string | Uint8Array): Promise<unknown> | null {
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

/** The folder of the downloads' cache in the extraction folder: each report's parts, and the state of the last run. */
export function downloadsCachePath(data: string): string {
  return path.join(data, 'downloads-cache');
}

/** The root of the project: the code whose version keys the cache. */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** The big files joined from the reports' parts, each a head, a part per report and a tail. */
const JOINED_FILES = ['nianbao-long.csv', ...TABLES.map((t) => `nianbao-wide-${t}.csv` as const), 'nianbao.json'] as const;
type JoinedFile = (typeof JOINED_FILES)[number];

/** The SQLite download's name in OUT/data/. */
const SQLITE_FILE = 'nianbao.sqlite';

/** Record files read at once while keying them. */
const READ_JOBS = 8;

/** Changed reports made before the joined files are planned (held in memory until written). */
const MADE_FIRST = 64;

/** One report as the second pass has it: its entry, and its parts when this run needs them. */
interface Prepared {
  entry: ReportEntry;
  /** The pieces of its part this run writes. */
  pieces: PartPieces | null;
  rows: ReportRows | null;
  /** Whether its parts were made in this run (its key changed). */
  fresh: boolean;
}

/**
 * Writes every download to OUT/data/ and every API document to OUT/api/ (see the module comment):
 * here rather than by the Astro build, where ten thousand such routes cost some twenty seconds;
 * returns the number of records. Two passes: every report's key from its files' bytes, then, in id
 * order, only the reports whose key changed read and made again, the kept parts of the others read
 * only for the files that must be written again and cannot be spliced from the last run's.
 */
export async function writeDownloads(options: DownloadOptions): Promise<number> {
  const dir = path.join(options.out, 'data');
  const apiDir = path.join(options.out, 'api', 'reports');
  // The whole texts of pages that show part of theirs.
  const textDir = path.dirname(path.join(options.out, fullTextPath('x')));
  await Promise.all([dir, apiDir, textDir].map((d) => mkdir(d, { recursive: true })));
  const cache = downloadsCachePath(options.data);
  const ids = await listRecordIds(options.data);
  const corrector = openCorrector(options.data, options.env);
  assertCorrectionsValid(corrector);
  const version = hashModuleGraph(ROOT, 'scripts/lib/downloads');
  const src: ReportSource = { data: options.data, cache, version, corrector, hashes: readRecordHashes(options.data) };
  const before = await readDownloadsState(cache, version);
  const previous = new Map((before?.entries ?? []).map((e) => [e.id, e]));
  // A folder without the last run's big files (the build's stage, a site the Astro build emptied) links them from the cache.
  const keptFiles = keptFolder(cache, 'files');
  const keptApi = keptFolder(cache, 'api');
  restoreKeptFiles(keptFiles, dir, [...JOINED_FILES.map((name) => ({ name, left: before?.files[name] })), { name: SQLITE_FILE, left: before?.sqlite?.file }]);
  const keys: string[] = new Array(ids.length);
  await forEachLimited(ids.map((_, i) => i), READ_JOBS, async (i) => {
    keys[i] = await readReportKey(src, ids[i]!);
  });
  const changed = ids.filter((id, i) => previous.get(id)?.key !== keys[i]);
  // A few changed reports are made first, so that their pieces tell which joined files change;
  // past that (a first run) every joined file is written, and compared before it replaces the old.
  const made = new Map<string, MadeReport>();
  if (changed.length <= MADE_FIRST) for (const id of changed) made.set(id, await remakeReport(src, id, keys[ids.indexOf(id)]!));
  const known = changed.length <= MADE_FIRST ? ids.map((id) => made.get(id)?.entry ?? previous.get(id)!) : null;

  const frame = formatDatasetJsonFrame(options.builtOn, options.dataUrl, ids.length);
  const joined = await planJoinedFiles(dir, version, frame, known, before);
  const sqlite = await planSqlite(path.join(dir, 'nianbao.sqlite'), ids, keys, before, options.builtOn);
  const linkedDocs = new Set<string>();
  const prepare = async (i: number): Promise<Prepared> => {
    const id = ids[i]!;
    const key = keys[i]!;
    const kept = previous.get(id);
    if (kept?.key !== key) {
      const { entry, part, rows } = made.get(id) ?? (await remakeReport(src, id, key));
      return { entry, pieces: part.pieces, rows, fresh: true };
    }
    // A document missing (or of another size) is linked from its kept copy, else written from the part.
    const api = restoreKeptDocument(keptApi, `${id}.json`, path.join(apiDir, `${id}.json`), kept.apiBytes);
    if (api === 'linked') linkedDocs.add(id);
    const apiMissing = api === 'missing';
    const needsRows = sqlite.mode === 'whole' || (sqlite.mode === 'update' && sqlite.left.keys[id] !== key);
    // Only the pieces of the files written again from the parts are read from the part (a spliced file copies them).
    const wanted: PartPiece[] = [...joined.todo.filter((name) => !joined.spliced.has(name)).map(pieceOf), ...(apiMissing ? (['api'] as const) : [])];
    return {
      entry: kept,
      pieces: wanted.length > 0 ? await loadPieces(src, id, key, wanted) : null,
      rows: needsRows ? await loadRows(src, id, key) : null,
      fresh: false,
    };
  };

  // When no report changed and every big file stays as it is, the state stays as it is too (it is not written again).
  const stateSame = before !== null && changed.length === 0 && joined.todo.length === 0 && sqlite.mode === 'keep';
  // Files change from here on: a run that stops half-way leaves no state, and the next one trusts no file it finds.
  if (!stateSame) await clearDownloadsState(cache);
  const entries: ReportEntry[] = [];
  const temp = (name: string) => path.join(dir, `.${name}.tmp`);
  const outs: JoinedOut[] = [];
  const sqliteTemp = temp('nianbao.sqlite');
  let writer: SqliteWriter | null = null;
  let updater: SqliteUpdater | null = null;
  try {
    for (const name of joined.todo) {
      const spans = joined.spliced.get(name);
      outs.push(spans ? { name, spliced: new SplicedFile(temp(name), path.join(dir, name), name === 'nianbao.json' ? frame.separator : ''), spans } : { name, text: new TextOut(temp(name)) });
    }
    if (sqlite.mode === 'whole') {
      await rm(sqliteTemp, { force: true });
      writer = openSqliteWriter(sqliteTemp, options.builtOn);
    } else if (sqlite.mode === 'update') {
      // Updated in place: a file linked from another folder too is copied first, so that only this folder's changes.
      detachFiles(keptFiles, dir, [SQLITE_FILE]);
      updater = openSqliteUpdater(path.join(dir, SQLITE_FILE));
      for (const id of sqlite.gone) updater.remove(id);
    }
    await Promise.all(outs.map((o) => writeJoined(o, joinedHead(o.name, frame.head))));
    // The next report is prepared while this one is written.
    let next = ids.length ? prepare(0) : null;
    for (let i = 0; i < ids.length; i++) {
      const { entry, pieces, rows, fresh } = await next!;
      next = i + 1 < ids.length ? prepare(i + 1) : null;
      // An unobserved rejection of the prefetch must not crash the process before it is awaited.
      next?.catch(() => {});
      entries.push(entry);
      if (writer) writer.addRows(rows!.sqlite);
      else if (updater && rows) {
        if (sqlite.mode === 'update' && entry.id in sqlite.left.keys) updater.remove(entry.id);
        updater.addRows(rows.sqlite);
      }
      await Promise.all([
        ...outs.map((o) => (o.text ? writeJoinedPiece(o.text, o.name, pieces!, i, frame.separator) : writeSplicedPiece(o, entry.id, pieces, fresh))),
        writeReportFiles(options, entry, pieces, fresh),
      ]);
    }
    await Promise.all(outs.filter((o) => o.name === 'nianbao.json').map((o) => writeJoined(o, frame.tail)));
    await Promise.all(outs.map((o) => (o.text ? o.text.close() : o.spliced.close())));
    const agencies = new AgencyRows();
    for (const e of entries) agencies.add(e.year, e.agency);
    writer?.finish();
    updater?.finish(agencies.list(), options.builtOn);
  } catch (error) {
    writer?.abort();
    updater?.abort();
    for (const o of outs) (o.text ?? o.spliced).destroy();
    await Promise.all([...outs.map((o) => rm(temp(o.name), { force: true })), rm(sqliteTemp, { force: true })]);
    throw error;
  }

  const state: DownloadsState = { version, entries, files: { ...joined.kept }, sqlite: null };
  const signatures = signJoinedFiles(version, frame.head, entries);
  for (const { name } of outs) {
    await replaceIfChanged(temp(name), path.join(dir, name));
    state.files[name] = { ...(await describeFile(path.join(dir, name), signatures[name])), head: Buffer.byteLength(joinedHead(name, frame.head)) };
  }
  if (writer) {
    // A journal left by an update that crashed belongs to the file replaced.
    await rm(path.join(dir, 'nianbao.sqlite-journal'), { force: true });
    await replaceIfChanged(sqliteTemp, path.join(dir, 'nianbao.sqlite'));
  }
  state.sqlite = sqlite.mode === 'keep' ? sqlite.left : { keys: Object.fromEntries(ids.map((id, i) => [id, keys[i]!])), builtOn: options.builtOn, file: await describeFile(path.join(dir, 'nianbao.sqlite'), '') };

  const file = (name: (typeof DOWNLOAD_FILES)[number]) => path.join(dir, name);
  await writeIfChanged(file('datapackage.json'), `${JSON.stringify(buildDataPackage({ builtOn: options.builtOn, homepage: options.dataUrl }), null, 2)}\n`);
  await writeIfChanged(file('metadata.json'), `${JSON.stringify(buildDatasetteMetadata(options.dataUrl), null, 2)}\n`);
  await writeIfChanged(file('dictionary.csv'), buildDictionaryCsv());
  await writeIfChanged(file('manifest.json'), JSON.stringify(publishManifestCounts(await readManifest(options.data), entries.map((e) => e.index)), null, 2));
  await writeApiIndexes(options.out, entries.map((e) => e.index), options.builtOn, options.link);
  // The folders are this function's alone: a file of no report (a deleted one's) goes.
  await pruneFolder(apiDir, new Set(ids.map((id) => `${id}.json`)));
  await pruneFolder(textDir, new Set(entries.filter((e) => e.text !== null).map((e) => path.basename(fullTextPath(e.id)))));
  // Before the state, which then describes the kept copies too (the same files).
  keepFiles(keptFiles, dir, [...JOINED_FILES, SQLITE_FILE]);
  // A document linked from its kept copy in this run is that copy already.
  keepFiles(keptApi, apiDir, ids.filter((id) => !linkedDocs.has(id)).map((id) => `${id}.json`));
  await pruneFolder(keptApi, new Set(ids.map((id) => `${id}.json`)));
  if (!stateSame) await writeDownloadsState(cache, state);
  await pruneFolder(path.join(cache, 'parts'), new Set(ids.map((id) => path.basename(partPath(cache, id)))));
  return ids.length;
}

/**
 * Writes a report's API document and, when its page shows only part of its text, its whole text
 * (DATA/text/<id>.txt, as the extractor wrote it, its note lines in words): for a report made again in this run, and for
 * another only when its file is missing or of another size (its document's piece is then read:
 * prepare()). The document is replaced, never written in place: its kept copy is a link of it (kept.ts).
 */
async function writeReportFiles(options: DownloadOptions, entry: ReportEntry, pieces: PartPieces | null, fresh: boolean): Promise<void> {
  const api = path.join(options.out, 'api', 'reports', `${entry.id}.json`);
  if (pieces?.api !== undefined) writeUnlinked(api, pieces.api);
  if (entry.text === null) return;
  const text = path.join(options.out, fullTextPath(entry.id));
  if (fresh || (await statSize(text)) !== entry.text) await writeIfChanged(text, await readPublishedText(options.data, entry.id));
}

/** Deletes every file in `dir` whose name is not in `keep`. */
async function pruneFolder(dir: string, keep: ReadonlySet<string>): Promise<void> {
  for (const name of await readdir(dir).catch(() => [] as string[])) if (!keep.has(name)) await rm(path.join(dir, name), { recursive: true, force: true });
}

/** Returns the head of a joined file. */
function joinedHead(name: JoinedFile, jsonHead: string): string {
  if (name === 'nianbao-long.csv') return formatLongCsvHead();
  if (name === 'nianbao.json') return jsonHead;
  return formatWideCsvHead(name.slice('nianbao-wide-'.length, -'.csv'.length) as TableId);
}

/** Returns the piece of a report's part that goes into a joined file. */
function pieceOf(name: JoinedFile): PartPiece {
  if (name === 'nianbao-long.csv') return 'long';
  if (name === 'nianbao.json') return 'json';
  return `wide-${name.slice('nianbao-wide-'.length, -'.csv'.length) as TableId}`;
}

/** Writes a report's piece of a joined file (the i-th report's, after the JSON's separator when not the first); returns what TextOut.write returns. */
function writeJoinedPiece(out: TextOut, name: JoinedFile, pieces: PartPieces, i: number, separator: string): Promise<unknown> | null {
  const piece = pieces[pieceOf(name)];
  // Asked for by prepare() for every file written; a missing one is this module's bug, never an empty share.
  if (piece === undefined) throw new Error(`downloads: the ${pieceOf(name)} piece of a report was not read`);
  const before = name === 'nianbao.json' && i ? out.write(separator) : null;
  return out.write(piece) ?? before;
}

/** A joined file being written: through a stream from the reports' pieces, or spliced from the last run's file (splice.ts), with where each report's piece lies in it. */
type JoinedOut = { name: JoinedFile; text: TextOut; spliced?: undefined } | { name: JoinedFile; text?: undefined; spliced: SplicedFile; spans: ReadonlyMap<string, PieceSpan> };

/** Writes a joined file's head or tail; returns what TextOut.write returns. */
function writeJoined(out: JoinedOut, text: string): Promise<unknown> | null {
  if (out.text) return out.text.write(text);
  out.spliced.writeText(text);
  return null;
}

/**
 * Writes a report's piece of a spliced file: a report made again in this run from its piece, any
 * other copied from the last run's file, where its piece is the same (its key is).
 */
function writeSplicedPiece(out: JoinedOut & { spliced: SplicedFile }, id: string, pieces: PartPieces | null, fresh: boolean): null {
  if (fresh) {
    out.spliced.writePiece(pieces![pieceOf(out.name)]!);
    return null;
  }
  const span = out.spans.get(id);
  // Planned from the last run's entries, which hold every report not made again.
  if (!span) throw new Error(`downloads: ${id} is not in the last run's ${out.name}`);
  out.spliced.copyPiece(span);
  return null;
}

/** Returns whether a file is as the last run left it (its size and modification time), so that its bytes are what the state says. */
async function isAsLeft(file: string, left: KeptFile | undefined): Promise<boolean> {
  if (!left) return false;
  const info = await stat(file).catch(() => null);
  return info !== null && info.size === left.size && info.mtimeMs === left.mtimeMs;
}

/** Returns how a file is now (for the state). */
async function describeFile(file: string, signature: string): Promise<KeptFile> {
  const info = await stat(file);
  return { signature, size: info.size, mtimeMs: info.mtimeMs };
}

/** Returns each joined file's signature: a sha256 (hex) of the code, its head and every report's id and piece of it, in order. */
function signJoinedFiles(version: string, jsonHead: string, entries: readonly ReportEntry[]): Record<JoinedFile, string> {
  return Object.fromEntries(
    JOINED_FILES.map((name) => {
      // One text hashed, not one call per report: the same digest.
      const text = `${version}\0${joinedHead(name, jsonHead)}\0${entries.map((e) => `${e.id}\0${e.pieces[name]}\0`).join('')}`;
      return [name, createHash('sha256').update(text).digest('hex')];
    }),
  ) as Record<JoinedFile, string>;
}

/**
 * Returns which joined files must be written (`todo`), which of those are spliced from the last
 * run's file (`spliced`, with where each report's piece lies in it: the file is as the last run left
 * it, and its layout from the last run's entries has its size), and the state of those left as they
 * are: a file of the same signature as the last run's, untouched since, is left alone. Every one is
 * written when the reports' entries are not all known yet (`entries` null).
 */
async function planJoinedFiles(dir: string, version: string, frame: { head: string; separator: string; tail: string }, entries: readonly ReportEntry[] | null, before: DownloadsState | null): Promise<{ todo: JoinedFile[]; spliced: Map<JoinedFile, Map<string, PieceSpan>>; kept: Record<string, KeptFile> }> {
  const signatures = entries && signJoinedFiles(version, frame.head, entries);
  const todo: JoinedFile[] = [];
  const kept: Record<string, KeptFile> = {};
  const spliced = new Map<JoinedFile, Map<string, PieceSpan>>();
  for (const name of JOINED_FILES) {
    const file = path.join(dir, name);
    const left = before?.files[name];
    const asLeft = await isAsLeft(file, left);
    if (signatures && left?.signature === signatures[name] && asLeft) {
      kept[name] = left;
      continue;
    }
    todo.push(name);
    if (!asLeft || left?.head === undefined || !before!.entries.every((e) => e.lengths?.[name] !== undefined)) continue;
    const separator = name === 'nianbao.json' ? Buffer.byteLength(frame.separator) : 0;
    const tail = name === 'nianbao.json' ? Buffer.byteLength(frame.tail) : 0;
    const layout = layOutJoinedFile(left.head, before!.entries.map((e) => ({ id: e.id, bytes: e.lengths[name]! })), separator, tail);
    if (layout.size === left!.size) spliced.set(name, layout.spans);
  }
  return { todo, spliced, kept };
}

/** How the SQLite file is written: left as it is, updated in place (`gone`: reports it holds that are no more), or built whole. */
type SqlitePlan = { mode: 'keep'; left: KeptSqlite } | { mode: 'update'; left: KeptSqlite; gone: string[] } | { mode: 'whole' };

/**
 * Returns how the SQLite file is written: in place when the last run's file is there untouched (and
 * the state is of this code: readDownloadsState), left alone when no report and no date changed
 * either, else whole.
 */
async function planSqlite(file: string, ids: readonly string[], keys: readonly string[], before: DownloadsState | null, builtOn: string): Promise<SqlitePlan> {
  const left = before?.sqlite;
  if (!left || !(await isAsLeft(file, left.file))) return { mode: 'whole' };
  const now = new Set(ids);
  const gone = Object.keys(left.keys).filter((id) => !now.has(id));
  const same = gone.length === 0 && ids.every((id, i) => left.keys[id] === keys[i]);
  return same && left.builtOn === builtOn ? { mode: 'keep', left } : { mode: 'update', left, gone };
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
  await writeIfChanged(path.join(out, 'api', 'index.json'), JSON.stringify(buildApiIndex(summaries, agencies, builtOn, link)));
  await writeIfChanged(path.join(out, 'api', 'summaries.json'), JSON.stringify(compareRows));
  const agencyDir = path.join(out, 'api', 'agencies');
  await mkdir(agencyDir, { recursive: true });
  await forEachLimited(agencies, 8, async (group) => {
    await writeIfChanged(path.join(agencyDir, `${group.slug}.json`), JSON.stringify(buildApiAgency(group, link)));
  });
  // The folder is this function's alone: a deleted agency's document goes.
  await pruneFolder(agencyDir, new Set(agencies.map((a) => `${a.slug}.json`)));
}
