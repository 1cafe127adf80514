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
  const t = deps.renderer.translator(site.locale);
  const title = { site: site.title };
  const links = await deps.subscribers.links();
  const base = `${deps.publicUrl}/newsletter`;
  const preferencesUrl = `${base}/preferences/?token=${links.sign({ purpose: 'preferences', subscriberId: row.id })}`;
  const unsubscribeUrl = `${base}/unsubscribe/?token=${links.sign({ purpose: 'unsubscribe', subscriberId: row.id, newsletterId: 0 })}`;
  let subject: string;
  let doc: EmailDocument;
  if (payload.kind === 'confirm') {
    subject = t('notice.confirm.subject', title);
    doc = {
      preheader: t('notice.confirm.preheader'),
      heading: t('notice.confirm.heading'),
      intro: t('notice.confirm.intro', title),
      button: { label: t('notice.confirm.button'), url: `${base}/confirm/?token=${await deps.subscribers.confirmToken(row)}` },
      sections: [],
      footer: { reason: t('notice.confirm.reason', title) },
    };
  } else if (payload.kind === 'welcome') {
    subject = t('notice.welcome.subject', title);
    doc = {
      preheader: t('notice.welcome.preheader'),
      heading: t('notice.welcome.subject', title),
      intro: t('notice.welcome.intro'),
      button: { label: t('newsletters.choose'), url: preferencesUrl },
      sections: [],
      footer: { reason: t('notice.reason', title), preferencesUrl, unsubscribeUrl },
    };
  } else {
    subject = t('notice.already.subject', title);
    doc = {
      preheader: t('notice.already.preheader'),
      heading: t('notice.already.heading'),
      intro: t('notice.already.intro'),
      button: { label: t('newsletters.choose'), url: preferencesUrl },
      sections: [],
      footer: { reason: t('notice.reason', title), preferencesUrl, unsubscribeUrl },
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
