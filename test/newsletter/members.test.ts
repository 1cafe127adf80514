import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smtpMailer } from '../../src/email/index.js';
import { deliver, makeGatedPieces, makePlans, MEMBERS_SECRET, PAID_SECRET, subscribe } from '../members/helpers.js';
import { testApp, type AppContext } from '../support/app.js';
import { makeAuthor, postFields } from '../support/factories.js';
import { startSmtp, type TestSmtp } from '../support/smtp.js';
import { startStripeServer, subscriptionState, type StripeTestServer } from '../support/stripe-server.js';

const OUTSIDER = 'outsider@example.com';
const FREE = 'free@example.com';
const PAID = 'paid@example.com';

describe('newsletter emails to members and to everyone else', () => {
  let t: AppContext;
  let smtp: TestSmtp;
  let stripe: StripeTestServer;
  let membersSlug: string;
  let paidSlug: string;
  let paidSubscription: string;

  beforeAll(async () => {
    smtp = await startSmtp();
    stripe = await startStripeServer();
    const mailer = smtpMailer({ smtpUrl: smtp.url, mailFrom: 'Magazine <news@magazine.example>', dkim: undefined }, { maxConnections: 2 });
    t = await testApp('sqlite', { mailer, stripe: stripe.settings });
    await t.services.sends.updateSettings({ messagesPerSecond: 1000 });
    await makePlans(t.services);
    // Subscribers, matched to reader accounts by address whatever its case.
    await t.services.subscribers.importCsv(Buffer.from(`email\n${OUTSIDER}\nFree@Example.com\n${PAID}\n`));
    let token = '';
    await t.services.members.requestSignIn(' FREE@example.com', (value) => (token = value));
    await t.services.members.completeSignIn(token);
    paidSubscription = (await subscribe(t.services, stripe, { plan: 'digital', billing: 'month', email: PAID })).stripeId;

    ({ membersSlug, paidSlug } = await makeGatedPieces(t.services));
  });
  afterAll(async () => {
    await t.services.mailer.close();
    await t.close();
    await stripe.close();
    await smtp.close();
  });

  /** Every message of the last send, parsed, by recipient (raw text too, so nothing hides in an encoding). */
  async function lastSendByRecipient(since: number) {
    const byRecipient = new Map<string, { html: string; text: string; raw: string }>();
    for (let i = since; i < smtp.received.length; i += 1) {
      const mail = await smtp.parsed(i);
      byRecipient.set(smtp.received[i]!.to, { html: String(mail.html), text: mail.text ?? '', raw: smtp.received[i]!.raw.toString() });
    }
    return byRecipient;
  }

  function expectNotIn(mail: { html: string; text: string; raw: string }, secret: string) {
    expect(mail.html).not.toContain(secret);
    expect(mail.text).not.toContain(secret);
    expect(mail.raw).not.toContain(secret);
  }

  it('emails a paid piece in full to paying members only; the others get its excerpt and a link', async () => {
    const since = smtp.received.length;
    const { sendId } = await t.services.newsletter.sendPost(paidSlug);
    expect(await t.services.sends.deliver(sendId!)).toMatchObject({ delivered: 3, state: 'done' });
    const mails = await lastSendByRecipient(since);
    expect([...mails.keys()].sort()).toEqual([FREE, OUTSIDER, PAID]);
    // Links go through the site's click addresses; the piece's own address is one the send stores.
    expect((await t.services.sends.report(sendId!)).links.map((l) => l.url)).toContain(`http://localhost:3000/${paidSlug}/`);

    expect(mails.get(PAID)!.html).toContain(PAID_SECRET);
    expect(mails.get(PAID)!.text).toContain(PAID_SECRET);
    for (const reader of [OUTSIDER, FREE]) {
      const mail = mails.get(reader)!;
      expectNotIn(mail, PAID_SECRET);
      expect(mail.html).toContain('Paid teaser.');
      expect(mail.html).toContain('Read the full piece on');
      expect(mail.text).toContain('http://localhost:3000/newsletter/click/');
    }
  });

  it('gives each reader of the digest the gated pieces they may read, whole, and teasers of the rest', async () => {
    const digest = await t.services.newsletter.assemble(new Date(Date.now() + 60_000));
    expect(digest.items.map((i) => i.slug)).toEqual(expect.arrayContaining([membersSlug, paidSlug]));
    const since = smtp.received.length;
    const sendId = await t.services.newsletter.sendNow(digest.id);
    expect(await t.services.sends.deliver(sendId)).toMatchObject({ delivered: 3, state: 'done' });
    const mails = await lastSendByRecipient(since);

    const outsider = mails.get(OUTSIDER)!;
    expectNotIn(outsider, MEMBERS_SECRET);
    expectNotIn(outsider, PAID_SECRET);
    expect(outsider.html).toContain('Members teaser.');
    expect(outsider.html).toContain('Paid teaser.');

    const free = mails.get(FREE)!;
    expect(free.html).toContain(MEMBERS_SECRET);
    expect(free.text).toContain(MEMBERS_SECRET);
    expectNotIn(free, PAID_SECRET);
    expect(free.html).toContain('Paid teaser.');

    const paid = mails.get(PAID)!;
    expect(paid.html).toContain(MEMBERS_SECRET);
    expect(paid.html).toContain(PAID_SECRET);
    expect(paid.text).toContain(PAID_SECRET);
  });

  it('decides access as each message goes out: a paying member whose subscription ended gets the teaser', async () => {
    expect(await deliver(t.services, 'customer.subscription.deleted', subscriptionState(paidSubscription, { status: 'canceled' })).outcome).toBe('canceled');
    const author = await makeAuthor(t.services, { name: 'Late Writer' });
    const later = await t.services.posts.create(postFields([author.slug], { title: 'Another paid piece', excerpt: 'Later teaser.', body: `${PAID_SECRET} again.\n\nMore.`, visibility: 'paid', status: 'published' }));
    const since = smtp.received.length;
    const { sendId } = await t.services.newsletter.sendPost(later.slug);
    await t.services.sends.deliver(sendId!);
    const mails = await lastSendByRecipient(since);
    for (const reader of [OUTSIDER, FREE, PAID]) {
      expectNotIn(mails.get(reader)!, PAID_SECRET);
      expect(mails.get(reader)!.html).toContain('Later teaser.');
    }
  });
});
