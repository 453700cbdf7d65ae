export {
  type WorkingCalendar,
  type CalendarNotice,
  type CalendarHoliday,
  DEFAULT_CALENDAR_PATH,
  loadWorkingCalendar,
  isWorkingDay,
  workingDaysBetween,
  nthWorkingDayAfter,
  coversDay,
  weekdayOf,
} from './workingCalendar';
export { type TimeLimit, type LimitUnit, type CountingConvention, DEFAULT_CONVENTION, countingStart, deadline, withinLimit, workingDaysTaken } from './timeLimit';
export { TIME_LIMIT_RULES, type ServiceLimit, type ServiceStandardsRules, serviceStandardsRules, limitText, limitTextZh } from './serviceLimits';
export { type EventStatus, type JudgedEvent, judgeEvent } from './judgeEvent';
export { nearestRank } from './nearestRank';
export {
  type ServiceStandards,
  type ServiceCell,
  type ServiceStandardsOptions,
  type ServiceGroupColumn,
  SERVICE_GROUP_COLUMNS,
  SERVICE_TYPE_ZH,
  serviceStandards,
  typeTotals,
} from './serviceStandards';
export { type ServiceStudy, type ServiceStudyParams, studyServiceStandards } from './studyServiceStandards';
export { serviceRows, branchRows, exceptionRows, cellRow } from './serviceRows';
export { type EvaluationModel, type ModelIndex, type ModelIndicator, INDICATOR_FORMULAS, DEFAULT_EVALUATION_MODEL_PATH, loadEvaluationModel } from './evaluationModel';
export { indicatorScore } from './indicatorScore';
export { type QuantitativeResult, type IndexResult, type IndicatorResult, quantitativeScore } from './quantitativeScore';
export { type ServiceEvaluation, type ServiceEvaluationParams, type UnitEvaluation, HEAD_OFFICE, evaluateService } from './serviceEvaluation';
export { scoreRows, indicatorRows, indexRows, innovationRows } from './evaluationRows';
