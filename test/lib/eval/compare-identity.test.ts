import { describe, expect, it } from 'vitest';
import { compareIdentity, findIdentity, parseIdentityTable } from '../../../src/lib/eval/compare-identity.ts';
import { makeRecord } from './make-record.ts';

const TSV = 'file\tagency\tyear\tedition\n2019_a.txt\t平潭县财政局\t2019\t2019\n2013_b.txt\t平潭县地方税务局\t2013\tnone\n\nbad line\n';

describe('parseIdentityTable', () => {
  it('reads the rows and reports a line it cannot read', () => {
    const { rows, errors } = parseIdentityTable(TSV);
    expect(rows).toEqual([
      { file: '2019_a.txt', agency: '平潭县财政局', year: 2019, edition: '2019' },
      { file: '2013_b.txt', agency: '平潭县地方税务局', year: 2013, edition: 'none' },
    ]);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('5');
  });

  it('reads no rows without the header', () => {
    expect(parseIdentityTable('2019_a.txt\tx\t2019\n').rows).toEqual([]);
  });
});

describe('findIdentity', () => {
  const tables = new Map([
    ['', [{ file: 'sub/2019_a.txt', agency: 'root', year: 2019, edition: '2019' }]],
    ['sub', [{ file: '2019_a.txt', agency: 'near', year: 2019, edition: '2019' }]],
  ]);

  it('takes the nearest folder holding the file, by relative path or file name', () => {
    expect(findIdentity(tables, 'sub/2019_a.txt')?.truth.agency).toBe('near');
    expect(findIdentity(tables, 'sub/2019_a.txt')?.folder).toBe('sub');
    expect(findIdentity(tables, 'sub/deeper/2019_a.txt')?.truth.agency).toBe('near');
    expect(findIdentity(new Map([['', tables.get('')!]]), 'sub/2019_a.txt')?.truth.agency).toBe('root');
    expect(findIdentity(tables, 'other/2019_b.txt')).toBeUndefined();
  });
});

describe('compareIdentity', () => {
  const truth = { agency: '平潭县财政局', year: 2019, edition: '2019' };

  it('is right when agency (spaces and full-width forms aside) and year match', () => {
    const record = makeRecord('2019', {}, { agency: '平潭县 财政局', year: 2019 });
    expect(compareIdentity(record, truth)).toMatchObject({ status: 'right', agencyRight: true, yearRight: true, editionRight: true });
  });

  it('is wrong when either differs, and says which; the edition is compared apart', () => {
    expect(compareIdentity(makeRecord('2021', {}, { agency: '平潭县财政局', year: 2020 }), truth)).toMatchObject({ status: 'wrong', agencyRight: true, yearRight: false, editionRight: false });
    expect(compareIdentity(makeRecord('2019', {}, { agency: '平潭县', year: 2019 }), truth)).toMatchObject({ status: 'wrong', agencyRight: false, yearRight: true });
  });

  it('is noRecord without a record, and does not judge the edition of a report without tables', () => {
    expect(compareIdentity(null, truth).status).toBe('noRecord');
    expect(compareIdentity(makeRecord('2019', {}, { agency: '平潭县财政局', year: 2019 }), { ...truth, edition: 'none' }).editionRight).toBeNull();
  });

  it('judges a report with the older statistics table (pre-2019) right when read as pre2019', () => {
    expect(compareIdentity(makeRecord('2019', {}, { agency: '平潭县财政局', year: 2019 }), { ...truth, edition: 'pre-2019' }).editionRight).toBe(false);
  });
});
