/**
 * Chart tools, added by script so the page stays complete without it: download the chart's data as
 * CSV (UTF-8 with BOM, for Excel), its drawing as SVG or PNG, and copy a link to the chart. On a
 * site built without an address (NIANBAO_SITE), the citation and the iframe code name the page by
 * its path (`data-site-path`): the script completes it with the address the page is read at.
 */
import { guardCsvText } from '../lib/export/csv.ts';

/**
 * Returns CSV text (RFC 4180, CRLF) from a table's header and body cells; text cells (not the
 * figures, `td.num`) are guarded against formulas as in the downloads (guardCsvText).
 */
export function tableToCsv(table: HTMLTableElement): string {
  const quote = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const cell = (c: Element) => {
    const text = c.textContent!.trim().replace(/^—$/, '');
    return quote(c.classList.contains('num') ? text : guardCsvText(text));
  };
  const rows = [...table.querySelectorAll('tr')].map((tr) => [...tr.querySelectorAll('th, td')].map(cell).join(','));
  return '\uFEFF' + rows.join('\r\n') + '\r\n';
}

/** Returns `text` with its first `sitePath` (`/agencies/x/#chart`) made absolute against `base`, the page's address. */
export function completeSitePath(text: string, sitePath: string, base: string): string {
  const at = text.indexOf(sitePath);
  return at < 0 ? text : `${text.slice(0, at)}${new URL(sitePath, base).href}${text.slice(at + sitePath.length)}`;
}

function download(doc: Document, name: string, blob: Blob): void {
  const a = doc.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = name;
  doc.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

/** Returns the chart's SVG as standalone markup (with its namespace and a white background). */
function standaloneSvg(svg: SVGSVGElement): string {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  copy.setAttribute('style', `${copy.getAttribute('style') ?? ''};background:white;font-family:sans-serif`);
  return new XMLSerializer().serializeToString(copy);
}

const LABELS = {
  zh: { csv: '下载数据 CSV', svg: '下载 SVG', png: '下载 PNG', copy: '复制链接', copied: '已复制链接' },
  en: { csv: 'Data (CSV)', svg: 'SVG', png: 'PNG', copy: 'Copy link', copied: 'Link copied' },
};

/** Adds the tool buttons to every chart figure on the page, in the page's language. */
export function addChartTools(doc: Document): void {
  const t = doc.documentElement.lang === 'en' ? LABELS.en : LABELS.zh;
  for (const figure of doc.querySelectorAll<HTMLElement>('figure.chart')) {
    for (const el of figure.querySelectorAll<HTMLElement>('[data-site-path]')) {
      el.textContent = completeSitePath(el.textContent ?? '', el.dataset.sitePath!, doc.location.href);
    }
    const tools = figure.querySelector<HTMLElement>('.chart-tools');
    const svg = figure.querySelector<SVGSVGElement>('.plot svg[role="img"]');
    const table = figure.querySelector<HTMLTableElement>('details table');
    if (!tools) continue;
    tools.hidden = false;
    const name = figure.id;
    const button = (label: string, act: () => void | Promise<void>) => {
      const b = doc.createElement('button');
      b.type = 'button';
      b.textContent = label;
      b.addEventListener('click', () => void act());
      tools.append(b);
      return b;
    };
    if (table) button(t.csv, () => download(doc, `${name}.csv`, new Blob([tableToCsv(table)], { type: 'text/csv;charset=utf-8' })));
    if (svg) {
      button(t.svg, () => download(doc, `${name}.svg`, new Blob([standaloneSvg(svg)], { type: 'image/svg+xml' })));
      button(t.png, async () => {
        const box = svg.viewBox.baseVal;
        const scale = 2;
        const canvas = doc.createElement('canvas');
        canvas.width = box.width * scale;
        canvas.height = box.height * scale;
        const image = new Image();
        image.src = URL.createObjectURL(new Blob([standaloneSvg(svg)], { type: 'image/svg+xml' }));
        await image.decode();
        const ctx = canvas.getContext('2d')!;
        ctx.fillStyle = 'white';
        ctx.fillRect(0, 0, canvas.width, canvas.height);
        ctx.drawImage(image, 0, 0, canvas.width, canvas.height);
        canvas.toBlob((blob) => blob && download(doc, `${name}.png`, blob), 'image/png');
      });
    }
    const copy = button(t.copy, async () => {
      const url = new URL(location.href);
      url.hash = name;
      await navigator.clipboard?.writeText(url.href).catch(() => undefined);
      copy.textContent = t.copied;
    });
  }
}
