import { afterEach, describe, expect, it } from 'vitest';
import { exportDocument, importDocument } from './site-document-support.js';
import { dialects, manualClock, testServices, type TestContext } from '../support/stores.js';
import { startStripeServer } from '../support/stripe-server.js';
import { gbAddress, makePlans, subscribe } from '../members/helpers.js';

describe.each(dialects)('memberships and print in export and import on %s', (dialect) => {
  const open: TestContext[] = [];
  afterEach(async () => {
    for (const t of open.splice(0)) await t.close();
  });

  it('plans, members, subscriptions and print issues with their frozen lists survive a round trip', async () => {
    const stripe = await startStripeServer();
    const time = manualClock('2026-11-25T12:00:00.000Z');
    try {
      const source = await testServices(dialect, { stripe: stripe.settings, clock: time.clock });
      open.push(source);
      await makePlans(source.services);
      await subscribe(source.services, stripe, { plan: 'print-digital', billing: 'year', email: 'uk@example.com', address: gbAddress });
      await source.services.print.create({ name: 'Winter 2026', onSaleDate: '2026-12-10', addressCutoff: '2026-12-01T00:00:00Z' });
      await source.services.print.create({ name: 'Spring 2027', onSaleDate: '2027-03-10', addressCutoff: '2027-03-01T00:00:00Z' });
      time.set('2026-12-02T00:00:00.000Z');
      await source.services.runner.drain();
      const first = await exportDocument(source.services);
      expect(first.memberships.plans.map((p) => p.slug)).toEqual(['digital', 'print-digital']);
      expect(first.memberships.subscriptions[0]).toMatchObject({ member: 'uk@example.com', plan: 'print-digital', issuesRemaining: 3 });
      expect(first.printIssues.map((i) => [i.slug, i.fulfilment.length])).toEqual([
        ['winter-2026', 1],
        ['spring-2027', 0],
      ]);

      const target = await testServices(dialect, { clock: time.clock });
      open.push(target);
      await importDocument(target.services, first);
      expect(await exportDocument(target.services)).toEqual(first);
      const spring = await target.services.print.get('spring-2027');
      expect((await target.services.jobs.find(target.store.db, `print-freeze:${spring.id}`))?.run_at).toBe('2027-03-01T00:00:00.000Z');
    } finally {
      await stripe.close();
    }
  });

  it('refuses a document whose subscription names a plan it does not contain, importing nothing', async () => {
    const target = await testServices(dialect);
    open.push(target);
    const document = await exportDocument(target.services);
    document.memberships.members.push({ email: 'a@example.com', name: 'A', stripeCustomerId: null, address: null });
    document.memberships.subscriptions.push({
      member: 'a@example.com',
      buyer: null,
      plan: 'missing',
      billing: 'year',
      status: 'active',
      stripeSubscriptionId: null,
      currentPeriodEnd: null,
      cancelAtPeriodEnd: false,
      graceUntil: null,
      issuesRemaining: 0,
    });
    await expect(importDocument(target.services, document)).rejects.toMatchObject({ code: 'IMPORT_INVALID', fields: [{ field: 'memberships.subscriptions.0.plan' }] });
    await expect(target.services.members.get({ email: 'a@example.com' })).rejects.toMatchObject({ code: 'MEMBER_NOT_FOUND' });
  });
});
