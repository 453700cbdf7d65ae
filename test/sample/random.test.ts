import { describe, expect, it } from 'vitest';
import { RandomSource } from '../../src/sample/random';

describe('RandomSource', () => {
  it('gives the same sequence for the same seed and stream', () => {
    const a = new RandomSource(42, 'policies');
    const b = new RandomSource(42, 'policies');
    const drawsA = Array.from({ length: 100 }, () => a.uniform());
    const drawsB = Array.from({ length: 100 }, () => b.uniform());
    expect(drawsA).toEqual(drawsB);
  });

  it('gives different sequences for different streams and different seeds', () => {
    const first = new RandomSource(42, 'policies').uniform();
    expect(new RandomSource(42, 'claims').uniform()).not.toBe(first);
    expect(new RandomSource(43, 'policies').uniform()).not.toBe(first);
  });

  it('draws uniforms in [0, 1) whose mean and variance are those of U(0,1)', () => {
    // U(0,1): mean 1/2, variance 1/12. With n = 100,000 the standard error of the mean is
    // √(1/12/n) ≈ 0.0009, so ±0.005 is more than five standard errors.
    const random = new RandomSource(7, 'survey');
    const n = 100_000;
    let sum = 0;
    let squares = 0;
    let outside = 0;
    for (let i = 0; i < n; i++) {
      const u = random.uniform();
      if (u < 0 || u >= 1) outside++;
      sum += u;
      squares += u * u;
    }
    const mean = sum / n;
    expect(outside).toBe(0);
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.005);
    expect(Math.abs(squares / n - mean * mean - 1 / 12)).toBeLessThan(0.002);
  });

  it('draws normals with mean 0 and variance 1, and Poisson counts with mean λ', () => {
    const random = new RandomSource(11, 'claims');
    const n = 50_000;
    let sum = 0;
    let squares = 0;
    let counts = 0;
    for (let i = 0; i < n; i++) {
      const z = random.normal();
      sum += z;
      squares += z * z;
      counts += random.poisson(0.3);
    }
    // Standard errors: mean √(1/n) ≈ 0.0045; variance √(2/n) ≈ 0.0063; Poisson mean √(0.3/n) ≈ 0.0024.
    expect(Math.abs(sum / n)).toBeLessThan(0.025);
    expect(Math.abs(squares / n - 1)).toBeLessThan(0.035);
    expect(Math.abs(counts / n - 0.3)).toBeLessThan(0.012);
  });

  it('picks each choice with probability proportional to its weight', () => {
    const random = new RandomSource(3, 'policies');
    const tally = { a: 0, b: 0, c: 0 };
    const n = 60_000;
    for (let i = 0; i < n; i++) tally[random.pick([['a', 1], ['b', 2], ['c', 3]] as const)]++;
    // Expected shares 1/6, 2/6, 3/6; the standard error of a share is at most √(0.25/n) ≈ 0.002.
    expect(Math.abs(tally.a / n - 1 / 6)).toBeLessThan(0.01);
    expect(Math.abs(tally.b / n - 2 / 6)).toBeLessThan(0.01);
    expect(Math.abs(tally.c / n - 3 / 6)).toBeLessThan(0.01);
  });
});
