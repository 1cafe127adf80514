import { spawn } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testServices, type TestContext } from '../support/stores.js';
import { invoice, signedEvent, startStripeServer, type StripeTestServer } from '../support/stripe-server.js';
import { gbAddress, makePlans, subscribe } from '../members/helpers.js';

const receiver = path.resolve('test/support/webhook-receiver.ts');

describe('a server killed with SIGKILL between receiving a webhook and applying it', () => {
  let t: TestContext;
  let stripe: StripeTestServer;

  beforeAll(async () => {
    stripe = await startStripeServer();
    t = await testServices('postgres', { stripe: stripe.settings });
    await makePlans(t.services);
  });
  afterAll(async () => {
    await t.close();
    await stripe.close();
  });

  it('loses nothing: the event is not recorded, and Stripe’s retry applies it exactly once', async () => {
    const { stripeId } = await subscribe(t.services, stripe, { plan: 'print-digital', billing: 'year', email: 'crash@example.com', address: gbAddress });
    const member = await t.services.members.get({ email: 'crash@example.com' });
    const [before] = await t.services.members.subscriptions(member.id);
    expect(before!.issuesRemaining).toBe(4);
    if (t.config.kind !== 'postgres') throw new Error('postgres expected');

    // Another session holds the subscription row, so applying the event waits after the event is recorded.
    const blocker = new pg.Client({ connectionString: t.config.url });
    await blocker.connect();
    await blocker.query('begin');
    await blocker.query('select id from subscriptions where id = $1 for update', [before!.id]);

    const { event, payload, signature } = signedEvent('invoice.paid', invoice(stripeId));
    const child = spawn(process.execPath, ['--import', 'tsx', receiver, JSON.stringify(t.config), payload, signature], { stdio: ['ignore', 'pipe', 'inherit'] });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_code, signal) => resolve(signal)));
    const lines: string[] = [];
    readline.createInterface({ input: child.stdout! }).on('line', (line) => lines.push(line));

    // Wait until the receiver's transaction has recorded the event and is blocked applying it.
    const watcher = new pg.Client({ connectionString: t.config.url });
    await watcher.connect();
    for (let i = 0; ; i += 1) {
      const waiting = await watcher.query("select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock' and query ilike 'update \"subscriptions\"%'");
      if (waiting.rows[0].n === 1) break;
      if (i > 600) throw new Error(`the receiver never reached the apply step: ${lines.join(' | ')}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const inFlight = await watcher.query("select count(*)::int as n from pg_locks l join pg_class c on c.oid = l.relation where c.relname = 'stripe_events' and l.mode = 'RowExclusiveLock'");
    expect(inFlight.rows[0].n).toBe(1);
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    expect(lines).toEqual(['receiving']);
    await blocker.query('rollback');
    await blocker.end();

    // The dead server's transaction never committed: no record of the event, no change.
    for (let i = 0; i < 100; i += 1) {
      const left = await watcher.query("select count(*)::int as n from pg_stat_activity where datname = current_database() and query ilike 'update \"subscriptions\"%' and state <> 'idle'");
      if (left.rows[0].n === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await watcher.end();
    const recorded = await t.store.db.selectFrom('stripe_events').select('id').where('id', '=', event.id).execute();
    expect(recorded).toEqual([]);
    expect((await t.services.members.subscriptions(member.id))[0]!.issuesRemaining).toBe(4);

    // Stripe retries: applied once; a further retry is a duplicate.
    expect(await t.services.subscriptions.receiveWebhook(Buffer.from(payload), signature)).toBe('paid');
    expect(await t.services.subscriptions.receiveWebhook(Buffer.from(payload), signature)).toBe('duplicate');
    expect((await t.services.members.subscriptions(member.id))[0]!.issuesRemaining).toBe(8);
  });
});
