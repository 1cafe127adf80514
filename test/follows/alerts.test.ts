import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smtpMailer } from '../../src/email/index.js';
import { testApp, type AppContext } from '../support/app.js';
import { makeAuthor, makeTag } from '../support/factories.js';
import { startSmtp, type TestSmtp } from '../support/smtp.js';
import { dialects, manualClock } from '../support/stores.js';

describe.each(dialects)('alerts when something followed is published (%s)', (dialect) => {
  let t: AppContext;
  let smtp: TestSmtp;
  const time = manualClock('2026-11-25T12:00:00.000Z');
  const HOUR = 3_600_000;
  let tagSlug: string;
  let authorSlug: string;

  beforeAll(async () => {
    smtp = await startSmtp();
    t = await testApp(dialect, { clock: time.clock, mailer: smtpMailer({ smtpUrl: smtp.url, mailFrom: 'Magazine <news@magazine.example>', dkim: undefined }) });
    const tag = await makeTag(t.services, { name: 'Science' });
    const author = await makeAuthor(t.services);
    tagSlug = tag.slug;
    authorSlug = author.slug;
    const alice = await t.services.members.add({ email: 'alice@example.com', name: '' });
    await t.services.follows.followAsMember(alice.id, { kind: 'tag', id: tag.id });
    await t.services.followAlerts.set({ kind: 'member', id: alice.id }, true);
    // Follows the same section without alerts.
    const bob = await t.services.members.add({ email: 'bob@example.com', name: '' });
    await t.services.follows.followAsMember(bob.id, { kind: 'tag', id: tag.id });
  });
  afterAll(async () => {
    await t.services.mailer.close();
    await t.close();
    await smtp.close();
  });

  async function publish(title: string, tags = [tagSlug]) {
    await t.services.posts.create({ title, body: 'Text.', authors: [authorSlug], tags, status: 'published' });
    await t.services.followAlerts.settled();
  }
  async function at(ms: number) {
    time.set(new Date(Date.parse('2026-11-25T12:00:00.000Z') + ms).toISOString());
    await t.services.runner.drain();
  }

  it('gathers pieces into one email, at most one a day, with a one-click way out', async () => {
    await publish('Tides and the moon');
    await at(10 * 60_000);
    await publish('A field guide to lichens');
    await publish('Nothing to do with it', []);
    expect(smtp.received).toHaveLength(0);

    await at(HOUR + 60_000);
    await smtp.waitFor(1);
    const first = await smtp.parsed(0);
    expect(smtp.received.map((r) => r.to)).toEqual(['alice@example.com']);
    expect(first.subject).toBe('New from what you follow');
    expect(first.text).toContain('Tides and the moon');
    expect(first.text).toContain('A field guide to lichens');
    expect(first.text).not.toContain('Nothing to do with it');
    const unsubscribe = first.headerLines.find((h) => h.key === 'list-unsubscribe')!.line;
    expect(first.headerLines.find((h) => h.key === 'list-unsubscribe-post')!.line).toContain('List-Unsubscribe=One-Click');

    await at(2 * HOUR);
    await publish('Deep sea vents');
    await at(4 * HOUR);
    expect(smtp.received).toHaveLength(1);
    await at(25 * HOUR + 2 * 60_000);
    await smtp.waitFor(2);
    const second = await smtp.parsed(1);
    expect(second.text).toContain('Deep sea vents');
    expect(second.text).not.toContain('Tides and the moon');

    const link = /<http:\/\/localhost:3000(\/follows\/alerts\/off\/\?token=[^>]+)>/.exec(unsubscribe)![1]!;
    const page = await t.app.inject(link);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Stop these emails');
    const oneClick = await t.app.inject({ method: 'POST', url: link, payload: 'List-Unsubscribe=One-Click', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(oneClick.statusCode).toBe(200);
    const alice = await t.services.members.get({ email: 'alice@example.com' });
    expect(await t.services.followAlerts.enabled({ kind: 'member', id: alice.id })).toBe(false);
    await publish('Volcanoes, briefly');
    await at(60 * HOUR);
    expect(smtp.received).toHaveLength(2);
  });

  it("answers an erased reader's alert link as done, from the page and by one click", async () => {
    const member = await t.services.members.add({ email: 'gone@example.com', name: '' });
    await t.services.followAlerts.set({ kind: 'member', id: member.id }, true);
    await t.services.subscribers.importCsv(Buffer.from('email\ngone-subscriber@example.com\n'));
    const subscriber = await t.services.subscribers.find('gone-subscriber@example.com');
    await t.services.followAlerts.set({ kind: 'subscriber', id: subscriber.id }, true);
    const links = [await t.services.followAlerts.offUrl({ kind: 'member', id: member.id }), await t.services.followAlerts.offUrl({ kind: 'subscriber', id: subscriber.id })];
    await t.services.memberData.erase(member.id);
    await t.services.subscribers.erase('gone-subscriber@example.com');
    for (const url of links.map((l) => l.replace('http://localhost:3000', ''))) {
      const page = await t.app.inject({ method: 'POST', url, payload: '', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
      expect([page.statusCode, page.body.includes('these emails have stopped')], url).toEqual([200, true]);
      const oneClick = await t.app.inject({ method: 'POST', url, payload: 'List-Unsubscribe=One-Click', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
      expect(oneClick.statusCode, url).toBe(200);
    }
    expect(
      await t.store.db
        .selectFrom('follow_alert_readers')
        .select('reader')
        .where('reader', 'in', [`member:${member.id}`, `subscriber:${subscriber.id}`])
        .execute(),
    ).toEqual([]);
  });

  it('refuses forged alert links', async () => {
    expect((await t.app.inject('/follows/alerts/off/?token=member.1.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA')).statusCode).toBe(400);
    expect((await t.app.inject({ method: 'POST', url: '/follows/alerts/off/?token=member.1.x' })).statusCode).toBe(400);
    expect((await t.app.inject('/follows/alerts/off/')).statusCode).toBe(400);
  });
});
