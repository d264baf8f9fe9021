import { describe, expect, it } from 'vitest';
import { findLabel, indexLabels } from '../../../src/lib/eval/index-labels.ts';
import { makeLabel } from './make-record.ts';

describe('indexLabels', () => {
  const page = makeLabel('2021', ['requests.total'], {}, { file: '2022_jingfa_86658.html', dumps: ['pingtan-txt/2022_econ-dev_86658.txt'], dumpDiffers: ['requests.total'] });

  it('applies a label to its file, and to each dump by file name less dumpDiffers', () => {
    const { byName, notes } = indexLabels([{ source: 'labels/pingtan-html/2022_jingfa_86658.json', label: page }]);
    expect(notes).toEqual([]);
    expect(findLabel(byName, 'pingtan-html/2022_jingfa_86658.html')).toMatchObject({ via: 'file', except: [] });
    expect(findLabel(byName, 'copies/2022_econ-dev_86658.txt')).toMatchObject({ via: 'dump', except: ['requests.total'] });
    expect(findLabel(byName, '2022_other.txt')).toBeUndefined();
  });

  it('keeps the first of two labels of one file, a direct label over a dump, and notes a misnamed label file', () => {
    const direct = makeLabel('2021', [], {}, { file: '2022_econ-dev_86658.txt' });
    const { byName, notes } = indexLabels([
      { source: 'a/2022_jingfa_86658.json', label: page },
      { source: 'b/wrong-name.json', label: direct },
      { source: 'c/2022_jingfa_86658.json', label: page },
    ]);
    expect(findLabel(byName, '2022_econ-dev_86658.txt')).toMatchObject({ via: 'file', source: 'b/wrong-name.json' });
    expect(findLabel(byName, '2022_jingfa_86658.html')?.source).toBe('a/2022_jingfa_86658.json');
    expect(notes).toHaveLength(4); // misnamed b; c's label and c's dump already taken; a's dump taken by b
  });
});
