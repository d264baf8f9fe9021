/**
 * Ruled tables of a PDF page. Word, WPS, LibreOffice and browsers draw a table's borders as vector
 * paths (stroked lines, or thin filled rectangles); those rules say exactly where every cell of the
 * table is, merged cells included, whatever the text inside does (labels wrapped over three lines at
 * any line spacing, a vertical label one character a line over many rows, a header cell broken
 * inside a word, a blank cell, a row broken by the page). This module:
 * - collects the horizontal and vertical rules of a page from pdf.js's operator list;
 * - joins the rules that touch into tables, and cuts each into the grid of its rule positions;
 * - merges the grid positions that no rule separates into cells (a cell spanning rows or columns);
 * - writes each table as an HTML table, every cell with the text that lies in it, for the HTML
 *   reader (html.ts) to write as tab rows: a ruled PDF table and a web table are one case.
 * A page without ruled tables has no grid, and pdf.ts lays its text out from coordinates alone.
 */

/** An axis-aligned rule in PDF user space: horizontal (y1 = y2) or vertical (x1 = x2), x1 ≤ x2, y1 ≤ y2. */
export interface PdfRule {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** The pdf.js operator codes this module reads (pdf.js's `OPS`). */
export interface PdfOps {
  save: number;
  restore: number;
  transform: number;
  constructPath: number;
  paintFormXObjectBegin: number;
  paintFormXObjectEnd: number;
  setStrokeRGBColor: number;
  setFillRGBColor: number;
  stroke: number;
  closeStroke: number;
  fill: number;
  eoFill: number;
  fillStroke: number;
  eoFillStroke: number;
  closeFillStroke: number;
  closeEOFillStroke: number;
}

type Matrix = [number, number, number, number, number, number];

const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

/** Returns m × n (apply m, then n), as PDF concatenates a `cm` onto the current matrix. */
function multiply(m: Matrix, n: Matrix): Matrix {
  return [
    m[0] * n[0] + m[1] * n[2],
    m[0] * n[1] + m[1] * n[3],
    m[2] * n[0] + m[3] * n[2],
    m[2] * n[1] + m[3] * n[3],
    m[4] * n[0] + m[5] * n[2] + n[4],
    m[4] * n[1] + m[5] * n[3] + n[5],
  ];
}

const apply = (m: Matrix, x: number, y: number): [number, number] => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];

/** Thickest filled rectangle taken for a rule (a border drawn as a filled bar), in points. */
const MAX_BAR = 3;
/** Shortest rule kept, in points (shorter marks are glyph parts, bullets, underline dots). */
const MIN_RULE = 4;
/** How far apart two rule positions may be and still be one grid line, in points. */
const SNAP = 2;

/** pdf.js path codes inside a constructPath (pdf.js 5: moveTo, lineTo, curveTo, quadraticCurveTo, closePath). */
const PATH = { moveTo: 0, lineTo: 1, curveTo: 2, quadraticCurveTo: 3, closePath: 4 } as const;

/** True for a colour a reader does not see on white paper (a white border). */
function isWhite(hex: unknown): boolean {
  if (typeof hex !== 'string' || !/^#[0-9a-f]{6}$/i.test(hex)) return false;
  return [1, 3, 5].every((i) => Number.parseInt(hex.slice(i, i + 2), 16) >= 0xf0);
}

/**
 * Returns the rules a page draws: the axis-aligned segments of stroked paths, and filled rectangles
 * at most MAX_BAR thick, in PDF user space (the space of the text items), white ones left out.
 */
export function rulesOfOperatorList(fnArray: ArrayLike<number>, argsArray: ArrayLike<unknown>, OPS: PdfOps): PdfRule[] {
  const rules: PdfRule[] = [];
  let ctm: Matrix = IDENTITY;
  let stroke = '#000000';
  let fill = '#000000';
  const stack: { ctm: Matrix; stroke: string; fill: string }[] = [];
  const strokes = new Set([OPS.stroke, OPS.closeStroke, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
  const fills = new Set([OPS.fill, OPS.eoFill, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);

  const addSegment = (ax: number, ay: number, bx: number, by: number) => {
    if (Math.abs(ay - by) <= 0.5 && Math.abs(ax - bx) >= MIN_RULE) {
      const y = (ay + by) / 2;
      rules.push({ x1: Math.min(ax, bx), y1: y, x2: Math.max(ax, bx), y2: y });
    } else if (Math.abs(ax - bx) <= 0.5 && Math.abs(ay - by) >= MIN_RULE) {
      const x = (ax + bx) / 2;
      rules.push({ x1: x, y1: Math.min(ay, by), x2: x, y2: Math.max(ay, by) });
    }
  };

  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i];
    const args = argsArray[i] as unknown[] | null;
    if (fn === OPS.save) stack.push({ ctm, stroke, fill });
    else if (fn === OPS.restore) ({ ctm, stroke, fill } = stack.pop() ?? { ctm, stroke, fill });
    else if (fn === OPS.transform && args) ctm = multiply(args.slice(0, 6).map(Number) as Matrix, ctm);
    else if (fn === OPS.paintFormXObjectBegin) {
      stack.push({ ctm, stroke, fill });
      const m = args?.[0] as ArrayLike<number> | null | undefined;
      if (m && m.length === 6) ctm = multiply(Array.from(m) as Matrix, ctm);
    } else if (fn === OPS.paintFormXObjectEnd) ({ ctm, stroke, fill } = stack.pop() ?? { ctm, stroke, fill });
    else if (fn === OPS.setStrokeRGBColor) stroke = String(args?.[0]);
    else if (fn === OPS.setFillRGBColor) fill = String(args?.[0]);
    else if (fn === OPS.constructPath && args) {
      const paint = args[0] as number;
      const data = (args[1] as (ArrayLike<number> | null)[] | undefined)?.[0];
      const stroked = strokes.has(paint) && !isWhite(stroke);
      const filled = fills.has(paint) && !isWhite(fill);
      if (!data || (!stroked && !filled)) continue;
      for (const sub of subpaths(data)) {
        const pts = sub.points.map(([x, y]) => apply(ctm, x, y));
        if (stroked) {
          for (let k = 1; k < pts.length; k++) addSegment(pts[k - 1]![0], pts[k - 1]![1], pts[k]![0], pts[k]![1]);
          if (sub.closed && pts.length > 2) addSegment(pts.at(-1)![0], pts.at(-1)![1], pts[0]![0], pts[0]![1]);
        }
        if (filled && !stroked) {
          const box = rectangle(pts);
          if (!box) continue;
          const w = box.x2 - box.x1;
          const h = box.y2 - box.y1;
          if (h <= MAX_BAR && w >= MIN_RULE && w > h) addSegment(box.x1, (box.y1 + box.y2) / 2, box.x2, (box.y1 + box.y2) / 2);
          else if (w <= MAX_BAR && h >= MIN_RULE && h > w) addSegment((box.x1 + box.x2) / 2, box.y1, (box.x1 + box.x2) / 2, box.y2);
        }
      }
    }
  }
  return rules;
}

/** Returns the straight subpaths of a pdf.js path; a subpath with a curve is left out (no rule has one). */
function subpaths(data: ArrayLike<number>): { points: [number, number][]; closed: boolean }[] {
  const out: { points: [number, number][]; closed: boolean }[] = [];
  let current: { points: [number, number][]; closed: boolean; curved: boolean } | null = null;
  const end = () => {
    if (current && !current.curved && current.points.length > 1) out.push({ points: current.points, closed: current.closed });
    current = null;
  };
  for (let i = 0; i < data.length; ) {
    const op = data[i++];
    if (op === PATH.moveTo) {
      end();
      current = { points: [[data[i]!, data[i + 1]!]], closed: false, curved: false };
      i += 2;
    } else if (op === PATH.lineTo) {
      current ??= { points: [], closed: false, curved: false };
      current.points.push([data[i]!, data[i + 1]!]);
      i += 2;
    } else if (op === PATH.curveTo) {
      if (current) current.curved = true;
      i += 6;
    } else if (op === PATH.quadraticCurveTo) {
      if (current) current.curved = true;
      i += 4;
    } else if (op === PATH.closePath) {
      if (current) current.closed = true;
      end();
    } else {
      break; // an unknown code: the rest cannot be parsed
    }
  }
  end();
  return out;
}

/** Returns the box of four or five points forming an axis-aligned rectangle, or null. */
function rectangle(pts: readonly [number, number][]): PdfRule | null {
  const ps = pts.length === 5 && Math.abs(pts[0]![0] - pts[4]![0]) < 0.01 && Math.abs(pts[0]![1] - pts[4]![1]) < 0.01 ? pts.slice(0, 4) : pts;
  if (ps.length !== 4) return null;
  const xs = ps.map((p) => p[0]);
  const ys = ps.map((p) => p[1]);
  const x1 = Math.min(...xs);
  const x2 = Math.max(...xs);
  const y1 = Math.min(...ys);
  const y2 = Math.max(...ys);
  const onEdge = ps.every((p) => (Math.abs(p[0] - x1) < 0.5 || Math.abs(p[0] - x2) < 0.5) && (Math.abs(p[1] - y1) < 0.5 || Math.abs(p[1] - y2) < 0.5));
  return onEdge ? { x1, y1, x2, y2 } : null;
}

// ---------------------------------------------------------------------------------------------
// Grids

/** A cell of a grid: its first row and column, its spans, and its box in PDF space. */
export interface GridCell {
  row: number;
  col: number;
  rowspan: number;
  colspan: number;
  x1: number;
  x2: number;
  /** Top (larger y) and bottom of the cell. */
  top: number;
  bottom: number;
}

/** A ruled table: its column lines left to right, its row lines top to bottom, and its cells. */
export interface Grid {
  xs: number[];
  ys: number[];
  cells: GridCell[];
  /** The cell covering each grid position, by row then column. */
  at: GridCell[][];
}

/** Returns the positions clustered: values within SNAP of the previous one are one line (their mean). */
function cluster(values: readonly number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const groups: number[][] = [];
  for (const v of sorted) {
    const g = groups.at(-1);
    if (g && v - g.at(-1)! <= SNAP) g.push(v);
    else groups.push([v]);
  }
  return groups.map((g) => g.reduce((s, v) => s + v, 0) / g.length);
}

/** Returns collinear rules that overlap or touch merged into one (a border drawn cell by cell). */
function mergeRules(rules: readonly PdfRule[], horizontal: boolean): PdfRule[] {
  const key = (r: PdfRule) => (horizontal ? r.y1 : r.x1);
  const from = (r: PdfRule) => (horizontal ? r.x1 : r.y1);
  const to = (r: PdfRule) => (horizontal ? r.x2 : r.y2);
  const lines = cluster(rules.map(key));
  const out: PdfRule[] = [];
  for (const at of lines) {
    const on = rules.filter((r) => Math.abs(key(r) - at) <= SNAP).sort((a, b) => from(a) - from(b));
    let start = from(on[0]!);
    let end = to(on[0]!);
    const push = () => out.push(horizontal ? { x1: start, y1: at, x2: end, y2: at } : { x1: at, y1: start, x2: at, y2: end });
    for (const r of on.slice(1)) {
      if (from(r) <= end + SNAP) end = Math.max(end, to(r));
      else {
        push();
        start = from(r);
        end = to(r);
      }
    }
    push();
  }
  return out;
}

const touches = (h: PdfRule, v: PdfRule) => v.x1 >= h.x1 - SNAP && v.x1 <= h.x2 + SNAP && h.y1 >= v.y1 - SNAP && h.y1 <= v.y2 + SNAP;

/**
 * Returns the ruled tables among a page's rules: rules that touch, joined; each set with at least
 * two rows and two columns cut into its grid, and the grid positions no rule separates merged into
 * cells. A set whose cells are not rectangles (rules that do not form a table) is no table.
 */
export function findGrids(rules: readonly PdfRule[]): Grid[] {
  const hs = mergeRules(rules.filter((r) => r.y1 === r.y2), true);
  const vs = mergeRules(rules.filter((r) => r.x1 === r.x2 && r.y1 !== r.y2), false);
  // Components of the touch graph (union-find over horizontals then verticals).
  const all = [...hs, ...vs];
  const parent = all.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  hs.forEach((h, i) => vs.forEach((v, j) => {
    if (touches(h, v)) parent[find(i)] = find(hs.length + j);
  }));
  const groups = new Map<number, number[]>();
  all.forEach((_, i) => groups.set(find(i), [...(groups.get(find(i)) ?? []), i]));
  const grids: Grid[] = [];
  for (const members of groups.values()) {
    const h = members.filter((i) => i < hs.length).map((i) => hs[i]!);
    const v = members.filter((i) => i >= hs.length).map((i) => vs[i - hs.length]!);
    const grid = gridOf(h, v);
    if (grid) grids.push(grid);
  }
  return grids.sort((a, b) => b.ys[0]! - a.ys[0]!);
}

/** Returns the grid of one table's rules, or null when they make no table of two rows and two columns. */
function gridOf(hs: readonly PdfRule[], vs: readonly PdfRule[]): Grid | null {
  if (hs.length < 1 || vs.length < 2) return null;
  // A table broken by the page has no rule at its cut: the ends of its verticals close it. A border
  // that is not drawn (clipped at the margin) is closed by the ends of the horizontals when two or
  // more reach past the last vertical (one rule reaching out is an underline, not an edge).
  const left = Math.min(...vs.map((v) => v.x1));
  const right = Math.max(...vs.map((v) => v.x1));
  const ends = [Math.min(...hs.map((h) => h.x1)), Math.max(...hs.map((h) => h.x2))].filter(
    (x) => (x < left - SNAP || x > right + SNAP) && hs.filter((h) => Math.abs(h.x1 - x) <= SNAP || Math.abs(h.x2 - x) <= SNAP).length >= 2,
  );
  const xs = cluster([...vs.map((v) => v.x1), ...ends]);
  const ys = cluster([...hs.map((h) => h.y1), Math.min(...vs.map((v) => v.y1)), Math.max(...vs.map((v) => v.y2))]).reverse();
  if (xs.length < 3 || ys.length < 3) return null;
  const rows = ys.length - 1;
  const cols = xs.length - 1;
  // Is there a rule between (r, c) and (r, c + 1)? between (r, c) and (r + 1, c)?
  const vAt = (r: number, c: number) => {
    const x = xs[c + 1]!;
    const mid = (ys[r]! + ys[r + 1]!) / 2;
    return vs.some((v) => Math.abs(v.x1 - x) <= SNAP && v.y1 <= mid && v.y2 >= mid);
  };
  const hAt = (r: number, c: number) => {
    const y = ys[r + 1]!;
    const mid = (xs[c]! + xs[c + 1]!) / 2;
    return hs.some((h) => Math.abs(h.y1 - y) <= SNAP && h.x1 <= mid && h.x2 >= mid);
  };
  const id = (r: number, c: number) => r * cols + c;
  const parent = Array.from({ length: rows * cols }, (_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const union = (a: number, b: number) => {
    const [ra, rb] = [find(a), find(b)];
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  };
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      if (c + 1 < cols && !vAt(r, c)) union(id(r, c), id(r, c + 1));
      if (r + 1 < rows && !hAt(r, c)) union(id(r, c), id(r + 1, c));
    }
  }
  const regions = new Map<number, { r1: number; r2: number; c1: number; c2: number; n: number }>();
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const k = find(id(r, c));
      const g = regions.get(k);
      if (!g) regions.set(k, { r1: r, r2: r, c1: c, c2: c, n: 1 });
      else Object.assign(g, { r1: Math.min(g.r1, r), r2: Math.max(g.r2, r), c1: Math.min(g.c1, c), c2: Math.max(g.c2, c), n: g.n + 1 });
    }
  }
  const at: GridCell[][] = Array.from({ length: rows }, () => []);
  const cells: GridCell[] = [];
  for (const g of regions.values()) {
    const rowspan = g.r2 - g.r1 + 1;
    const colspan = g.c2 - g.c1 + 1;
    if (rowspan * colspan !== g.n) return null; // not a rectangle: these rules are no table
    const cell: GridCell = { row: g.r1, col: g.c1, rowspan, colspan, x1: xs[g.c1]!, x2: xs[g.c2 + 1]!, top: ys[g.r1]!, bottom: ys[g.r2 + 1]! };
    cells.push(cell);
    for (let r = g.r1; r <= g.r2; r++) for (let c = g.c1; c <= g.c2; c++) at[r]![c] = cell;
  }
  // A frame around text (one cell, or one row or column of cells) is not a table of figures.
  if (cells.length < 4) return null;
  cells.sort((a, b) => a.row - b.row || a.col - b.col);
  return { xs, ys, cells, at };
}

/** Returns the grid cell that contains the point, or null when it lies outside the grid. */
export function cellAt(grid: Grid, x: number, y: number): GridCell | null {
  const { xs, ys } = grid;
  if (x < xs[0]! || x > xs.at(-1)! || y > ys[0]! || y < ys.at(-1)!) return null;
  const c = xs.findIndex((v, i) => i > 0 && x <= v) - 1;
  const r = ys.findIndex((v, i) => i > 0 && y >= v) - 1;
  return grid.at[r]?.[c] ?? null;
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * Returns a grid as an HTML table: a row per grid row, each cell in the row where it starts with
 * its spans, its text lines separated by `<br>` (the HTML reader joins them as a cell's lines).
 */
export function gridToHtml(grid: Grid, textOf: (cell: GridCell) => readonly string[]): string {
  const rows = grid.ys.slice(1).map(() => [] as string[]);
  for (const cell of grid.cells) {
    const span = (cell.rowspan > 1 ? ` rowspan="${cell.rowspan}"` : '') + (cell.colspan > 1 ? ` colspan="${cell.colspan}"` : '');
    rows[cell.row]!.push(`<td${span}>${textOf(cell).map(escapeHtml).join('<br>')}</td>`);
  }
  return `<table>${rows.map((r) => `<tr>${r.join('')}</tr>`).join('')}</table>`;
}
