/**
 * The chart stage's piscina worker: draws a batch of drawings and returns their SVG in order, or
 * null for a drawing that failed (the page then draws it itself and reports the error there).
 */
import { setPriority } from 'node:os';
import { workerData } from 'node:worker_threads';
import { installLazyLinkedom } from './lazy-linkedom.ts';
import type { ChartDrawing } from '../../../src/lib/charts/drawing.ts';

/** What the stage gives each thread: its niceness (render-store.ts). */
export interface DrawWorkerData {
  niceness: number;
}

const { niceness } = (workerData ?? { niceness: 0 }) as DrawWorkerData;
if (niceness > 0) {
  try {
    // Without a process id, Linux sets the priority of the calling thread only: this thread's.
    setPriority(niceness);
  } catch {
    // Only the order in which the cores are shared changes.
  }
}
installLazyLinkedom();
// After the hook: these load linkedom.
await import('../../../src/lib/charts/server-document.ts');
const { drawChart } = await import('../../../src/lib/charts/drawing.ts');

/** Returns the SVG of each drawing, in order; null where drawing threw. */
export default function drawBatch(drawings: ChartDrawing[]): (string | null)[] {
  return drawings.map((d) => {
    try {
      return drawChart(d);
    } catch {
      return null;
    }
  });
}
