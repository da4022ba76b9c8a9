// The Excel module's public face: ledger import/export and templates, the statistics workbook, and the
// superior's template inspected and filled. Everything else in this folder is an implementation detail.
export { previewImport, readImport, MAX_IMPORT_ROWS } from './import-ledger';
export type { ImportContext, ImportRead } from './import-ledger';
export { buildImportTemplate, ledgerSheetName, TEMPLATE_ROWS } from './import-template';
export { exportLedger } from './export-ledger';
export type { ExportOptions } from './export-ledger';
export { buildStatsWorkbook } from './stats-workbook';
export type { ClueMatrix, StatsWorkbookInput } from './stats-workbook';
export { inspectXlsxTemplate } from './template-inspect';
export type { TemplateInspection } from './template-inspect';
export { fillXlsxTemplate } from './template-fill';
export type { FillResult, Lookup, PerUnitLookup } from './template-fill';
export { checkXlsx, MAX_FILE_BYTES } from './file-check';
export { ledgerColumns } from './columns';
export type { ColumnSpec } from './columns';
export { excelLookup, excelUnitLookups } from './lookup';
