/**
 * The actuarial workbench's public API, grouped by capability. Notebooks and scripts import
 * from here (`require('actuarial-workbench')` after `npm run build`); the CLI calls the same functions.
 *
 * @example
 * const data = await openData('data/sample');
 * const bt = await backtest(data, { basis: 'calendar-quarter', asOf: '2025-12-31' });
 * bt.summarise(['product_code']); // A/E by product and indicator
 * @packageDocumentation
 */

// Data: reading and validating input tables
export * from './data';

// Studies: typed functions on a data folder opened once (tables read lazily, once)
export { openData, type Data } from './studies/openData';
export { backtest, backtestOn, type BacktestParams, type BacktestStudy } from './studies/backtest';
export { summariseCells, type CellSummary } from './studies/summariseCells';
export { expenseCaps, type ExpenseCapsParams, type ExpenseCapsStudy } from './studies/expenseCaps';
export { eligibility, type EligibilityParams, type EligibilityStudy } from './studies/eligibility';
export { lossRatios, type LossRatioParams, type LossRatioStudy } from './studies/lossRatios';
export { icsi, type IcsiParams, type IcsiStudy, type ConstructIndex, type GroupIndices, type Driver } from './studies/icsi';
export { reserve, type ReserveParams, type ReserveStudy } from './studies/reserve';
export {
  review,
  latestCompleteYear,
  reviewUltimateMethod,
  REVIEW_SECTIONS,
  type ReviewSection,
  type ReviewStudyParams,
  type ReviewStudy,
  type SatisfactionStudy,
  type SatisfactionSkipped,
  type ServiceSection,
  type ConductSection,
} from './studies/review';

// Presenters: typed output tables (column kinds, en/zh labels), one formatter per kind
export * from './present';

// Money and ratios: exact decimal arithmetic
export * from './money';

// Rulebook and findings
export * from './rules';

// Expense caps and cash values
export { minimumCashValue } from './expense/minimumCashValue';
export { cashValueSchedule, termDaysFromMonths, type ScheduleGranularity, type CashValuePoint } from './expense/cashValueSchedule';
export { averageLoading, type AverageLoading, type LoadingYear } from './expense/averageLoading';
export { productLoadings, type ProductLoading, type LoadingSource } from './expense/productLoadings';
export { actualExpenseRates, type ActualExpenseRate } from './expense/actualExpenseRate';
export { checkExpenseCaps, expenseCapRules, smallestHeadroom, type CapCheck, type ExpenseCapReview, type LoadingMeasure } from './rules/expenseCaps';
export { scopeMatch, scopeText, type ScopeMatch, type ScopeField } from './rules/scopeMatch';
export { percentText, pointsText } from './rules/percentText';
export { findingRows, valueColumns } from './rules/findingRows';
export { FINDINGS_TABLE } from './rules/findingsTable';
export { EXPENSE_TABLES } from './expense/expenseTables';
export { expenseHeadroomFigure } from './charts/expenseHeadroom';

// Capital: reserve coverage, risk ratings, governance, eligibility for internet business
export { reserveCoverage, EXPENSE_WEIGHTS, type ReserveCoverage, type ReserveCoverageItems } from './capital/reserveCoverage';
export { riskClassOf, riskClassAtLeast, RISK_CLASS_OF, RISK_CLASSES, type RiskClass } from './capital/riskRating';
export { governanceAtLeast, GOVERNANCE_ORDER } from './capital/governanceGrade';
export { ELIGIBILITY_TABLES } from './capital/eligibilityTables';
export {
  reviewEligibility,
  ELIGIBILITY_RULES,
  type EligibilityRuleId,
  type EligibilityReview,
  type ConditionName,
  type ConditionCheck,
  type FailureKind,
  type WindowFailure,
  type WindowVerdict,
  type QuarterCapital,
} from './rules/internetEligibility';
export { capitalDashboardFigure } from './charts/capitalDashboard';

