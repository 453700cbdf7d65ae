export { quarterlyReview, renderReview } from './quarterlyReview';
export { composeReview, presentReview, type Review, type SectionResult, type RunResult, type StandInSection, type SectionStandIns } from './composeReview';
export {
  latestCompleteYear,
  quarterEndDate,
  SECTIONS,
  SECTION_COMMAND,
  backtestRun,
  lossratioRun,
  expenseRun,
  eligibilityRun,
  icsiRun,
  serviceRun,
  registrationRun,
  traceabilityRun,
  type ReviewParams,
  type SectionId,
  type RunRecord,
} from './reviewPlan';
export { backtestAnnex, type BacktestAnnex, type AnnexBacktest, type AnnexCell, type AnnexMeasure, type ScopeRow, type IndicatorRow } from './backtestAnnex';
export { reviewHtml, reviewDocument, displayNumber } from './reviewHtml';
export { printPdf, printDocument, destinationPages, type PrintOptions } from './printPdf';
export { documentHtml, type DocumentSpec, type DocumentSection, type DocumentBlock, type DocumentCover, type DocumentWording, type SignOff } from './document';
export { tableHtml, splitColumns } from './tableHtml';
export { wording, LANGS, type Lang } from './labels';
export { serviceSectionContent, type ServiceSectionContent, type SectionTable } from './serviceSection';
export { salesConductContent, type SalesConductResults } from './salesConductSection';
export type { ContentBlock, SectionContent } from './sectionContent';
export { composeAnnualReport, ANNUAL_OPTIONAL_TABLES, type AnnualReport, type AnnualReportOptions, type AnnualOptionalTable } from './annualReport';
export { renderAnnualReport, fileAnnualReport, annualReportParameters } from './annualReportFiling';
export { annualReportHtml } from './annualHtml';
export { annualWording, type AnnualWording } from './annualLabels';
export { annualBusiness, termBand, ANNUAL_LINES, ANNUAL_LINE_OF, TERM_BANDS, type AnnualBusiness, type AnnualLine, type LineBusiness, type ProductBusiness, type PlatformShare, type TermShare, type HealthRegion, type TermBand, type BusinessTables } from './annualBusiness';
export { annualEligibility, type AnnualEligibility, type ScopeReason, type ProductOnSale, type ProductEventListing, type EligibilityTables } from './annualEligibility';
export { yearBacktests, quarterBacktest, type QuarterBacktest, type QuarterTreaty, type BacktestTables } from './annualBacktests';
export { judgePricing, type AnnualBacktestJudgement, type QuarterSummary, type IndicatorOverYear, type PricingVerdict } from './annualJudgement';
export { readNarrative, narrativeHtml, type Narrative, type NarrativePart } from './narrative';
export { composeIcsiReport, type IcsiReport, type IcsiReportOptions } from './icsiReport';
export { renderIcsiReport, fileIcsiReport, icsiReportParameters } from './icsiReportFiling';
export { icsiReportDocument, significantGaps, clearChanges, GAP_LEVEL } from './icsiReportDocument';
export { icsiReportWords, type IcsiReportWords } from './icsiReportWords';
