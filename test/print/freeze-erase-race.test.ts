import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../src/db/client.js';
import { createServices, type Services } from '../../src/services.js';
import { dialects, manualClock, silentLogger, type TestContext } from '../support/stores.js';
import type { StripeTestServer } from '../support/stripe-server.js';
import { gbAddress, giveGift, stripeServices } from '../members/helpers.js';

const ROUNDS = 6;
const READERS = 5;

// An issue's fulfilment list frozen while gift recipients on it are erased: on PostgreSQL by
// another process (its own pool on the same database), on SQLite in the same process, as the
// embedded site runs (one connection, whose transactions run one at a time). Whichever commits
// first, no erased reader's name or address is left on the frozen list: the erasure waits for the
// freeze and blanks their line, or runs first and the freeze no longer finds them.
describe.each(dialects)('a print freeze racing erasures (%s)', (dialect) => {
  let t: TestContext;
  let stripe: StripeTestServer;
  let close: () => Promise<unknown>;
  let otherStore: Store | undefined;
  let eraser: Services;
  const time = manualClock('2026-11-25T12:00:00.000Z');

  beforeAll(async () => {
    ({ t, stripe, close } = await stripeServices(dialect, { clock: time.clock }));
    otherStore = dialect === 'postgres' ? openStore(t.config) : undefined;
    eraser = otherStore ? createServices(otherStore, { logger: silentLogger, mailer: t.services.mailer, clock: time.clock, dataDir: t.dataDir }) : t.services;
  });
  afterAll(async () => {
    await otherStore?.close();
    await close();
  });

  it('leaves no erased member named or addressed on the frozen list, and erases every one', async () => {
    for (let round = 0; round < ROUNDS; round += 1) {
      const emails = Array.from({ length: READERS }, (_, i) => `reader${round}-${i}@example.com`);
      for (const [i, email] of emails.entries()) {
        await giveGift(t.services, stripe, { plan: 'print-digital', buyer: `giver${round}-${i}@example.com`, recipient: { email, name: `Reader ${round}-${i}`, address: { ...gbAddress, name: `Reader ${round}-${i}` } } });
      }
      const ids = await Promise.all(emails.map(async (email) => (await t.services.members.get({ email })).id));
      const issue = await t.services.print.create({ name: `Issue ${round}`, onSaleDate: '2027-01-10', addressCutoff: new Date(Date.parse(time.clock().toISOString()) + 60_000).toISOString() });
      time.advance(120_000);
      const [report] = await Promise.all([t.services.print.freeze(issue.id), ...ids.map((id) => eraser.memberData.erase(id))]);
      expect(report, `round ${round}`).toBeDefined();
      expect(await t.store.db.selectFrom('members').select('id').where('id', 'in', ids).execute(), `round ${round}`).toEqual([]);
      const lines = await t.store.db.selectFrom('fulfilment_items').selectAll().where('issue_id', '=', issue.id).where('member_id', 'in', ids).execute();
      expect(
        lines.filter((line) => [line.name, line.line1, line.line2, line.city, line.region, line.postcode].some((text) => text !== '')),
        `round ${round}: ${lines.length} of ${READERS} erased readers listed`,
      ).toEqual([]);
    }
  });
});
