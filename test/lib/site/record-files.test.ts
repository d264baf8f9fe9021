/** The warning of a build without record files. */
import { describe, expect, it } from 'vitest';
import { formatEmptyCorpusWarning } from '../../../src/lib/site/record-files.ts';

describe('formatEmptyCorpusWarning', () => {
  it('names the folder and what was read in it, in Chinese and English', () => {
    expect(formatEmptyCorpusWarning('reports', 0)).toMatch(/^nianbao: 警告：语料 reports 中没有报告（没有文件）.+\(warning: no reports in the corpus reports \(no files\); .+NIANBAO_CORPUS\)$/);
    expect(formatEmptyCorpusWarning('content/reports', 3)).toContain('3 个文件都不是可读的报告');
    expect(formatEmptyCorpusWarning('content/reports', 3)).toContain('(3 file(s), none a readable report)');
  });
});
