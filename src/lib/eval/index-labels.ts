/**
 * Which label applies to which file. A label applies to the file it names, and to each crawler copy
 * it lists in `dumps` (matched by file name), less the cells its `dumpDiffers` names. Pure.
 */
import type { Label } from './label-schema.ts';

/** A label as it applies to one file. */
export interface AppliedLabel {
  label: Label;
  /** The label file, as given (for the report). */
  source: string;
  /** Tables, rows or cells not compared for this file (the label's `dumpDiffers`, for a copy). */
  except: readonly string[];
  /** file: the label names this file; dump: this file is a copy the label lists. */
  via: 'file' | 'dump';
}

/** Returns the last segment of a path (either slash). */
function baseName(p: string): string {
  return p.split(/[\\/]/).at(-1) ?? p;
}

/**
 * Returns the labels by the file name they apply to, and a message for each conflict: a name that two
 * labels claim keeps the first (in the order given), a label naming its file directly winning over a
 * copy listed in another's `dumps`. A label file not named after its report is noted too.
 */
export function indexLabels(labels: readonly { source: string; label: Label }[]): { byName: Map<string, AppliedLabel>; notes: string[] } {
  const byName = new Map<string, AppliedLabel>();
  const notes: string[] = [];
  for (const { source, label } of labels) {
    const name = baseName(label.file);
    const stem = name.replace(/\.[^.]*$/, '');
    if (baseName(source) !== `${stem}.json`) notes.push(`${source}: 标注文件名应为 ${stem}.json (the label file should be named after its report)`);
    const held = byName.get(name);
    if (held?.via === 'file') notes.push(`${source}: ${name} 已由 ${held.source} 标注，此份不用 (already labelled by ${held.source})`);
    else byName.set(name, { label, source, except: [], via: 'file' });
  }
  for (const { source, label } of labels) {
    for (const dump of label.dumps) {
      const name = baseName(dump);
      const held = byName.get(name);
      if (held) {
        if (held.source !== source) notes.push(`${source}: 副本 ${name} 已由 ${held.source} 标注，此份不用 (copy already labelled by ${held.source})`);
        continue;
      }
      byName.set(name, { label, source, except: label.dumpDiffers, via: 'dump' });
    }
  }
  return { byName, notes };
}

/** Returns the label that applies to a file (path relative to the corpus), by its file name. */
export function findLabel(index: ReadonlyMap<string, AppliedLabel>, file: string): AppliedLabel | undefined {
  return index.get(baseName(file));
}
