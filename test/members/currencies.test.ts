import { Migrator } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/db/client.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import { migrationProvider } from '../../src/db/migrations/index.js';
import { staffClient, type AdminClient } from '../admin-api/support/admin-client.js';
import { testApp, type AppContext } from '../support/app.js';
import { dialects, freshDatabase } from '../support/stores.js';
import { startStripeServer, type StripeTestServer } from '../support/stripe-server.js';

/** What a reader sees: Intl separates amounts and symbols with no-break spaces. */
const visible = (html: string) => html.replace(/\u00a0|\u202f/g, ' ').replace(/&#x20AC;|&euro;/g, '€');

describe.each(dialects)('plan prices in each currency, from the admin to Stripe (%s)', (dialect) => {
  let t: AppContext;
  let stripe: StripeTestServer;
  let admin: AdminClient;

  beforeAll(async () => {
    stripe = await startStripeServer();
    t = await testApp(dialect, { stripe: stripe.settings });
    admin = (await staffClient(t.app, t.services, 'administrator')).client;
  });
  afterAll(async () => {
    await t.close();
    await stripe.close();
  });

  const cases = [
    { currency: 'usd', typed: '12.50', minor: 1250, stripe: '1250', digits: 2, locale: 'en', shown: '$12.50' },
    { currency: 'EUR', typed: '12,50', minor: 1250, stripe: '1250', digits: 2, locale: 'de', shown: '12,50 €', month: 'im Monat' },
    { currency: 'jpy', typed: '500', minor: 500, stripe: '500', digits: 0, locale: 'ja', shown: '￥500' },
    { currency: 'krw', typed: '5000', minor: 5000, stripe: '5000', digits: 0, locale: 'ko', shown: '₩5,000' },
    { currency: 'bhd', typed: '12.5', minor: 12500, stripe: '12500', digits: 3, locale: 'en', shown: 'BHD 12.500' },
    { currency: 'isk', typed: '1500', minor: 1500, stripe: '150000', digits: 0, locale: 'en', shown: 'ISK 1,500' },
  ];

  it.each(cases)('a $currency price typed as "$typed" is kept as $minor, shown as $shown and charged as $stripe', async (c) => {
    const slug = `plan-${c.currency.toLowerCase()}`;
    const created = await admin.call('POST', '/admin/api/members/plans', { name: `Plan ${c.currency}`, slug, tier: 'digital', currency: c.currency, monthlyCents: c.typed });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ currency: c.currency.toLowerCase(), currencyDigits: c.digits, monthlyCents: c.minor });
    // The same amount sent as minor units is stored the same way.
    const again = await admin.call('PUT', `/admin/api/members/plans/${created.json().id}`, { name: `Plan ${c.currency}`, slug, tier: 'digital', currency: c.currency, monthlyCents: c.minor });
    expect(again.json().monthlyCents).toBe(c.minor);

    await t.services.settings.updateSite({ locale: c.locale });
    const page = await t.app.inject('/members/print/');
    const card = visible(page.body).split(`id="plan-${slug}"`)[1]!.split('</section>')[0]!;
    // German sites have German words; Japanese and Korean ones fall back to English.
    expect(card).toContain(`${c.shown} ${c.month ?? 'a month'}`);

    await t.services.subscriptions.startCheckout(null, { plan: slug, billing: 'month', email: `buyer-${slug}@example.com` });
    const sent = stripe.requests.at(-1)!;
    expect(sent.path).toBe('/v1/checkout/sessions');
    expect(sent.body.get('line_items[0][price_data][currency]')).toBe(c.currency.toLowerCase());
    expect(sent.body.get('line_items[0][price_data][unit_amount]')).toBe(c.stripe);
  });

  it('refuses an unknown currency and prices finer than the currency, naming the field', async () => {
    const plan = (currency: string, yearlyCents: unknown) => admin.call('POST', '/admin/api/members/plans', { name: 'Refused', tier: 'digital', currency, yearlyCents });
    const answers = await Promise.all([
      plan('xyz', '10'),
      plan('jpy', '500.5'),
      plan('krw', 5000.5),
      plan('usd', '12.505'),
      plan('bhd', '1.255'),
      plan('bhd', 1255),
      plan('usd', '12.50.1'),
      plan('usd', '0'),
      plan('usd', '9'.repeat(30)),
      plan('jpy', '1e3'),
    ]);
    expect(answers.map((a) => [a.statusCode, a.json().error.code, a.json().error.fields?.[0]?.field])).toEqual([
      [400, 'CURRENCY_UNKNOWN', 'currency'],
      [400, 'PRICE_TOO_PRECISE', 'yearlyCents'],
      [400, 'VALIDATION_FAILED', 'yearlyCents'],
      [400, 'PRICE_TOO_PRECISE', 'yearlyCents'],
      [400, 'PRICE_TOO_PRECISE', 'yearlyCents'],
      [400, 'PRICE_TOO_PRECISE', 'yearlyCents'],
      [400, 'VALIDATION_FAILED', 'yearlyCents'],
      [400, 'VALIDATION_FAILED', 'yearlyCents'],
      [400, 'VALIDATION_FAILED', 'yearlyCents'],
      [400, 'VALIDATION_FAILED', 'yearlyCents'],
    ]);
    expect(answers[1]!.json().error.fields[0].message).toBe('JPY has no decimals');
    const zeros = await plan('jpy', '500.00');
    expect([zeros.statusCode, zeros.json().yearlyCents]).toEqual([201, 500]);
  });

  it('refuses a checkout for a plan stored with a currency Stripe does not know, before calling Stripe', async () => {
    const created = await admin.call('POST', '/admin/api/members/plans', { name: 'Legacy', slug: 'legacy', tier: 'digital', currency: 'gbp', yearlyCents: 900 });
    await t.store.db.updateTable('plans').set({ currency: 'zzz' }).where('id', '=', created.json().id).execute();
    const before = stripe.requests.length;
    await expect(t.services.subscriptions.startCheckout(null, { plan: 'legacy', billing: 'year', email: 'legacy@example.com' })).rejects.toMatchObject({ code: 'CURRENCY_UNKNOWN' });
    expect(stripe.requests.length).toBe(before);
  });
});

