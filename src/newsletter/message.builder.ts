import { composeMessage, type Address, type DkimSigner } from '../email/index.js';
import type { LinkSigner } from '../subscribers/index.js';
import { PREFERENCES_URL, UNSUBSCRIBE_URL } from './email.content.js';
import type { SendContent } from './send.types.js';

export interface MessageSettings {
  subject: string;
  from: Address;
  replyTo?: string;
  publicUrl: string;
  newsletterId: number;
  links: LinkSigner;
  dkim?: DkimSigner;
  date: Date;
}

const PLACEHOLDER = new RegExp(`(${UNSUBSCRIBE_URL}|${PREFERENCES_URL})`);

/** Builds each recipient's message from a send's content: their own links, List-Unsubscribe headers, DKIM. */
export class MessageBuilder {
  private readonly html: string[];
  private readonly text: string[];
  private readonly listId: string;

  constructor(
    private readonly content: SendContent,
    private readonly settings: MessageSettings,
  ) {
    this.html = content.html.split(PLACEHOLDER);
    this.text = content.text.split(PLACEHOLDER);
    this.listId = `${content.newsletterName.replace(/[^\x20-\x7e]|[<>"]/g, '')} <${content.newsletterSlug}.${settings.from.address.split('@')[1] ?? 'localhost'}>`;
  }

  linksFor(subscriberId: number): { unsubscribe: string; preferences: string } {
    const { links, publicUrl, newsletterId } = this.settings;
    return {
      unsubscribe: `${publicUrl}/newsletter/unsubscribe/?token=${links.sign({ purpose: 'unsubscribe', subscriberId, newsletterId })}`,
      preferences: `${publicUrl}/newsletter/preferences/?token=${links.sign({ purpose: 'preferences', subscriberId })}`,
    };
  }

  build(to: string, urls: { unsubscribe: string; preferences: string }): string {
    const fill = (parts: string[]) => parts.map((p) => (p === UNSUBSCRIBE_URL ? urls.unsubscribe : p === PREFERENCES_URL ? urls.preferences : p)).join('');
    const message = composeMessage({
      from: this.settings.from,
      to,
      subject: this.settings.subject,
      html: fill(this.html),
      text: fill(this.text),
      replyTo: this.settings.replyTo,
      date: this.settings.date,
      headers: {
        'List-Id': this.listId,
        'List-Unsubscribe': `<${urls.unsubscribe}>`,
        'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      },
    });
    return this.settings.dkim ? this.settings.dkim.sign(message, this.settings.date) : message;
  }
}