// Loss ratios, S2's accident-insurance rules, trends and chain-ladder reserves
export { type Fraction, fraction, meanFraction, decimalFraction, compareFraction, fractionToDec } from './money/fraction';
export { financePeriods, type PeriodLedger, type FinancePeriods, type IncompleteYear } from './lossratio/financePeriods';
export { earnedLossRatio, earnedPremium, incurredClaims, lossRatioOf, lossRatioFraction, onBasis, type EarnedLossRatio, type LossRatioBasis } from './lossratio/earnedLossRatio';
export { multiYearLossRatio, type Averaging, type MultiYearLossRatio } from './lossratio/multiYearLossRatio';
export { rollingLossRatios, previousPeriod, type RollingLossRatio } from './lossratio/rollingLossRatio';
export { lossRatioTrend, linearTrend, type LossRatioTrend, type TrendValue, type TrendPoint } from './lossratio/lossRatioTrend';
export { lossRatioAnalysis, type LossRatioAnalysis } from './lossratio/lossRatioAnalysis';
export { LOSS_RATIO_TABLES } from './lossratio/lossRatioTables';
export { scopeMiss, type ScopeMiss } from './rules/productScope';
export {
  evaluateAccidentLossRatio,
  type AccidentLossRatioRules,
  type RuleAssessment,
  type RuleOutcome,
  type IndicatedRateChange,
  type ThresholdMargin,
} from './rules/accidentLossRatio';
export { earnedNonPositiveFindings } from './rules/earnedNonPositive';
export { triangleFromRows, latestValues, latestIndexes, type Triangle, type DevelopmentConvention, type MissingCell } from './lossratio/triangle';
export { developmentFactors, type DevelopmentFactors } from './lossratio/developmentFactors';
export { linkRatios, FACTOR_AVERAGES, type FactorAverage, type LinkRatioChoices, type LinkRatioCell, type LinkRatio, type LinkRatioSelection, type ExclusionReason } from './lossratio/linkRatios';
export { RESERVE_METHODS, METHOD_NAMES, chainLadderEstimate, type ReserveMethod, type ReserveEstimate, type EstimateOrigin, type EstimateTotal } from './lossratio/reserveEstimate';
export { bornhuetterFerguson, iteratedBf, type Apriori, type BfOptions } from './lossratio/bornhuetterFerguson';
export { capeCodRatios, capeCodPriors, type CapeCodOptions, type CapeCodRatio } from './lossratio/capeCod';
export { estimateReserve, type MethodInputs, type MethodEstimate } from './lossratio/estimateReserve';
export { mackStyleVariances, type ReserveSensitivity, type MackStyleVariances } from './lossratio/mackStyleError';
export { calendarYearTest, factorCorrelationTest, type CalendarYearTest, type FactorCorrelationTest, type CalendarDiagonal } from './lossratio/chainLadderTests';
export { chainLadderResiduals, type LinkResidual } from './lossratio/residuals';
export { reserveAnalysis, type ReserveAnalysis, type ReserveOptions, type EstimateLossRatio } from './lossratio/reserveAnalysis';
export { bookUltimates, type BookUltimates, type BookYear, type BookUltimateOptions } from './lossratio/bookUltimates';
export { residualFigure } from './charts/residualChart';
export { completeSigmas, loglinearSigmaFit, type SigmaMethod, type CompletedSigmas } from './lossratio/sigmaExtrapolation';
export { loglinearTail, type FittedTail } from './lossratio/tailFactor';
export { mackChainLadder, type MackChainLadder, type MackOptions, type MackOrigin, type MackTotal, type TailOption } from './lossratio/mackChainLadder';
export { ultimateLossRatios, type OriginLossRatio } from './lossratio/ultimateLossRatio';
export { RESERVE_TABLES } from './lossratio/reserveTables';
export { lossRatioFigure, type LossRatioChartOptions } from './charts/lossRatioChart';
export { triangleHeatmapFigure, type TriangleView } from './charts/triangleHeatmap';
export { ultimatesFigure } from './charts/reserveChart';

// Sales conduct (S5, S4): sales-staff registration reconciled across systems, sales recordings (双录)
export * from './conduct';
export { registrationRatesFigure } from './charts/registrationChart';
export { recordingCoverageFigure, recordingDurationFigure } from './charts/traceabilityCharts';

// The sample company (恒泰人寿 Hengtai Life): generator and planted findings
export * from './sample';

// Customer satisfaction (ICSI, S3): PLS path modelling, reliability, bootstrap, indices, IPMA
export * from './satisfaction';

// Service quality: S1 §6 time limits on the State Council working-day calendar, S3 service evaluation
export * from './service';
export { surveyIndexer, type SurveyIndexer, type SubgroupIndex, type RespondentFilter } from './satisfaction/subgroupIndex';

