// What the site needs of moving in: old addresses of imported sites. Importers load on demand
// (see the command line), so serving pages never loads them.
export { findOldAddress } from './old-address.repository.js';
export { oldAddressKey, namesOldItem } from './old-address.js';
// Imports started from the admin: the service loads an importer only when one runs.
export { ImportRunService, IMPORT_JOB } from './import-jobs.service.js';
export type { ImportRun, ImportRunSummary, ImportReportView, ImportState } from './import-jobs.service.js';
export { importPlatforms } from './import-jobs.files.js';
