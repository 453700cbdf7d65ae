import { type RandomGenerator, unsafeUniformIntDistribution, xoroshiro128plus } from 'pure-rand';

/**
 * Independent random streams for replicates: stream r is xoroshiro128+ seeded with `seed` and
 * jumped r times (each jump skips 2⁶⁴ draws, so streams never overlap; pure-rand's
 * `xoroshiro128plus` and `jump`). A replicate's draws depend only on (seed, r), never on which
 * worker thread runs it, so results are the same for any number of threads.
 */
export class ReplicateStreams {
  private next: RandomGenerator;

  /** Positions the streams at replicate `first`. */
  constructor(readonly seed: number, first: number) {
    this.next = xoroshiro128plus(seed);
    for (let r = 0; r < first; r++) this.next.unsafeJump!();
  }

  /** The stream of the next replicate (first, first + 1, …). */
  take(): RandomGenerator {
    const stream = this.next.clone();
    this.next.unsafeJump!();
    return stream;
  }
}

/**
 * Bootstrap frequencies: how many times each of n rows is drawn in n draws with replacement.
 * @example resampleCounts(xoroshiro128plus(1), 3, new Float64Array(3)) // e.g. [2, 0, 1]
 */
export function resampleCounts(stream: RandomGenerator, n: number, out: Float64Array): Float64Array {
  out.fill(0);
  for (let i = 0; i < n; i++) out[unsafeUniformIntDistribution(0, n - 1, stream)]++;
  return out;
}

/**
 * Shuffles an array in place (Fisher-Yates, uniform over permutations).
 * @example shuffle(xoroshiro128plus(1), [1, 2, 3]) // a permutation of [1, 2, 3]
 */
export function shuffle<T>(stream: RandomGenerator, values: T[]): T[] {
  for (let i = values.length - 1; i > 0; i--) {
    const j = unsafeUniformIntDistribution(0, i, stream);
    const t = values[i];
    values[i] = values[j];
    values[j] = t;
  }
  return values;
}