describe.each(dialects)('migration 0068 moves stored prices to real minor units (%s)', (dialect) => {
  it('keeps what editors typed and readers saw: ¥500 stored as 50000 becomes 500; BHD 12.50 becomes 12500', async () => {
    const database = await freshDatabase(dialect);
    const store = openStore(database.config);
    try {
      const migrator = new Migrator({ db: store.db, provider: migrationProvider, allowUnorderedMigrations: true });
      expect((await migrator.migrateTo('0064-create-webhooks')).error).toBeUndefined();
      const now = '2026-01-01T00:00:00.000Z';
      const row = (slug: string, currency: string, monthly: number | null, yearly: number | null) => ({
        slug,
        name: slug,
        description: '',
        tier: 'digital',
        currency,
        monthly_cents: monthly,
        yearly_cents: yearly,
        gift_cents: null,
        issues_per_year: 0,
        active: 1,
        position: 0,
        created_at: now,
        updated_at: now,
      });
      await store.db
        .insertInto('plans')
        .values([row('yen', 'jpy', 50000, 500050), row('dinar', 'bhd', 1250, null), row('pound', 'gbp', 900, 9000), row('odd', 'xyz', 100, null)])
        .execute();
      await migrateToLatest(store.db);
      const plans = await store.db.selectFrom('plans').select(['slug', 'monthly_cents', 'yearly_cents', 'gift_cents']).orderBy('slug').execute();
      expect(plans).toEqual([
        { slug: 'dinar', monthly_cents: 12500, yearly_cents: null, gift_cents: null },
        { slug: 'odd', monthly_cents: 100, yearly_cents: null, gift_cents: null },
        { slug: 'pound', monthly_cents: 900, yearly_cents: 9000, gift_cents: null },
        { slug: 'yen', monthly_cents: 500, yearly_cents: 5001, gift_cents: null },
      ]);
    } finally {
      await store.close();
      await database.drop();
    }
  });
});
