import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Commenter } from '../../src/comments/comment.types.js';
import type { Post } from '../../src/content/index.js';
import { testApp, type AppContext } from '../support/app.js';
import { axeViolations, describeViolations, launchBrowser } from '../support/browser.js';
import { makeAuthor, postFields } from '../support/factories.js';
import { htmlErrors } from '../support/html.js';
import { dialects } from '../support/stores.js';
import { memberCookie } from '../members/helpers.js';

/** Top-level comments on the first page (and each page after). */
const PER_PAGE = 50;
const TOP_LEVEL = 120;

describe.each(dialects)('pages of comments under a piece (%s)', (dialect) => {
  let t: AppContext;
  let browser: Browser;
  let base: string;
  let talked: Post;
  let paid: Post;
  let who: Commenter;
  let memberCookieValue: string;

  const piece = (p: Post) => ({ id: p.id, type: p.type, status: p.status, visibility: p.visibility });
  const shownComment = async (p: Post, body: string, parentId?: number) => {
    const outcome = await t.services.comments.add(piece(p), { ...who, paid: p.visibility === 'paid' }, parentId === undefined ? { body } : { body, parentId });
    if (outcome.kind === 'discarded') throw new Error(`discarded: ${body}`);
    if (outcome.kind === 'pending') await t.services.comments.approve(outcome.comment.id);
    return outcome.comment;
  };
  const get = (url: string, cookie?: string) => t.app.inject({ url, headers: cookie ? { cookie } : {} });
  /** The comment bodies a page shows, in order. */
  const bodies = (html: string) => [...html.matchAll(/<p class="comment-body">(Top \d+|Reply to \d+)<\/p>/g)].map((m) => m[1]);

  beforeAll(async () => {
    t = await testApp(dialect);
    const author = await makeAuthor(t.services);
    talked = await t.services.posts.create(postFields([author.slug], { title: 'Much discussed', status: 'published' }));
    paid = await t.services.posts.create(postFields([author.slug], { title: 'For subscribers', visibility: 'paid', status: 'published' }));
    await t.services.comments.setSiteAccess('members');
    const member = await t.services.members.add({ email: 'talker@example.com', name: 'Talker' });
    who = { memberId: member.id, name: member.name, paid: false };
    memberCookieValue = await memberCookie(t.services, 'talker@example.com');
    for (let i = 1; i <= TOP_LEVEL; i += 1) {
      const top = await shownComment(talked, `Top ${i}`);
      // The last thread of the first page has a reply written after the second page began.
      if (i === PER_PAGE) await shownComment(talked, `Reply to ${i}`, top.id);
    }
    for (let i = 1; i <= PER_PAGE + 1; i += 1) await shownComment(paid, `Top ${i}`);
    base = await t.app.listen({ port: 0, host: '127.0.0.1' });
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await t.close();
  });

  it('shows the oldest 50 threads under the piece, with their replies, and a link to later comments', async () => {
    const page = await get(`/${talked.slug}/`);
    const shown = bodies(page.body);
    expect(shown.filter((b) => b?.startsWith('Top'))).toEqual(Array.from({ length: PER_PAGE }, (_, i) => `Top ${i + 1}`));
    expect(shown.at(-1)).toBe(`Reply to ${PER_PAGE}`);
    expect(page.body).toContain(`href="/${talked.slug}/comments/page/2/"`);
    expect(page.body).toContain('121 comments');
  });

  it('lists the next threads on numbered pages, linked both ways, and answers 404 past the last', async () => {
    const second = await get(`/${talked.slug}/comments/page/2/`);
    expect(second.statusCode).toBe(200);
    expect(bodies(second.body)).toEqual(Array.from({ length: PER_PAGE }, (_, i) => `Top ${PER_PAGE + i + 1}`));
    expect(second.body).toContain(`href="/${talked.slug}/#comments"`);
    expect(second.body).toContain(`href="/${talked.slug}/comments/page/3/"`);
    expect(second.body).toContain('<meta name="robots" content="noindex');
    const third = await get(`/${talked.slug}/comments/page/3/`);
    expect(bodies(third.body)).toEqual(Array.from({ length: TOP_LEVEL - 2 * PER_PAGE }, (_, i) => `Top ${2 * PER_PAGE + i + 1}`));
    expect(third.body).not.toContain('/comments/page/4/');
    expect((await get(`/${talked.slug}/comments/page/4/`)).statusCode).toBe(404);
    expect((await get(`/${talked.slug}/comments/page/0/`)).statusCode).toBe(404);
    expect((await get(`/${talked.slug}/comments/page/x%00/`)).statusCode).toBe(404);
    expect((await get('/no-such-piece/comments/page/2/')).statusCode).toBe(404);
    const first = await get(`/${talked.slug}/comments/page/1/`);
    expect([first.statusCode, first.headers.location]).toEqual([301, `/${talked.slug}/#comments`]);
  });

  it('shows a new approved comment on the last page at once, though the page was kept', async () => {
    await get(`/${talked.slug}/comments/page/3/`);
    for (let i = TOP_LEVEL - 2 * PER_PAGE + 1; i <= PER_PAGE; i += 1) await shownComment(talked, `Top ${2 * PER_PAGE + i}`);
    await shownComment(talked, 'Top 151');
    const third = await get(`/${talked.slug}/comments/page/3/`);
    expect(bodies(third.body).at(-1)).toBe(`Top ${3 * PER_PAGE}`);
    expect(third.body).toContain(`href="/${talked.slug}/comments/page/4/"`);
    const fourth = await get(`/${talked.slug}/comments/page/4/`);
    expect(bodies(fourth.body)).toEqual(['Top 151']);
  });

  it('keeps the comments of a gated piece from readers who may not read it', async () => {
    expect((await get(`/${paid.slug}/comments/page/2/`)).statusCode).toBe(404);
    expect((await get(`/${paid.slug}/comments/page/2/`, memberCookieValue)).statusCode).toBe(404);
    expect(bodies((await get(`/${paid.slug}/`, memberCookieValue)).body)).toEqual([]);
  });

  it('draws a page of comments as valid, accessible HTML', async () => {
    const second = await get(`/${talked.slug}/comments/page/2/`);
    expect(second.statusCode).toBe(200);
    expect(await htmlErrors(second.body)).toEqual([]);
    const tab = await browser.newPage();
    expect((await tab.goto(`${base}/${talked.slug}/comments/page/2/`))?.status()).toBe(200);
    expect(describeViolations(await axeViolations(tab))).toBe('');
    await tab.close();
  });
});
