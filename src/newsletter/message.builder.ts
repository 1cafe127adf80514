// Imported file by file, not through the domain index: worker threads load this and must stay light.
import { randomBytes } from 'node:crypto';
import { DkimSigner, type DkimKey } from '../email/dkim.js';
import { assertHeaderSafe, encodeHeaderText, formatAddress, messageBytes, QuotedPrintableBody, type Address, type ComposedMessage } from '../email/mime.js';
import type { LinkSigner } from '../subscribers/index.js';
import type { EngagementSigner } from './engagement.tokens.js';
import { FOLLOWED_HTML, FOLLOWED_TEXT, PREFERENCES_URL, UNSUBSCRIBE_URL } from './placeholders.js';
import { linkSlot, OPEN_URL } from './tracked-links.js';
import type { EmailParts, ReaderAccess, SendContent } from './send.types.js';

const CRLF = '\r\n';

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
  /** Starts every Message-ID and the MIME boundary; threads building one send's messages share it. Random when absent. */
  idPrefix?: string;
}

export interface RecipientLinks {
  unsubscribe: string;
  preferences: string;
  /** The recipient's signed click address for each of the send's links, in the links' order. */
  clicks?: string[];
  /** The recipient's signed open address, where the send counts opens. */
  open?: string;
}

export interface Recipient {
  to: string;
  links: RecipientLinks;
  /** What the recipient may read in full; absent means what everyone may. */
  access?: ReaderAccess;
  /** Their own "From what you follow" (a digest's), absent or empty for none. */
  followed?: { html: string; text: string };
}

/** The recipient's own unsubscribe (this newsletter) and preferences links. */
export function recipientLinks(signer: LinkSigner, publicUrl: string, subscriberId: number, newsletterId: number): RecipientLinks {
  return {
    unsubscribe: `${publicUrl}/newsletter/unsubscribe/?token=${signer.sign({ purpose: 'unsubscribe', subscriberId, newsletterId })}`,
    preferences: `${publicUrl}/newsletter/preferences/?token=${signer.sign({ purpose: 'preferences', subscriberId })}`,
  };
}

/** The recipient's click and open addresses for a send that has `links` tracked links (and counts opens). */
export function engagementLinks(signer: EngagementSigner, publicUrl: string, send: { id: number; links: number; opens: boolean }, deliveryId: number): Pick<RecipientLinks, 'clicks' | 'open'> {
  const clicks = signer.clicks(send.id, deliveryId, send.links).map((token) => `${publicUrl}/newsletter/click/${token}`);
  return send.opens ? { clicks, open: `${publicUrl}/newsletter/open/${signer.open(send.id, deliveryId)}` } : { clicks };
}

/** The stand-ins each recipient's values replace, in the order `slotValues` gives them. */
const slots = (links: number) => [UNSUBSCRIBE_URL, PREFERENCES_URL, FOLLOWED_HTML, FOLLOWED_TEXT, OPEN_URL, ...Array.from({ length: links }, (_, n) => linkSlot(n))];
const slotValues = (links: RecipientLinks, followed: Recipient['followed']) => [links.unsubscribe, links.preferences, followed?.html ?? '', followed?.text ?? '', links.open ?? '', ...(links.clicks ?? [])];

/** A recipient with the unique part of their Message-ID fixed, so every thread builds the same bytes. */
export interface Addressed extends Recipient {
  uniqueId: string;
}

/**
 * Builds each recipient's message from a send's content: their own links, List-Unsubscribe
 * headers, DKIM. The bodies are encoded once (quoted-printable, see QuotedPrintableBody); a
 * message costs its headers, its links' encoding and a copy, plus the RSA signature with DKIM.
 */
