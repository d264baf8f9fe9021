import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { EVENT_TARGET_FILE, lazyListenersPlugin, makeListenersLazy } from '../../../src/lib/charts/lazy-listeners-plugin.ts';

/** The installed linkedom's event-target.js. */
const file = path.join(path.dirname(createRequire(import.meta.url).resolve('linkedom/package.json')), 'esm/interface/event-target.js');
const source = readFileSync(file, 'utf8');

/** A bare event as linkedom's dispatchEvent uses it. */
const eventOf = (type: string) => ({ type, bubbles: false, _path: [] as unknown[], CAPTURING_PHASE: 1, AT_TARGET: 2, BUBBLING_PHASE: 3, NONE: 0, defaultPrevented: false, eventPhase: 0 });

describe('makeListenersLazy', () => {
  const lazy = makeListenersLazy(source);

  it('applies to the installed linkedom (a new version that changed the file fails here, not silently in the build)', () => {
    expect(lazy).not.toBeNull();
    expect(lazy).not.toContain('    wm.set(this, new Map);\n');
  });

  it('leaves other sources alone', () => {
    expect(makeListenersLazy('export class X {}')).toBeNull();
  });

  it('keeps listeners working: added, called, removed, and none before the first', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'nianbao-linkedom-'));
    writeFileSync(path.join(dir, 'event-target.mjs'), lazy!);
    const { EventTarget } = (await import(pathToFileURL(path.join(dir, 'event-target.mjs')).href)) as { EventTarget: new () => { addEventListener: (t: string, l: (e: unknown) => void) => void; removeEventListener: (t: string, l: (e: unknown) => void) => void; dispatchEvent: (e: unknown) => boolean } };
    const target = new EventTarget();
    const seen: string[] = [];
    const listener = (e: unknown) => seen.push((e as { type: string }).type);
    target.removeEventListener('ping', listener);
    expect(target.dispatchEvent(eventOf('ping'))).toBe(true);
    target.addEventListener('ping', listener);
    target.dispatchEvent(eventOf('ping'));
    target.dispatchEvent(eventOf('pong'));
    target.removeEventListener('ping', listener);
    target.dispatchEvent(eventOf('ping'));
    expect(seen).toEqual(['ping']);
  });
});

describe('lazyListenersPlugin', () => {
  const plugin = lazyListenersPlugin();
  it('transforms only linkedom event-target.js', () => {
    expect(EVENT_TARGET_FILE.test(file)).toBe(true);
    expect(plugin.transform(source, file)?.code).toBe(makeListenersLazy(source));
    expect(plugin.transform(source, '/x/src/event-target.js')).toBeNull();
  });
});
