import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { smtpMailer } from '../../src/email/index.js';
import { nextSlot } from '../../src/newsletter/newsletter.settings.js';
import { filmReview, makeAuthor, makeTag, postFields } from '../support/factories.js';
import { startSmtp, type TestSmtp } from '../support/smtp.js';
import { dialects, manualClock, testServices, type TestContext } from '../support/stores.js';

describe('digest slots', () => {
  it('falls on the configured weekday and wall-clock time in the configured zone', () => {
    const wednesday = new Date('2026-11-25T12:00:00Z');
    expect(nextSlot(wednesday, { day: 'friday', time: '08:00' }, 'Europe/London').toISOString()).toBe('2026-11-27T08:00:00.000Z');
    expect(nextSlot(wednesday, { day: 'friday', time: '08:00' }, 'America/New_York').toISOString()).toBe('2026-11-27T13:00:00.000Z');
    expect(nextSlot(wednesday, { day: 'wednesday', time: '09:00' }, 'UTC').toISOString()).toBe('2026-12-02T09:00:00.000Z');
    expect(nextSlot(new Date('2026-07-01T00:00:00Z'), { day: 'thursday', time: '07:30' }, 'Europe/Berlin').toISOString()).toBe('2026-07-02T05:30:00.000Z');
  });
});

describe.each(dialects)('the weekly digest on %s', (dialect) => {
  let t: TestContext;
  let smtp: TestSmtp;
  const time = manualClock();

  beforeEach(async () => {
    time.set('2026-11-25T12:00:00.000Z');
    smtp = await startSmtp();
    t = await testServices(dialect, { clock: time.clock, mailer: smtpMailer({ smtpUrl: smtp.url, mailFrom: 'news@magazine.example', dkim: undefined }) });
    await t.services.sends.updateSettings({ messagesPerSecond: 1000, digest: { day: 'friday', time: '08:00', timezone: 'Europe/London' } });
  });
  afterEach(async () => {
    await t.services.mailer.close();
    await t.close();
    await smtp.close();
  });

  async function week() {
    const author = await makeAuthor(t.services);
    const culture = await makeTag(t.services, { name: 'Culture' });
    const at = (day: number) => `2026-11-${day}T10:00:00.000Z`;
    const old = await t.services.posts.create(postFields([author.slug], { status: 'published', publishedAt: '2026-11-10T10:00:00.000Z', title: 'Last month' }));
    const essay = await t.services.posts.create(postFields([author.slug], { status: 'published', publishedAt: at(22), title: 'An essay', tags: [culture.slug] }));
    const lead = await t.services.posts.create(postFields([author.slug], { status: 'published', publishedAt: at(23), title: 'The cover story', featured: true }));
    const review = await t.services.posts.create(filmReview([author.slug], { status: 'published', publishedAt: at(24) }));
    return { old, essay, lead, review };
  }

  it('assembles the week: the lead story, then by section, reviews with their verdicts', async () => {
    const posts = await week();
    await t.services.newsletter.scheduleAssembly();
    time.set('2026-11-26T08:00:01.000Z');
    await t.services.runner.drain();
    const [digest] = await t.services.newsletter.digests();
    expect(digest).toMatchObject({ slot: '2026-11-27T08:00:00.000Z', state: 'draft', subject: 'Masthead: The cover story' });
    expect(digest!.items.map((i) => [i.title, i.group])).toEqual([
      ['The cover story', 'lead'],
      ['An essay', posts.essay.primaryTag!.slug],
      ['Past Lives review', 'reviews'],
    ]);
    const html = await t.services.newsletter.preview(digest!.id);
    expect(html).toContain('A quiet film about the lives we did not live.');
    expect(html).toContain('Culture');
    expect(html.indexOf('The cover story')).toBeLessThan(html.indexOf('An essay'));
  });

  it('lets an editor reorder, drop, add and introduce, then test and send it on schedule', async () => {
    const posts = await week();
    const digest = await t.services.newsletter.assemble(new Date('2026-11-27T08:00:00.000Z'));
    const edited = await t.services.newsletter.update(digest.id, {
      intro: 'Hello readers,\n\nA short week.',
      items: [{ postId: posts.review.id }, { postId: posts.old.id }],
    });
    expect(edited.items.map((i) => [i.title, i.group])).toEqual([
      ['Past Lives review', 'lead'],
      ['Last month', 'more'],
    ]);
    await expect(t.services.newsletter.update(digest.id, { items: [{ postId: 9999 }] })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      fields: [{ field: 'items.0.postId', message: 'no published post has this id' }],
    });

    await t.services.newsletter.sendTest(digest.id, { to: 'editor@magazine.example' });
    const test = await smtp.parsed(0);
    expect(test.subject).toBe('[Test] Masthead: The cover story');
    expect(test.text).toContain('A short week.');

    await t.services.subscribers.importCsv(Buffer.from('email\nreader@example.com\n'));
    await t.services.newsletter.schedule(digest.id, { at: '2026-11-27T08:00:00Z' });
    await t.services.runner.drain();
    expect(smtp.received).toHaveLength(1);
    time.set('2026-11-27T08:00:00.000Z');
    await t.services.runner.drain();
    expect(smtp.received.map((r) => r.to)).toEqual(['editor@magazine.example', 'reader@example.com']);
    const sent = await t.services.newsletter.digest(digest.id);
    expect(sent.state).toBe('sent');
    expect(await t.services.sends.report(sent.sendId!)).toMatchObject({ delivered: 1, state: 'done', kind: 'digest' });
    await expect(t.services.newsletter.update(digest.id, { intro: 'Too late' })).rejects.toMatchObject({ code: 'DIGEST_SENT' });
  });
});
