/**
 * The build's corrections check, after extraction: every line of the corrections file checked
 * against the records it names (a bad line stops the build with `file:line: message`), and the
 * corrections the extractor no longer needs named, on stderr with the build's log.
 */
import type { NianbaoConfig } from '../../../src/lib/config.ts';
import { describeStale } from '../../../src/lib/review/queue.ts';
import { CorrectionsError } from '../../../src/lib/site/corrections.ts';
import { checkCorrections } from '../../../src/lib/site/review-data.ts';

/** Checks the corrections file `config.corrections`; returns the exit code: 0, or 1 when a line is bad (each named on stderr). */
export function checkCorrectionsFile(config: Pick<NianbaoConfig, 'data' | 'corrections'>, env: NodeJS.ProcessEnv = process.env): number {
  const file = config.corrections;
  let stale;
  try {
    // Reads only the records the corrections name, not every record as the review queue does.
    stale = checkCorrections(config.data, env);
  } catch (error) {
    if (!(error instanceof CorrectionsError)) throw error;
    process.stderr.write(`nianbao review: 更正文件有误，构建停止 (bad lines in the corrections file ${file}):\n${error.message}\n`);
    return 1;
  }
  if (stale.length) process.stderr.write(`${formatStaleLines(file, stale).join('\n')}\n`);
  return 0;
}

/** Returns the lines naming the stale corrections of corrections file `file`, each as `file:line …`, under a heading; none when there are none. */
export function formatStaleLines(file: string, stale: readonly Parameters<typeof describeStale>[0][]): string[] {
  return stale.length ? [`可删去的更正 ${stale.length} 条 (${stale.length} stale corrections in ${file}):`, ...stale.map((c) => `  ${file}:${describeStale(c)}`)] : [];
}
