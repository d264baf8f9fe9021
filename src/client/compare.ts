/**
 * The compare picker: shows the controls, loads /api/summaries.json, and on every change redraws the
 * four charts and their tables with the same code the build used, writing the choice to the URL.
 */
import { readSelection, writeSelection, type CompareRow, type MeasureKey, type Selection } from '../lib/aggregate/compare.ts';
import { chartWords } from '../lib/i18n/chart-words-by-lang.ts';
import { buildCompareView, type ChartView } from '../lib/views/compare-view.ts';

/** Replaces a chart figure's drawing and data table. */
function updateFigure(doc: Document, id: string, view: ChartView, title?: string): void {
  const figure = doc.getElementById(id);
  if (!figure) return;
  if (title) figure.querySelector('.title')!.textContent = title;
  let plot = figure.querySelector('.plot, .empty');
  if (plot) {
    const next = doc.createElement(view.svg ? 'div' : 'p');
    next.className = view.svg ? 'plot' : 'empty';
    if (view.svg) next.innerHTML = view.svg; // our own chart markup; text in it is escaped by the DOM serialiser
    else next.textContent = chartWords(doc.documentElement.lang === 'en' ? 'en' : 'zh').nothingToDraw;
    plot.replaceWith(next);
    plot = next;
    // The note follows the drawing: a selection with no part unread or left out has none.
    figure.querySelector('.chart-note')?.remove();
    if (view.note) {
      const note = doc.createElement('p');
      note.className = 'source chart-note';
      note.textContent = view.note;
      plot.after(note);
    }
  }
  const body = figure.querySelector('tbody');
  if (body) {
    body.replaceChildren(
      ...view.rows.map((row) => {
        const tr = doc.createElement('tr');
        row.forEach((v, i) => {
          const cell = doc.createElement(i === 0 ? 'th' : 'td');
          if (i === 0) cell.setAttribute('scope', 'row');
          if (typeof v === 'number' || v === null) cell.className = 'num';
          cell.textContent = v === null ? '—' : typeof v === 'number' ? v.toLocaleString('en-US') : v;
          tr.append(cell);
        });
        return tr;
      }),
    );
  }
}

/** Reads the form into a selection. */
function readForm(form: HTMLFormElement): Selection {
  const data = new FormData(form);
  return {
    agencies: data.getAll('a').map(String),
    year: Number(data.get('y')),
    measure: String(data.get('m')) as MeasureKey,
  };
}

/** Adds a checkbox for an agency that has none yet (large corpora list only the chosen ones). */
function ensureCheckbox(form: HTMLFormElement, slug: string, name: string): HTMLInputElement {
  const existing = form.querySelector<HTMLInputElement>(`input[name="a"][value="${CSS.escape(slug)}"]`);
  if (existing) return existing;
  const label = form.ownerDocument.createElement('label');
  const input = form.ownerDocument.createElement('input');
  input.type = 'checkbox';
  input.name = 'a';
  input.value = slug;
  label.append(input, ` ${name}`);
  form.querySelector('.agency-picks')!.append(label);
  return input;
}

/** Sets the form's controls from a selection. */
function writeForm(form: HTMLFormElement, selection: Selection): void {
  form.querySelectorAll<HTMLInputElement>('input[name="a"]').forEach((input) => {
    input.checked = selection.agencies.includes(input.value);
  });
  (form.elements.namedItem('y') as HTMLSelectElement).value = String(selection.year);
  (form.elements.namedItem('m') as HTMLSelectElement).value = selection.measure;
}

/** Starts the picker on the compare page. */
export async function startComparePicker(doc: Document): Promise<void> {
  const form = doc.getElementById('compare-controls') as HTMLFormElement | null;
  if (!form) return;
  const rows = (await fetch(form.dataset.summaries!).then((r) => r.json())) as CompareRow[];
  form.hidden = false;
  const lang = doc.documentElement.lang === 'en' ? 'en' : 'zh';
  const render = (selection: Selection) => {
    const view = buildCompareView(rows, selection, lang);
    updateFigure(doc, 'compare-series', view.series, view.titles.series);
    updateFigure(doc, 'compare-dispositions', view.dispositions, view.titles.dispositions);
    updateFigure(doc, 'compare-ranking', view.ranking, view.titles.ranking);
    updateFigure(doc, 'compare-kind', view.kind, view.titles.kind);
  };
  const names = new Map(rows.map((r) => [r.slug, r.agency]));
  const initial = readSelection(location.search, rows);
  for (const slug of initial.agencies) ensureCheckbox(form, slug, names.get(slug) ?? slug);
  writeForm(form, initial);
  const list = doc.getElementById('agency-names');
  const bySlugName = new Map([...names].map(([slug, name]) => [name, slug]));
  list?.replaceChildren(...[...bySlugName.keys()].sort().map((name) => Object.assign(doc.createElement('option'), { value: name })));
  const adder = form.querySelector<HTMLInputElement>('input[data-add-agency]');
  adder?.addEventListener('change', (event) => {
    event.stopPropagation();
    const slug = bySlugName.get(adder.value.trim());
    if (!slug) return;
    ensureCheckbox(form, slug, adder.value.trim()).checked = true;
    adder.value = '';
    form.dispatchEvent(new Event('change'));
  });
  if (location.search) render(initial);
  form.addEventListener('change', () => {
    const selection = readForm(form);
    history.replaceState(null, '', `${location.pathname}?${writeSelection(selection)}`);
    render(selection);
  });
  form.addEventListener('submit', (e) => e.preventDefault());
  doc.documentElement.dataset.compareReady = 'true';
}
