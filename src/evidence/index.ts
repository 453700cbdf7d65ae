export { toCsv, type TableCell, type TableRow } from './csv';
export { sha256, sha256File } from './hash';
export { renderOutputs, jsonText, type BundleFiles } from './renderOutputs';
export { buildManifest, softwareProvenance, PACKAGE_ROOT, type Manifest } from './manifest';
export { writeBundle, bundleTarget, type IfExists } from './writeBundle';
export { fileBundle } from './fileBundle';