// Charts: pure figure specs, display in notebooks, export through headless Chromium
export type { Figure } from './charts/figure';
export { figuresHtml } from './charts/html';
export { barChart, type SeriesChartOptions } from './charts/barChart';
export { lineChart } from './charts/lineChart';
export { chartLayout, CHART_FONT } from './charts/chartTheme';
export { tidySeries, type TidySeries } from './charts/tidySeries';
export { FigureRenderer, withFigureRenderer, type ImageFormat, type ImageOptions } from './charts/figureRenderer';
export { exportFigure, withSharedRenderer } from './charts/exportFigure';
export { canonicalSvg } from './charts/canonicalSvg';
export { showFigure } from './charts/showFigure';
export { type PathDiagramInput, pathDiagram } from './charts/pathDiagram';
export { type IndexBarsInput, indexBars } from './charts/indexBars';
export { ipmaMap } from './charts/ipmaMap';
export { serviceOnTimeFigure } from './charts/serviceCharts';
export { figureOutputHtml, plotlyLoaderHtml } from './charts/notebookFigure';

// Notebooks: display frames, run notebooks headless
export { setupNotebook } from './notebook/setupNotebook';
export { toFrame, frameCell, type FrameSource, type FrameOptions, type FrameCell } from './notebook/toFrame';
export { showFrame } from './notebook/showFrame';
export { frameHtml, cellText, type FrameHtmlOptions } from './notebook/frameHtml';
export { displayBundle, type MimeBundle } from './notebook/display';
export { runNotebooks, listNotebooks, type RunNotebooksOptions } from './notebook/runNotebooks';
export type { NotebookRun } from './notebook/executeNotebook';

// Pricing backtests (S1 §16): columnar policies, exposure, assumptions, actual vs expected, measures, charts
export { prepareStudies, type PreparedStudies, type StudyRequest, type StudySource, type StudyDiagnosis, type ExperienceStudyOptions } from './exposure/experienceStudy';
export { DERIVED_DIMENSIONS, type ExposureStudy, type ExposureCell } from './exposure/exposureCell';
export { openFileSource, type FileStudySource, type StudyFiles, type FileSourceOptions } from './engine/fileSource';
export type { SqlEngine, Dialect } from './engine/sqlEngine';
export { STUDY_BASES, calendarGrainOf, expectedPerExposure, type StudyBasis } from './exposure/studyBasis';
export { calendarGrid, type CalendarGrid, type CalendarGrain } from './exposure/calendarGrid';
export { assumptionRates, UnmatchedAssumption, type AssumptionRates, type AssumptionRatesOptions, type AppliedRate, type KeyValues } from './backtest/assumptionRates';
export { indicatorsForTerm, BACKTEST_INDICATORS, type BacktestData, type BacktestOptions, type BacktestCell, type BacktestResult, type MeasureCell } from './backtest/backtest';
export { BACKTEST_TABLES } from './backtest/backtestTables';
export { compareCounts, type CountComparison } from './backtest/actualVsExpected';
export { poissonInterval, binomialInterval, type Interval } from './backtest/confidenceInterval';
export { credibility, credibilityWeightedRate, fullCredibilityClaims } from './backtest/credibility';
export { ledgerIndicators, type LedgerCell, type LedgerIndicator } from './backtest/ledgerIndicators';
export { topProductsByPremium } from './backtest/productScope';
export { MEASURE_LEVELS, MEASURE_ZH, measureRule, assessMeasures, measureFinding, type MeasureLevel, type MeasureTrigger, type MeasureRule, type MeasurePoint, type MeasureAssessment } from './backtest/measures';
export { aeOverPeriodsFigure, aeByGroupFigure, actualVsExpectedFigure, measureHeatmapFigure } from './charts/backtestCharts';

// Evidence bundles: filing (fileEvidence), verifying (verifyBundle), confidentiality guard
export * from './evidence';

// The chief actuary's quarterly review: sections composed from the commands, HTML and PDF
export * from './report';

// Progress reporting
export { type Progress, SILENT_PROGRESS } from './progress';

// Commands: what `awb <command>` computes and files, by name (the registry's fileEvidence and
// verifyBundle, which default to the awb commands, take the place of evidence/'s)
export { findCommand, fileEvidence, verifyBundle } from './commandRegistry';
export { commandParams, type OptionValue } from './commands/commandOptions';
export { backtestOutput } from './commands/backtest';
export type { CommandSpec, CommandOutput, CommandParams, RunContext, JsonValue, CommandLookup } from './commands/command';
