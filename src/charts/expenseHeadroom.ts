import type { CapCheck } from '../rules/expenseCaps';
import { percentText } from '../rules/percentText';
import { chartLayout } from './chartTheme';
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
        text: known.map((c) => (c.headroom_pp!.isZero() ? '0 (at the cap)' : c.headroom_pp!.toFixed(2))),
        textposition: 'outside',
        cliponaxis: false,
        customdata: known.map(what),
        hovertemplate: '%{y}<br>%{customdata}<br>headroom %{x:.4f} pp<extra></extra>',
        name: 'headroom',
        uid: 'headroom',
      },
    ],
    layout: {
      ...chartLayout({ title: 'Headroom under the expense caps 附加费用率上限余量 (percentage points; negative = breach)'}),
      xaxis: { title: { text: 'cap − rate (pp)' }, range: xRange(known.map((c) => c.headroom_pp!.toNumber())), zeroline: true, zerolinewidth: 2, zerolinecolor: '#444', gridcolor: '#e5e5e5' },
      yaxis: { automargin: true, type: 'category' },
      height: Math.max(320, 140 + 26 * known.length),
      margin: { l: 220, r: 60, t: 72, b: 50 },
      showlegend: false,
    },
  };
}

/** The horizontal range: zero and every bar, with room for the labels on either side. */
function xRange(values: readonly number[]): [number, number] {
  const low = Math.min(0, ...values);
  const high = Math.max(0, ...values);
  const span = Math.max(high - low, 1);
  return [low - 0.15 * span, high + 0.15 * span];
}
