export { importSheets, DEFAULT_IMPORT_LIMITS, type ImportFile, type ImportLimits, type ImportOptions, type ImportResult } from './import.js';
export type { MergeReport } from './merge.js';
export type { Notice } from './patch.js';
export { Mapping, TableMapping, mappingJsonSchema, parseMapping } from './mapping.js';
export { formatSheetProblem, SheetImportError, type SheetProblem } from './problems.js';
export { checkZip, DEFAULT_ZIP_LIMITS, type ZipLimits } from './read/zip-guard.js';
export { parseAmount } from './read/numbers.js';
export { TABLES, TABLE_KINDS, type TableKind } from './tables/definitions.js';
