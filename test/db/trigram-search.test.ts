import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects, testServices, type TestContext } from '../support/stores.js';

describe.each(dialects)('searching subscribers and members for part of an address or name (%s)', (dialect) => {
  let t: TestContext;

  beforeAll(async () => {
    t = await testServices(dialect);
    const csv = ['email,name', 'ada@lovelace.example,Ada Lovelace', 'grace@navy.example,Grace Hopper', 'odd_100@percent.example,Per 50% Cent', 'zoe@wikiü.example,Zoë Ünal'].join('\n');
    await t.services.subscribers.importCsv(Buffer.from(csv));
    for (const [email, name] of [
      ['ada@lovelace.example', 'Ada Lovelace'],
      ['grace@navy.example', 'Grace Hopper'],
      ['odd_100@percent.example', 'Per 50% Cent'],
    ]) {
      await t.services.members.add({ email, name });
    }
  });
  afterAll(async () => t.close());

  const subscribers = async (q: string) => (await t.services.subscribers.list({ q })).subscribers.map((s) => s.email).sort();
  const members = async (q: string) => {
    const { members: found, total } = await t.services.members.list({ q }, { limit: 50, offset: 0 });
    return { emails: found.map((m) => m.email).sort(), total };
  };

  it('finds any part of an address or name, whatever its case, and takes % and _ literally', async () => {
    expect(await subscribers('LOVELACE')).toEqual(['ada@lovelace.example']);
    expect(await subscribers('ce hop')).toEqual(['grace@navy.example']);
    expect(await subscribers('_100')).toEqual(['odd_100@percent.example']);
    expect(await subscribers('50%')).toEqual(['odd_100@percent.example']);
    expect(await subscribers('a_a')).toEqual([]);
    expect(await subscribers('av')).toEqual(['grace@navy.example']);
    expect(await subscribers('"quoted"')).toEqual([]);
    expect(await members('GRACE HOP')).toEqual({ emails: ['grace@navy.example'], total: 1 });
    expect(await members('0% c')).toEqual({ emails: ['odd_100@percent.example'], total: 1 });
    expect(await members('y_1')).toEqual({ emails: [], total: 0 });
    expect(await members('el')).toEqual({ emails: ['ada@lovelace.example'], total: 1 });
    expect(await members('.example')).toMatchObject({ total: 3 });
  });

  it('follows new names, new rows and erasures at once', async () => {
    await t.services.members.add({ email: 'new@arrival.example', name: 'Newly Arrived' });
    expect((await members('arrived')).emails).toEqual(['new@arrival.example']);
    const grace = await t.services.members.get({ email: 'grace@navy.example' });
    await t.services.members.rename(grace.id, 'Admiral Hopper');
    expect((await members('admiral')).emails).toEqual(['grace@navy.example']);
    expect((await members('grace h')).emails).toEqual([]);
    await t.services.subscribers.erase('ada@lovelace.example');
    expect(await subscribers('lovelace')).toEqual([]);
    await t.services.subscribers.importCsv(Buffer.from('email,name\nlate@comer.example,Late Comer\n'));
    expect(await subscribers('comer')).toEqual(['late@comer.example']);
  });

  it('answers a search from a trigram index instead of reading every row', async () => {
    if (dialect === 'sqlite') {
      const plan = await sql<{ detail: string }>`explain query plan select id from subscribers where id in (select rowid from subscriber_trigrams where subscriber_trigrams match '"hopper"')`.execute(t.store.db);
      expect(plan.rows.map((r) => r.detail).join('\n')).toMatch(/VIRTUAL TABLE INDEX/);
      const found = await sql<{ rowid: number }>`select rowid from member_trigrams where member_trigrams match '"admiral"'`.execute(t.store.db);
      expect(found.rows).toHaveLength(1);
      return;
    }
    const plans = await t.store.db.transaction().execute(async (tx) => {
      await sql`set local enable_seqscan = off`.execute(tx);
      const explain = async (query: string) => (await sql.raw<{ 'QUERY PLAN': string }>(`explain ${query}`).execute(tx)).rows.map((r) => r['QUERY PLAN']).join('\n');
      return [
        await explain(`select id from subscribers where email like '%hopper%' or lower(name) like '%hopper%'`),
        await explain(`select id from members where lower(email) like '%hopper%' or lower(name) like '%hopper%'`),
      ];
    });
    expect(plans[0]).toMatch(/subscribers_email_trigrams[\s\S]*subscribers_name_trigrams/);
    expect(plans[1]).toMatch(/members_email_trigrams[\s\S]*members_name_trigrams/);
  });
});
