/**
 * A small seeded pseudo-random generator (sfc32), so that a corpus is a pure function of its seed:
 * the same seed gives the same reports byte for byte, on any machine and Node version.
 */

/** Random choices drawn from one seeded stream. */
export interface Rng {
  /** Returns a float in [0, 1). */
  next(): number;
  /** Returns an integer in [min, max], both included. */
  int(min: number, max: number): number;
  /** Returns true with probability `p` (0–1). */
  chance(p: number): boolean;
  /** Returns one element of a non-empty list. */
  pick<T>(items: readonly T[]): T;
  /** Returns an element chosen with the given relative weights. */
  weighted<T>(items: readonly (readonly [T, number])[]): T;
  /** Returns a new stream derived from this one and a label, independent of later draws here. */
  fork(label: string): Rng;
}

/** Returns a 32-bit hash of a string (FNV-1a), used to turn seeds and labels into state. */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/** Returns a generator seeded by `seed` (any string; numbers are stringified by the caller). */
export function createRng(seed: string): Rng {
  let a = hash32(`a:${seed}`);
  let b = hash32(`b:${seed}`);
  let c = hash32(`c:${seed}`);
  let d = 1;
  const next = (): number => {
    // sfc32 (Chris Doty-Humphrey's Small Fast Counting generator), 32-bit output.
    a >>>= 0; b >>>= 0; c >>>= 0; d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  // Discard the first outputs: sfc32 starts weakly mixed.
  for (let i = 0; i < 12; i++) next();
  const rng: Rng = {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
    pick: (items) => items[Math.floor(next() * items.length)]!,
    weighted: (items) => {
      const total = items.reduce((s, [, w]) => s + w, 0);
      let r = next() * total;
      for (const [item, w] of items) {
        if ((r -= w) < 0) return item;
      }
      return items[items.length - 1]![0];
    },
    fork: (label) => createRng(`${seed}/${label}/${Math.floor(next() * 4294967296)}`),
  };
  return rng;
}
