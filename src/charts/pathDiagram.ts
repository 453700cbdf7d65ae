import type { Figure } from './figure';

/** What the path diagram shows: constructs (with R²) and estimated paths. */
export interface PathDiagramInput {
  readonly title: string;
  readonly constructs: readonly { readonly name: string; readonly label: string; readonly r_squared: number | null }[];
  /** `significant` is true/false when a bootstrap interval exists (excludes 0 or not), null otherwise. */
  readonly paths: readonly { readonly from: string; readonly to: string; readonly estimate: number; readonly significant: boolean | null }[];
}

/** Layer of each construct: the length of the longest chain of paths leading to it. */
function layers(input: PathDiagramInput): Map<string, number> {
  const depth = new Map(input.constructs.map((c) => [c.name, 0]));
  for (let pass = 0; pass < input.constructs.length; pass++) {
    for (const p of input.paths) depth.set(p.to, Math.max(depth.get(p.to)!, depth.get(p.from)! + 1));
  }
  return depth;
}

/**
 * The structural model as a path diagram: constructs placed left to right by their depth in the
 * model (exogenous on the left), an arrow per path labelled with its coefficient (bold when a
 * bootstrap interval excludes 0, grey when it does not), and each endogenous construct's R².
 * A pure function of the estimates: the same input gives the same figure.
 * @example pathDiagram({ title: 'ICSI', constructs: [...], paths: [...] }).layout.annotations.length // 2 × paths
 */
export function pathDiagram(input: PathDiagramInput): Figure {
  const depth = layers(input);
  const byLayer = new Map<number, string[]>();
  for (const c of input.constructs) byLayer.set(depth.get(c.name)!, [...(byLayer.get(depth.get(c.name)!) ?? []), c.name]);
  const position = new Map<string, [number, number]>();
  for (const [layer, names] of byLayer) names.forEach((name, i) => position.set(name, [layer, (names.length - 1) / 2 - i]));
  const nodes = input.constructs.map((c) => ({ ...c, xy: position.get(c.name)! }));
  const annotations: Record<string, unknown>[] = [];
  for (const p of input.paths) {
    const [x0, y0] = position.get(p.from)!;
    const [x1, y1] = position.get(p.to)!;
    const colour = p.significant === false ? '#9e9e9e' : '#1f4e79';
    // Arrow from just outside the source box to just outside the target box.
    const shorten = (t: number) => [x0 + (x1 - x0) * t, y0 + (y1 - y0) * t] as const;
    const [ax, ay] = shorten(0.18);
    const [hx, hy] = shorten(0.82);
    annotations.push({ x: hx, y: hy, ax, ay, xref: 'x', yref: 'y', axref: 'x', ayref: 'y', showarrow: true, arrowhead: 2, arrowwidth: 1.5, arrowcolor: colour, text: '' });
    const [mx, my] = shorten(0.5);
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
        marker: { symbol: 'square', size: 70, color: '#dbe9f6', line: { color: '#1f4e79', width: 1.5 } },
        hoverinfo: 'text',
        showlegend: false,
      },
    ],
    layout: {
      title: { text: input.title },
      annotations,
      xaxis: { visible: false, range: [-0.6, Math.max(...nodes.map((n) => n.xy[0])) + 0.6] },
      yaxis: { visible: false, range: [Math.min(...nodes.map((n) => n.xy[1])) - 0.8, Math.max(...nodes.map((n) => n.xy[1])) + 0.8] },
      margin: { l: 20, r: 20, t: 60, b: 20 },
      plot_bgcolor: 'white',
    },
  };
}
