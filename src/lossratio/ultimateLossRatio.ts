import { InputError } from '../data/InputError';
import type { PremiumRow } from '../data/rows';
import type { Cents } from '../money/cents';
import type { MackChainLadder } from './mackChainLadder';

/** The ultimate loss ratio of one origin year: chain-ladder ultimate ÷ earned premium. */
export interface OriginLossRatio {
  readonly origin: number;
  /** Earned premium of the origin year (fen); null when the premiums table does not give it. */
  readonly premium: Cents | null;
  /** ultimate ÷ premium; null without a positive premium. */
  readonly ultimate_loss_ratio: number | null;
  /** Mack standard error ÷ premium: the ratio's standard error, premium being known. */
  readonly ultimate_loss_ratio_se: number | null;
}

/**
 * Ultimate loss ratios by origin year: the chain-ladder ultimate (in the triangle's units, yuan)
 * divided by the origin year's earned premium, with the Mack standard error scaled alike. For
 * immature years this is the loss ratio the claims will reach, not the one reported so far.
 *
 * @param result a Mack chain ladder of a triangle in yuan
 * @param premiums the premiums table's rows (origin, premium)
 * @param file the premiums file's name, for error messages
 * @throws InputError naming the row of a premium whose origin is not in the triangle.
 * @example ultimateLossRatios(mack, premiums)[0].ultimate_loss_ratio // 0.62 for ultimate 620,000 on 1,000,000.00
 */
export function ultimateLossRatios(result: MackChainLadder, premiums: readonly PremiumRow[], file = 'premiums'): OriginLossRatio[] {
  const byOrigin = new Map<number, PremiumRow>();
  for (const p of premiums) {
    if (!result.triangle.origins.includes(p.origin)) {
      throw new InputError({ file, row: p.source_row, column: 'origin' }, `an origin year of the triangle (${result.triangle.origins[0]}–${result.triangle.origins[result.triangle.origins.length - 1]})`, String(p.origin));
    }
    byOrigin.set(p.origin, p);
  }
  return result.origins.map((o) => {
    const row = byOrigin.get(o.origin);
    const yuan = row && row.premium > 0 ? row.premium / 100 : null;
    return {
      origin: o.origin,
      premium: row ? row.premium : null,
      ultimate_loss_ratio: yuan === null ? null : o.ultimate / yuan,
      ultimate_loss_ratio_se: yuan === null ? null : o.mack_se / yuan,
    };
  });
}
