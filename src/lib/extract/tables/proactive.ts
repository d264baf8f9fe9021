/**
 * Reading table A (proactive disclosure) by its row labels, for either edition. A label cell opens
 * its row; the cells after it on the same row (or, cell per line, until the next text cell) are its
 * columns in printed order. Values keep their printed sign and unit (增 69 → 69, 12.5万元 → 125000).
 */
import { PROACTIVE_ROWS, type ProactiveRowSpec } from '../../template.ts';
import type { Proactive2019, Proactive2021 } from '../../schema/report.ts';
import type { Cell, Row } from './cells.ts';
import { createMessage, type Message } from '../../schema/message.ts';
import { canonicalLabel } from '../normalize.ts';
import { parseCellNumber, parseSignedChange, parseYuan } from '../numbers.ts';

export type Edition = '2021' | '2019';

export interface ProactiveReading<P> {
  proactive: P;
  rowsFound: string[];
  provenance: Record<string, number>;
  messages: Message[];
}

const EDITION_2019 = /本年新制作数量|本年新公开数量|对外公开总数量|上一年项目数量|本年增\/减|采购项目数量|其他对外管理服务事项|政府集中采购/;
const EDITION_2021 = /本年制发件数|本年废止件数|现行有效件数|本年收费金额/;

/** Returns the edition table A's headers show, or null when they show neither. */
export function detectProactiveEdition(rows: readonly Row[]): Edition | null {
  for (const row of rows) {
    for (const cell of row.cells) {
      const c = canonicalLabel(cell.text);
      if (EDITION_2019.test(c)) return '2019';
      if (EDITION_2021.test(c)) return '2021';
    }
  }
  return null;
}

/** Returns the figure of a table-A cell for its column, or null. */
function parseColumn(column: string, text: string): number | null {
  if (column === 'change') return parseSignedChange(text);
  if (column === 'amountYuan') return parseYuan(text);
  if (column === 'amountWan') return parseCellNumber(text.replace(/万元$/, ''));
  return parseCellNumber(text);
}

const isFigure = (text: string) =>
  text === '' || parseCellNumber(text) !== null || parseSignedChange(text) !== null || parseYuan(text) !== null;

/** Returns table A with every cell null, for an edition. */
export function createEmptyProactive(edition: '2021'): Proactive2021;
export function createEmptyProactive(edition: '2019'): Proactive2019;
export function createEmptyProactive(edition: Edition): Proactive2021 | Proactive2019;
export function createEmptyProactive(edition: Edition): Proactive2021 | Proactive2019 {
  return Object.fromEntries(
    PROACTIVE_ROWS[edition].map((spec) => [spec.key, Object.fromEntries(spec.columns.map((c) => [c, null]))]),
  ) as unknown as Proactive2021 | Proactive2019;
}

/** Returns table A read from the table rows of section 二, for the given edition. */
export function readProactiveTable(rows: readonly Row[], edition: Edition): ProactiveReading<Proactive2021 | Proactive2019> {
  const proactive = createEmptyProactive(edition) as unknown as Record<string, Record<string, number | null>>;
  const provenance: Record<string, number> = {};
  const messages: Message[] = [];
  const rowsFound: string[] = [];
  const specs = PROACTIVE_ROWS[edition];
  const byLabel = new Map<string, ProactiveRowSpec>();
  for (const spec of specs) for (const l of [spec.zh, ...(spec.aliases ?? [])]) byLabel.set(l, spec);

  for (const row of rows) {
    if (row.layout === 'text') continue;
    row.cells.forEach((cell, i) => {
      const spec = byLabel.get(canonicalLabel(cell.text));
      if (!spec || rowsFound.includes(spec.key)) return;
      const after: Cell[] = [];
      for (const next of row.cells.slice(i + 1)) {
        if (!isFigure(next.text)) break;
        after.push(next);
      }
      rowsFound.push(spec.key);
      spec.columns.forEach((column, c) => {
        const source = after[c];
        const n = source ? parseColumn(column, source.text) : null;
        proactive[spec.key]![column] = n;
        if (n !== null && source) provenance[`proactive.${spec.key}.${column}`] = source.line;
      });
      const extra = after.slice(spec.columns.length).filter((c) => c.text !== '').length;
      if (extra) messages.push(createMessage('proactiveExtraCells', { row: spec.key, count: extra }));
    });
  }
  return { proactive: proactive as unknown as Proactive2021 | Proactive2019, rowsFound, provenance, messages };
}
