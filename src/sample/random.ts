import { type RandomGenerator, xoroshiro128plus } from 'pure-rand';

/**
 * The independent random streams of the sample generator, one per table. Each stream is a
 * non-overlapping stretch of one xoroshiro128+ sequence (a jump skips 2^64 draws), so a change
 * to how one table is drawn never shifts the numbers of another.
 */
export const SAMPLE_STREAMS = ['policies', 'claims', 'finance', 'survey', 'service', 'sales_staff', 'applications', 'recordings', 'survey_2024'] as const;
export type SampleStream = (typeof SAMPLE_STREAMS)[number];

const TWO_POW_26 = 67_108_864;
const TWO_POW_53 = 9_007_199_254_740_992;

/**
 * A seeded source of random numbers (pure-rand's xoroshiro128+) with the few distributions the
 * sample company needs. Deterministic: the same seed and stream give the same sequence on every
 * machine (only integer arithmetic and IEEE-754 operations that V8 computes identically).
 *
 * @example new RandomSource(1, 'survey').uniform() // the same number in [0, 1) on every run
 */
export class RandomSource {
  private readonly rng: RandomGenerator;

  /**
   * @param seed any integer; it is taken modulo 2^32
   * @param stream which table's stream to draw from
   */
  constructor(seed: number, stream: SampleStream) {
    this.rng = xoroshiro128plus(seed | 0);
    const jumps = SAMPLE_STREAMS.indexOf(stream) + 1;
    for (let j = 0; j < jumps; j++) this.rng.unsafeJump!();
  }

  /** A uniform number in [0, 1) with 53 random bits. */
  uniform(): number {
    const high = this.rng.unsafeNext() >>> 5; // 27 bits
    const low = this.rng.unsafeNext() >>> 6; // 26 bits
    return (high * TWO_POW_26 + low) / TWO_POW_53;
  }

  /** A whole number from `min` to `max`, both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.uniform() * (max - min + 1));
  }

  /** true with probability `p`. */
  bernoulli(p: number): boolean {
    return this.uniform() < p;
  }

  /** A standard normal draw (Box–Muller, one draw per call so the sequence never depends on call pairing). */
  normal(): number {
    const u = 1 - this.uniform(); // (0, 1]: the logarithm stays finite
    const v = this.uniform();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** A lognormal draw with the given mean and log-scale standard deviation `sigma`. */
  lognormal(mean: number, sigma: number): number {
    return mean * Math.exp(sigma * this.normal() - (sigma * sigma) / 2);
  }

  /** An exponential draw with the given mean. */
  exponential(mean: number): number {
    return -mean * Math.log(1 - this.uniform());
  }

  /** A Poisson count with mean `lambda` (inversion; the sample's means are small). */
  poisson(lambda: number): number {
    let k = 0;
    let p = Math.exp(-lambda);
    let cumulative = p;
    const u = this.uniform();
    while (u >= cumulative && p > 0) {
      k++;
      p *= lambda / k;
      cumulative += p;
    }
    return k;
  }

  /** One of `choices`, drawn with probability proportional to its weight. */
  pick<T>(choices: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, w] of choices) total += w;
    let u = this.uniform() * total;
    for (const [value, w] of choices) {
      if (u < w) return value;
      u -= w;
    }
    return choices[choices.length - 1][0];
  }
}
