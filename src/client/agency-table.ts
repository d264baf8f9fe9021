/**
 * Progressive enhancement of the agencies index: a filter box and sortable columns. The filter text
 * lives in the URL (?q=…) so a filtered view can be shared.
 */

/** Wires the filter box and column sorting; does nothing when the page has no agency tables. */
export function enhanceAgencyTables(doc: Document): void {
  const tables = [...doc.querySelectorAll<HTMLTableElement>('table[data-agencies]')];
  if (!tables.length) return;
  const controls = doc.querySelector<HTMLElement>('[data-filter-controls]');
  const input = doc.querySelector<HTMLInputElement>('input[data-filter]');
  if (controls && input) {
    controls.hidden = false;
    const params = new URLSearchParams(location.search);
    input.value = params.get('q') ?? '';
    const apply = () => {
      const q = input.value.trim();
      for (const row of tables.flatMap((t) => [...t.tBodies[0]!.rows])) {
        row.hidden = q !== '' && !row.textContent!.includes(q);
      }
      const url = new URL(location.href);
      if (q) url.searchParams.set('q', q);
      else url.searchParams.delete('q');
      history.replaceState(null, '', url);
    };
    input.addEventListener('input', apply);
    apply();
  }
  for (const table of tables) {
    table.tHead!.rows[0]!.querySelectorAll('th').forEach((th, col) => {
      const button = doc.createElement('button');
      button.type = 'button';
      button.className = 'sort';
      button.textContent = th.textContent;
      th.textContent = '';
      th.append(button);
      th.setAttribute('aria-sort', 'none');
      button.addEventListener('click', () => {
        const ascending = th.getAttribute('aria-sort') !== 'ascending';
        table.tHead!.querySelectorAll('th').forEach((h) => h.setAttribute('aria-sort', 'none'));
        th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
        const body = table.tBodies[0]!;
        const key = (row: HTMLTableRowElement) => {
          const cell = row.cells[col]!;
          const n = cell.dataset.sort;
          return n !== undefined ? Number(n) : cell.textContent!.trim();
        };
        const rows = [...body.rows].sort((a, b) => {
          const x = key(a);
          const y = key(b);
          const c = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), 'zh');
          return ascending ? c : -c;
        });
        body.append(...rows);
      });
    });
  }
}
