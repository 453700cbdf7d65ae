import { describe, expect, it } from 'vitest';
import { averageLoading, type LoadingYear } from '../../src/expense/averageLoading';

/**
 * A three-year basis worked by hand. i = 5%, so v = 1/1.05 and v² = 1/1.1025.
 * In-force probabilities 1, 0.945, 0.882 make the discounted probabilities exact:
 *   v⁰·p₁ = 1,  v¹·p₂ = 0.945 / 1.05 = 0.9,  v²·p₃ = 0.882 / 1.1025 = 0.8.
 * With a gross premium of 1,000 yuan each year:
 *   PV gross premiums = 1000·1 + 1000·0.9 + 1000·0.8 = 2,700 yuan.
 */
const BASIS: readonly LoadingYear[] = [
  { policy_year: 1, gross_premium: '1000', loading_rate: '0.45', inforce_probability: '1' },
  { policy_year: 2, gross_premium: '1000', loading_rate: '0.15', inforce_probability: '0.945' },
  { policy_year: 3, gross_premium: '1000', loading_rate: '0.1125', inforce_probability: '0.882' },
];

describe('averageLoading()', () => {
  it('is PV loadings ÷ PV gross premiums, worked by hand', () => {
    // PV loadings = 1000·1·0.45 + 1000·0.9·0.15 + 1000·0.8·0.1125 = 450 + 135 + 90 = 675 yuan.
    // Average = 675 / 2700 = 0.25 exactly.
    const r = averageLoading(BASIS, '0.05');
    expect(r.pv_gross_premiums.toString()).toBe('2700');
    expect(r.pv_loadings.toString()).toBe('675');
    expect(r.average.toString()).toBe('0.25');
    expect(r.first_year.toString()).toBe('0.45');
    expect(r.policy_years).toBe(3);
  });

  it('gives exactly 25% where binary floats give 25.000000000000006% and would report a breach', () => {
    // Two years, i = 5%: l₁ = 35%, l₂ = 10%, p₂ = 0.7, G = 1000.
    // v·p₂·G = 700/1.05 = 666.67 (repeating), so by hand multiply both sums by 1.05:
    //   PV loadings × 1.05 = 350·1.05 + 700·0.10 = 367.5 + 70 = 437.5
    //   PV premiums × 1.05 = 1000·1.05 + 700 = 1750
    //   average = 437.5 / 1750 = 0.25 exactly.
    const years: LoadingYear[] = [
      { policy_year: 1, gross_premium: '1000', loading_rate: '0.35', inforce_probability: '1' },
      { policy_year: 2, gross_premium: '1000', loading_rate: '0.10', inforce_probability: '0.7' },
    ];
    const v = 1 / 1.05;
    const float = (1000 * 0.35 + v * 0.7 * 1000 * 0.1) / (1000 + v * 0.7 * 1000);
    expect(float).toBe(0.25000000000000006);
    expect(averageLoading(years, '0.05').average.toString()).toBe('0.25');
  });

  it('moves above 25% when the third-year loading rises by one basis point', () => {
    // PV loadings = 450 + 135 + 800·0.1126 = 675.08; 675.08 / 2700 = 0.250029629629…
    const bumped = BASIS.map((y) => (y.policy_year === 3 ? { ...y, loading_rate: '0.1126' } : y));
    const r = averageLoading(bumped, '0.05');
    expect(r.pv_loadings.toString()).toBe('675.08');
    expect(r.average.toFixed(12)).toBe('0.250029629630');
    expect(r.average.gt('0.25')).toBe(true);
  });

  it('discounts: the same basis at 0% interest gives (450 + 141.75 + 99.225) / 2827', () => {
    // No discounting: PV premiums = 1000 + 945 + 882 = 2827; PV loadings = 450 + 141.75 + 99.225 = 690.975.
    const r = averageLoading(BASIS, '0');
    expect(r.pv_gross_premiums.toString()).toBe('2827');
    expect(r.pv_loadings.toString()).toBe('690.975');
    expect(r.average.toSignificantDigits(12).toString()).toBe('0.244419879731');
  });

  it('of a one-year basis is its only loading rate, whatever the interest', () => {
    const r = averageLoading([{ policy_year: 1, gross_premium: '365', loading_rate: '0.35', inforce_probability: '1' }], '0.035');
    expect(r.average.toString()).toBe('0.35');
  });

  it('does not depend on the order of the rows', () => {
    const reversed = [...BASIS].reverse();
    expect(averageLoading(reversed, '0.05').average.toString()).toBe(averageLoading(BASIS, '0.05').average.toString());
  });

  it('keeps every digit over a long term (100 years at 3.5%): the ratio of equal loadings is that loading', () => {
    const years = Array.from({ length: 100 }, (_, k) => ({ policy_year: k + 1, gross_premium: '1234.56', loading_rate: '0.18', inforce_probability: (1 - k / 200).toFixed(3) }));
    expect(averageLoading(years, '0.035').average.toString()).toBe('0.18');
  });

  it('rejects policy years with a gap or no positive premium', () => {
    expect(() => averageLoading([BASIS[0], BASIS[2]], '0.05')).toThrow(RangeError);
    expect(() => averageLoading([{ ...BASIS[0], inforce_probability: '0' }], '0.05')).toThrow(RangeError);
  });
});
