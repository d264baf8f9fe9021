/**
 * Snapshot files in Observable Plot's manner: a drawing's markup, normalised (one element a line,
 * coordinates rounded to two decimals, generated ids numbered in order), compared with a file under
 * test/output/. A file is written only on request (NIANBAO_UPDATE_SNAPSHOTS=1); a missing one fails,
 * locally as in CI, so that a new chart kind cannot pass by writing its own expectation.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import { expect } from 'vitest';

/** The folder the snapshot files live in. */
export const OUTPUT_DIR = path.resolve(import.meta.dirname, '../output');

/** Returns true when the run was asked to write snapshot files (NIANBAO_UPDATE_SNAPSHOTS=1). */
export function isUpdatingSnapshots(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.NIANBAO_UPDATE_SNAPSHOTS === '1';
}

const escapeText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttribute = (s: string) => escapeText(s).replace(/"/g, '&quot;');
/** Rounds every decimal number in an attribute to two decimals: float noise is not a change. */
const roundNumbers = (s: string) => s.replace(/-?\d+\.\d+(?:e[+-]?\d+)?/g, (n) => String(Number(Number(n).toFixed(2))));

/**
 * Returns markup normalised for a snapshot: one element a line, indented two spaces a level, an
 * element holding only text on one line; decimals in attributes rounded to two places; ids matching
 * `idPattern` (generated ones) renamed id-1, id-2… in order of appearance, and every reference to them.
 */
export function normalizeMarkup(markup: string, idPattern = /nianbao-unread-[0-9a-f]{8}/g): string {
  const ids = new Map<string, string>();
  const renamed = markup.replace(idPattern, (id) => {
    if (!ids.has(id)) ids.set(id, `id-${ids.size + 1}`);
    return ids.get(id)!;
  });
  const { document } = parseHTML(`<!doctype html><html><body>${renamed}</body></html>`);
  const lines: string[] = [];
  const visit = (node: Node, depth: number) => {
    const pad = '  '.repeat(depth);
    if (node.nodeType === 3) {
      const text = node.textContent!.trim();
      if (text) lines.push(pad + escapeText(text));
      return;
    }
    if (node.nodeType !== 1) return;
    const el = node as Element;
    const tag = el.localName;
    const attributes = [...el.attributes].map((a) => ` ${a.name}="${escapeAttribute(roundNumbers(a.value))}"`).join('');
    const children = [...el.childNodes].filter((c) => c.nodeType === 1 || (c.nodeType === 3 && c.textContent!.trim()));
    if (children.length === 0) lines.push(`${pad}<${tag}${attributes}/>`);
    else if (tag === 'style') lines.push(`${pad}<${tag}${attributes}>`, ...el.textContent!.trim().split('\n').map((l) => `${pad}  ${l}`), `${pad}</${tag}>`);
    else if (children.every((c) => c.nodeType === 3)) lines.push(`${pad}<${tag}${attributes}>${escapeText(el.textContent!.trim())}</${tag}>`);
    else {
      lines.push(`${pad}<${tag}${attributes}>`);
      for (const c of children) visit(c, depth + 1);
      lines.push(`${pad}</${tag}>`);
    }
  };
  for (const c of document.body.childNodes) visit(c, 0);
  return `${lines.join('\n')}\n`;
}

/**
 * Compares markup, normalised, with the snapshot file `name` under test/output/ (e.g.
 * `charts/stacked-bars.svg`; `dir` only for testing this). With NIANBAO_UPDATE_SNAPSHOTS=1 it writes
 * the file instead; without, a missing file throws.
 */
export function expectSnapshotFile(name: string, markup: string, { env = process.env, dir = OUTPUT_DIR }: { env?: NodeJS.ProcessEnv; dir?: string } = {}): void {
  const file = path.join(dir, name);
  const actual = normalizeMarkup(markup);
  if (isUpdatingSnapshots(env)) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, actual);
    return;
  }
  if (!existsSync(file)) {
    throw new Error(`no snapshot test/output/${name}: write it with NIANBAO_UPDATE_SNAPSHOTS=1 npx vitest run <this test file>, look at it, and commit it`);
  }
  expect(actual, `test/output/${name} differs (NIANBAO_UPDATE_SNAPSHOTS=1 rewrites it when the change is meant)`).toBe(readFileSync(file, 'utf8'));
}
