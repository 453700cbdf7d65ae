import type { MeasurementMode, SurveyModel } from './surveyModel';

/**
 * A survey model compiled to indices for the estimation engine: items are numbered block by
 * block (construct order of the model), constructs 0…m−1, paths as index pairs.
 */
export interface PathDesign {
  readonly constructs: readonly string[];
  /** Item names in engine order: the items of construct 0, then of construct 1, … */
  readonly items: readonly string[];
  /** Construct index of each item. */
  readonly blockOf: Int32Array;
  /** First item index of each construct's block; block j is items [blockStart[j], blockStart[j+1]). */
  readonly blockStart: Int32Array;
  readonly modes: readonly MeasurementMode[];
  /** Predecessors (constructs with a path into j) of each construct, ascending. */
  readonly predecessors: readonly (readonly number[])[];
  /** Successors (constructs j has a path into) of each construct, ascending. */
  readonly successors: readonly (readonly number[])[];
  /** Paths in the order of the model file, as [from, to] construct indices. */
  readonly paths: readonly (readonly [number, number])[];
  /** Constructs with at least one predecessor, in the order of the model. */
  readonly endogenous: readonly number[];
  /** A topological order of the constructs (every path goes forward). */
  readonly order: readonly number[];
}

/**
 * Compiles a validated survey model into index form.
 * @example pathDesign(model).items.length // 24 for the ICSI model
 */
export function pathDesign(model: SurveyModel): PathDesign {
  const constructs = model.constructs.map((c) => c.name);
  const index = new Map(constructs.map((c, i) => [c, i]));
  const items = model.constructs.flatMap((c) => c.items);
  const blockOf = new Int32Array(items.length);
  const blockStart = new Int32Array(constructs.length + 1);
  let at = 0;
  model.constructs.forEach((c, j) => {
    blockStart[j] = at;
    for (let h = 0; h < c.items.length; h++) blockOf[at++] = j;
  });
  blockStart[constructs.length] = at;
  const paths = model.paths.map(([from, to]) => [index.get(from)!, index.get(to)!] as const);
  const predecessors = constructs.map((_, j) => paths.filter(([, to]) => to === j).map(([from]) => from).sort((a, b) => a - b));
  const successors = constructs.map((_, j) => paths.filter(([from]) => from === j).map(([, to]) => to).sort((a, b) => a - b));
  const order: number[] = [];
  const placed = new Set<number>();
  while (order.length < constructs.length) {
    for (let j = 0; j < constructs.length; j++) {
      if (!placed.has(j) && predecessors[j].every((k) => placed.has(k))) {
        order.push(j);
        placed.add(j);
      }
    }
  }
  return {
    constructs,
    items,
    blockOf,
    blockStart,
    modes: model.constructs.map((c) => c.mode),
    predecessors,
    successors,
    paths,
    endogenous: constructs.map((_, j) => j).filter((j) => predecessors[j].length > 0),
    order,
  };
}
