import { CHART_FONT } from './chartTheme';
import type { Figure } from './figure';

/** What the path diagram shows: constructs (with R²) and estimated paths. */
export interface PathDiagramInput {
  readonly title: string;
  readonly constructs: readonly { readonly name: string; readonly label: string; readonly r_squared: number | null }[];
  /** `significant` is true/false when a bootstrap interval exists (excludes 0 or not), null otherwise. */
  readonly paths: readonly { readonly from: string; readonly to: string; readonly estimate: number; readonly significant: boolean | null }[];
}

/** Depth of each construct: the length of the longest chain of paths leading to it. */
function depths(input: PathDiagramInput): number[] {
  const index = new Map(input.constructs.map((c, i) => [c.name, i]));
  const depth = input.constructs.map(() => 0);
  for (let pass = 0; pass < input.constructs.length; pass++) {
    for (const p of input.paths) depth[index.get(p.to)!] = Math.max(depth[index.get(p.to)!], depth[index.get(p.from)!] + 1);
  }
  return depth;
}

/** Distance from point (px, py) to the segment (x0, y0)–(x1, y1). */
function segmentDistance(px: number, py: number, x0: number, y0: number, x1: number, y1: number): number {
  const dx = x1 - x0;
  const dy = y1 - y0;
  const t = Math.max(0, Math.min(1, ((px - x0) * dx + (py - y0) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - x0 - t * dx, py - y0 - t * dy);
}

/** A construct's box, in pixels across. */
const BOX_PX = 84;

/** Rows a construct may take; each column (depth) is one unit wide. */
const ROWS = [0, 1, -1];
/** Boxes are about 0.6 units across: an arrow closer than this to another construct's centre crosses its box. */
const CLEARANCE = 0.5;

/**
 * Places constructs in columns by depth and picks each one's row among three so that as few
 * arrows as possible cross another construct's box (then: as few boxes beside each other in an
 * outer row, then as few constructs off the middle row).
 * Exhaustive for up to 9 constructs (3⁹ layouts), deterministic (first best in a fixed order);
 * larger models alternate rows.
 */
function layout(input: PathDiagramInput): Map<string, [number, number]> {
  const depth = depths(input);
  const n = input.constructs.length;
  const index = new Map(input.constructs.map((c, i) => [c.name, i]));
  const edges = input.paths.map((p) => [index.get(p.from)!, index.get(p.to)!] as const);
  const cost = (rows: number[]): number => {
    let crossings = 0;
    for (const [a, b] of edges) {
      for (let k = 0; k < n; k++) {
        if (k !== a && k !== b && segmentDistance(depth[k], rows[k], depth[a], rows[a], depth[b], rows[b]) < CLEARANCE) crossings++;
      }
    }
    let neighbours = 0;
    for (let a = 0; a < n; a++) {
      for (let b = a + 1; b < n; b++) {
        if (depth[a] === depth[b] && rows[a] === rows[b]) crossings += 100;
        // Boxes in neighbouring columns of one row leave their labels no room: avoid it when arrows allow.
        else if (Math.abs(depth[a] - depth[b]) === 1 && rows[a] === rows[b] && rows[a] !== 0) neighbours++;
      }
    }
    return crossings * 100 + neighbours * 10 + rows.filter((r) => r !== 0).length;
  };
  let best = input.constructs.map((_, i) => ROWS[i % 3]);
  if (n <= 9) {
    let bestCost = Number.POSITIVE_INFINITY;
    const rows = new Array<number>(n).fill(0);
    for (let code = 0; code < 3 ** n; code++) {
      let c = code;
      for (let i = 0; i < n; i++) {
        rows[i] = ROWS[c % 3];
        c = Math.floor(c / 3);
      }
      const value = cost(rows);
      if (value < bestCost) {
        bestCost = value;
        best = rows.slice();
      }
    }
  }
  return new Map(input.constructs.map((c, i) => [c.name, [depth[i], best[i]]]));
}

/**
 * The structural model as a path diagram: constructs in columns by their depth in the model
 * (exogenous on the left) and in rows chosen so that arrows avoid other constructs' boxes; an
 * arrow per path labelled with its coefficient (bold when a bootstrap interval excludes 0, grey
 * when it does not), and each endogenous construct's R².
 * A pure function of the estimates: the same input gives the same figure.
 * @example pathDiagram({ title: 'ICSI', constructs: [...], paths: [...] }).layout.annotations.length // 2 × paths
 */
export function pathDiagram(input: PathDiagramInput): Figure {
  const position = layout(input);
  const nodes = input.constructs.map((c) => ({ ...c, xy: position.get(c.name)! }));
  const annotations: Record<string, unknown>[] = [];
  for (const p of input.paths) {
    const [x0, y0] = position.get(p.from)!;
    const [x1, y1] = position.get(p.to)!;
    const colour = p.significant === false ? '#9e9e9e' : '#1f4e79';
    // Arrow from just outside the source box to just outside the target box.
    const length = Math.hypot(x1 - x0, y1 - y0);
    const shorten = (t: number) => [x0 + (x1 - x0) * t, y0 + (y1 - y0) * t] as const;
    const [ax, ay] = shorten(0.36 / length);
    const [hx, hy] = shorten(1 - 0.36 / length);
    annotations.push({ x: hx, y: hy, ax, ay, xref: 'x', yref: 'y', axref: 'x', ayref: 'y', showarrow: true, arrowhead: 2, arrowwidth: 1.5, arrowcolor: colour, text: '' });
    // Labels sit a little before the middle, so that labels of crossing arrows do not meet at a shared midpoint.
    const [mx, my] = shorten(0.38);
    annotations.push({
      x: mx,
      y: my,
      xref: 'x',
      yref: 'y',
      showarrow: false,
      text: p.significant === true ? `<b>${p.estimate.toFixed(3)}</b>` : p.estimate.toFixed(3),
      font: { size: 12, color: colour },
      bgcolor: 'rgba(255,255,255,0.85)',
    });
  }
  return {
    data: [
      {
        type: 'scatter',
        mode: 'markers+text',
        x: nodes.map((n) => n.xy[0]),
        y: nodes.map((n) => n.xy[1]),
        text: nodes.map((n) => (n.r_squared === null ? n.label : `${n.label}<br>R² = ${n.r_squared.toFixed(3)}`)),
        textposition: 'middle center',
        marker: { symbol: 'square', size: BOX_PX, color: '#dbe9f6', line: { color: '#1f4e79', width: 1.5 } },
        hoverinfo: 'text',
        showlegend: false,
      },
    ],
    layout: {
      font: { family: CHART_FONT, size: 13, color: '#222' },
      title: { text: input.title },
      annotations,
      xaxis: { visible: false, range: [-0.5, Math.max(...nodes.map((n) => n.xy[0])) + 0.5] },
      yaxis: { visible: false, range: [-1.5, 1.5] },
      margin: { l: 20, r: 20, t: 60, b: 20 },
      // Tall enough that boxes 84 px square in adjacent rows (one unit, of three) never overlap.
      height: BOX_PX * 5,
      plot_bgcolor: 'white',
    },
  };
}
