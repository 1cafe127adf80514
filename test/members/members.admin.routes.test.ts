import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type AppContext } from '../support/app.js';
import { startStripeServer, type StripeTestServer } from '../support/stripe-server.js';
import { staffClient, type AdminClient } from '../admin-api/support/admin-client.js';
import { gbAddress, makePlans, subscribe, usAddress } from './helpers.js';

describe('members admin API', () => {
  let t: AppContext;
  let stripe: StripeTestServer;
  let admin: AdminClient;
  let editor: AdminClient;
  let author: AdminClient;

  beforeAll(async () => {
    stripe = await startStripeServer();
    t = await testApp('sqlite', { stripe: stripe.settings });
    await makePlans(t.services);
    await subscribe(t.services, stripe, { plan: 'print-digital', billing: 'year', email: 'uk@example.com', address: gbAddress });
    await subscribe(t.services, stripe, { plan: 'print-digital', billing: 'year', email: 'us@example.com', address: usAddress });
    admin = (await staffClient(t.app, t.services, 'administrator')).client;
    editor = (await staffClient(t.app, t.services, 'editor')).client;
    author = (await staffClient(t.app, t.services, 'author')).client;
  });
  afterAll(async () => {
    await t.close();
    await stripe.close();
  });

  it('administrators manage plans; editors read them; authors and strangers are refused', async () => {
    const created = await admin.call('POST', '/admin/api/members/plans', { name: 'Supporter', tier: 'digital', yearlyCents: 12000, currency: 'EUR' });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ slug: 'supporter', currency: 'eur', yearlyCents: 12000 });
    const id = created.json().id;
    expect((await admin.call('PUT', `/admin/api/members/plans/${id}`, { name: 'Supporter', tier: 'digital', yearlyCents: 15000, active: false })).json()).toMatchObject({
      yearlyCents: 15000,
      active: false,
    });
    expect((await editor.call('GET', '/admin/api/members/plans')).json().plans).toHaveLength(3);
    expect((await editor.call('POST', '/admin/api/members/plans', { name: 'X', tier: 'free' })).statusCode).toBe(403);
    expect((await author.call('GET', '/admin/api/members/plans')).statusCode).toBe(403);
    expect((await t.app.inject('/admin/api/members/plans')).statusCode).toBe(401);
    expect((await admin.call('DELETE', `/admin/api/members/plans/${id}`)).statusCode).toBe(204);
    const inUse = await admin.call('DELETE', `/admin/api/members/plans/${(await t.services.plans.get({ slug: 'print-digital' })).id}`);
    expect([inUse.statusCode, inUse.json().error.code]).toEqual([409, 'PLAN_IN_USE']);
  });

  it('answers bad plan input with the fields named, and unknown ids with 404', async () => {
    const bad = await admin.call('POST', '/admin/api/members/plans', { name: '', tier: 'print', monthlyCents: 1.5, sneaky: true });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('VALIDATION_FAILED');
    const free = await admin.call('POST', '/admin/api/members/plans', { name: 'Free', tier: 'free', yearlyCents: 100 });
    expect(free.json().error.fields).toEqual([{ field: 'tier', message: 'a free plan cannot have prices' }]);
    for (const id of ['999999', 'abc', '-1', '1e3']) {
      expect((await admin.call('PUT', `/admin/api/members/plans/${id}`, { name: 'X', tier: 'free' })).statusCode, id).toBe(404);
    }
    expect((await admin.call('POST', '/admin/api/members/plans', 'not json', { 'content-type': 'application/json' })).statusCode).toBe(400);
    const taken = await admin.call('POST', '/admin/api/members/plans', { name: 'Digital', tier: 'digital', monthlyCents: 300 });
    expect([taken.statusCode, taken.json().error.fields]).toEqual([409, [{ field: 'slug', message: 'is taken' }]]);
  });

  it('lists members with their subscriptions, page by page', async () => {
    const res = await editor.call('GET', '/admin/api/members?limit=1');
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.json().total).toBe(2);
    expect(res.json().members).toHaveLength(1);
    expect(res.json().members[0].subscriptions[0]).toMatchObject({ status: 'active', issuesRemaining: 4 });
    expect((await editor.call('GET', '/admin/api/members?limit=5000')).statusCode).toBe(400);
  });

  it('editors create print issues, then download the frozen list and the counts by country', async () => {
    const created = await editor.call('POST', '/admin/api/members/print-issues', { name: 'Winter 2025', coverImageUrl: '/media/winter.jpg', onSaleDate: '2025-12-10', addressCutoff: '2025-12-01T00:00:00Z' });
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    const future = await editor.call('POST', '/admin/api/members/print-issues', { name: 'Winter 2099', onSaleDate: '2099-12-10', addressCutoff: '2099-12-01T00:00:00Z' });
    const notYet = await editor.call('GET', `/admin/api/members/print-issues/${future.json().id}/fulfilment.csv`);
    expect([notYet.statusCode, notYet.json().error.code]).toEqual([409, 'PRINT_ISSUE_NOT_FROZEN']);

    const csv = await editor.call('GET', `/admin/api/members/print-issues/${id}/fulfilment.csv`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toBe('attachment; filename="fulfilment-winter-2025.csv"');
    expect(csv.body.split('\r\n')).toHaveLength(4);
    expect((await editor.call('GET', `/admin/api/members/print-issues/${id}/countries`)).json()).toEqual({
      issue: 'winter-2025',
      countries: [
        { country: 'GB', subscribers: 1, copies: 1 },
        { country: 'US', subscribers: 1, copies: 1 },
      ],
    });
    expect((await editor.call('GET', `/admin/api/members/print-issues/${id}/fulfilment`)).json().items).toHaveLength(2);
    expect((await editor.call('GET', '/admin/api/members/print-issues')).json().issues.map((i: { slug: string }) => i.slug)).toEqual(['winter-2099', 'winter-2025']);
    const locked = await editor.call('DELETE', `/admin/api/members/print-issues/${id}`);
    expect([locked.statusCode, locked.json().error.code]).toEqual([409, 'PRINT_ISSUE_FROZEN']);
    expect((await author.call('GET', `/admin/api/members/print-issues/${id}/fulfilment.csv`)).statusCode).toBe(403);
    expect((await editor.call('GET', '/admin/api/members/print-issues/424242/fulfilment.csv')).statusCode).toBe(404);
    const badIssue = await editor.call('POST', '/admin/api/members/print-issues', { name: 'X', onSaleDate: 'soon', addressCutoff: '2099-02-30T00:00:00Z', coverImageUrl: 'javascript:alert(1)' });
    expect([...new Set(badIssue.json().error.fields.map((f: { field: string }) => f.field))].sort()).toEqual(['addressCutoff', 'coverImageUrl', 'onSaleDate']);
  });

  it('state-changing requests by session need the CSRF header', async () => {
    const res = await editor.call('POST', '/admin/api/members/print-issues', { name: 'Y', onSaleDate: '2099-12-10', addressCutoff: '2099-12-01T00:00:00Z' }, { 'x-csrf-token': 'forged' });
    expect(res.statusCode).toBe(403);
  });
});