export class MessageBuilder {
  /** One body per rendering; members and paid fall back to everyone's. */
  private readonly bodies: Record<ReaderAccess, QuotedPrintableBody>;
  /** Header lines before To, between To and Message-ID, and after List-Id up to the body. */
  private readonly headBefore: string;
  private readonly headMiddle: string;
  private readonly headAfter: string;
  private readonly domain: string;
  private readonly signer: DkimSigner | undefined;
  private readonly date: Date;
  /** Message-IDs are a random prefix (shared by the threads of one send) and a counter. */
  private readonly idPrefix: string;
  private count = 0;

  constructor(
    content: SendContent,
    private readonly settings: MessageSettings,
  ) {
    this.idPrefix = settings.idPrefix ?? randomBytes(12).toString('hex');
    const boundary = `=_mh_${this.idPrefix}`;
    const all = slots(content.links ?? 0);
    const body = (parts: EmailParts) => new QuotedPrintableBody(parts, all, boundary);
    const everyone = body(content);
    this.bodies = { everyone, members: content.members ? body(content.members) : everyone, paid: content.paid ? body(content.paid) : everyone };
    this.domain = settings.from.address.split('@')[1] ?? 'localhost';
    const listId = `${content.newsletterName.replace(/[^\x20-\x7e]|[<>"]/g, '')} <${content.newsletterSlug}.${this.domain}>`;
    // Feedback-ID (as mailbox providers' feedback loops read it): send, newsletter, kind, sender.
    const feedbackId = `${settings.sendId}:${content.newsletterSlug}:newsletter:masthead`;
    assertHeaderSafe([settings.subject, settings.from.name, settings.from.address, settings.replyTo ?? '', listId]);
    this.date = new Date(settings.date);
    this.headBefore = `From: ${formatAddress(settings.from, 'From: '.length)}${CRLF}To: `;
    this.headMiddle = [
      ...(settings.replyTo ? [`Reply-To: ${settings.replyTo}`] : []),
      `Subject: ${encodeHeaderText(settings.subject, 'Subject: '.length)}`,
      `Date: ${this.date.toUTCString().replace('GMT', '+0000')}`,
      'Message-ID: <',
    ].join(CRLF);
    this.headAfter = ['', 'MIME-Version: 1.0', `List-Id: ${listId}`, 'List-Unsubscribe-Post: List-Unsubscribe=One-Click', `Feedback-ID: ${feedbackId}`, `Content-Type: multipart/alternative; boundary="${boundary}"`].join(
      CRLF,
    );
    this.signer = settings.dkim ? new DkimSigner(settings.dkim) : undefined;
  }

  /** Fixes the unique part of the recipient's Message-ID. */
  address(recipient: Recipient): Addressed {
    return { ...recipient, uniqueId: `${this.idPrefix}.${(this.count += 1)}` };
  }

  compose({ to, links, access, followed, uniqueId }: Addressed): ComposedMessage {
    assertHeaderSafe([to, links.unsubscribe, links.preferences]);
    const head = `${this.headBefore}${to}${CRLF}${this.headMiddle}${uniqueId}@${this.domain}>${CRLF}List-Unsubscribe: <${links.unsubscribe}>${this.headAfter}`;
    return { head, body: (this.bodies[access ?? 'everyone'] ?? this.bodies.everyone).pieces(slotValues(links, followed)) };
  }

  /** The recipient's DKIM-Signature header line (the costly part: an RSA signature); none without a key. */
  signature(recipient: Addressed): string | undefined {
    return this.signer?.header(this.compose(recipient), this.date);
  }

  /**
   * The message's bytes in pieces (most shared by every message of the send, so a message costs
   * little memory), with the given DKIM-Signature line (made by `signature`, perhaps on another thread).
   */
  bytes(recipient: Addressed, signature: string | undefined): Buffer[] {
    const message = this.compose(recipient);
    return messageBytes(signature ? { head: `${signature}${CRLF}${message.head}`, body: message.body } : message);
  }

  /** The whole message on this thread, signed when DKIM is on (composed once). */
  build(recipient: Recipient): Buffer[] {
    const message = this.compose(this.address(recipient));
    return messageBytes(this.signer ? this.signer.sign(message, this.date) : message);
  }
}
