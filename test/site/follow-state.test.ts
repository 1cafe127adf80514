import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { fillFollowForms, followForm, followSplice, type FollowFormTarget } from '../../src/site/follow-form.js';
import { loadTheme } from '../../src/site/theme.js';
import { anotherProcess, testApp, type AppContext } from '../support/app.js';
import { makeAuthor, makeTag } from '../support/factories.js';
import { htmlErrors } from '../support/html.js';
import { dialects } from '../support/stores.js';
import { memberCookie } from '../members/helpers.js';

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
const FOLLOWING = 'Following ✓';

/** The cookies a response sets, added to the ones already sent. */
function withSetCookies(cookie: string, response: { headers: Record<string, unknown> }): string {
  const set = [response.headers['set-cookie'] ?? []].flat() as string[];
  return [cookie, ...set.map((line) => line.split(';')[0]!)].join('; ');
}

const csrfIn = (body: string) => /name="_csrf" value="([^"]+)"/.exec(body)![1]!;

/** A member signed in on `app`, with the CSRF cookie and token a page gave them. */
async function reader(t: AppContext, app: FastifyInstance, email: string, page: string) {
  const session = await memberCookie(t.services, email);
  const res = await app.inject({ url: page, headers: { cookie: session } });
  return { cookie: withSetCookies(session, res), csrf: csrfIn(res.body) };
}

let client = 0;
const send = (app: FastifyInstance, url: string, form: Record<string, string | number>, who: { cookie: string; csrf: string }) =>
  app.inject({
    method: 'POST',
    url,
    remoteAddress: `10.2.${(client += 1) >> 8}.${client & 255}`,
    headers: { ...FORM, cookie: who.cookie },
    payload: new URLSearchParams(Object.entries({ _csrf: who.csrf, ...form }).map(([k, v]) => [k, String(v)])).toString(),
  });

