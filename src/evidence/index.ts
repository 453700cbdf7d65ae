export { toCsv, evidenceCsv, neutraliseFormula, UTF8_BOM, type TableCell, type TableRow } from './csv';
export { sha256, sha256File } from './hash';
export { renderOutputs, outputTables, jsonText, type BundleFiles } from './renderOutputs';
export { tablesWorkbook, sheetNames, WORKBOOK_DATE } from './tablesWorkbook';
export { bundleProvenance, type BundleProvenance } from './provenance';
export { renderBundle } from './renderBundle';
export { buildManifest, softwareProvenance, PACKAGE_ROOT, type Manifest } from './manifest';
export { writeBundle, bundleTarget, type IfExists } from './writeBundle';
export { fileBundle } from './fileBundle';
export { fileEvidence, type FiledEvidence, type CommandLookup } from './fileEvidence';
export {
  verifyBundle,
  readManifest,
  type VerifyReport,
  type VerifyOptions,
  type InputCheck,
  type InputStatus,
  type OutputCheck,
  type OutputStatus,
} from './verify';
export {
  isPersonalHeader,
  confidentialData,
  findPersonalData,
  assertNoPersonalData,
  ConfidentialityError,
  type ConfidentialData,
  type PersonalColumn,
  type Leak,
} from './confidentiality';
