import type { OutgoingMessage } from '../email/index.js';

/**
 * An email whose point is one link: what happened, the link, and how long it works. `ifNotYou`
 * tells someone who asked for nothing what to do.
 */
function linkEmail(message: { to: string; subject: string; intro: string; action: string; url: string; lasts: string; ifNotYou?: string }): OutgoingMessage {
  const closing = `The link works once and expires in ${message.lasts}.${message.ifNotYou ? ` ${message.ifNotYou}` : ''}`;
  return {
    to: message.to,
    subject: message.subject,
    text: `${message.intro}\n\n${message.action}:\n${message.url}\n\n${closing}\n`,
    html: `<p>${escapeHtml(message.intro)}</p><p><a href="${escapeHtml(message.url)}">${escapeHtml(message.action)}</a></p><p>${escapeHtml(closing)}</p>`,
  };
}

export function invitationEmail(to: string, invite: { inviter: string; site: string; role: string; url: string; days: number }): OutgoingMessage {
  return linkEmail({
    to,
    subject: `${invite.inviter} invited you to ${invite.site}`,
    intro: `${invite.inviter} invited you to join ${invite.site} as ${article(invite.role)} ${invite.role}.`,
    action: 'Accept the invitation and choose your password',
    url: invite.url,
    lasts: `${invite.days} days`,
  });
}

export function passwordResetEmail(to: string, reset: { site: string; url: string; lasts: string }): OutgoingMessage {
  return linkEmail({
    to,
    subject: `Reset your ${reset.site} password`,
    intro: `Someone asked to reset the password of your ${reset.site} account.`,
    action: 'Choose a new password',
    url: reset.url,
    lasts: reset.lasts,
    ifNotYou: 'If it was not you, ignore this email.',
  });
}

export function signInLinkEmail(to: string, link: { site: string; url: string; lasts: string }): OutgoingMessage {
  return linkEmail({
    to,
    subject: `Your ${link.site} sign-in link`,
    intro: `Someone asked for a link to sign in to your ${link.site} account without its password.`,
    action: 'Sign in',
    url: link.url,
    lasts: link.lasts,
    ifNotYou: 'If it was not you, ignore this email: nobody can sign in without the link or your password.',
  });
}

function article(word: string): string {
  return /^[aeiou]/.test(word) ? 'an' : 'a';
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
