/**
 * The pages' order and the wait for the charts (scripts/lib/incremental/charts-last.ts), with a
 * stand-in for Astro's prerenderer: the pages without charts first, the others once told the charts
 * are drawn, and none of those when the charts stage failed.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PAGES_WITHOUT_CHARTS, renderChartPagesLast } from '../../../scripts/lib/incremental/charts-last.ts';

const REPORT = 'src/pages/[...locale]/reports/[id].astro';
const AGENCY = 'src/pages/[...locale]/agencies/[slug].astro';
const EMBED = 'src/pages/[...locale]/embed/agencies/[slug]/[chart].astro';

/** A prerenderer listing `paths` (pathname, component) that notes each page it renders. */
function makePrerenderer(paths: [string, string][]) {
  const rendered: string[] = [];
  return {
    rendered,
    getStaticPaths: async () => paths.map(([pathname, component]) => ({ pathname, route: { component } })),
    render: async (request: Request, _options: { routeData: { component: string } }) => {
      rendered.push(new URL(request.url).pathname);
      return new Response('page');
    },
  };
}

const render = (p: ReturnType<typeof makePrerenderer>, pathname: string, component: string) => p.render(new Request(`http://localhost${pathname}`), { routeData: { component } });

describe('renderChartPagesLast', () => {
  it('lists the pages without charts first, each group in the order given', async () => {
    const base = makePrerenderer([
      ['/agencies/a/', AGENCY],
      ['/reports/1/', REPORT],
      ['/embed/agencies/a/requests/', EMBED],
      ['/en/reports/1/', REPORT],
      ['/', 'src/pages/[...locale]/index.astro'],
    ]);
    const paths = await renderChartPagesLast(base, () => {
      throw new Error('stopped');
    }).getStaticPaths();
    expect(paths.map((p) => p.pathname)).toEqual(['/reports/1/', '/en/reports/1/', '/agencies/a/', '/embed/agencies/a/requests/', '/']);
  });

  it('renders a page without charts at once, and the others once the charts are drawn, asking once', async () => {
    const base = makePrerenderer([]);
    const charts = Promise.withResolvers<boolean>();
    let asked = 0;
    const wrapped = renderChartPagesLast(
      base,
      () => {
        throw new Error('stopped');
      },
      () => (asked++, charts.promise),
    );
    const agency = render(wrapped, '/agencies/a/', AGENCY);
    const embed = render(wrapped, '/embed/agencies/a/requests/', EMBED);
    await render(wrapped, '/reports/1/', REPORT);
    expect(base.rendered).toEqual(['/reports/1/']);
    charts.resolve(true);
    await Promise.all([agency, embed]);
    expect(base.rendered).toEqual(['/reports/1/', '/agencies/a/', '/embed/agencies/a/requests/']);
    expect(asked).toBe(1);
  });

  it('stops instead of rendering a page with charts when the charts stage failed', async () => {
    const base = makePrerenderer([]);
    const wrapped = renderChartPagesLast(
      base,
      () => {
        throw new Error('stopped');
      },
      async () => false,
    );
    await expect(render(wrapped, '/agencies/a/', AGENCY)).rejects.toThrow('stopped');
    await render(wrapped, '/reports/1/', REPORT);
    expect(base.rendered).toEqual(['/reports/1/']);
  });

  it('names page files that exist and import no chart code', () => {
    for (const component of PAGES_WITHOUT_CHARTS) {
      expect(existsSync(component)).toBe(true);
      const imports = readFileSync(component, 'utf8').match(/^import .*$/gm) ?? [];
      expect(imports.length).toBeGreaterThan(0);
      expect(imports.filter((line) => /chart/i.test(line))).toEqual([]);
    }
  });
});
