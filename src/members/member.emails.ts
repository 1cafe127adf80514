import type { OutgoingMessage } from '../email/index.js';
import { textDirection, type Translate } from '../i18n/index.js';

/** The durable job that sends one member email (payment reminders, gift notices, renewal reminders). */
export const MEMBER_EMAIL_JOB = 'members.email';

/** The site's language for member emails: the theme's messages, and dates written its way. */
export interface EmailWords {
  t: Translate;
  date(iso: string): string;
  /** The site's locale, for amounts written its way. */
  locale: string;
}

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/**
 * A short plain email: paragraphs, and optionally one link the reader should follow. The HTML part
 * is a whole document in the site's language and its direction, so a right-to-left one reads so.
 */
export function memberEmail({ locale }: Pick<EmailWords, 'locale'>, to: string, subject: string, paragraphs: string[], link?: { label: string; url: string }): OutgoingMessage {
  const text = [...paragraphs, ...(link ? [`${link.label}: ${link.url}`] : [])].join('\n\n');
  const body = [...paragraphs.map((p) => `<p>${escape(p)}</p>`), ...(link ? [`<p><a href="${escape(link.url)}">${escape(link.label)}</a></p>`] : [])].join('\n');
  const html = `<!doctype html>\n<html lang="${escape(locale)}" dir="${textDirection(locale)}">\n<head><meta charset="utf-8"><title>${escape(subject)}</title></head>\n<body>\n${body}\n</body>\n</html>`;
  return { to, subject, text, html };
}

export function signInEmail({ t, locale }: EmailWords, to: string, url: string, minutes: number): OutgoingMessage {
  return memberEmail({ locale }, to, t('memberEmail.signIn.subject'), [t('memberEmail.signIn.text', { count: minutes }), t('memberEmail.signIn.ignore')], {
    label: t('gate.signIn'),
    url,
  });
}

export function giftEmail({ t, locale }: EmailWords, to: string, from: string, plan: string, message: string): OutgoingMessage {
  return memberEmail({ locale }, to, t('memberEmail.gift.subject', { name: from }), [
    t('memberEmail.gift.text', { name: from, plan }),
    ...(message ? [t('memberEmail.gift.message', { message })] : []),
    t('memberEmail.gift.signIn'),
  ]);
}

export function paymentFailedEmail({ t, date, locale }: EmailWords, to: string, graceUntil: string, portal: string): OutgoingMessage {
  return memberEmail({ locale }, to, t('memberEmail.failed.subject'), [t('memberEmail.failed.text', { date: date(graceUntil) })], {
    label: t('memberEmail.updatePayment'),
    url: portal,
  });
}

export function graceEndingEmail({ t, date, locale }: EmailWords, to: string, graceUntil: string, portal: string): OutgoingMessage {
  return memberEmail({ locale }, to, t('memberEmail.grace.subject'), [t('memberEmail.grace.text', { date: date(graceUntil) })], {
    label: t('memberEmail.updatePayment'),
    url: portal,
  });
}

export function tipThanksEmail({ t, locale }: EmailWords, to: string, amount: string, site: string): OutgoingMessage {
  return memberEmail({ locale }, to, t('memberEmail.tip.subject'), [t('memberEmail.tip.text', { amount }), t('memberEmail.tip.more')], { label: t('memberEmail.tip.read'), url: `${site}/` });
}

export function lapsedEmail({ t, locale }: EmailWords, to: string, plans: string): OutgoingMessage {
  return memberEmail({ locale }, to, t('memberEmail.lapsed.subject'), [t('memberEmail.lapsed.text')], { label: t('memberEmail.lapsed.plans'), url: plans });
}

export function renewalReminderEmail({ t, locale }: EmailWords, to: string, issue: string, renew: string): OutgoingMessage {
  return memberEmail({ locale }, to, t('memberEmail.renewal.subject'), [t('memberEmail.renewal.text', { issue })], { label: t('memberEmail.renewal.button'), url: renew });
}
