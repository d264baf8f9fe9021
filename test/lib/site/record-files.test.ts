/** Whether a folder holds record files, and the warning of a build without any. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatEmptyCorpusWarning, hasRecordFiles } from '../../../src/lib/site/record-files.ts';

describe('hasRecordFiles', () => {
  it('is true only for a folder holding a .json file', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'nianbao-records-'));
    expect(hasRecordFiles(path.join(root, 'missing'))).toBe(false);
    mkdirSync(path.join(root, 'reports'));
    expect(hasRecordFiles(path.join(root, 'reports'))).toBe(false);
    writeFileSync(path.join(root, 'reports', 'notes.txt'), '');
    mkdirSync(path.join(root, 'reports', 'sub.json.d'));
    expect(hasRecordFiles(path.join(root, 'reports'))).toBe(false);
    writeFileSync(path.join(root, 'reports', 'a-2024.json'), '{}');
    expect(hasRecordFiles(path.join(root, 'reports'))).toBe(true);
  });
});

describe('formatEmptyCorpusWarning', () => {
  it('names the folder and what was read in it, in Chinese and English', () => {
    expect(formatEmptyCorpusWarning('reports', 0)).toMatch(/^nianbao: 警告：语料 reports 中没有报告（没有文件）.+\(warning: no reports in the corpus reports \(no files\); .+NIANBAO_CORPUS\)$/);
    expect(formatEmptyCorpusWarning('content/reports', 3)).toContain('3 个文件都不是可读的报告');
    expect(formatEmptyCorpusWarning('content/reports', 3)).toContain('(3 file(s), none a readable report)');
  });
});
