/** The snapshot files: written only on request, a missing one failing, a changed drawing failing. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { expectSnapshotFile, normalizeMarkup } from './snapshot.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'nianbao-snapshot-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('normalizeMarkup', () => {
  it('puts one element on a line, rounds decimals in attributes to two places, numbers generated ids', () => {
    const markup = '<svg viewBox="0 0 600 118"><defs><pattern id="nianbao-unread-0a1b2c3d"></pattern></defs><g><rect x="198.11111111" width="-0.0001" fill="url(#nianbao-unread-0a1b2c3d)"><title>a &amp; b 22.2222%</title></rect></g></svg>';
    expect(normalizeMarkup(markup)).toBe(
      [
        '<svg viewBox="0 0 600 118">',
        '  <defs>',
        '    <pattern id="id-1"/>',
        '  </defs>',
        '  <g>',
        '    <rect x="198.11" width="0" fill="url(#id-1)">',
        '      <title>a &amp; b 22.2222%</title>',
        '    </rect>',
        '  </g>',
        '</svg>',
        '',
      ].join('\n'),
    );
  });
});

describe('expectSnapshotFile', () => {
  const markup = '<svg><rect x="1.5"/></svg>';

  it('fails on a missing file unless asked to write it, whether or not CI is set', () => {
    for (const env of [{}, { CI: 'true' }, { NIANBAO_UPDATE_SNAPSHOTS: '0' }]) {
      expect(() => expectSnapshotFile('missing.svg', markup, { env, dir })).toThrow(/no snapshot test\/output\/missing\.svg: write it with NIANBAO_UPDATE_SNAPSHOTS=1/);
    }
  });

  it('writes the normalised markup with NIANBAO_UPDATE_SNAPSHOTS=1, then passes on the same and fails on another drawing', () => {
    expectSnapshotFile('charts/one.svg', markup, { env: { NIANBAO_UPDATE_SNAPSHOTS: '1' }, dir });
    expect(readFileSync(path.join(dir, 'charts/one.svg'), 'utf8')).toBe('<svg>\n  <rect x="1.5"/>\n</svg>\n');
    expectSnapshotFile('charts/one.svg', markup, { env: {}, dir });
    expect(() => expectSnapshotFile('charts/one.svg', '<svg><rect x="2.5"/></svg>', { env: {}, dir })).toThrow(/test\/output\/charts\/one\.svg differs/);
  });
});
