export { EditorialService, PURGE_JOB, UNDO_WINDOW_MS, REVISION_MERGE_MS, KEPT_REVISIONS } from './editorial.service.js';
export { visibleTo } from './post-list.repository.js';
export type { AdminPostFilter } from './post-list.repository.js';
export type { RevisionRow, RevisionWithSnapshot } from './revision.repository.js';
