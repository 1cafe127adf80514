export { NewsletterService, DIGEST_ASSEMBLE_JOB, DIGEST_SEND_JOB, POST_EMAIL_JOB, formatFrom } from './newsletter.service.js';
export { SendService, SEND_JOB, parseMailFrom } from './send.service.js';
export { sendSubscriberNotice } from './notices.js';
export { digestPatch, scheduleInput, testInput } from './digest.schema.js';
export { newsletterSettingsSchema, type NewsletterSettings } from './newsletter.settings.js';
export type { Digest, DigestItem } from './digest.types.js';
export type { SendReport } from './send.types.js';
export { FeedbackService, type FeedbackOutcome } from './feedback.service.js';
export { EngagementService } from './engagement.service.js';
