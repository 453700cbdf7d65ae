import type { MackChainLadder } from '../lossratio/mackChainLadder';
import { groupThousands } from '../money/groupThousands';
import type { Figure } from './figure';

/** A whole number with thousands separators, independent of the machine's locale. */
function thousands(x: number): string {
  return groupThousands(String(Math.round(x)));
}

/**
 * Ultimates by origin as stacked bars of the latest amount and the IBNR, with error bars of
 * ± one Mack standard error on the ultimate. Pure: the same result gives the same figure.
 * @example ultimatesFigure(mackChainLadder(raa)).data[1].error_y.array[9] // 24,566 (RAA 1990)
 */
export function ultimatesFigure(result: MackChainLadder, title?: string): Figure {
  const x = result.origins.map((o) => String(o.origin));
  return {
    data: [
      { type: 'bar', name: 'Latest', x, y: result.origins.map((o) => o.latest), marker: { color: '#4c78a8' }, hovertemplate: '%{x} latest: %{y:,.0f}<extra></extra>' },
      {
        type: 'bar',
        name: 'IBNR (± Mack S.E.)',
        x,
        y: result.origins.map((o) => o.ibnr),
        marker: { color: '#f58518' },
        error_y: { type: 'data', array: result.origins.map((o) => o.mack_se), visible: true, color: '#333', thickness: 1.5, width: 6 },
        hovertemplate: '%{x} IBNR: %{y:,.0f}<extra></extra>',
      },
    ],
    layout: {
      title: { text: title ?? `Chain-ladder ultimates by origin with Mack standard errors (total IBNR ${thousands(result.total.ibnr)} ± ${thousands(result.total.mack_se)})` },
      barmode: 'stack',
      xaxis: { title: { text: 'Origin' }, type: 'category' },
      yaxis: { title: { text: 'Amount' } },
      legend: { orientation: 'h', y: -0.2 },
    },
  };
}
