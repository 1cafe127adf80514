export { workTypes, creditRoles, pieceRoles } from './work.types.js';
export type { Work, WorkType, Credit, CreditRole, Review, Rating, PersonSummary, Availability, NamedPerson, PieceRole } from './work.types.js';
export { namedPeopleInput, reviewInput, workInput, workReference } from './work.schema.js';
export type { NamedPersonInput, ReviewInput, WorkInput, WorkReference } from './work.schema.js';
export { namePeople, resolveWork, saveWork, workSlug } from './work.service.js';
export type { WorkChangeCheck } from './work.service.js';
export { loadNamedPeople, loadWorks, listWorks, worksAfter } from './work.repository.js';
export { ReviewCatalogue } from './catalogue.service.js';
export type { PublicWork, ReviewSummary } from './catalogue.service.js';
