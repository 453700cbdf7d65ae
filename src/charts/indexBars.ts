import { CHART_FONT } from './chartTheme';
import type { Figure } from './figure';

/** Indices by group, with bootstrap intervals when available. */
export interface IndexBarsInput {
  readonly title: string;
  /** Construct labels, in the order of each group's `index`. */
  readonly constructs: readonly string[];
  readonly groups: readonly {
    readonly group: string;
    readonly index: readonly (number | null)[];
    readonly ci_low?: readonly (number | null)[];
    readonly ci_high?: readonly (number | null)[];
  }[];
}

/**
 * Grouped bars of the 0–100 indices: one bar group per survey group (company, region or stage),
 * one bar per construct, with the bootstrap interval as an error bar when one was computed.
 * @example indexBars({ title: 'Index by region', constructs: ['Satisfaction'], groups: [{ group: '华东', index: [74.2] }] })
 */
export function indexBars(input: IndexBarsInput): Figure {
  const data = input.constructs.map((construct, j) => {
    const hasInterval = input.groups.some((g) => g.ci_low?.[j] != null && g.ci_high?.[j] != null);
    const value = (g: IndexBarsInput['groups'][number]) => g.index[j];
    return {
      type: 'bar',
      name: construct,
      x: input.groups.map((g) => g.group),
      y: input.groups.map(value),
      ...(hasInterval
        ? {
            error_y: {
              type: 'data',
              symmetric: false,
              array: input.groups.map((g) => (g.ci_high?.[j] != null && value(g) != null ? g.ci_high[j]! - value(g)! : null)),
              arrayminus: input.groups.map((g) => (g.ci_low?.[j] != null && value(g) != null ? value(g)! - g.ci_low[j]! : null)),
              thickness: 1,
              width: 3,
            },
          }
        : {}),
    };
  });
  return {
    data,
    layout: {
      font: { family: CHART_FONT, size: 13, color: '#222' },
      title: { text: input.title },
      barmode: 'group',
      yaxis: { title: { text: 'Index (0–100)' }, range: [0, 100] },
      legend: { orientation: 'h', y: -0.15 },
      margin: { t: 60 },
    },
  };
}
