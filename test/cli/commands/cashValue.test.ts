import { describe, expect, it } from 'vitest';
import { awb } from '../run';

describe('awb cash-value', () => {
  it('still gives one value with part days counted as whole', async () => {
    const out = JSON.parse((await awb('cash-value', '--net-premium', '365.00', '--term-days', '365', '--days-in-force', '100.5', '--json')).stdout);
    expect(out).toEqual({ minimum_cash_value: 264, net_premium: 365, term_days: 365, days_in_force_counted: 101 });
  });

  it('prints a month-end schedule over a leap-year term given in months', async () => {
    const { code, stdout } = await awb('cash-value', '--net-premium', '365.00', '--issue-date', '2024-01-15', '--term-months', '12', '--schedule', 'month-end', '--json');
    expect(code).toBe(0);
    const out = JSON.parse(stdout);
    expect(out.term_days).toBe(366);
    expect(out.minimum_cash_value).toBeNull();
    expect(out.schedule[1]).toEqual({ days_in_force: 46, date: '2024-02-29', minimum_cash_value: 319.13 });
  });

  it('rejects a term over one year, a term in months without an issue date, and no question at all', async () => {
    expect((await awb('cash-value', '--net-premium', '10', '--term-days', '367', '--days-in-force', '1')).code).toBe(2);
    expect((await awb('cash-value', '--net-premium', '10', '--term-months', '13', '--issue-date', '2025-01-01', '--days-in-force', '1')).code).toBe(2);
    expect((await awb('cash-value', '--net-premium', '10', '--term-months', '12', '--days-in-force', '1')).code).toBe(2);
    expect((await awb('cash-value', '--net-premium', '10', '--term-days', '30')).code).toBe(2);
    expect((await awb('cash-value', '--net-premium', '10', '--term-days', '30', '--schedule', 'month-end')).code).toBe(2);
  });
});
