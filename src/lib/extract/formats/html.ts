/**
 * HTML report → the plain report text the readers understand. A published report sits inside a
 * site's page chrome (menus, share buttons, footers, scripts); its tables carry rowspan/colspan,
 * `&nbsp;` blanks, one `<p>` per cell line and Word's inline styles. This module finds the article,
 * resolves every table into its merged-cell grid, and writes:
 * - the title first (pages often print it outside the article body, or only in `<meta>`);
 * - every block element (p, div, h1–h6, li …) on a line of its own;
 * - every table row on one line, its cells separated by tabs (the `tabs` layout of cells.ts), a
 *   merged position as an empty cell, never a repeated one (a repeated number would be invented);
 *   a row label spanning several columns is one cell, so blank figures keep their positions.
 * Pure: a string in, a string out.
 */
import { readHtmlMeta, type DocumentMeta } from '../identity/document-meta.ts';
import { Parser, type Handler } from 'htmlparser2';
import { toHalfWidth } from '../normalize.ts';
import { createMessage } from '../../schema/message.ts';

/** A parsed node, in domhandler's shape and with its type names (script and style have their own). */
interface DomNode {
  type: string;
  name?: string;
  data?: string;
  attribs?: Record<string, string>;
  children?: DomNode[];
  parent?: DomNode | null;
}

/**
 * Returns the document tree of `html`, as htmlparser2's parseDocument builds it but of plain objects
 * without sibling links or source positions, which this module never reads: building domhandler's
 * nodes was a fifth of the parse.
 */
/**
 * Deepest element nesting kept in the tree. Real pages nest a few dozen levels; the readers walk the
 * tree recursively, so a page nested 100,000 deep would overflow the stack. Elements below this
 * depth are read as children of the element at it: their text is kept, their nesting is not.
 */
export const MAX_HTML_DEPTH = 512;

function parseHtml(html: string): { root: DomNode; flattened: number } {
  const root: DomNode = { type: 'root', children: [], parent: null };
  const stack: DomNode[] = [root];
  // Open elements beyond MAX_HTML_DEPTH, not pushed: their closing tags must not pop the stack.
  let beyond = 0;
  let flattened = 0;
  // The text or comment node that the next piece of text or comment continues, as domhandler merges them.
  let last: DomNode | null = null;
  const add = (node: DomNode) => {
    const parent = stack[stack.length - 1]!;
    node.parent = parent;
    parent.children!.push(node);
    last = null;
  };
  const handler: Partial<Handler> = {
    onopentag(name, attribs) {
      const element: DomNode = { type: name === 'script' || name === 'style' ? name : 'tag', name, attribs, children: [], parent: null };
      if (stack.length > MAX_HTML_DEPTH) {
        beyond++;
        flattened++;
        // A block still ends a line, as a line break would.
        if (BLOCK.has(name)) add({ type: 'tag', name: 'br', attribs: {}, children: [], parent: null });
        return;
      }
      add(element);
      stack.push(element);
    },
    onclosetag() {
      last = null;
      if (beyond > 0) {
        beyond--;
        return;
      }
      // The root is never closed: the parser closes only what it opened.
      if (stack.length > 1) stack.pop();
    },
    ontext(data) {
      if (last?.type === 'text') {
        last.data += data;
        return;
      }
      const node: DomNode = { type: 'text', data };
      add(node);
      last = node;
    },
    oncomment(data) {
      if (last?.type === 'comment') {
        last.data += data;
        return;
      }
      const node: DomNode = { type: 'comment', data };
      add(node);
      last = node;
    },
    oncommentend() {
      last = null;
    },
    oncdatastart() {
      const node: DomNode = { type: 'cdata', children: [] };
      add(node);
      const text: DomNode = { type: 'text', data: '', parent: node };
      node.children!.push(text);
      last = text;
    },
    oncdataend() {
      last = null;
    },
    onprocessinginstruction(name, data) {
      add({ type: 'directive', name, data });
    },
  };
  new Parser(handler).end(html);
  return { root, flattened };
}

