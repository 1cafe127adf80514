import { createHmac } from 'node:crypto';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CdnConfig } from '../../src/config/schema.js';
import { filmReview, makeAuthor, makeTag, postFields } from '../support/factories.js';
import { dialects, manualClock, testServices, type TestContext } from '../support/stores.js';
import { startFakeCdnApi, type RecordedRequest } from './fake-cdn-api.js';

const TOKEN = 'token-that-must-never-be-logged';
const SECRET = 'purge-signing-secret-0123456789';

type Api = Awaited<ReturnType<typeof startFakeCdnApi>>;

/** Each provider: its configuration against the fake API, and what a recorded request asked to purge. */
const providers = {
  fastly: {
    config: (url: string): CdnConfig => ({ kind: 'fastly', serviceId: 'svc-1', token: TOKEN, soft: true, apiUrl: url }),
    check(request: RecordedRequest): string[] | 'everything' {
      expect(request.method).toBe('POST');
      expect(request.headers['fastly-key']).toBe(TOKEN);
      if (request.path === '/service/svc-1/purge_all') return 'everything';
      expect(request.path).toBe('/service/svc-1/purge');
      expect(request.headers['fastly-soft-purge']).toBe('1');
      return String(request.headers['surrogate-key']).split(' ');
    },
  },
  cloudflare: {
    config: (url: string): CdnConfig => ({ kind: 'cloudflare', zoneId: 'zone-1', token: TOKEN, apiUrl: url }),
    check(request: RecordedRequest): string[] | 'everything' {
      expect(request.method).toBe('POST');
      expect(request.path).toBe('/client/v4/zones/zone-1/purge_cache');
      expect(request.headers.authorization).toBe(`Bearer ${TOKEN}`);
      const body = JSON.parse(request.body) as { tags?: string[]; purge_everything?: boolean };
      if (body.purge_everything === true) return 'everything';
      expect(Object.keys(body)).toEqual(['tags']);
      return body.tags!;
    },
  },
  webhook: {
    config: (url: string): CdnConfig => ({ kind: 'webhook', url: `${url}/hooks/purge`, secret: SECRET }),
    check(request: RecordedRequest): string[] | 'everything' {
      expect(request.method).toBe('POST');
      expect(request.path).toBe('/hooks/purge');
      const [, time, mac] = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(String(request.headers['x-masthead-signature'])) ?? [];
      expect(mac).toBe(createHmac('sha256', SECRET).update(`${time}.${request.body}`).digest('hex'));
      const body = JSON.parse(request.body) as { keys?: string[]; everything?: boolean };
      if (body.everything === true) return 'everything';
      expect(Object.keys(body)).toEqual(['keys']);
      return body.keys!;
    },
  },
};

