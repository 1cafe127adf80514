import { afterEach, describe, expect, it } from 'vitest';
import { filmReview, makeAuthor, makeTag } from '../support/factories.js';
import { dialects, testServices, type TestContext } from '../support/stores.js';
import { exportDocument, importDocument } from './site-document-support.js';

describe.each(dialects)('follows in export and import on %s', (dialect) => {
  const open: TestContext[] = [];
  afterEach(async () => {
    for (const t of open.splice(0)) await t.close();
  });

  it("carries members' and subscribers' confirmed follows by address and slug, and leaves waiting ones out", async () => {
    const source = await testServices(dialect);
    open.push(source);
    const tag = await makeTag(source.services, { slug: 'dispatches' });
    const author = await makeAuthor(source.services, { slug: 'ines-okafor' });
    const review = await source.services.posts.create(filmReview([author.slug], { status: 'published' }));
    const member = await source.services.members.add({ email: 'member@example.com', name: '' });
    await source.services.follows.followAsMember(member.id, { kind: 'tag', id: tag.id });
    await source.services.follows.followAsMember(member.id, { kind: 'work', id: review.review!.work.id });
    await source.services.subscribers.importCsv(Buffer.from('email\nlist@example.com\n'));
    await source.services.follows.requestByEmail({ email: 'list@example.com', kind: 'author', id: author.id });
    const subscriber = await source.services.subscribers.find('list@example.com');
    await source.store.db.updateTable('follows').set({ confirmed_at: '2026-11-30T10:00:00.000Z', confirm_nonce: null }).where('subscriber_id', '=', subscriber.id).execute();
    // Still waiting for its link: not exported.
    await source.services.follows.requestByEmail({ email: 'waiting@example.com', kind: 'tag', id: tag.id });

    const first = await exportDocument(source.services);
    expect(first.follows).toEqual([
      { reader: { member: 'member@example.com' }, kind: 'tag', slug: 'dispatches', createdAt: expect.any(String) },
      { reader: { member: 'member@example.com' }, kind: 'work', slug: review.review!.work.slug, createdAt: expect.any(String) },
      { reader: { subscriber: 'list@example.com' }, kind: 'author', slug: 'ines-okafor', createdAt: expect.any(String) },
    ]);

    const target = await testServices(dialect);
    open.push(target);
    await importDocument(target.services, first);
    expect((await exportDocument(target.services)).follows).toEqual(first.follows);
    const imported = await target.services.members.get({ email: 'member@example.com' });
    expect((await target.services.follows.list({ kind: 'member', id: imported.id })).map((f) => [f.target.kind, f.confirmed])).toEqual([
      ['tag', true],
      ['work', true],
    ]);
  });

  it('refuses a follow naming a target the document lacks, importing nothing', async () => {
    const target = await testServices(dialect);
    open.push(target);
    const document = await exportDocument(target.services);
    document.memberships.members.push({ email: 'a@example.com', name: 'A', stripeCustomerId: null, address: null });
    document.follows.push({ reader: { member: 'a@example.com' }, kind: 'tag', slug: 'missing', createdAt: '2026-11-30T10:00:00.000Z' });
    await expect(importDocument(target.services, document)).rejects.toMatchObject({ code: 'IMPORT_INVALID', message: expect.stringContaining('follows.0') });
    expect(await target.store.db.selectFrom('members').select('id').execute()).toEqual([]);
  });
});
