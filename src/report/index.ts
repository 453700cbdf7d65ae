export { quarterlyReview, renderReview } from './quarterlyReview';
export { composeReview, type Review, type SectionResult, type RunResult } from './composeReview';
export { planReview, latestCompleteYear, quarterEndDate, SECTIONS, SECTION_COMMAND, type ReviewParams, type SectionId, type SectionPlan, type PlannedRun } from './reviewPlan';
export { backtestAnnex, type BacktestAnnex, type ScopeRow, type IndicatorRow } from './backtestAnnex';
export { reviewHtml, displayNumber } from './reviewHtml';
export { printPdf, type PrintOptions } from './printPdf';
export { runFindings } from './runFindings';
export { wording, LANGS, type Lang } from './labels';
export { serviceSectionContent, type ServiceSectionContent, type SectionTable } from './serviceSection';
