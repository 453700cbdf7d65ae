import type { TableRow } from '../evidence/csv';
import { Dec } from '../money/decimal';
import { PRODUCTS } from './company';
import type { LoadingSchedule } from './loadings';

/**
 * Rows of products.csv: every column filled. Short-term products carry their loading (first-year
 * and average alike) and pricing loss ratio; long-term products their first-year loading, the
 * average from their loadings schedule rounded half-up to four decimals, and the pricing interest rate.
 * @example productRows(loadingSchedules())[8] // { product_code: 'CI01', …, loading_first_year: '0.58', loading_average: '0.2700', … }
 */
export function productRows(schedules: readonly LoadingSchedule[]): TableRow[] {
  return PRODUCTS.map((p) => {
    const schedule = schedules.find((s) => s.product.code === p.code);
    const short = p.kind === 'short';
    return {
      product_code: p.code,
      product_name: p.name,
      line: p.line,
      internet: p.internet,
      business: p.business,
      term_months: p.term_months,
      premium_mode: p.premium_mode,
      launch_date: p.launch_date,
      loading_first_year: short ? p.loading : schedule!.loadingRate[0],
      loading_average: short ? p.loading : schedule!.average.toDecimalPlaces(4, Dec.ROUND_HALF_UP).toFixed(4),
      intermediary_fee_cap: p.intermediary_fee_cap,
      expected_loss_ratio: short ? p.expected_loss_ratio : null,
      pricing_interest_rate: short ? null : p.pricing_interest_rate,
    };
  });
}
