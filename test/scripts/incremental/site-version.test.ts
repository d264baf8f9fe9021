import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { hashSiteVersion } from '../../../scripts/lib/incremental/site-version.ts';

/** Returns a copy of a small piece of the site's sources in a temporary folder. */
function copySources(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'nianbao-site-version-'));
  cpSync('src/components', path.join(root, 'src/components'), { recursive: true });
  cpSync('astro.config.mjs', path.join(root, 'astro.config.mjs'));
  return root;
}

describe('hashSiteVersion', () => {
  it('is the same for the same sources and settings', () => {
    const root = copySources();
    expect(hashSiteVersion(root, {})).toBe(hashSiteVersion(root, {}));
    expect(hashSiteVersion(root, {})).toMatch(/^[0-9a-f]{16}$/);
  });

  it('changes with a component (not only .ts files), the config, and the base or site address', () => {
    const root = copySources();
    const first = hashSiteVersion(root, {});
    expect(hashSiteVersion(root, { NIANBAO_BASE: '/nianbao/' })).not.toBe(first);
    expect(hashSiteVersion(root, { NIANBAO_SITE: 'https://example.org' })).not.toBe(first);
    const component = path.join(root, 'src/components/Pager.astro');
    writeFileSync(component, `${readFileSync(component, 'utf8')}\n`);
    const second = hashSiteVersion(root, {});
    expect(second).not.toBe(first);
    writeFileSync(path.join(root, 'astro.config.mjs'), '// another config\n');
    expect(hashSiteVersion(root, {})).not.toBe(second);
  });
});
