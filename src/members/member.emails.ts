import type { OutgoingMessage } from '../email/index.js';

/** The durable job that sends one member email (payment reminders, gift notices, renewal reminders). */
export const MEMBER_EMAIL_JOB = 'members.email';

const escape = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** A short plain email: paragraphs, and optionally one link the reader should follow. */
export function memberEmail(to: string, subject: string, paragraphs: string[], link?: { label: string; url: string }): OutgoingMessage {
  const text = [...paragraphs, ...(link ? [`${link.label}: ${link.url}`] : [])].join('\n\n');
  const html = [
    ...paragraphs.map((p) => `<p>${escape(p)}</p>`),
    ...(link ? [`<p><a href="${escape(link.url)}">${escape(link.label)}</a></p>`] : []),
  ].join('\n');
  return { to, subject, text, html };
}

export function signInEmail(to: string, url: string, minutes: number): OutgoingMessage {
  return memberEmail(
    to,
    'Your sign-in link',
    [`Use the link below to sign in. It works once and expires in ${minutes} minutes.`, 'If you did not ask for it, ignore this email.'],
    { label: 'Sign in', url },
  );
}

export function giftEmail(to: string, from: string, plan: string, message: string): OutgoingMessage {
  return memberEmail(to, `${from} gave you a subscription`, [
    `${from} has given you a year of ${plan}.`,
    ...(message ? [`Their message: “${message}”`] : []),
    'Sign in with this email address on the magazine’s site to read everything and manage your delivery address.',
  ]);
}

export function paymentFailedEmail(to: string, graceUntil: string, portal: string): OutgoingMessage {
  return memberEmail(
    to,
    'Your payment did not go through',
    [`We could not take your latest subscription payment. You keep full access until ${graceUntil.slice(0, 10)}; please update your payment details before then.`],
    { label: 'Update payment details', url: portal },
  );
}

export function graceEndingEmail(to: string, graceUntil: string, portal: string): OutgoingMessage {
  return memberEmail(
    to,
    'Your subscription is about to lapse',
    [`Your last payment is still outstanding. Access ends on ${graceUntil.slice(0, 10)} unless the payment goes through.`],
    { label: 'Update payment details', url: portal },
  );
}

export function lapsedEmail(to: string, plans: string): OutgoingMessage {
  return memberEmail(to, 'Your subscription has lapsed', ['The outstanding payment was not made, so your subscription has lapsed. You can subscribe again at any time.'], {
    label: 'See the plans',
    url: plans,
  });
}

export function renewalReminderEmail(to: string, issue: string, renew: string): OutgoingMessage {
  return memberEmail(
    to,
    'Your next print issue is the last of your subscription',
    [`${issue} is on its way to you. Your subscription has one issue left after it; renew to keep the magazine coming.`],
    { label: 'Renew', url: renew },
  );
}