/** Page chrome and non-content elements: never part of the report. */
const CHROME_TAGS = new Set([
  'script', 'style', 'noscript', 'template', 'iframe', 'object', 'embed', 'svg', 'canvas', 'video', 'audio',
  'nav', 'header', 'footer', 'aside', 'form', 'button', 'select', 'textarea', 'input', 'head',
  // Without a <head> tag the page's <title> sits in the document itself (a browser would put it in
  // an implied head); findTitle reads it before the chrome goes.
  'title',
]);
const CHROME_ROLES = new Set(['navigation', 'banner', 'contentinfo']);

/** Returns whether an element is page chrome, or hidden from a reader of the page (the readers must see what they see). */
function isChrome(el: DomNode): boolean {
  if (CHROME_TAGS.has(el.name!)) return true;
  const a = el.attribs;
  if (!a) return false;
  if (CHROME_ROLES.has(a.role!) || 'hidden' in a || a['aria-hidden'] === 'true') return true;
  return a.style !== undefined && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(a.style);
}

/** Removes page chrome and hidden elements below `node`, in one walk (a CSS query per kind walks the page once per kind). */
function removeChrome(node: DomNode): void {
  if (!node.children) return;
  const isRemoved = (child: DomNode) => isElement(child) && isChrome(child);
  // Filtered only when something goes: most nodes keep every child, and a new array for each is garbage.
  if (node.children.some(isRemoved)) node.children = node.children.filter((child) => !isRemoved(child));
  for (const child of node.children) removeChrome(child);
}

/** Returns whether a node is an element (domhandler gives script and style elements their own types). */
function isElement(node: DomNode): boolean {
  return node.type === 'tag' || node.type === 'script' || node.type === 'style';
}

/** Elements that start and end a line of text. */
const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'dd', 'details', 'dialog', 'dir', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'html',
  'li', 'main', 'menu', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'ul', 'table', 'tbody', 'thead', 'tfoot', 'tr', 'td', 'th',
]);

// Placeholders while text is gathered, resolved when a line or a cell is finished (see `finish`).
/** Whitespace that held a line break in the source: nothing between two CJK characters, else a space. */
const SOFT_SPACE = '\u0001';
/** A block boundary inside a table cell: nothing, except a space between two letters or digits. */
const CELL_BREAK = '\u0002';

/** A section heading of the template, as the article body prints it ("三、收到和处理政府信息公开申请情况"). */
const SECTION_HEADING = /^[一二三四五六][、.．]\S{0,30}?(总体情况|概述|主动公开|收到和处理|依申请|行政复议|行政诉讼|问题|其他)/;
/** A report title: agency, year, the report's name. */
const REPORT_TITLE = /(?:19|20)\d{2}\s*年.*(?:政府信息公开|政务公开).*(?:报告|年报)/;

/** Returns the report text of an HTML page: title line, then the article's blocks and table rows. */
export function htmlToReportText(html: string): string {
  return htmlToReport(html).text;
}

/**
 * Returns the report text of an HTML page (title line, then the article's blocks and table rows)
 * and the page's metadata: ArticleTitle, the `<title>`, PubDate and ContentSource (document-meta.ts).
 */
export function htmlToReport(html: string): { text: string; meta: DocumentMeta } {
  const { root, flattened } = parseHtml(html);
  const { title, metas, documentTitle } = findTitle(root);
  repairTables(root);
  removeChrome(root);
  const body = findBody(root);
  const lines = renderBlocks(body);
  if (title && !lines.slice(0, 15).some((l) => compact(l).includes(compact(title)))) lines.unshift(title);
  const meta = readHtmlMeta(metas, documentTitle);
  if (flattened) meta.notes = [createMessage('htmlTooDeep', { depth: MAX_HTML_DEPTH, count: flattened })];
  return { text: lines.join('\n') + '\n', meta };
}

/**
 * Returns the report's title as the page states it — the CMS's `<meta name="ArticleTitle">`, a
 * title element (h1, `.article_title` …), or the document `<title>` without its site suffix — or
 * null when none of them names a report. The candidates, in that order of trust, are gathered in
 * one walk of the page; their text is read only until one is a title.
 */
