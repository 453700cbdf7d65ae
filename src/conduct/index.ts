export { idCardCheckDigit, isValidIdCardNumber, upgradeIdCardNumber } from './idCardNumber';
export { normaliseStaffId, type StaffKey, type StaffKeyKind } from './staffKey';
export { rowReference } from './rowReference';
export { STAFF_SOURCES, SOURCE_TABLE, SOURCE_EN, SOURCE_ZH, loadStaffTables, type StaffSource, type StaffTables } from './staffSources';
export { activeStaff, isActiveAt, type SourceStaff, type StaffRecord } from './activeStaff';
export { missingBand, type MissingBand } from './missingBand';
export { requiredElements, missingElementsOf, type RequiredElement } from './missingElements';
export { registrationRules, REGISTRATION_LEVELS, type RegistrationLevel, type MismatchRule, type MissingRule } from './registrationRules';
export {
  reconcileRegistration,
  type RegistrationReconciliation,
  type RegistrationGroup,
  type SourceComparison,
  type MissingSummary,
  type UnmatchedRecord,
  type ComparedSource,
} from './reconcileRegistration';
export { registrationGroupRows, registrationElementRows, registrationSourceRows, unmatchedRows, mostMissing } from './registrationTables';
export { policySales, channelTypeOf, type PolicySale, type ApplicationDateSource, type ChannelTypeSource } from './policySales';
export { recordingRules, type RecordingRules, type RecordingRequirementRule, type PassRateRule } from './recordingRules';
export { recordingRequirement, type RecordingRequirement, type RequirementStatus, type UnknownField } from './recordingRequirement';
export { recordingTiming, LATE_TIMINGS, type RecordingTiming } from './recordingTiming';
export { durationSummary, DURATION_BIN_EDGES, type DurationSummary, type DurationBin } from './durationSummary';
export {
  recordingTraceability,
  TRACE_LEVELS,
  type RecordingTraceability,
  type SaleTrace,
  type TraceGroup,
  type TraceLevel,
  type ReviewRate,
  type RuleRegionGroup,
} from './recordingTraceability';
export { traceabilityGroupRows, ruleRegionRows, requiredSaleRows, missingSaleRows, durationRows, basisRows } from './traceabilityTables';
export { loadTraceabilityData, type TraceabilityData } from './traceabilityData';
