export { workTypes, creditRoles } from './work.types.js';
export type { Work, WorkType, Credit, CreditRole, Review, Rating, PersonSummary, Availability } from './work.types.js';
export { reviewInput, workInput, workReference } from './work.schema.js';
export type { ReviewInput, WorkInput, WorkReference } from './work.schema.js';
export { resolveWork, saveWork, workSlug } from './work.service.js';
export type { WorkChangeCheck } from './work.service.js';
export { loadWorks, listWorks, worksAfter } from './work.repository.js';
export { ReviewCatalogue } from './catalogue.service.js';
export type { PublicWork, PersonCredit, ReviewSummary } from './catalogue.service.js';