function findTitle(root: DomNode): { title: string | null; metas: Map<string, string>; documentTitle: string | null } {
  const metas = new Map<string, string>();
  const kinds = { h1: [] as DomNode[], article: [] as DomNode[], titled: [] as DomNode[], h2: [] as DomNode[], h3: [] as DomNode[], title: [] as DomNode[] };
  walkElements(root, (el) => {
    const a = el.attribs ?? {};
    if (el.name === 'meta') {
      // The first of each kind, as a query for it would find.
      for (const key of [`name=${a.name}`, `property=${a.property}`]) if (!metas.has(key)) metas.set(key, a.content ?? '');
    }
    if (el.name === 'h1' || el.name === 'h2' || el.name === 'h3' || el.name === 'title') kinds[el.name].push(el);
    const cls = a.class;
    if (cls !== undefined) {
      if (cls.split(/[ \t\n\f\r]+/).includes('article_title')) kinds.article.push(el);
      if (cls.includes('title')) kinds.titled.push(el);
    }
    return true;
  });
  function* candidates(): Generator<string> {
    for (const key of ['name=ArticleTitle', 'property=og:title', 'name=title']) yield metas.get(key) ?? '';
    for (const kind of ['h1', 'article', 'titled', 'h2', 'h3'] as const) for (const el of kinds[kind]) yield textOf(el);
    // "<report title>_<site name>" or "<site name> - <report title>".
    yield* kinds.title.map((el) => textOf(el)).join('').split(/[_|｜]|\s[-–—]\s/);
  }
  const byName = new Map<string, string>();
  for (const [key, value] of metas) if (key.startsWith('name=')) byName.set(key.slice(5), value);
  const documentTitle = kinds.title.length ? kinds.title.map((el) => textOf(el)).join('').replace(/[\s\u00a0]+/g, ' ').trim() : null;
  for (const c of candidates()) {
    const text = c.replace(/[\s\u00a0]+/g, ' ').trim();
    if (text.length <= 80 && REPORT_TITLE.test(text)) return { title: text, metas: byName, documentTitle };
  }
  return { title: null, metas: byName, documentTitle };
}

/**
 * Returns the element holding the article: the nearest common ancestor of the template's section
 * headings when at least two are found (everything between two headings in document order lies
 * inside it, tables included); otherwise the element with the most text in paragraphs and tables
 * of its own; otherwise the whole document.
 */
function findBody(root: DomNode): DomNode {
  const headings: DomNode[] = [];
  const ordinals = new Set<string>();
  walkElements(root, (el) => {
    if (el.name === 'table') return false; // table B's row labels (一、本年新收…) are not headings
    if (!BLOCK.has(el.name!) || el.name === 'body' || el.name === 'html') return true;
    const text = compactTextUpTo(el, HEADING_MAX);
    if (text && SECTION_HEADING.test(text)) {
      // The innermost block that holds the heading alone.
      if (!el.children?.some((c) => c.type === 'tag' && BLOCK.has(c.name!) && compactTextUpTo(c, HEADING_MAX) === text)) {
        headings.push(el);
        ordinals.add(text[0]!);
      }
    }
    return true;
  });
  if (ordinals.size >= 2) return headings.reduce(commonAncestor);

  // Paragraphs and tables count for the block that holds them; a table's own paragraphs do not.
  const score = new Map<DomNode, number>();
  walkElements(root, (el) => {
    if ((el.name === 'p' || el.name === 'table') && el.parent) {
      score.set(el.parent, (score.get(el.parent) ?? 0) + compact(textOf(el)).length);
    }
    return el.name !== 'table';
  });
  let best: DomNode | null = null;
  for (const [el, n] of score) if (!best || n > score.get(best)!) best = el;
  return best && score.get(best)! > 0 ? best : root;
}

/** Visits every element below `node` in document order; `visit` returns false to skip its children. */
function walkElements(node: DomNode, visit: (el: DomNode) => boolean): void {
  for (const child of node.children ?? []) {
    if (!isElement(child)) continue;
    if (visit(child)) walkElements(child, visit);
  }
}

function ancestors(node: DomNode): DomNode[] {
  const out: DomNode[] = [];
  for (let n: DomNode | null | undefined = node; n; n = n.parent) out.push(n);
  return out;
}

function commonAncestor(a: DomNode, b: DomNode): DomNode {
  const ofA = new Set(ancestors(a));
  return ancestors(b).find((n) => ofA.has(n)) ?? b;
}

