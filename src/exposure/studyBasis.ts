import type { CalendarGrain } from './calendarGrid';

/** How exposure is cut: calendar periods (central exposure) or policy years (initial exposure). */
export type StudyBasis = 'calendar-year' | 'calendar-quarter' | 'calendar-month' | 'policy-year';

/** Every study basis, in the order the CLI lists them. */
export const STUDY_BASES: readonly StudyBasis[] = ['calendar-quarter', 'calendar-year', 'calendar-month', 'policy-year'];

/** The calendar grain of a calendar basis, or null for the policy-year basis. */
export function calendarGrainOf(basis: StudyBasis): CalendarGrain | null {
  switch (basis) {
    case 'calendar-year':
      return 'year';
    case 'calendar-quarter':
      return 'quarter';
    case 'calendar-month':
      return 'month';
    case 'policy-year':
      return null;
  }
}

/**
 * Expected count per unit of exposure for an annual rate q (DOMAIN.md, Exposure conventions):
 * central exposure on calendar bases takes the force −ln(1 − q); initial exposure on the
 * policy-year basis takes q itself.
 * @example expectedPerExposure('policy-year', 0.02) // 0.02
 * @example expectedPerExposure('calendar-year', 0.02) // 0.0202027…
 */
export function expectedPerExposure(basis: StudyBasis, q: number): number {
  return basis === 'policy-year' ? q : -Math.log1p(-q);
}
