export { createMailer, smtpMailer, outboxMailer, MailHeaderError } from './mailer.js';
export type { Mailer, OutgoingMessage, SentMessage, RawMessage } from './mailer.js';
export { formatAddress, messageBytes, QuotedPrintableBody, type Address, type ComposedMessage } from './mime.js';
export { DkimSigner, type DkimKey } from './dkim.js';
export { EmailRenderer, absoluteUrl, type EmailDocument, type EmailItem, type EmailSection, type Branding } from './render.js';
export { parseMailReport, type MailReport, type DsnRecipient } from './reports.js';
export { splitMessages } from './mbox.js';
