// Imported file by file, not through the domain index: worker threads load this and must stay light.
import { randomBytes } from 'node:crypto';
import { DkimSigner, type DkimKey } from '../email/dkim.js';
import { composeMessage, messageBytes, type Address } from '../email/mime.js';
import type { LinkSigner } from '../subscribers/index.js';
import { PREFERENCES_URL, UNSUBSCRIBE_URL } from './placeholders.js';
import type { EmailParts, ReaderAccess, SendContent } from './send.types.js';

/** Everything a message needs besides its recipient; plain data, so it can be handed to a worker thread. */
export interface MessageSettings {
  subject: string;
  from: Address;
  replyTo?: string;
  dkim?: DkimKey;
  /** ISO date of the send, the Date header of every message. */
  date: string;
  /** The send's id, named in the Feedback-ID header so a bounce or complaint can be traced to it. */
  sendId: number;
}

export interface RecipientLinks {
  unsubscribe: string;
  preferences: string;
}

export interface Recipient {
  to: string;
  links: RecipientLinks;
  /** What the recipient may read in full; absent means what everyone may. */
  access?: ReaderAccess;
}

/** The recipient's own unsubscribe (this newsletter) and preferences links. */
export function recipientLinks(signer: LinkSigner, publicUrl: string, subscriberId: number, newsletterId: number): RecipientLinks {
  return {
    unsubscribe: `${publicUrl}/newsletter/unsubscribe/?token=${signer.sign({ purpose: 'unsubscribe', subscriberId, newsletterId })}`,
    preferences: `${publicUrl}/newsletter/preferences/?token=${signer.sign({ purpose: 'preferences', subscriberId })}`,
  };
}

const PLACEHOLDER = new RegExp(`(${UNSUBSCRIBE_URL}|${PREFERENCES_URL})`);

/** Builds each recipient's message from a send's content: their own links, List-Unsubscribe headers, DKIM. */
export class MessageBuilder {
  /** Each rendering split at the link stand-ins; members and paid fall back to everyone's. */
  private readonly parts: Record<ReaderAccess, { html: string[]; text: string[] }>;
  private readonly listId: string;
  private readonly feedbackId: string;
  private readonly signer: DkimSigner | undefined;
  private readonly date: Date;
  /** Message-IDs are this builder's random prefix and a counter: unique without randomness per message. */
  private readonly idPrefix = randomBytes(12).toString('hex');
  private count = 0;

  constructor(
    content: SendContent,
    private readonly settings: MessageSettings,
  ) {
    const split = (parts: EmailParts) => ({ html: parts.html.split(PLACEHOLDER), text: parts.text.split(PLACEHOLDER) });
    const everyone = split(content);
    this.parts = { everyone, members: content.members ? split(content.members) : everyone, paid: content.paid ? split(content.paid) : everyone };
    this.listId = `${content.newsletterName.replace(/[^\x20-\x7e]|[<>"]/g, '')} <${content.newsletterSlug}.${settings.from.address.split('@')[1] ?? 'localhost'}>`;
    // Feedback-ID (as mailbox providers' feedback loops read it): send, newsletter, kind, sender.
    this.feedbackId = `${settings.sendId}:${content.newsletterSlug}:newsletter:masthead`;
    this.signer = settings.dkim ? new DkimSigner(settings.dkim) : undefined;
    this.date = new Date(settings.date);
  }

  build({ to, links, access }: Recipient): Buffer {
    const parts = this.parts[access ?? 'everyone'] ?? this.parts.everyone;
    const fill = (pieces: string[]) => pieces.map((p) => (p === UNSUBSCRIBE_URL ? links.unsubscribe : p === PREFERENCES_URL ? links.preferences : p)).join('');
    const message = composeMessage({
      from: this.settings.from,
      to,
      subject: this.settings.subject,
      html: fill(parts.html),
      text: fill(parts.text),
      replyTo: this.settings.replyTo,
      date: this.date,
      uniqueId: `${this.idPrefix}.${(this.count += 1)}`,
      headers: {
        'List-Id': this.listId,
        'List-Unsubscribe': `<${links.unsubscribe}>`,
        'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
        'Feedback-ID': this.feedbackId,
      },
    });
    return messageBytes(this.signer ? this.signer.sign(message, this.date) : message);
  }
}
