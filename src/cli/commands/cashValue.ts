import { InputError } from '../../data/InputError';
import { minimumCashValue } from '../../expense/minimumCashValue';
import { decimalArg, integerArg, moneyArg } from '../args';
import { defineCommand } from '../command';

/** `awb cash-value`: the minimum cash value of a short-term internet product (S1 §9.5). */
export const cashValueCommand = defineCommand({
  name: 'cash-value',
  summary: 'Minimum cash value of a short-term internet product: net premium × (1 − m/n), S1 §9.5',
  examples: ['awb cash-value --net-premium 365.00 --term-days 365 --days-in-force 100.5', 'awb cash-value --net-premium 120 --term-days 366 --days-in-force 30 --json'],
  configure: (c) =>
    c
      .requiredOption('--net-premium <yuan>', 'net premium in yuan (at most two decimals)')
      .requiredOption('--term-days <n>', 'days in the term, n')
      .requiredOption('--days-in-force <d>', 'days in force; a part day counts as a whole day (m = ⌈d⌉)'),
  parse: (o) => {
    const params = {
      net_premium: moneyArg(o, 'net-premium'),
      term_days: integerArg(o, 'term-days', { min: 1 }),
      days_in_force: decimalArg(o, 'days-in-force', { min: 0 }),
    };
    if (Math.ceil(Number(params.days_in_force)) > params.term_days) {
      throw new InputError({ argument: '--days-in-force' }, `at most the term of ${params.term_days} days`, params.days_in_force);
    }
    return params;
  },
  run: async (p) => {
    const value = minimumCashValue(p.net_premium, p.term_days, p.days_in_force);
    const m = Math.ceil(Number(p.days_in_force));
    return {
      json: { minimum_cash_value: value.toNumber(), net_premium: Number(p.net_premium), term_days: p.term_days, days_in_force_counted: m },
      text: `Minimum cash value: ${value.toFixed(2)} yuan  (= ${p.net_premium} × (1 − ${m}/${p.term_days}), part days counted as whole, S1 §9.5)`,
      inputs: [],
      tables: { minimum_cash_value: [{ net_premium: Number(p.net_premium), term_days: p.term_days, days_in_force_counted: m, minimum_cash_value: value.toNumber() }] },
    };
  },
});
