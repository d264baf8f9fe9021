/**
 * The order of the pages in the build's Astro build, and the wait for the charts. `npm run build`
 * tells Astro to go once the site data is written, while the charts stage still draws (stages.ts,
 * `toldOf`): the pages that show no chart, the report pages, half the site, are made first, beside
 * the charts on the other core; every other page after them, each once the build has said the charts
 * are drawn (go.ts waitForStage). Run by hand, or by the bench, the charts were drawn before and
 * nothing waits. A page that read the chart store too early would still be right (it takes a stored
 * drawing only under the key of the drawing it would make, and draws the others itself), only slower.
 */
import { waitForStage } from '../build/go.ts';

/** The pages (their route's component) that show no chart and read nothing the charts stage writes. */
export const PAGES_WITHOUT_CHARTS: ReadonlySet<string> = new Set(['src/pages/[...locale]/reports/[id].astro']);

/** What is used here of Astro's prerenderer (AstroPrerenderer) and of a path it lists. */
interface Prerenderer {
  getStaticPaths(): Promise<{ route: { component: string } }[]>;
  render(request: Request, options: { routeData: { component: string } }): Promise<unknown>;
}

/**
 * Returns `base` listing the pages without charts first (each group in Astro's order) and rendering
 * any other page only once `waitForCharts` resolves to true; when it resolves to false (the charts
 * stage failed, the build stopped), `stop` runs instead: it ends the process.
 */
export function renderChartPagesLast<P extends Prerenderer>(base: P, stop: () => never, waitForCharts: () => Promise<boolean> = () => waitForStage('charts')): P {
  let charts: Promise<boolean> | undefined;
  return {
    ...base,
    getStaticPaths: async () => {
      const paths = await base.getStaticPaths();
      const without = (p: { route: { component: string } }) => PAGES_WITHOUT_CHARTS.has(p.route.component);
      return [...paths.filter(without), ...paths.filter((p) => !without(p))];
    },
    render: async (request, options) => {
      if (!PAGES_WITHOUT_CHARTS.has(options.routeData.component) && !(await (charts ??= waitForCharts()))) stop();
      return base.render(request, options);
    },
  };
}