/** Returns the raw text content of a node (comments excluded). */
function textOf(node: DomNode): string {
  if (node.type === 'text') return node.data ?? '';
  if (node.type === 'comment' || node.type === 'directive') return '';
  return (node.children ?? []).map(textOf).join('');
}

/** Longest heading text, whitespace left out, that findBody takes for a section heading. */
const HEADING_MAX = 40;

/**
 * Returns compact(textOf(node)) when it is at most `limit` characters long, else null, reading no
 * further than that: findBody asks it of every block, and the article's blocks hold the whole report.
 */
function compactTextUpTo(node: DomNode, limit: number): string | null {
  let out = '';
  const add = (n: DomNode): boolean => {
    if (n.type === 'text') {
      out += compact(n.data ?? '');
      return out.length <= limit;
    }
    if (n.type === 'comment' || n.type === 'directive') return true;
    for (const child of n.children ?? []) if (!add(child)) return false;
    return true;
  };
  return add(node) ? out : null;
}

/** Returns `s` without any whitespace, for comparing texts. */
function compact(s: string): string {
  return s.replace(/[\s\u00a0\u3000\u0001\u0002]+/g, '');
}

const CJK = /[\u2e80-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]/;
const ALNUM = /[A-Za-z0-9]/;

/**
 * Returns finished text: placeholders resolved, `&nbsp;` and runs of spaces folded to one space,
 * tabs (which would split a table row) turned into spaces, ends trimmed.
 */
function finish(raw: string): string {
  const chars = raw.replace(/[\t\u00a0 ]+/g, ' ');
  let out = '';
  // Text between placeholders is copied in slices: a character at a time was a tenth of the HTML reader.
  const placeholder = /[\u0001\u0002]/g;
  let i = 0;
  for (let m = placeholder.exec(chars); m; m = placeholder.exec(chars)) {
    out += chars.slice(i, m.index);
    // Look past neighbouring placeholders and spaces to the real characters on each side.
    let j = m.index;
    while (j < chars.length && (chars[j] === SOFT_SPACE || chars[j] === CELL_BREAK || chars[j] === ' ')) j++;
    let k = out.length - 1;
    while (k >= 0 && out[k] === ' ') k--;
    const before = k >= 0 ? out[k]! : '';
    const after = chars[j] ?? '';
    const run = chars.slice(m.index, j);
    if (run.includes(CELL_BREAK) && !run.includes(' ')) {
      if (ALNUM.test(before) && ALNUM.test(after)) out += ' '; // "1"+"2" must not become 12
    } else if (!(CJK.test(before) && CJK.test(after))) {
      out += ' ';
    }
    i = j;
    placeholder.lastIndex = j;
  }
  out += chars.slice(i);
  return out.replace(/ {2,}/g, ' ').trim();
}

/** Returns the text of a text node with its line breaks marked as soft spaces. */
function inlineText(data: string): string {
  return data.replace(/[ \t\u00a0]*[\r\n\f][\s\u00a0]*/g, SOFT_SPACE);
}

/** Returns the lines of a block container: one per block element, one per table row. */
function renderBlocks(root: DomNode): string[] {
  const lines: string[] = [];
  let buffer = '';
  const flush = () => {
    const line = finish(buffer);
    buffer = '';
    if (line) lines.push(line);
  };
  const visit = (node: DomNode) => {
    if (node.type === 'text') {
      buffer += inlineText(node.data ?? '');
      return;
    }
    if (node.type !== 'tag' && node.type !== 'root') return;
    const name = node.name ?? '';
    if (name === 'br') {
      flush();
      return;
    }
    if (name === 'table') {
      flush();
      const rows = renderTable(node);
      if (rows) {
        lines.push(...rows);
        // A blank line ends the table, so the readers never continue a cell with the next paragraph.
        lines.push('');
      } else {
        for (const child of node.children ?? []) visit(child);
        flush();
      }
      return;
    }
    const block = BLOCK.has(name);
    if (block) flush();
    for (const child of node.children ?? []) visit(child);
    if (block) flush();
  };
  visit(root);
  flush();
  // No blank line at either end, never two in a row.
  while (lines.at(-1) === '') lines.pop();
  return lines.filter((l, i) => l !== '' || (i > 0 && lines[i - 1] !== ''));
}

