import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { SiteDocument } from '../../src/portability/document.schema.js';
import { runCli } from '../support/cli.js';
import { dialects, testServices, type TestContext } from '../support/stores.js';

const MEMBERS = 20_000;
/** A heap the command line starts in with room to spare, far less than these lists take when read whole. */
const HEAP_MB = 60;
const now = '2026-11-01T00:00:00.000Z';

/** A print plan; MEMBERS members with an address, each on it, and a frozen issue posting to all of them. */
async function seedMemberships(t: TestContext): Promise<void> {
  const db = t.store.db;
  const plan = await db
    .insertInto('plans')
    .values({ slug: 'print', name: 'Print', tier: 'print', currency: 'gbp', monthly_cents: null, yearly_cents: 6000, gift_cents: null, issues_per_year: 4, created_at: now, updated_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  const issue = await db
    .insertInto('print_issues')
    .values({ slug: 'winter', name: 'Winter', cover_image_url: null, on_sale_date: '2026-12-10', address_cutoff: '2026-12-01T00:00:00.000Z', frozen_at: '2026-12-01T00:00:00.000Z', created_at: now, updated_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  const address = (i: number) => ({ name: `Reader Number ${i}`, line1: `${i} Long Harbour Road`, line2: 'Second floor, the flat at the back', city: 'Portsmouth', region: '', postcode: 'PO1 2AB', country: 'GB' });
  for (let from = 0; from < MEMBERS; from += 500) {
    const numbers = Array.from({ length: Math.min(500, MEMBERS - from) }, (_, k) => from + k);
    const members = await db
      .insertInto('members')
      .values(numbers.map((i) => ({ email: `reader${i}@example.com`, name: `Reader Number ${i}`, stripe_customer_id: `cus_${i}`, address: JSON.stringify(address(i)), created_at: now, updated_at: now })))
      .returning('id')
      .execute();
    const ids = members.map((m) => m.id);
    await db
      .insertInto('subscriptions')
      .values(
        ids.map((id) => ({
          member_id: id,
          buyer_member_id: null,
          plan_id: plan.id,
          billing: 'year',
          status: 'active',
          stripe_subscription_id: `sub_${id}`,
          current_period_end: '2027-11-01T00:00:00.000Z',
          grace_until: null,
          issues_remaining: 3,
          created_at: now,
          updated_at: now,
        })),
      )
      .execute();
    await db
      .insertInto('fulfilment_items')
      .values(ids.map((id, k) => ({ issue_id: issue.id, member_id: id, quantity: 1, ...address(numbers[k]!) })))
      .execute();
  }
}

/** The command line's environment for this test database, its heap capped. */
const cliEnv = (t: TestContext) => ({
  DATA_DIR: t.dataDir,
  DATABASE_URL: t.config.kind === 'postgres' ? t.config.url : `sqlite:${t.config.file}`,
  NODE_OPTIONS: `--max-old-space-size=${HEAP_MB}`,
});

async function count(t: TestContext, table: 'members' | 'subscriptions' | 'fulfilment_items'): Promise<number> {
  const { n } = await t.store.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(n);
}

describe.each(dialects)('masthead export and import of a site with many members on %s', { timeout: 300_000 }, (dialect) => {
  const open: TestContext[] = [];
  afterEach(async () => {
    for (const t of open.splice(0)) await t.close();
  });

  it(`writes ${MEMBERS.toLocaleString('en')} members, their subscriptions and an issue's fulfilment list within a ${HEAP_MB} MB heap`, async () => {
    const t = await testServices(dialect);
    open.push(t);
    await seedMemberships(t);
    const file = path.join(t.dataDir, 'site.json');
    const run = await runCli(['export', file], cliEnv(t));
    expect(run.stderr).not.toMatch(/heap out of memory/i);
    expect(run.code).toBe(0);

    const document = JSON.parse(fs.readFileSync(file, 'utf8')) as SiteDocument;
    expect(document.memberships.members).toHaveLength(MEMBERS);
    expect(document.memberships.members.at(-1)).toMatchObject({ email: `reader${MEMBERS - 1}@example.com`, stripeCustomerId: `cus_${MEMBERS - 1}` });
    expect(document.memberships.subscriptions).toHaveLength(MEMBERS);
    expect(document.memberships.subscriptions[0]).toMatchObject({ member: 'reader0@example.com', plan: 'print', issuesRemaining: 3 });
    const [winter] = document.printIssues;
    expect(winter!.fulfilment).toHaveLength(MEMBERS);
    expect(winter!.fulfilment[0]).toEqual({
      email: 'reader0@example.com',
      quantity: 1,
      name: 'Reader Number 0',
      line1: '0 Long Harbour Road',
      line2: 'Second floor, the flat at the back',
      city: 'Portsmouth',
      region: '',
      postcode: 'PO1 2AB',
      country: 'GB',
    });
  });

  it(`imports ${MEMBERS.toLocaleString('en')} members, their subscriptions and an issue's fulfilment list within a ${HEAP_MB} MB heap`, async () => {
    const source = await testServices(dialect);
    open.push(source);
    await seedMemberships(source);
    const file = path.join(source.dataDir, 'site.json');
    expect((await runCli(['export', file], cliEnv(source))).code).toBe(0);

    const target = await testServices(dialect);
    open.push(target);
    const run = await runCli(['import', file], cliEnv(target));
    expect(run.stderr).not.toMatch(/heap out of memory/i);
    expect(run.code).toBe(0);
    expect(await count(target, 'members')).toBe(MEMBERS);
    expect(await count(target, 'subscriptions')).toBe(MEMBERS);
    expect(await count(target, 'fulfilment_items')).toBe(MEMBERS);
    const last = await target.store.db
      .selectFrom('members')
      .select(['email', 'address'])
      .where('email', '=', `reader${MEMBERS - 1}@example.com`)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(last.address!)).toMatchObject({ line1: `${MEMBERS - 1} Long Harbour Road`, postcode: 'PO1 2AB' });
  });
});
