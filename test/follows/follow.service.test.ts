import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { filmReview, makeAuthor, makeTag, postFields } from '../support/factories.js';
import { dialects, testServices, type TestContext } from '../support/stores.js';

describe.each(dialects)('follows (%s)', (dialect) => {
  let t: TestContext;

  beforeAll(async () => {
    t = await testServices(dialect);
  });
  afterAll(async () => t.close());

  const member = async (email: string) => (await t.services.members.add({ email, name: '' })).id;

  it('keeps one follow per reader and target, and takes it away on unfollow', async () => {
    const tag = await makeTag(t.services);
    const id = await member('once@example.com');
    await t.services.follows.followAsMember(id, { kind: 'tag', id: tag.id });
    await Promise.all([1, 2, 3].map(() => t.services.follows.followAsMember(id, { kind: 'tag', id: String(tag.id) })));
    const follows = await t.services.follows.list({ kind: 'member', id });
    expect(follows).toEqual([{ id: expect.any(Number), target: { kind: 'tag', id: tag.id, slug: tag.slug, name: tag.name }, confirmed: true, createdAt: expect.any(String) }]);
    expect(await t.services.follows.following(id, 'session')).toEqual(new Set([`tag:${tag.id}`]));
    await t.services.follows.unfollowAsMember(id, { kind: 'tag', id: tag.id });
    expect(await t.services.follows.list({ kind: 'member', id })).toEqual([]);
    expect(await t.services.follows.following(id, 'session')).toEqual(new Set());
  });

  it('refuses unknown targets, unknown kinds and internal tags as not found', async () => {
    const id = await member('unknown@example.com');
    const internal = await makeTag(t.services, { name: '#hidden', slug: 'hash-hidden', isSection: false });
    for (const input of [{ kind: 'tag', id: 999_999 }, { kind: 'post', id: 1 }, { kind: 'tag', id: 'x' }, { kind: 'tag', id: internal.id }, null, 'tag:1']) {
      await expect(t.services.follows.followAsMember(id, input)).rejects.toMatchObject({ code: 'FOLLOW_TARGET_NOT_FOUND' });
    }
  });

  it('takes the same email follow sent many times at once as one request', async () => {
    const tag = await makeTag(t.services);
    const tries = await Promise.allSettled(Array.from({ length: 8 }, () => t.services.follows.requestByEmail({ email: 'racer@example.com', kind: 'tag', id: tag.id })));
    expect(tries.filter((r) => r.status === 'rejected')).toEqual([]);
    const subscriber = await t.services.subscribers.find('racer@example.com');
    expect(await t.services.follows.list({ kind: 'subscriber', id: subscriber.id })).toMatchObject([{ confirmed: false, target: { id: tag.id } }]);
    // One confirmation email for the lot.
    const follow = (await t.services.follows.list({ kind: 'subscriber', id: subscriber.id }))[0]!;
    const jobs = await t.store.db.selectFrom('jobs').select('payload').where('name', '=', 'follows.confirm-email').execute();
    expect(jobs.filter((j) => JSON.parse(j.payload).followId === follow.id)).toHaveLength(1);
  });

  it('drops follows whose target or reader is deleted', async () => {
    const tag = await makeTag(t.services);
    const author = await makeAuthor(t.services);
    const post = await t.services.posts.create(filmReview([author.slug], { status: 'published' }));
    const id = await member('cascade@example.com');
    const work = post.review!.work.id;
    await t.services.follows.followAsMember(id, { kind: 'tag', id: tag.id });
    await t.services.follows.followAsMember(id, { kind: 'work', id: work });
    await t.services.follows.followAsMember(id, { kind: 'author', id: author.id });
    await t.store.db.deleteFrom('tags').where('id', '=', tag.id).execute();
    await t.store.db.updateTable('posts').set({ work_id: null }).where('id', '=', post.id).execute();
    await t.store.db.deleteFrom('works').where('id', '=', work).execute();
    expect((await t.services.follows.list({ kind: 'member', id })).map((f) => f.target.kind)).toEqual(['author']);
    await t.store.db.deleteFrom('members').where('id', '=', id).execute();
    expect(await t.store.db.selectFrom('follows').select('id').where('reader', '=', `member:${id}`).execute()).toEqual([]);
  });

  it('counts confirmed followers per section and author', async () => {
    const tag = await makeTag(t.services, { name: 'Counted section' });
    const author = await makeAuthor(t.services, { name: 'Counted writer' });
    for (const email of ['c1@example.com', 'c2@example.com', 'c3@example.com']) await t.services.follows.followAsMember(await member(email), { kind: 'tag', id: tag.id });
    await t.services.follows.followAsMember(await member('c4@example.com'), { kind: 'author', id: author.id });
    // Waiting for its confirmation link: not counted.
    await t.services.follows.requestByEmail({ kind: 'author', id: author.id, email: 'waiting@example.com' });
    const counts = await t.services.follows.counts();
    expect(counts.tags).toContainEqual({ kind: 'tag', id: tag.id, slug: tag.slug, name: 'Counted section', followers: 3 });
    expect(counts.authors).toContainEqual({ kind: 'author', id: author.id, slug: author.slug, name: 'Counted writer', followers: 1 });
  });

  it("gives a subscriber their member account's follows too, and names each post's followable targets", async () => {
    const tag = await makeTag(t.services);
    const author = await makeAuthor(t.services);
    await t.services.subscribers.importCsv(Buffer.from('email\nboth@example.com\nonly-list@example.com\n'));
    const both = await t.services.subscribers.find('both@example.com');
    const onlyList = await t.services.subscribers.find('only-list@example.com');
    await t.services.follows.followAsMember(await member('both@example.com'), { kind: 'tag', id: tag.id });
    const followed = await t.services.follows.followedBySubscribers([both.id, onlyList.id]);
    expect(followed.get(both.id)).toEqual(new Set([`tag:${tag.id}`]));
    expect(followed.has(onlyList.id)).toBe(false);

    const review = await t.services.posts.create(filmReview([author.slug], { status: 'published', tags: [tag.slug] }));
    const plain = await t.services.posts.create(postFields([author.slug], { status: 'published' }));
    const targets = await t.services.follows.targetsOfPosts([review.id, plain.id]);
    const people = await t.store.db.selectFrom('work_credits').select('person_id').where('work_id', '=', review.review!.work.id).execute();
    expect(new Set(targets.get(review.id))).toEqual(new Set([`tag:${tag.id}`, `author:${author.id}`, `work:${review.review!.work.id}`, ...people.map((p) => `person:${p.person_id}`)]));
    expect(targets.get(plain.id)).toEqual([`author:${author.id}`]);
  });
});