/** What a table, its row groups and its rows may hold; anything else a browser moves out, before the table. */
const TABLE_CONTENT = {
  table: new Set(['tr', 'thead', 'tbody', 'tfoot', 'caption', 'colgroup', 'col']),
  group: new Set(['tr']),
  row: new Set(['td', 'th']),
} as const;
const SCRIPTING = new Set(['script', 'style', 'template']);

/**
 * Gives every table below `node` the structure a browser's parser builds (htmlparser2 is several
 * times faster than a spec parser but builds the tree as written): cells outside a row are put in
 * one, and text or elements a table cannot hold (a paragraph between rows, a note before the first
 * row) are moved before the table ("foster parenting"), so they are read as text, not lost. A form
 * inside a table is dropped, its rows kept, as a browser does.
 */
function repairTables(node: DomNode): void {
  if (!node.children) return;
  for (const child of node.children) repairTables(child);
  if (!node.children.some((c) => c.name === 'table')) return;
  node.children = node.children.flatMap((child) => {
    if (child.name !== 'table') return [child];
    const fostered: DomNode[] = [];
    tidyTablePart(child, 'table', fostered);
    for (const f of fostered) f.parent = node;
    return [...fostered, child];
  });
}

/** Keeps in `part` what it may hold (cells wrapped in rows), moving the rest into `fostered`, in order. */
function tidyTablePart(part: DomNode, kind: keyof typeof TABLE_CONTENT, fostered: DomNode[]): void {
  const kept: DomNode[] = [];
  let implied: DomNode | null = null;
  const children = (part.children ?? []).flatMap((c) => (c.name === 'form' ? (c.children ?? []) : [c]));
  for (const child of children) {
    const name = child.name ?? '';
    const isCell = name === 'td' || name === 'th';
    if (isCell && kind !== 'row') {
      if (!implied) {
        implied = { type: 'tag', name: 'tr', attribs: {}, children: [], parent: part };
        kept.push(implied);
      }
      implied.children!.push(child);
      child.parent = implied;
      continue;
    }
    implied = null;
    if (TABLE_CONTENT[kind].has(name) || (kind === 'table' && TABLE_CONTENT.group.has(name))) {
      child.parent = part;
      kept.push(child);
      if (name === 'tr') tidyTablePart(child, 'row', fostered);
      else if (name === 'thead' || name === 'tbody' || name === 'tfoot') tidyTablePart(child, 'group', fostered);
    } else if (SCRIPTING.has(name) || child.type === 'comment' || (child.type === 'text' && !/[^\t\n\f\r ]/.test(child.data ?? ''))) {
      kept.push(child);
    } else {
      fostered.push(child);
    }
  }
  part.children = kept;
}

/** The table's own rows (not those of nested tables), through thead/tbody/tfoot. */
function ownRows(table: DomNode): DomNode[] {
  const rows: DomNode[] = [];
  for (const child of table.children ?? []) {
    if (child.type !== 'tag') continue;
    if (child.name === 'tr') rows.push(child);
    else if (child.name === 'thead' || child.name === 'tbody' || child.name === 'tfoot') {
      for (const tr of child.children ?? []) if (tr.type === 'tag' && tr.name === 'tr') rows.push(tr);
    }
  }
  return rows;
}

function ownCells(row: DomNode): DomNode[] {
  return (row.children ?? []).filter((c) => c.type === 'tag' && (c.name === 'td' || c.name === 'th'));
}

/** Returns the text of a table cell on one line: its paragraphs and `<br>`s joined (see CELL_BREAK). */
function cellText(cell: DomNode): string {
  let raw = '';
  const visit = (node: DomNode) => {
    if (node.type === 'text') {
      raw += inlineText(node.data ?? '');
      return;
    }
    if (node.type !== 'tag') return;
    if (node.name === 'br') {
      raw += CELL_BREAK;
      return;
    }
    const block = BLOCK.has(node.name!);
    if (block) raw += CELL_BREAK;
    for (const child of node.children ?? []) visit(child);
    if (block) raw += CELL_BREAK;
  };
  for (const child of cell.children ?? []) visit(child);
  return finish(raw);
}

/** One cell placed in the grid. */
interface Placed {
  row: number;
  col: number;
  colspan: number;
  text: string;
}

