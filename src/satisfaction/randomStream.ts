import { type RandomGenerator, unsafeUniformIntDistribution, xoroshiro128plus } from 'pure-rand';

/**
 * Independent random streams for replicates: stream r is xoroshiro128+ seeded with `seed` and
 * jumped r times (each jump skips 2⁶⁴ draws, so streams never overlap; pure-rand's
 * `xoroshiro128plus` and `jump`). A replicate's draws depend only on (seed, r), never on which
 * worker thread runs it, so results are the same for any number of threads.
 * @example new ReplicateStreams(42, 0).take() // the generator of replicate 0; the next take() gives replicate 1's
 */
export class ReplicateStreams {
  private next: RandomGenerator;

  /**
   * Positions the streams at replicate `first` (first jumps), or at a state saved by `stateAt`.
   */
  constructor(seed: number, first: number, state?: readonly number[]) {
    this.next = state === undefined ? xoroshiro128plus(seed) : xoroshiro128plus.fromState([...state]);
    if (state === undefined) for (let r = 0; r < first; r++) this.next.unsafeJump!();
  }

  /**
   * The generator states at which replicates `starts` (ascending) begin, found in one walk of
   * max(starts) jumps: a worker handed a chunk resumes from its state instead of jumping from
   * replicate 0 again (a jump costs about as much as 20 draws).
   * @example ReplicateStreams.statesAt(42, [0, 250, 500]).length // 3
   */
  static statesAt(seed: number, starts: readonly number[]): (readonly number[])[] {
    const walker = xoroshiro128plus(seed);
    const states: (readonly number[])[] = [];
    let at = 0;
    for (const start of starts) {
      for (; at < start; at++) walker.unsafeJump!();
      states.push(walker.getState!());
    }
    return states;
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
