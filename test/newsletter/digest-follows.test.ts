import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smtpMailer } from '../../src/email/index.js';
import { filmReview, makeAuthor, makeTag, postFields } from '../support/factories.js';
import { startSmtp, type TestSmtp } from '../support/smtp.js';
import { dialects, manualClock, testServices, type TestContext } from '../support/stores.js';

describe.each(dialects)('"From what you follow" in the weekly digest on %s', (dialect) => {
  let t: TestContext;
  let smtp: TestSmtp;
  const time = manualClock();
  const mail = new Map<string, { html: string; text: string }>();

  /** A confirmed follow by a newsletter subscriber (as the emailed link confirms it). */
  async function subscriberFollows(email: string, target: { kind: string; id: number }) {
    await t.services.follows.requestByEmail({ email, ...target });
    const { id } = await t.services.subscribers.find(email);
    await t.store.db.updateTable('follows').set({ confirmed_at: time.clock().toISOString(), confirm_nonce: null }).where('subscriber_id', '=', id).execute();
  }

  beforeAll(async () => {
    time.set('2026-11-25T12:00:00.000Z');
    smtp = await startSmtp();
    t = await testServices(dialect, { clock: time.clock, mailer: smtpMailer({ smtpUrl: smtp.url, mailFrom: 'news@magazine.example', dkim: undefined }) });
    await t.services.sends.updateSettings({ messagesPerSecond: 1000, digest: { day: 'friday', time: '08:00', timezone: 'Europe/London' } });
    const writer = await makeAuthor(t.services, { name: 'Iris Vane' });
    const other = await makeAuthor(t.services, { name: 'Tom Dray' });
    const culture = await makeTag(t.services, { name: 'Culture' });
    const at = (day: number) => `2026-11-${day}T10:00:00.000Z`;
    await t.services.posts.create(postFields([other.slug], { status: 'published', publishedAt: at(23), title: 'The cover story', featured: true }));
    await t.services.posts.create(postFields([writer.slug], { status: 'published', publishedAt: at(22), title: 'An essay on rivers', tags: [culture.slug] }));
    const review = await t.services.posts.create(filmReview([other.slug], { status: 'published', publishedAt: at(24) }));
    await t.services.posts.create(postFields([writer.slug], { status: 'published', publishedAt: '2026-11-10T10:00:00.000Z', title: 'Last month, by Iris' }));

    await t.services.subscribers.importCsv(Buffer.from('email\nsection-fan@example.com\nwork-fan@example.com\nwriter-fan@example.com\nnobody@example.com\n'));
    // Followed as a member; the newsletter goes to the subscriber with the same address.
    const member = await t.services.members.add({ email: 'section-fan@example.com', name: '' });
    await t.services.follows.followAsMember(member.id, { kind: 'tag', id: culture.id });
    await subscriberFollows('work-fan@example.com', { kind: 'work', id: review.review!.work.id });
    await subscriberFollows('writer-fan@example.com', { kind: 'author', id: writer.id });

    // The editor keeps only the cover story in the main list.
    const digest = await t.services.newsletter.assemble(new Date('2026-11-27T08:00:00.000Z'));
    const lead = digest.items.find((i) => i.group === 'lead')!;
    await t.services.newsletter.update(digest.id, { items: [{ postId: lead.postId }] });
    time.set('2026-11-27T08:00:00.000Z');
    await t.services.newsletter.sendNow(digest.id);
    await t.services.runner.drain();
    await smtp.waitFor(4);
    for (let i = 0; i < smtp.received.length; i++) {
      const parsed = await smtp.parsed(i);
      mail.set(smtp.received[i]!.to, { html: String(parsed.html), text: parsed.text ?? '' });
    }
  });
  afterAll(async () => {
    await t.services.mailer.close();
    await t.close();
    await smtp.close();
  });

  it('gives a follower the pieces about what they follow that the main list left out', async () => {
    const fan = mail.get('section-fan@example.com')!;
    for (const part of [fan.html, fan.text]) {
      expect(part).toContain('An essay on rivers');
      expect(part).not.toContain('Past Lives review');
      expect(part).toContain('The cover story');
    }
    expect(fan.html).toContain('From what you follow');
    expect(fan.text).toContain('FROM WHAT YOU FOLLOW');
    expect(fan.html.indexOf('The cover story')).toBeLessThan(fan.html.indexOf('From what you follow'));

    const workFan = mail.get('work-fan@example.com')!;
    expect(workFan.html).toContain('From what you follow');
    expect(workFan.html).toContain('Past Lives review');
    expect(workFan.html).not.toContain('An essay on rivers');
  });

  it('never repeats a piece of the main list, nor one from before the period', async () => {
    const writerFan = mail.get('writer-fan@example.com')!;
    expect(writerFan.html).toContain('An essay on rivers');
    expect(writerFan.html).not.toContain('Last month, by Iris');
    expect(writerFan.html.split('The cover story').length).toBe(mail.get('nobody@example.com')!.html.split('The cover story').length);
  });

  it('adds nothing for a reader who follows nothing', async () => {
    const nobody = mail.get('nobody@example.com')!;
    for (const part of [nobody.html, nobody.text]) {
      expect(part).not.toMatch(/from what you follow/i);
      expect(part).not.toContain('An essay on rivers');
      expect(part).not.toContain('%%');
    }
    expect(nobody.html).toContain('The cover story');
  });
});
