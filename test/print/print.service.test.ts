import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSV_HEADER } from '../../src/print/index.js';
import { dialects, manualClock, type TestContext } from '../support/stores.js';
import { subscriptionState, type StripeTestServer } from '../support/stripe-server.js';
import { deliver, gbAddress, stripeServices, subscribe, usAddress } from '../members/helpers.js';

describe.each(dialects)('print issues and fulfilment (%s)', (dialect) => {
  let t: TestContext;
  let stripe: StripeTestServer;
  let close: () => Promise<unknown>;
  const time = manualClock('2026-11-25T12:00:00.000Z');

  beforeAll(async () => {
    ({ t, stripe, close } = await stripeServices(dialect, { clock: time.clock }));
    await subscribe(t.services, stripe, { plan: 'print-digital', billing: 'year', email: 'uk@example.com', address: gbAddress });
    await subscribe(t.services, stripe, { plan: 'print-digital', billing: 'year', email: 'us@example.com', address: usAddress });
    await subscribe(t.services, stripe, { plan: 'digital', billing: 'year', email: 'digital@example.com' });
    const gone = await subscribe(t.services, stripe, { plan: 'print-digital', billing: 'year', email: 'gone@example.com', address: gbAddress });
    await deliver(t.services, 'customer.subscription.deleted', subscriptionState(gone.stripeId, { status: 'canceled' })).outcome;
    await t.services.subscriptions.startCheckout(null, {
      plan: 'print-digital',
      billing: 'gift',
      email: 'giver@example.com',
      gift: { email: 'recipient@example.com', name: 'Gift Reader', address: { ...gbAddress, name: 'Gift "Reader", Esq.', line1: '=HYPERLINK("x")' } },
    });
    const gift = stripe.requests.at(-1)!.body.get('client_reference_id');
    await deliver(t.services, 'checkout.session.completed', { id: 'cs_g', client_reference_id: gift, customer: 'cus_g', payment_status: 'paid' }).outcome;
  });
  afterAll(async () => close());

  it('refuses a print issue with bad fields, naming each', async () => {
    await expect(t.services.print.create({ name: '', onSaleDate: '2026-02-30', addressCutoff: 'tomorrow' })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      fields: expect.arrayContaining([expect.objectContaining({ field: 'name' }), expect.objectContaining({ field: 'onSaleDate' }), expect.objectContaining({ field: 'addressCutoff' })]),
    });
  });

  it('the export is refused with a clear error until the cutoff passes', async () => {
    const issue = await t.services.print.create({ name: 'Winter 2026', onSaleDate: '2026-12-10', addressCutoff: '2026-12-01T00:00:00Z' });
    expect(issue.slug).toBe('winter-2026');
    await expect(t.services.print.csv('winter-2026')).rejects.toMatchObject({ code: 'PRINT_ISSUE_NOT_FROZEN' });
    await expect(t.services.print.csv('no-such-issue')).rejects.toMatchObject({ code: 'PRINT_ISSUE_NOT_FOUND' });
  });

  it('at the cutoff a job freezes the list: active print subscribers and gift recipients with complete addresses, counted by country', async () => {
    const before = await t.services.members.get({ email: 'us@example.com' });
    time.set('2026-12-01T00:00:01.000Z');
    await t.services.runner.drain();
    const { issue, items, countries } = await t.services.print.fulfilment('winter-2026');
    expect(issue.frozenAt).toBe('2026-12-01T00:00:01.000Z');
    expect(items.map((i) => i.name).sort()).toEqual(['Ada Obi', 'Gift "Reader", Esq.', 'Sam Lee']);
    expect(countries).toEqual([
      { country: 'GB', subscribers: 2, copies: 2 },
      { country: 'US', subscribers: 1, copies: 1 },
    ]);
    expect((await t.services.members.subscriptions(before.id))[0]!.issuesRemaining).toBe(3);
  });

  it('address changes after the cutoff apply to the next issue, not the frozen one', async () => {
    const member = await t.services.members.get({ email: 'us@example.com' });
    await t.services.members.updateAddress(member.id, { ...usAddress, line1: '99 New Road' });
    const frozen = await t.services.print.fulfilment('winter-2026');
    expect(frozen.items.find((i) => i.memberId === member.id)?.line1).toBe('5 Main St');
    await t.services.print.create({ name: 'Spring 2027', onSaleDate: '2027-03-10', addressCutoff: '2027-03-01T00:00:00Z' });
    time.set('2027-03-01T00:00:01.000Z');
    await t.services.runner.drain();
    const next = await t.services.print.fulfilment('spring-2027');
    expect(next.items.find((i) => i.memberId === member.id)?.line1).toBe('99 New Road');
  });

  it('writes the CSV in the mailing-house layout, quoting commas and quotes and defusing formulas', async () => {
    const written = await t.services.print.csv('winter-2026');
    let csv = '';
    for await (const chunk of written.lines) csv += chunk;
    const { rows } = written;
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe(CSV_HEADER.join(','));
    expect(lines[0]).toBe('name,address_line_1,address_line_2,city,region,postcode,country_code,quantity,subscriber_id,issue');
    expect(rows).toBe(3);
    expect(csv).toContain('"Gift ""Reader"", Esq.","\'=HYPERLINK(""x"")",,London,,SW1A 1AA,GB,1,');
    expect(csv).toMatch(/Sam Lee,5 Main St,,Springfield,IL,62701,US,1,\d+,Winter 2026\r\n/);
  });

  it('counts down to the last issue and reminds non-renewing subscribers before it', async () => {
    await t.services.print.create({ name: 'Summer 2027', onSaleDate: '2027-06-10', addressCutoff: '2027-06-01T00:00:00Z' });
    time.set('2027-06-01T00:00:01.000Z');
    const reminders = () => t.store.db.selectFrom('jobs').select(['key', 'payload']).where('key', 'like', 'renewal-reminder:%').execute();
    expect(await reminders()).toHaveLength(0);
    await t.services.print.freeze((await t.services.print.get('summer-2027')).id);
    const sent = await reminders();
    expect(sent).toHaveLength(1);
    expect(sent[0]!.payload).toContain('recipient@example.com');
    const recipient = await t.services.members.get({ email: 'recipient@example.com' });
    expect((await t.services.members.subscriptions(recipient.id))[0]!.issuesRemaining).toBe(1);
  });

  it('freezing twice changes nothing, and a frozen issue keeps its cutoff', async () => {
    const issue = await t.services.print.get('winter-2026');
    expect(await t.services.print.freeze(issue.id)).toBeUndefined();
    expect((await t.services.print.fulfilment(issue.id)).items).toHaveLength(3);
    await expect(t.services.print.update(issue.id, { name: 'Winter 2026', onSaleDate: '2026-12-10', addressCutoff: '2027-01-01T00:00:00Z' })).rejects.toMatchObject({
      code: 'PRINT_ISSUE_FROZEN',
    });
    await expect(t.services.print.remove(issue.id)).rejects.toMatchObject({ code: 'PRINT_ISSUE_FROZEN' });
  });

  it('moving an unfrozen issue’s cutoff moves its freeze job', async () => {
    const issue = await t.services.print.create({ name: 'Autumn 2027', onSaleDate: '2027-09-10', addressCutoff: '2027-09-01T00:00:00Z' });
    await t.services.print.update(issue.id, { name: 'Autumn 2027', onSaleDate: '2027-09-20', addressCutoff: '2027-09-11T00:00:00Z' });
    expect((await t.services.jobs.find(t.store.db, `print-freeze:${issue.id}`))?.run_at).toBe('2027-09-11T00:00:00.000Z');
    await t.services.print.remove(issue.id);
    expect(await t.services.jobs.find(t.store.db, `print-freeze:${issue.id}`)).toBeUndefined();
  });
});
