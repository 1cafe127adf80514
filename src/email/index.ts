export { createMailer, smtpMailer, outboxMailer, MailHeaderError } from './mailer.js';
export type { Mailer, OutgoingMessage, SentMessage } from './mailer.js';
