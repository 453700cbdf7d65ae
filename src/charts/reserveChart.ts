import type { MackChainLadder } from '../lossratio/mackChainLadder';
import { METHOD_NAMES, type ReserveEstimate } from '../lossratio/reserveEstimate';
import { groupThousands } from '../money/groupThousands';
import type { Figure } from './figure';

/** A whole number with thousands separators, independent of the machine's locale. */
function thousands(x: number): string {
  return groupThousands(String(Math.round(x)));
}

/**
 * Ultimates by origin as stacked bars of the latest amount and the IBNR, with error bars of
 * ± one standard error on the ultimate: Mack's for a chain ladder, the method's Mack-style one for
 * a reserve estimate (Bornhuetter–Ferguson, Cape Cod, Benktander). Pure: the same result gives the same figure.
 * @example ultimatesFigure(mackChainLadder(raa)).data[1].error_y.array[9] // 24,566 (RAA 1990)
 */
export function ultimatesFigure(result: MackChainLadder | ReserveEstimate, title?: string): Figure {
  const estimate = 'method' in result;
  const origins = estimate ? result.origins.map((o) => ({ origin: o.origin, latest: o.latest, ibnr: o.ibnr, se: o.se })) : result.origins.map((o) => ({ origin: o.origin, latest: o.latest, ibnr: o.ibnr, se: o.mack_se }));
  const totalSe = estimate ? result.total.se : result.total.mack_se;
  const name = estimate ? METHOD_NAMES[result.method] : 'chain ladder';
  const seName = estimate && result.method !== 'chainladder' ? 'Mack-style s.e.' : 'Mack S.E.';
  const x = origins.map((o) => String(o.origin));
  return {
    data: [
      { type: 'bar', name: 'Latest', x, y: origins.map((o) => o.latest), marker: { color: '#4c78a8' }, hovertemplate: '%{x} latest: %{y:,.0f}<extra></extra>' },
      {
        type: 'bar',
        name: `IBNR (± ${seName})`,
        x,
        y: origins.map((o) => o.ibnr),
        marker: { color: '#f58518' },
        error_y: { type: 'data', array: origins.map((o) => o.se), visible: true, color: '#333', thickness: 1.5, width: 6 },
        hovertemplate: '%{x} IBNR: %{y:,.0f}<extra></extra>',
      },
    ],
    layout: {
      title: { text: title ?? `${name[0].toUpperCase()}${name.slice(1)} ultimates by origin with ${estimate && result.method !== 'chainladder' ? 'Mack-style' : 'Mack'} standard errors (total IBNR ${thousands(result.total.ibnr)} ± ${thousands(totalSe)})` },
      barmode: 'stack',
      xaxis: { title: { text: 'Origin' }, type: 'category' },
      yaxis: { title: { text: 'Amount' } },
      legend: { orientation: 'h', y: -0.2 },
    },
  };
}