describe.each(dialects)('each member sees their own follow state on kept pages (%s)', (dialect) => {
  let t: AppContext;
  let tag: { id: number; slug: string };
  let author: { id: number; slug: string };

  beforeAll(async () => {
    t = await testApp(dialect);
    tag = await makeTag(t.services, { name: 'Dispatches', slug: 'dispatches' });
    author = await makeAuthor(t.services, { name: 'Orla Penhaligon', slug: 'orla-penhaligon' });
  });
  afterAll(async () => t.close());

  const page = (url: string, who?: { cookie: string }) => t.app.inject({ url, headers: who ? { cookie: who.cookie } : {} });

  it('shows a follow to its member only, with their own token, and drops it on unfollow', async () => {
    const a = await reader(t, t.app, 'follower-a@example.com', '/tag/dispatches/');
    const b = await reader(t, t.app, 'follower-b@example.com', '/tag/dispatches/');
    expect((await send(t.app, '/follows/', { kind: 'tag', id: tag.id, back: '/tag/dispatches/' }, a)).statusCode).toBe(303);

    for (let round = 0; round < 3; round++) {
      const [seenByA, seenByB, seenByNobody] = await Promise.all([page('/tag/dispatches/', a), page('/tag/dispatches/', b), page('/tag/dispatches/')]);
      expect(seenByA.body).toContain(FOLLOWING);
      expect(seenByA.body).toContain('action="/follows/unfollow"');
      expect(csrfIn(seenByA.body)).not.toBe(csrfIn(seenByB.body));
      expect(seenByB.body).not.toContain(FOLLOWING);
      expect(seenByB.body).toContain('>Follow<span class="visually-hidden"> Dispatches</span>');
      expect(seenByNobody.body).not.toContain('_csrf');
      expect(seenByNobody.body).toContain('follow-form signup-form');
      for (const seen of [seenByA, seenByB]) {
        expect(seen.headers['cache-control']).toBe('private, no-store');
        expect(seen.body).not.toContain('<!--masthead-follow');
      }
    }
    expect(await htmlErrors((await page('/tag/dispatches/', a)).body)).toEqual([]);
    // The token in the page is the member's own: it follows the author too.
    const token = csrfIn((await page('/author/orla-penhaligon/', b)).body);
    expect((await send(t.app, '/follows/', { kind: 'author', id: author.id, back: '/author/orla-penhaligon/' }, { ...b, csrf: token })).statusCode).toBe(303);
    expect((await page('/author/orla-penhaligon/', b)).body).toContain(FOLLOWING);
    expect((await page('/author/orla-penhaligon/', a)).body).not.toContain(FOLLOWING);

    expect((await send(t.app, '/follows/unfollow', { kind: 'tag', id: tag.id, back: '/tag/dispatches/' }, a)).statusCode).toBe(303);
    expect((await page('/tag/dispatches/', a)).body).not.toContain(FOLLOWING);
  });

  it('ends with the state of the last change when pages are read while following and unfollowing', async () => {
    const a = await reader(t, t.app, 'racing@example.com', '/tag/dispatches/');
    const loads = () => Array.from({ length: 12 }, () => page('/tag/dispatches/', a));
    const [followed] = await Promise.all([send(t.app, '/follows/', { kind: 'tag', id: tag.id, back: '/tag/dispatches/' }, a), ...loads()]);
    expect(followed.statusCode).toBe(303);
    expect((await page('/tag/dispatches/', a)).body).toContain(FOLLOWING);
    const [unfollowed] = await Promise.all([send(t.app, '/follows/unfollow', { kind: 'tag', id: tag.id, back: '/tag/dispatches/' }, a), ...loads()]);
    expect(unfollowed.statusCode).toBe(303);
    expect((await page('/tag/dispatches/', a)).body).not.toContain(FOLLOWING);
  });

  it('shows a follow removed from the account page at once', async () => {
    const a = await reader(t, t.app, 'remover@example.com', '/tag/dispatches/');
    await send(t.app, '/follows/', { kind: 'tag', id: tag.id, back: '/tag/dispatches/' }, a);
    expect((await page('/tag/dispatches/', a)).body).toContain(FOLLOWING);
    const memberId = (await t.services.members.get({ email: 'remover@example.com' })).id;
    const [follow] = await t.services.follows.list({ kind: 'member', id: memberId });
    expect((await send(t.app, '/members/follows/remove', { id: follow!.id }, a)).statusCode).toBe(303);
    expect(await t.services.follows.list({ kind: 'member', id: memberId })).toEqual([]);
    expect((await page('/tag/dispatches/', a)).body).not.toContain(FOLLOWING);
  });

  it('fills kept forms exactly as drawing each one for the reader would, in every state', async () => {
    const theme = loadTheme();
    const site = await t.services.settings.site();
    const targets: FollowFormTarget[] = [
      { kind: 'tag', id: 7, name: 'Essays & "Notes" <b>', back: '/tag/essays/' },
      { kind: 'person', id: 9, name: 'Zoë Ødegaard — 李', back: '/people/zoe/' },
    ];
    const kept = `<main>${targets.map((target) => followForm({ theme }, site, target, { kind: 'member', paid: false })).join('<p>between</p>')}</main>`;
    const splice = followSplice(kept, { theme, site });
    const drawn = (target: FollowFormTarget, follow: Record<string, unknown>) => theme.render('partials/follow', { site, follow: { ...target, ...follow } });
    const followed = new Set(['person:9']);
    expect(fillFollowForms(splice, { followed, csrf: 'tok-EN_1' }).toString()).toBe(
      `<main>${drawn(targets[0]!, { mode: 'member', following: false, csrf: 'tok-EN_1' })}<p>between</p>${drawn(targets[1]!, { mode: 'member', following: true, csrf: 'tok-EN_1' })}</main>`,
    );
    expect(fillFollowForms(splice, null).toString()).toBe(`<main>${targets.map((target) => drawn(target, { mode: 'email' })).join('<p>between</p>')}</main>`);
    expect(fillFollowForms(followSplice('<p>no forms</p>', { theme, site }), { followed, csrf: 'x' }).toString()).toBe('<p>no forms</p>');
  });
});

describe.each(dialects.filter((d) => d === 'postgres'))('follow state across processes (%s)', () => {
  it('shows a follow or unfollow made in another process within the sync interval', async () => {
    const one = await testApp('postgres');
    const two = await anotherProcess(one);
    try {
      const tag = await makeTag(one.services, { name: 'Shared section', slug: 'shared-section' });
      const onOne = await reader(one, one.app, 'two-places@example.com', '/tag/shared-section/');
      const onTwo = { cookie: onOne.cookie };
      const seenOnTwo = () => two.inject({ url: '/tag/shared-section/', headers: { cookie: onTwo.cookie } });
      expect((await seenOnTwo()).body).not.toContain(FOLLOWING);

      expect((await send(one.app, '/follows/', { kind: 'tag', id: tag.id, back: '/tag/shared-section/' }, onOne)).statusCode).toBe(303);
      await vi.waitFor(async () => expect((await seenOnTwo()).body).toContain(FOLLOWING), { timeout: 3000, interval: 50 });

      expect((await send(one.app, '/follows/unfollow', { kind: 'tag', id: tag.id, back: '/tag/shared-section/' }, onOne)).statusCode).toBe(303);
      await vi.waitFor(async () => expect((await seenOnTwo()).body).not.toContain(FOLLOWING), { timeout: 3000, interval: 50 });
    } finally {
      await two.close();
      await one.close();
    }
  });
});
