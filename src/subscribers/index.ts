export { SubscriberService, SUBSCRIBER_EMAIL_JOB, type SubscriberEmailKind } from './subscriber.service.js';
export { whileSubscriberExists } from './subscriber-lock.js';
export { LinkSigner, type LinkClaims, type LinkPurpose } from './link.tokens.js';
export { emailAddress, subscribeInput, listQuery, portableNewsletters, portableSubscribers } from './subscriber.schema.js';
export { subscriberStatuses } from './subscriber.types.js';
export type { Newsletter, Subscriber, SubscriberChange, SubscriberStatus, ImportReport, ImportRejection, GrowthPoint } from './subscriber.types.js';
