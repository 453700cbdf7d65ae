export { COLUMN_KINDS, NUMERIC_KINDS, KIND_DECIMALS, EXCEL_NUMBER_FORMAT, excelNumberFormat, type ColumnKind } from './columnKind';
export { column, tableDeclaration, LANGUAGES, type Lang, type Label, type ColumnDeclaration, type TableDeclaration } from './column';
export { KNOWN_COLUMNS } from './knownColumns';
export { inferColumn, keyLabel } from './inferColumn';
export { formatCell } from './formatCell';
export { typedTable, rowKeys, type TypedTable } from './typedTable';
