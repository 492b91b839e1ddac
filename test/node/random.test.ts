import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/engine/data/random';

const PINNED_SEED3 = [3093350482, 166052715, 1959330548];

const take = (seed: number, n: number): number[] => {
  const rng = createRng(seed);
  return Array.from({ length: n }, () => rng.next());
};

describe('createRng', () => {
  it('repeats the same sequence for the same seed', () => {
    expect(take(3, 100)).toEqual(take(3, 100));
  });

  it('gives different sequences for different seeds', () => {
    expect(take(3, 20)).not.toEqual(take(4, 20));
    expect(take(0, 20)).not.toEqual(take(1, 20));
  });

  it('pins the mulberry32 output so every engine and release agrees', () => {
    expect(take(3, 3).map((x) => Math.round(x * 2 ** 32))).toEqual(PINNED_SEED3);
  });

  it('keeps next, int and range inside their bounds', () => {
    const rng = createRng(42);
    for (let i = 0; i < 10_000; i++) {
      const x = rng.next();
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
      const k = rng.int(7);
      expect(Number.isInteger(k)).toBe(true);
      expect(k).toBeGreaterThanOrEqual(0);
      expect(k).toBeLessThan(7);
      const r = rng.range(-2.5, 4);
      expect(r).toBeGreaterThanOrEqual(-2.5);
      expect(r).toBeLessThan(4);
    }
  });

  it('hits every value of int(n)', () => {
    const rng = createRng(7);
    const seen = new Set<number>();
    for (let i = 0; i < 1000; i++) seen.add(rng.int(10));
    expect([...seen].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('draws normals with mean ~0 and variance ~1', () => {
    const rng = createRng(11);
    const xs = Array.from({ length: 20_000 }, () => rng.normal());
    expect(xs.every(Number.isFinite)).toBe(true);
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    const variance = xs.reduce((a, b) => a + (b - mean) ** 2, 0) / xs.length;
    expect(Math.abs(mean)).toBeLessThan(0.05);
    expect(Math.abs(variance - 1)).toBeLessThan(0.05);
  });

  it('shuffles in place into a permutation, deterministically', () => {
    const input = Array.from({ length: 50 }, (_, i) => i);
    const array = [...input];
    const result = createRng(5).shuffle(array);
    expect(result).toBe(array);
    expect([...result].sort((a, b) => a - b)).toEqual(input);
    expect(result).not.toEqual(input);
    expect(createRng(5).shuffle([...input])).toEqual(result);
  });
});
