import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { measure } from '../../scripts/lib/bench/measure.ts';

describe('measure', () => {
  it('reports the command\'s user and kernel CPU seconds from GNU time, or none without it', async () => {
    // A loop long enough to cost CPU time that GNU time's hundredths of a second can see.
    const m = await measure(process.execPath, ['-e', 'let x = 0; for (let i = 0; i < 2e8; i++) x += i; if (x < 0) console.log(x)']);
    if (!existsSync('/usr/bin/time')) {
      expect(m.cpu).toBeNull();
      return;
    }
    expect(m.cpu).not.toBeNull();
    expect(m.cpu!.user).toBeGreaterThan(0);
    expect(m.cpu!.system).toBeGreaterThanOrEqual(0);
    expect(m.maxRssMiB).toBeGreaterThan(0);
  });
});
