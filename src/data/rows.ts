import type { Cents } from '../money/cents';
import type { Dec } from '../money/decimal';
import type { DateTime, DayNumber } from './dates';
import type { RowBase } from './parseTable';
import type { Period, Quarter } from './period';
import type { ChannelType, ExitReason, GovernanceGrade, Indicator, Line, Platform, ProductEvent, ReviewResult, RiskRating, ServiceEventType, StaffStatus } from './schema';

/** Typed rows of each input table. Optional columns that are absent or empty are null. */

export interface ProductRow extends RowBase {
  readonly product_code: string;
  readonly product_name: string | null;
  readonly line: Line;
  readonly internet: boolean | null;
  readonly business: 'individual' | 'group' | null;
  readonly term_months: number;
  readonly premium_mode: 'single' | 'regular' | null;
  readonly launch_date: DayNumber | null;
  readonly loading_first_year: Dec | null;
  readonly loading_average: Dec | null;
  readonly intermediary_fee_cap: Dec | null;
  readonly expected_loss_ratio: Dec | null;
  readonly pricing_interest_rate: Dec | null;
}

export interface LoadingRow extends RowBase {
  readonly product_code: string;
  readonly policy_year: number;
  readonly gross_premium: Cents;
  readonly loading_rate: Dec;
  readonly inforce_probability: Dec;
}

export interface FinanceRow extends RowBase {
  readonly product_code: string;
  readonly period: Period;
  readonly premium_income: Cents;
  readonly upr_opening: Cents;
  readonly upr_closing: Cents;
  readonly claims_paid: Cents;
  readonly ocr_opening: Cents;
  readonly ocr_closing: Cents;
  readonly policies_sold: number | null;
  readonly ceded_premium: Cents | null;
  readonly ceded_claims: Cents | null;
  readonly expenses: Cents | null;
  readonly investment_income: Cents | null;
  readonly invested_assets: Cents | null;
}

export interface SolvencyRow extends RowBase {
  readonly quarter: Quarter;
  readonly comprehensive_solvency_ratio: Dec;
  readonly core_solvency_ratio: Dec;
  readonly risk_rating: RiskRating;
  readonly solvency_surplus: Cents | null;
  readonly governance_grade: GovernanceGrade | null;
  readonly major_penalty_last_year: boolean | null;
  readonly assets: Cents | null;
  readonly other_liabilities: Cents | null;
  readonly reserves: Cents | null;
  readonly expenses_y1: Cents | null;
  readonly expenses_y2: Cents | null;
  readonly expenses_y3: Cents | null;
  readonly expenses_y4: Cents | null;
}

export interface PolicyRow extends RowBase {
  readonly policy_id: string;
  readonly product_code: string;
  readonly issue_date: DayNumber;
  readonly exit_date: DayNumber | null;
  readonly exit_reason: ExitReason | null;
  readonly premium: Cents | null;
  readonly sum_assured: Cents | null;
  readonly age_at_issue: number | null;
  readonly gender: 'M' | 'F' | null;
  readonly channel: string | null;
  readonly region: string | null;
  readonly application_date: DayNumber | null;
  readonly policyholder_age: number | null;
  readonly channel_type: ChannelType | null;
  readonly branch: string | null;
}

export interface ClaimRow extends RowBase {
  readonly claim_id: string;
  readonly policy_id: string;
  readonly product_code: string | null;
  readonly incident_date: DayNumber;
  readonly report_date: DayNumber | null;
  readonly paid_date: DayNumber | null;
  readonly paid_amount: Cents;
  readonly case_reserve: Cents | null;
}

export interface AssumptionRow extends RowBase {
  readonly indicator: Indicator;
  readonly rate: Dec;
  readonly product_code: string | null;
  readonly policy_year: number | null;
  readonly attained_age: number | null;
  readonly age_at_issue: number | null;
  readonly gender: 'M' | 'F' | null;
}

export interface TriangleRow extends RowBase {
  readonly origin: number;
  readonly development: number;
  readonly value: number;
}

export interface PremiumRow extends RowBase {
  readonly origin: number;
  readonly premium: Cents;
  readonly expected_loss_ratio?: Dec | null;
}