/** Returns a span attribute as a count: at least 1, at most `max` (0 = to the end, as in HTML). */
function span(value: string | undefined, max: number): number {
  const n = Number.parseInt(value ?? '1', 10);
  if (Number.isNaN(n) || n < 0) return 1;
  if (n === 0) return max;
  return Math.min(Math.max(n, 1), max);
}

/** A figure as printed in a table cell: 28, 1,186, 61.3, -18, 增 69, 减3, 251000元, 12.5万元. */
const FIGURE = /^[+\-−]?(?:增加?|减少?)?\s*\d[\d,，.\s]*(?:万|亿)?元?$/;

/**
 * Returns the lines of a data table, one per row with tab-separated cells, or null for a layout
 * table (a single column, or cells that hold tables) whose content is ordinary blocks.
 *
 * The HTML grid can have more columns than the template: a page may give 商业企业 `colspan="2"` in
 * every row because a header cell was split. Grid columns that no row holding figures ever starts a
 * cell in are merged with the column on their left, so each figure keeps its template position. A
 * position covered by a merged cell from the row above, or by a figure spanning columns, is an
 * empty cell; a label spanning columns is a single cell (its span is not figures).
 */
function renderTable(table: DomNode): string[] | null {
  const rows = ownRows(table);
  if (rows.some((r) => ownCells(r).some((c) => hasDescendant(c, 'table')))) return null;
  const placed: Placed[] = [];
  // owner[r][c]: the cell covering grid position (r, c), whether it starts there or spans it.
  const owner: (Placed | undefined)[][] = rows.map(() => []);
  let width = 0;
  rows.forEach((row, r) => {
    let col = 0;
    for (const cell of ownCells(row)) {
      while (owner[r]![col]) col++;
      const colspan = span(cell.attribs?.colspan, 1000);
      const rowspan = span(cell.attribs?.rowspan, rows.length - r);
      const p: Placed = { row: r, col, colspan, text: cellText(cell) };
      for (let dr = 0; dr < rowspan; dr++) for (let dc = 0; dc < colspan; dc++) owner[r + dr]![col + dc] = p;
      placed.push(p);
      col += colspan;
    }
  });
  for (const o of owner) width = Math.max(width, o.length);
  if (width <= 1) return null;

  const isFigure = (p: Placed) => FIGURE.test(toHalfWidth(p.text));
  const isLabel = (p: Placed) => p.text !== '' && !isFigure(p);
  const dataRows = new Set(placed.filter(isFigure).map((p) => p.row));
  const starts = new Set(placed.filter((p) => dataRows.size === 0 || dataRows.has(p.row)).map((p) => p.col));
  // logical[c]: the template column of grid column c.
  const logical: number[] = [];
  let current = -1;
  for (let c = 0; c < width; c++) {
    if (c === 0 || starts.has(c)) current++;
    logical.push(current);
  }
  const columnsOf = Array.from({ length: current + 1 }, (_, l) => logical.flatMap((x, c) => (x === l ? [c] : [])));

  const lines: string[] = [];
  rows.forEach((_, r) => {
    const cells: string[] = [];
    columnsOf.forEach((cols, l) => {
      // Most template columns are one grid column: no set to make.
      const owners = cols.length === 1 ? [owner[r]![cols[0]!]] : [...new Set(cols.map((c) => owner[r]![c]))];
      const origins = owners.filter((p): p is Placed => !!p && p.row === r && logical[p.col] === l);
      // Two cells in one merged column happen only in header rows: keep both words.
      if (origins.length) return void cells.push(origins.map((p) => p.text).join(' '));
      // A label spanning columns has one cell: its other columns would read as blank figures
      // and push the row's figures right ("（二）部分公开" over two columns, then seven figures).
      const from = owners[0];
      if (from && isLabel(from) && logical[from.col] !== l) return;
      cells.push(''); // a figure spanning columns, a cell spanning rows, or a short row
    });
    if (cells.every((c) => c === '')) return;
    let line = cells.join('\t');
    // "\tX" would read as one Word cell continued on its own line (cells.ts): keep it a row.
    if (cells.length === 2 && cells[0] === '') line += '\t';
    lines.push(line);
  });
  return lines;
}

function hasDescendant(node: DomNode, name: string): boolean {
  return (node.children ?? []).some((c) => c.type === 'tag' && (c.name === name || hasDescendant(c, name)));
}
