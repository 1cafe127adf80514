import type { EmailDocument, EmailRenderer, Mailer } from '../email/index.js';
import type { SettingsService } from '../settings/index.js';
import type { SubscriberEmailKind, SubscriberService } from '../subscribers/index.js';
import type { NewsletterService } from './newsletter.service.js';
import { formatFrom } from './newsletter.service.js';
import type { SendService } from './send.service.js';

export interface NoticeDeps {
  subscribers: SubscriberService;
  newsletters: NewsletterService;
  sends: SendService;
  site: SettingsService;
  renderer: EmailRenderer;
  mailer: Mailer;
  publicUrl: string;
}

/** Sends the emails of the signup flow: the confirmation link, the welcome, and "already subscribed". */
export async function sendSubscriberNotice(deps: NoticeDeps, payload: { subscriberId: number; kind: SubscriberEmailKind }): Promise<void> {
  const row = await deps.subscribers.findRow(payload.subscriberId);
  if (!row) return;
  if (payload.kind === 'confirm' && (row.status !== 'pending' || !row.confirm_nonce)) return;
  const site = await deps.site.site();
  const links = await deps.subscribers.links();
  const base = `${deps.publicUrl}/newsletter`;
  const preferencesUrl = `${base}/preferences/?token=${links.sign({ purpose: 'preferences', subscriberId: row.id })}`;
  const unsubscribeUrl = `${base}/unsubscribe/?token=${links.sign({ purpose: 'unsubscribe', subscriberId: row.id, newsletterId: 0 })}`;
  let subject: string;
  let doc: EmailDocument;
  if (payload.kind === 'confirm') {
    subject = `Confirm your subscription to ${site.title}`;
    doc = {
      preheader: 'One click and you are on the list.',
      heading: 'Please confirm your subscription',
      intro: `Someone, hopefully you, asked to receive the ${site.title} newsletter at this address. Confirm with the button below; the link works for three days.\n\nIf it was not you, ignore this email and nothing will happen.`,
      button: { label: 'Yes, subscribe me', url: `${base}/confirm/?token=${await deps.subscribers.confirmToken(row)}` },
      sections: [],
      footer: { reason: `This email was sent because this address was entered on ${site.title}.` },
    };
  } else if (payload.kind === 'welcome') {
    subject = `Welcome to ${site.title}`;
    doc = {
      preheader: 'You are subscribed.',
      heading: `Welcome to ${site.title}`,
      intro: 'You are subscribed. The next newsletter will be in your inbox soon. You can choose which newsletters you get at any time.',
      button: { label: 'Choose your newsletters', url: preferencesUrl },
      sections: [],
      footer: { reason: `You subscribed to ${site.title}.`, preferencesUrl, unsubscribeUrl },
    };
  } else {
    subject = `You are already subscribed to ${site.title}`;
    doc = {
      preheader: 'Nothing to do.',
      heading: 'You are already subscribed',
      intro: 'Someone, hopefully you, tried to subscribe this address again. It already gets our newsletter; you can change which ones below.',
      button: { label: 'Choose your newsletters', url: preferencesUrl },
      sections: [],
      footer: { reason: `You subscribed to ${site.title}.`, preferencesUrl, unsubscribeUrl },
    };
  }
  const rendered = await deps.renderer.render(subject, doc, await deps.newsletters.branding());
  const sender = await deps.sends.sender();
  await deps.mailer.send({
    to: row.email,
    subject,
    ...rendered,
    from: formatFrom(sender.from),
    ...(sender.replyTo ? { replyTo: sender.replyTo } : {}),
    ...(payload.kind === 'confirm' ? {} : { headers: { 'List-Unsubscribe': `<${unsubscribeUrl}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' } }),
  });
}
