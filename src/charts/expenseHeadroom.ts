import type { CapCheck } from '../rules/expenseCaps';
import { percentText } from '../rules/percentText';
import type { Figure } from './figure';

/**
 * Products against their caps: one horizontal bar per product and limit, the headroom in
 * percentage points (cap − rate; a bar left of zero is a breach, drawn red). Bars within
 * `closePoints` of the cap are amber; the worst breach is drawn at the top. Limits whose rate is unknown are left out; rules from a
 * draft are labelled "(draft)".
 *
 * @param checks the checks of {@link checkExpenseCaps}
 * @param closePoints how near the cap counts as close, in percentage points (default 2)
 * @example expenseHeadroomFigure(checkExpenseCaps(loadings, rulebook).checks).data[0].type // 'bar'
 */
export function expenseHeadroomFigure(checks: readonly CapCheck[], closePoints = 2): Figure {
  const known = checks
    .filter((c) => c.headroom_pp !== null && c.rate !== null && c.limit !== null)
    .sort((a, b) => b.headroom_pp!.comparedTo(a.headroom_pp!) || (a.product_code < b.product_code ? -1 : 1) || (a.rule_id < b.rule_id ? -1 : 1));
  const label = (c: CapCheck) => `${c.product_code} · ${c.rule_id}${c.rule_status === 'draft' ? ' (draft)' : ''}`;
  const colour = (c: CapCheck) => (c.headroom_pp!.isNegative() ? '#c0392b' : c.headroom_pp!.lt(closePoints) ? '#e67e22' : '#2e86c1');
  const what = (c: CapCheck) => (c.measure === 'intermediary_fee_cap' ? `fee cap ${percentText(c.rate!)} vs ${c.limit_source.replace('_', ' ')} ${percentText(c.limit!)}` : `${c.measure.replace(/_/g, ' ')} ${percentText(c.rate!, c.limit!)} vs cap ${percentText(c.limit!)}`);
  return {
    data: [
      {
        type: 'bar',
        orientation: 'h',
        y: known.map(label),
        x: known.map((c) => c.headroom_pp!.toNumber()),
        marker: { color: known.map(colour) },
        text: known.map((c) => c.headroom_pp!.toFixed(2)),
        textposition: 'outside',
        customdata: known.map(what),
        hovertemplate: '%{y}<br>%{customdata}<br>headroom %{x:.4f} pp<extra></extra>',
        name: 'headroom',
      },
    ],
    layout: {
      title: { text: 'Headroom under the expense caps (percentage points; negative = breach)' },
      xaxis: { title: { text: 'cap − rate (pp)' }, zeroline: true, zerolinewidth: 2, zerolinecolor: '#444' },
      yaxis: { automargin: true },
      height: Math.max(320, 140 + 26 * known.length),
      margin: { l: 220, r: 60, t: 60, b: 50 },
      showlegend: false,
    },
  };
}