describe.each(dialects)('CDN purge on %s', (dialect) => {
  let api: Api;
  beforeAll(async () => {
    api = await startFakeCdnApi();
  });
  afterAll(async () => api.close());

  describe.each(Object.keys(providers) as (keyof typeof providers)[])('through %s', (name) => {
    const provider = providers[name];
    const time = manualClock();
    let t: TestContext;
    let section: { id: number; slug: string };
    let author: { id: number; slug: string };

    /** Queues the purges of changes seen so far, sends them, and answers what each request asked for. */
    async function sent(): Promise<(string[] | 'everything')[]> {
      await t.services.cdn.settled();
      await t.services.runner.drain();
      const asked = api.requests.splice(0).map((request) => provider.check(request));
      return asked.map((keys) => (keys === 'everything' ? keys : [...keys].sort()));
    }

    beforeEach(async () => {
      api.reset();
      time.set('2026-12-05T03:00:00.000Z');
      t = await testServices(dialect, { clock: time.clock, cdnPurge: provider.config(api.url) });
      author = await makeAuthor(t.services);
      section = await makeTag(t.services);
      await sent();
    });
    afterEach(async () => t.close());

    it('purges exactly the keys of what a post change alters, in one call', async () => {
      const post = await t.services.posts.create(postFields([author.slug], { status: 'published', tags: [section.slug] }));
      const expected = [`post-${post.id}`, 'home', 'sitemaps', `section-${section.id}-list`, `author-${author.id}-list`, 'format-article', 'content-api', 'overflow'].sort();
      expect(await sent()).toEqual([expected]);
      await t.services.posts.update(post.id, { title: 'Retitled' });
      expect(await sent()).toEqual([expected]);
      expect(await t.store.db.selectFrom('cdn_purge_keys').selectAll().execute()).toEqual([]);
    });

    it("purges a review's work and the people credited in it, whose pages show it", async () => {
      const review = await t.services.posts.create(filmReview([author.slug], { status: 'published' }));
      const work = review.review!.work;
      const people = [...new Set(work.credits.map((c) => `person-${c.person.id}-list`))];
      expect(await sent()).toEqual([expect.arrayContaining([`post-${review.id}`, `work-${work.id}-list`, ...people])]);
    });

    it('purges the pages of the people a published piece names', async () => {
      const talk = await t.services.posts.create(postFields([author.slug], { status: 'published', format: 'interview', people: [{ name: 'Mira Okafor', role: 'interviewee' }] }));
      expect(await sent()).toEqual([expect.arrayContaining([`post-${talk.id}`, `person-${talk.people[0]!.person.id}-list`])]);
    });

    it('purges the pages of a work whose facts a draft review changes, but not home', async () => {
      const published = await t.services.posts.create(filmReview([author.slug], { status: 'published' }));
      await sent();
      const { work } = structuredClone(published.review!);
      const credits = [
        ...work.credits.map((c) => ({ name: c.person.name, slug: c.person.slug, role: c.role, ...(c.character ? { character: c.character } : {}) })),
        { name: 'Newly Cast', role: 'cast', character: 'Stranger' },
      ];
      const facts = {
        type: work.type,
        title: work.title,
        year: work.year,
        organization: work.organization,
        releaseDate: work.releaseDate,
        runtimeMinutes: work.runtimeMinutes,
        availability: [{ label: 'Streaming' }],
        credits,
      };
      const draft = await t.services.posts.create(filmReview([author.slug], { title: 'A second look, in draft', review: { work: facts } }));
      const credited = draft.review!.work.credits.map((c) => `person-${c.person.id}-list`);
      expect(draft.review!.work.id).toBe(published.review!.work.id);
      expect(await sent()).toEqual([[...new Set([`work-${draft.review!.work.id}-list`, ...credited, 'content-api', 'overflow'])].sort()]);
    });

    it('purges nothing for drafts, which show nowhere public', async () => {
      const draft = await t.services.posts.create(postFields([author.slug], { tags: [section.slug] }));
      await t.services.posts.update(draft.id, { title: 'Still a draft' });
      expect(await sent()).toEqual([]);
      await t.services.posts.update(draft.id, { status: 'published' });
      expect(await sent()).toEqual([expect.arrayContaining([`post-${draft.id}`, 'home'])]);
    });

    it('coalesces keys of changes that arrive together into one purge', async () => {
      const other = await makeTag(t.services);
      await t.services.taxonomy.updateTag(other.slug, { name: 'Renamed section' });
      await t.services.taxonomy.updateAuthor(author.slug, { name: 'Renamed writer' });
      expect(await sent()).toEqual([[`section-${other.id}`, `section-${other.id}-list`, `author-${author.id}`, `author-${author.id}-list`, 'sitemaps', 'content-api', 'overflow'].sort()]);
    });

    it('purges everything when the site settings change', async () => {
      await t.services.settings.updateSite({ title: 'A new name' });
      expect(await sent()).toEqual(['everything']);
    });

    it('retries after the API fails, with backoff, and logs no secret', async () => {
      api.failNext(500);
      await t.services.taxonomy.updateTag(section.slug, { name: 'Film and television' });
      const first = await sent();
      expect(first).toHaveLength(1);
      const job = await t.services.jobs.find(t.store.db, 'cdn-purge');
      expect(job).toMatchObject({ state: 'pending', attempts: 1 });
      expect(job!.last_error).toContain('HTTP 500');
      expect(job!.last_error).not.toContain(TOKEN);
      expect(job!.last_error).not.toContain(SECRET);
      expect(await sent()).toEqual([]); // waiting out the backoff
      time.advance(10_001);
      expect(await sent()).toEqual(first);
      expect(await t.services.jobs.find(t.store.db, 'cdn-purge')).toMatchObject({ state: 'done' });
      expect(await t.store.db.selectFrom('cdn_purge_keys').selectAll().execute()).toEqual([]);
    });
  });

  it('splits a large purge into Cloudflare calls of 30 tags', async () => {
    const t = await testServices(dialect, { cdnPurge: providers.cloudflare.config(api.url) });
    try {
      const keys = Array.from({ length: 68 }, (_, i) => `post-${i + 1}`);
      await t.services.cdn.purge(keys);
      await t.services.runner.drain();
      const calls = api.requests.splice(0).map((request) => providers.cloudflare.check(request) as string[]);
      expect(calls.map((c) => c.length)).toEqual([30, 30, 10]);
      expect(calls.flat().sort()).toEqual([...keys, 'content-api', 'overflow'].sort());
    } finally {
      await t.close();
    }
  });

  it('purges every key of many changes made at once, and a backlog larger than one round', async () => {
    const t = await testServices(dialect, { cdnPurge: providers.fastly.config(api.url) });
    try {
      const tags = await Promise.all(Array.from({ length: 12 }, () => makeTag(t.services)));
      await t.services.cdn.settled();
      await t.services.runner.drain();
      api.requests.splice(0);
      await Promise.all(tags.map((tag, i) => t.services.taxonomy.updateTag(tag.slug, { name: `Renamed ${i}` })));
      const backlog = Array.from({ length: 1100 }, (_, i) => `post-${i + 1}`);
      await t.services.cdn.purge(backlog);
      await t.services.cdn.settled();
      await t.services.runner.drain();
      const calls = api.requests.splice(0).map((request) => providers.fastly.check(request) as string[]);
      expect(Math.max(...calls.map((c) => c.length))).toBeLessThanOrEqual(256);
      const sent = calls.flat();
      expect(new Set(sent).size).toBe(sent.length);
      const wanted = [...tags.flatMap((tag) => [`section-${tag.id}`, `section-${tag.id}-list`]), ...backlog, 'sitemaps', 'content-api', 'overflow'];
      expect(sent.sort()).toEqual(wanted.sort());
      expect(await t.store.db.selectFrom('cdn_purge_keys').selectAll().execute()).toEqual([]);
    } finally {
      await t.close();
    }
  });

  it('sends nothing and queues nothing without CDN_PURGE', async () => {
    const t = await testServices(dialect);
    try {
      await makeTag(t.services);
      await t.services.settings.updateSite({ title: 'Quiet' });
      await t.services.cdn.settled();
      await t.services.runner.drain();
      expect(api.requests).toEqual([]);
      expect(await t.store.db.selectFrom('cdn_purge_keys').selectAll().execute()).toEqual([]);
    } finally {
      await t.close();
    }
  });
});