export interface SurveyRow extends RowBase {
  readonly respondent_id: string | null;
  readonly company: string | null;
  readonly region: string | null;
  readonly stage: string | null;
  readonly weight: number | null;
}

export interface ServiceEventRow extends RowBase {
  readonly event_id: string;
  readonly type: ServiceEventType;
  /** The date received, in China time. */
  readonly received_at: DayNumber;
  /** The date completed, in China time; null while open. */
  readonly completed_at: DayNumber | null;
  readonly channel: 'online' | 'offline' | null;
  readonly complex: boolean | null;
  readonly connected: boolean | null;
  readonly product_code: string | null;
  readonly region: string | null;
  readonly branch: string | null;
}

export interface ServiceInnovationRow extends RowBase {
  readonly unit: string;
  readonly year: number;
  readonly project: string;
  readonly points: number;
}

/** A member of the sales staff as one source records them (S5); personal columns are never reported. */
export interface SalesStaffRow extends RowBase {
  readonly staff_id: string | null;
  readonly name: string | null;
  readonly id_number: string | null;
  readonly certificate_no: string | null;
  readonly branch: string | null;
  readonly channel: string | null;
  readonly status: StaffStatus | null;
  readonly hire_date: DayNumber | null;
  readonly leave_date: DayNumber | null;
  readonly education: string | null;
  readonly contract_type: string | null;
}

/** The sales columns of a policy, for a folder whose policies table lacks them (S4). */
export interface ApplicationRow extends RowBase {
  readonly policy_id: string;
  readonly application_date: DayNumber | null;
  readonly policyholder_age: number | null;
  readonly channel_type: ChannelType | null;
  readonly branch: string | null;
}

/** One audio-video recording of a sale (双录, S4). */
export interface RecordingRow extends RowBase {
  readonly recording_id: string;
  readonly policy_id: string;
  readonly started_at: DateTime;
  readonly duration_seconds: number | null;
  readonly first_review: ReviewResult | null;
  readonly final_review: ReviewResult | null;
  readonly reasons: string | null;
}

/** Insured persons of a product's policies written in a year (S1 annex 2 一). */
export interface InsuredPersonsRow extends RowBase {
  readonly product_code: string;
  readonly year: number;
  readonly insured_persons: number;
}

/** Where a sales channel sells: own platform, intermediary or offline. */
export interface ChannelRow extends RowBase {
  readonly channel: string;
  readonly platform: Platform;
}

/** Internet health business's offline presence in one region (S1 §13). */
export interface OutletRow extends RowBase {
  readonly region: string;
  readonly provincial_branch: boolean | null;
  readonly outlets: number;
  readonly partner: string | null;
}

/** A product approved, filed or withdrawn (S1 annex 2 二(三)). */
export interface ProductEventRow extends RowBase {
  readonly product_code: string;
  readonly event: ProductEvent;
  readonly date: DayNumber;
  readonly reason: string | null;
  readonly reference: string | null;
}

/** One reinsurance treaty covering a product. */
export interface ReinsuranceRow extends RowBase {
  readonly product_code: string;
  readonly reinsurer: string;
  readonly arrangement: string;
  readonly ceded_share: Dec | null;
  readonly start_date: DayNumber;
  readonly end_date: DayNumber | null;
}

/** The row type of each table. */
export interface RowOf {
  products: ProductRow;
  loadings: LoadingRow;
  finance: FinanceRow;
  solvency: SolvencyRow;
  policies: PolicyRow;
  claims: ClaimRow;
  assumptions: AssumptionRow;
  triangle: TriangleRow;
  premiums: PremiumRow;
  survey: SurveyRow;
  service_events: ServiceEventRow;
  service_innovations: ServiceInnovationRow;
  sales_staff_registry: SalesStaffRow;
  sales_staff_statistics: SalesStaffRow;
  sales_staff_hr: SalesStaffRow;
  sales_staff_disclosure: SalesStaffRow;
  applications: ApplicationRow;
  recordings: RecordingRow;
  insured_persons: InsuredPersonsRow;
  channels: ChannelRow;
  outlets: OutletRow;
  product_events: ProductEventRow;
  reinsurance: ReinsuranceRow;
}
