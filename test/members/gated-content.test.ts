import fs from 'node:fs';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type AppContext } from '../support/app.js';
import { startStripeServer, type StripeTestServer } from '../support/stripe-server.js';
import { freeAndPayingReaders, makeGatedPieces, makePlans, memberCookie, MEMBERS_SECRET, PAID_SECRET, subscribe } from './helpers.js';

describe('gated posts never reach readers who may not read them', () => {
  let t: AppContext;
  let stripe: StripeTestServer;
  let authorSlug: string;
  let membersSlug: string;
  let paidSlug: string;
  let freeCookie: string;
  let paidCookie: string;

  const cookieFor = (email: string) => memberCookie(t.services, email);
  const get = (url: string, cookie?: string) => t.app.inject({ url, headers: cookie ? { cookie } : {} });

  beforeAll(async () => {
    stripe = await startStripeServer();
    t = await testApp('sqlite', { stripe: stripe.settings });
    await makePlans(t.services);
    ({ authorSlug, membersSlug, paidSlug } = await makeGatedPieces(t.services));
    ({ freeCookie, paidCookie } = await freeAndPayingReaders(t.services, stripe));
  });
  afterAll(async () => {
    await t.close();
    await stripe.close();
  });

  it('post pages: anonymous readers get the excerpt and a call to join or subscribe', async () => {
    const members = await get(`/${membersSlug}/`);
    expect(members.statusCode).toBe(200);
    expect(members.body).toContain('Members teaser.');
    expect(members.body).toContain('Join for free');
    expect(members.body).toContain(`href="/members/signin/?next=%2F${membersSlug}%2F">Join for free`);
    expect(members.body).toContain(`Already a member? <a href="/members/signin/?next=%2F${membersSlug}%2F">Sign in`);
    expect(members.body).not.toContain(MEMBERS_SECRET);
    const paid = await get(`/${paidSlug}/`);
    expect(paid.body).toContain('Paid teaser.');
    expect(paid.body).toContain('<a class="button" href="/members/print/">Subscribe</a>');
    expect(paid.body).toContain(`Already a subscriber? <a href="/members/signin/?next=%2F${paidSlug}%2F">Sign in`);
    expect(paid.body).not.toContain(PAID_SECRET);
  });

  it('post pages: free members read members-only posts but get the upgrade call on paid ones; paying members read both', async () => {
    expect((await get(`/${membersSlug}/`, freeCookie)).body).toContain(MEMBERS_SECRET);
    const paidForFree = await get(`/${paidSlug}/`, freeCookie);
    expect(paidForFree.body).not.toContain(PAID_SECRET);
    expect(paidForFree.body).toContain('This piece is for paying subscribers');
    expect(paidForFree.body).toContain('<a class="button" href="/members/print/">Upgrade</a>');
    expect(paidForFree.body).not.toContain('Already a subscriber?');
    expect((await get(`/${membersSlug}/`, paidCookie)).body).toContain(MEMBERS_SECRET);
    expect((await get(`/${paidSlug}/`, paidCookie)).body).toContain(PAID_SECRET);
  });

  it('the page cache never hands a member’s full page to an anonymous reader, nor a teaser to a member', async () => {
    expect((await get(`/${paidSlug}/`, paidCookie)).body).toContain(PAID_SECRET);
    const anonymousAfter = await get(`/${paidSlug}/`);
    expect(anonymousAfter.body).not.toContain(PAID_SECRET);
    expect((await get(`/${paidSlug}/`)).body).not.toContain(PAID_SECRET);
    expect((await get(`/${paidSlug}/`, paidCookie)).body).toContain(PAID_SECRET);
    const forged = await get(`/${paidSlug}/`, 'masthead_member=forged-session-token');
    expect(forged.body).not.toContain(PAID_SECRET);
  });

  it('a lapsed or cancelled subscription loses access to paid posts at once', async () => {
    const { stripeId } = await subscribe(t.services, stripe, { plan: 'digital', billing: 'month', email: 'leaving@example.com' });
    const cookie = await cookieFor('leaving@example.com');
    expect((await get(`/${paidSlug}/`, cookie)).body).toContain(PAID_SECRET);
    const { signedEvent, subscriptionState } = await import('../support/stripe-server.js');
    const { payload, signature } = signedEvent('customer.subscription.deleted', subscriptionState(stripeId, { status: 'canceled' }));
    expect((await t.app.inject({ method: 'POST', url: '/webhooks/stripe', headers: { 'content-type': 'application/json', 'stripe-signature': signature }, payload })).statusCode).toBe(200);
    expect((await get(`/${paidSlug}/`, cookie)).body).not.toContain(PAID_SECRET);
  });

  it('feeds carry only the excerpt of gated posts, whoever asks', async () => {
    for (const url of ['/rss/', `/author/${authorSlug}/rss/`]) {
      for (const cookie of [undefined, paidCookie]) {
        const res = await get(url, cookie);
        expect(res.statusCode, url).toBe(200);
        expect(res.body).toContain('A paid piece');
        expect(res.body).not.toContain(PAID_SECRET);
        expect(res.body).not.toContain(MEMBERS_SECRET);
      }
    }
  });

  it('search pages and JSON do not reveal gated text', async () => {
    for (const url of ['/search/?q=Zanzibar', '/search.json?q=Zanzibar', '/search/?q=Quillwort', '/search.json?q=Quillwort', '/search/?q=paid+piece', '/search.json?q=paid+piece']) {
      for (const cookie of [undefined, freeCookie]) {
        const res = await get(url, cookie);
        expect(res.statusCode, url).toBe(200);
        expect(res.body, url).not.toContain(PAID_SECRET);
        expect(res.body, url).not.toContain(MEMBERS_SECRET);
      }
    }
  });

  it('archives and sitemaps list gated posts without their text', async () => {
    const index = await get('/sitemap.xml');
    const files = [...index.body.matchAll(/<loc>https?:\/\/[^/]+(\/sitemap-[^<]+)<\/loc>/g)].map((m) => m[1]!);
    expect(files.length).toBeGreaterThan(0);
    for (const url of ['/', `/author/${authorSlug}/`, ...files]) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(200);
      expect(res.body, url).not.toContain(PAID_SECRET);
      expect(res.body, url).not.toContain(MEMBERS_SECRET);
    }
  });

  it('newsletter emails of a paid post carry the teaser to readers who do not pay, the text to those who do', async () => {
    await t.services.subscribers.importCsv(Buffer.from('email\npaid@example.com\nreader@example.com\n'));
    const { sendId } = await t.services.newsletter.sendPost(paidSlug);
    const report = await t.services.sends.deliver(sendId!);
    expect(report.delivered).toBe(2);
    const outbox = path.join(t.dataDir, 'outbox');
    const mails = await Promise.all(fs.readdirSync(outbox).map((f) => simpleParser(fs.readFileSync(path.join(outbox, f)))));
    const to = (address: string) => mails.find((m) => m.subject === 'A paid piece' && [m.to].flat().some((a) => a?.text === address))!;
    const reader = to('reader@example.com');
    const paying = to('paid@example.com');
    expect(reader.text).toContain('Paid teaser.');
    for (const part of [reader.text, reader.html]) expect(part).not.toContain(PAID_SECRET);
    for (const part of [paying.text, paying.html]) expect(part).toContain(PAID_SECRET);
  });
});
