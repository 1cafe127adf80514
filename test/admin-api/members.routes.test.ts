import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type AppContext } from '../support/app.js';
import { startStripeServer, type StripeTestServer } from '../support/stripe-server.js';
import { gbAddress, giveGift, makePlans, subscribe, usAddress } from '../members/helpers.js';
import { staffClient, type AdminClient } from './support/admin-client.js';

describe('members and print issues in the admin API', () => {
  let t: AppContext;
  let stripe: StripeTestServer;
  let editor: AdminClient;
  let author: AdminClient;
  let plans: Awaited<ReturnType<typeof makePlans>>;

  beforeAll(async () => {
    stripe = await startStripeServer();
    t = await testApp('sqlite', { stripe: stripe.settings });
    plans = await makePlans(t.services);
    await subscribe(t.services, stripe, { plan: 'print-digital', billing: 'year', email: 'ada@example.com', address: gbAddress });
    await subscribe(t.services, stripe, { plan: 'digital', billing: 'month', email: 'sam@example.com' });
    await giveGift(t.services, stripe, { plan: 'print-digital', buyer: 'giver@example.com', recipient: { email: 'lucky@example.com', name: 'Lucky Reader', message: 'Enjoy', address: usAddress } });
    editor = (await staffClient(t.app, t.services, 'editor')).client;
    author = (await staffClient(t.app, t.services, 'author')).client;
  });
  afterAll(async () => {
    await t.close();
    await stripe.close();
  });

  const emails = async (query: string) => {
    const res = await editor.call('GET', `/admin/api/members${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return { emails: res.json().members.map((m: { email: string }) => m.email), total: res.json().total };
  };

  it('searches members by email or name and filters them by plan and subscription status', async () => {
    expect(await emails('?q=ADA')).toEqual({ emails: ['ada@example.com'], total: 1 });
    expect(await emails('?q=lucky%20reader')).toEqual({ emails: ['lucky@example.com'], total: 1 });
    expect((await emails(`?plan=${plans.print.id}`)).emails).toEqual(['lucky@example.com', 'ada@example.com']);
    expect((await emails(`?plan=${plans.digital.id}&status=active`)).emails).toEqual(['sam@example.com']);
    expect((await emails('?status=lapsed')).total).toBe(0);
    expect((await emails('?q=%25')).total).toBe(0);
    const bad = await editor.call('GET', '/admin/api/members?status=happy&plan=x');
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .error.fields.map((f: { field: string }) => f.field)
        .sort(),
    ).toEqual(['plan', 'status']);
  });

  it("shows one member's subscriptions, who paid for a gift, the gifts they gave and their checkouts", async () => {
    const lucky = await t.services.members.get({ email: 'lucky@example.com' });
    const giver = await t.services.members.get({ email: 'giver@example.com' });
    const recipient = (await editor.call('GET', `/admin/api/members/${lucky.id}`)).json();
    expect(recipient.member).toMatchObject({ email: 'lucky@example.com', address: { country: 'US', postcode: '62701' } });
    expect(recipient.subscriptions).toMatchObject([{ billing: 'gift', status: 'active', issuesRemaining: 4, plan: { slug: 'print-digital' }, buyer: { email: 'giver@example.com' } }]);
    const buyer = (await editor.call('GET', `/admin/api/members/${giver.id}`)).json();
    expect(buyer.subscriptions).toEqual([]);
    expect(buyer.giftsGiven).toMatchObject([{ billing: 'gift', recipient: { email: 'lucky@example.com' } }]);
    expect(buyer.checkouts).toMatchObject([{ billing: 'gift', status: 'completed', planId: plans.print.id, giftRecipient: { email: 'lucky@example.com', name: 'Lucky Reader' } }]);
    expect((await editor.call('GET', '/admin/api/members/99999')).statusCode).toBe(404);
    expect((await editor.call('GET', '/admin/api/members/nope')).statusCode).toBe(404);
    expect((await author.call('GET', `/admin/api/members/${lucky.id}`)).statusCode).toBe(403);
  });

  it('freezes an issue now: the cutoff moves to this moment and the list holds every paid-up print subscriber', async () => {
    const created = await editor.call('POST', '/admin/api/members/print-issues', { name: 'Spring 2099', onSaleDate: '2099-03-01', addressCutoff: '2099-02-01T00:00:00Z' });
    const id = created.json().id;
    expect((await author.call('POST', `/admin/api/members/print-issues/${id}/freeze`)).statusCode).toBe(403);
    const before = Date.now();
    const frozen = await editor.call('POST', `/admin/api/members/print-issues/${id}/freeze`);
    expect(frozen.statusCode, frozen.body).toBe(200);
    expect(frozen.json().report).toEqual({ copies: 2, subscribers: 2, withoutAddress: 0 });
    expect(Date.parse(frozen.json().issue.addressCutoff)).toBeGreaterThanOrEqual(before - 1000);
    expect(frozen.json().issue.frozenAt).not.toBeNull();
    const again = await editor.call('POST', `/admin/api/members/print-issues/${id}/freeze`);
    expect([again.statusCode, again.json().error.code]).toEqual([409, 'PRINT_ISSUE_FROZEN']);
    expect((await editor.call('GET', `/admin/api/members/print-issues/${id}/countries`)).json().countries).toEqual([
      { country: 'GB', subscribers: 1, copies: 1 },
      { country: 'US', subscribers: 1, copies: 1 },
    ]);
    expect(await t.store.db.selectFrom('jobs').select('id').where('key', '=', `print-freeze:${id}`).where('state', '=', 'pending').execute()).toEqual([]);
  });

  it('describes every members and print endpoint in the OpenAPI document', async () => {
    const paths = (await editor.call('GET', '/admin/api/openapi.json')).json().paths;
    expect(
      Object.keys(paths)
        .filter((p) => p.startsWith('/admin/api/members'))
        .sort(),
    ).toEqual([
      '/admin/api/members',
      '/admin/api/members/offers',
      '/admin/api/members/offers/{id}',
      '/admin/api/members/offers/{id}/end',
      '/admin/api/members/plans',
      '/admin/api/members/plans/{id}',
      '/admin/api/members/print-issues',
      '/admin/api/members/print-issues/{id}',
      '/admin/api/members/print-issues/{id}/countries',
      '/admin/api/members/print-issues/{id}/freeze',
      '/admin/api/members/print-issues/{id}/fulfilment',
      '/admin/api/members/print-issues/{id}/fulfilment.csv',
      '/admin/api/members/tips',
      '/admin/api/members/{id}',
      '/admin/api/members/{id}/erase',
      '/admin/api/members/{id}/export',
    ]);
    expect(paths['/admin/api/members/plans'].post.requestBody.content['application/json'].schema.properties.tier.enum).toEqual(['free', 'digital', 'print']);
    expect(paths['/admin/api/members/print-issues/{id}/fulfilment.csv'].get.responses['200'].content).toHaveProperty('text/csv');
    expect(paths['/admin/api/members'].get.parameters.map((p: { name: string }) => p.name)).toEqual(['q', 'plan', 'status', 'limit', 'offset', 'after']);
  });
});
