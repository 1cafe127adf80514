export { PrintService, FREEZE_JOB } from './print.service.js';
export { printIssueInput } from './print.schema.js';
export type { FreezeReport } from './print.service.js';
export { fulfilmentCsv, CSV_HEADER } from './fulfilment-csv.js';
export type { PrintIssue, FulfilmentItem } from './print.types.js';
export { exportPrint, importPrintIssue, printSection } from './print.portability.js';
export type { PrintIssueExport } from './print.portability.js';
