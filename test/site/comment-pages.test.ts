import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type AppContext } from '../support/app.js';
import { makeAuthor, postFields } from '../support/factories.js';
import { htmlErrors } from '../support/html.js';
import { dialects } from '../support/stores.js';
import { startStripeServer, type StripeTestServer } from '../support/stripe-server.js';
import { makePlans, memberCookie, subscribe } from '../members/helpers.js';

const FORM = 'application/x-www-form-urlencoded';

/** The cookies a response sets, as one Cookie header together with the ones already sent. */
function withSetCookies(cookie: string, response: { headers: Record<string, unknown> }): string {
  const set = [response.headers['set-cookie'] ?? []].flat() as string[];
  return [cookie, ...set.map((line) => line.split(';')[0]!)].join('; ');
}

describe.each(dialects)('comments on the site (%s)', (dialect) => {
  let t: AppContext;
  let stripe: StripeTestServer;
  let slug: string;
  let postId: number;
  let paidSlug: string;
  let n = 0;

  const get = (url: string, cookie?: string) => t.app.inject({ url, headers: cookie ? { cookie } : {} });
  /** A member signed in by the emailed link: their session cookie. */
  const member = async (name: string) => {
    n += 1;
    const email = `commenter${n}@example.com`;
    const { id } = await t.services.members.add({ email, name });
    return { cookie: await memberCookie(t.services, email), id };
  };
  /** Sends the comment form as a browser would: the page's CSRF token and its cookie. */
  const send = async (cookie: string, fields: Record<string, string>, path = `/${slug}/comment/`) => {
    // The sign-in page always carries a token, also for members the comment page refuses.
    const form = await get('/members/signin/', cookie);
    const token = /name="_csrf" value="([^"]+)"/.exec(form.body)?.[1] ?? '';
    return t.app.inject({ method: 'POST', url: path, headers: { cookie: withSetCookies(cookie, form), 'content-type': FORM }, payload: new URLSearchParams({ _csrf: token, ...fields }).toString() });
  };
  const approveAll = async () => {
    for (const c of await t.services.comments.list({ status: 'pending' })) await t.services.comments.approve(c.id);
  };

  beforeAll(async () => {
    stripe = await startStripeServer();
    t = await testApp(dialect, { stripe: stripe.settings });
    await makePlans(t.services);
    const author = await makeAuthor(t.services, { name: 'Comment Host' });
    ({ slug, id: postId } = await t.services.posts.create(postFields([author.slug], { title: 'A piece to talk about', status: 'published' })));
    paidSlug = (await t.services.posts.create(postFields([author.slug], { title: 'A paid piece', body: 'Saffron paid paragraph.', visibility: 'paid', status: 'published' }))).slug;
    await t.services.comments.setSiteAccess('members');
  });
  afterAll(async () => {
    await t.close();
    await stripe.close();
  });

  it('sends anonymous readers to sign in, and back to the comment form afterwards', async () => {
    const page = await get(`/${slug}/`);
    expect(page.body).toContain(`href="/members/signin/?next=%2F${slug}%2Fcomment%2F"`);
    const form = await get(`/${slug}/comment/`);
    expect(form.statusCode).toBe(303);
    expect(form.headers.location).toBe(`/members/signin/?next=%2F${slug}%2Fcomment%2F`);
    const post = await t.app.inject({ method: 'POST', url: `/${slug}/comment/`, headers: { 'content-type': FORM }, payload: 'body=hello' });
    expect(post.statusCode).toBe(403);
  });

  it('holds a first comment, tells the member so and shows it to them alone until an editor approves it', async () => {
    const ada = await member('Ada Quill');
    const other = await member('Other Reader');
    const anonymousBefore = await get(`/${slug}/`);
    const sent = await send(ada.cookie, { body: 'Marmalade first thoughts.' });
    expect(sent.statusCode).toBe(303);
    expect(sent.headers.location).toBe(`/${slug}/comment/?notice=pending`);
    const notice = await get(sent.headers.location as string, ada.cookie);
    expect(notice.headers['cache-control']).toBe('private, no-store');
    expect(notice.body).toContain('Thank you. Your comment is waiting for approval.');
    expect(notice.body).toContain('Marmalade first thoughts.');
    expect((await get(`/${slug}/comment/`, other.cookie)).body).not.toContain('Marmalade');
    expect((await get(`/${slug}/`, ada.cookie)).body).not.toContain('Marmalade');
    expect((await get(`/${slug}/`)).body).toBe(anonymousBefore.body);

    await approveAll();
    const after = await get(`/${slug}/`);
    expect(after.body).toContain('Marmalade first thoughts.');
    expect(after.body).toContain('1 comment<');
    expect((await get(`/${slug}/`, other.cookie)).body).toContain('Marmalade first thoughts.');

    const second = await send(ada.cookie, { body: 'Quince second thoughts.' });
    expect(second.headers.location).toBe(`/${slug}/comment/?notice=published`);
    expect((await get(second.headers.location as string, ada.cookie)).body).toContain('Thank you. Your comment is published.');
    const shown = await get(`/${slug}/`);
    expect(shown.body).toContain('Quince second thoughts.');
    expect(shown.body).toContain('2 comments<');
  });

  it('shows a comment as text: markup escaped, line breaks kept, addresses linked for user content', async () => {
    const eve = await member('Eve <b>Bold</b>');
    await send(eve.cookie, { body: '<script>alert("x")</script>\nsee https://example.org/a?b=1&c=2.' });
    await approveAll();
    const page = await get(`/${slug}/`);
    expect(page.body).not.toContain('<script>alert');
    expect(page.body).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;<br>');
    expect(page.body).toContain('<a href="https://example.org/a?b=1&amp;c=2" rel="nofollow ugc noopener">');
    expect(page.body).toContain('Eve &lt;b&gt;Bold&lt;/b&gt;');
    expect(await htmlErrors(page.body)).toEqual([]);
  });

  it('offers a reply form per comment and files replies to replies under the top-level comment', async () => {
    const bo = await member('Bo Reply');
    const [top] = (await t.services.comments.shown(postId)).threads;
    const page = await get(`/${slug}/`, bo.cookie);
    expect(page.body).toContain(`href="/${slug}/comment/?reply=${top!.id}"`);
    const form = await get(`/${slug}/comment/?reply=${top!.id}`, bo.cookie);
    expect(form.body).toContain('You are replying to Ada Quill:');
    expect(form.body).toContain(`name="parentId" value="${top!.id}"`);
    expect(await htmlErrors(form.body)).toEqual([]);
    expect((await send(bo.cookie, { body: 'A reply from Bo.', parentId: String(top!.id) }, `/${slug}/comment/`)).statusCode).toBe(303);
    await approveAll();
    const thread = (await t.services.comments.shown(postId)).threads.find((c) => c.id === top!.id)!;
    expect(thread.replies.map((r) => r.body)).toContain('A reply from Bo.');
    expect((await get(`/${slug}/`)).body).toMatch(/class="comment-replies">[\s\S]*A reply from Bo\./);
  });

  it('refuses a form without its CSRF token and keeps nothing', async () => {
    const cy = await member('Cy Forger');
    const forged = await t.app.inject({ method: 'POST', url: `/${slug}/comment/`, headers: { cookie: cy.cookie, 'content-type': FORM }, payload: 'body=Forged+comment' });
    expect(forged.statusCode).toBe(403);
    expect((await t.services.comments.list({ postId })).map((c) => c.body)).not.toContain('Forged comment');
  });

  it('answers empty and overlong text with the form again and a clear message', async () => {
    const di = await member('Di Typist');
    const empty = await send(di.cookie, { body: '   ' });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('Write your comment before posting it.');
    const long = await send(di.cookie, { body: 'x'.repeat(5001) });
    expect(long.statusCode).toBe(400);
    expect(long.body).toContain('Your comment is too long: at most 5,000 characters.');
    expect(long.body).toContain('x'.repeat(5001));
    const odd = await send(di.cookie, { body: 'bell \u0007' });
    expect(odd.statusCode).toBe(400);
    expect(odd.body).toContain('cannot be shown');
  });

  it('keeps nothing from a form whose hidden field was filled in, and says no more than for a held comment', async () => {
    const bot = await member('Spam Bot');
    const sent = await send(bot.cookie, { body: 'Great post, visit my site', website: 'https://spam.example' });
    expect(sent.headers.location).toBe(`/${slug}/comment/?notice=pending`);
    expect((await t.services.comments.list({ postId })).map((c) => c.body)).not.toContain('Great post, visit my site');
  });

  it('tells a member an editor stopped that they may not comment', async () => {
    const fay = await member('Fay Stopped');
    await t.services.comments.stop(fay.id);
    const form = await get(`/${slug}/comment/`, fay.cookie);
    expect(form.statusCode).toBe(403);
    expect(form.body).toContain('The editors have stopped you from commenting.');
    expect(form.body).not.toContain('name="body"');
    const sent = await send(fay.cookie, { body: 'Let me in.' });
    expect(sent.statusCode).toBe(403);
    expect(sent.body).toContain('The editors have stopped you from commenting.');
  });

  it('shows comments on a paid piece only to readers who may read it, and lets only paying members comment', async () => {
    const free = await member('Gil Free');
    await subscribe(t.services, stripe, { plan: 'digital', billing: 'month', email: 'payer@example.com' });
    const paidCookie = await memberCookie(t.services, 'payer@example.com');
    expect((await send(paidCookie, { body: 'Nutmeg paid-only remark.' }, `/${paidSlug}/comment/`)).statusCode).toBe(303);
    await approveAll();
    expect((await get(`/${paidSlug}/`, paidCookie)).body).toContain('Nutmeg paid-only remark.');
    for (const cookie of [undefined, free.cookie]) {
      const page = await get(`/${paidSlug}/`, cookie);
      expect(page.body).not.toContain('Nutmeg');
      expect(page.body).not.toContain('id="comments"');
    }
    const refused = await get(`/${paidSlug}/comment/`, free.cookie);
    expect(refused.statusCode).toBe(403);
    expect(refused.body).toContain('Comments on this piece are for paying subscribers.');
    expect(refused.body).toContain('href="/members/print/"');
  });

  it('asks free members to upgrade where only paying members comment', async () => {
    const free = await member('Hal Free');
    await t.services.comments.setPostAccess(postId, 'paid');
    try {
      const page = await get(`/${slug}/`, free.cookie);
      expect(page.body).toContain('Comments on this piece are for paying subscribers.');
      expect(page.body).not.toContain(`href="/${slug}/comment/"`);
      expect((await send(free.cookie, { body: 'Not allowed.' })).statusCode).toBe(403);
    } finally {
      await t.services.comments.setPostAccess(postId, 'inherit');
    }
    await t.services.comments.setPostAccess(postId, 'off');
    try {
      const page = await get(`/${slug}/`);
      expect(page.body).not.toContain('id="comments"');
      expect(page.body).not.toContain('Marmalade');
    } finally {
      await t.services.comments.setPostAccess(postId, 'inherit');
    }
  });

  it('limits how many comments one member sends in a while', async () => {
    const ivy = await member('Ivy Many');
    const statuses: number[] = [];
    for (let i = 0; i < 11; i += 1) statuses.push((await send(ivy.cookie, { body: `Note number ${i}` })).statusCode);
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(303));
    expect(statuses[10]).toBe(429);
  });

  it('lets a member turn reply emails off and on from their own page', async () => {
    const jo = await member('Jo Quiet');
    expect((await get('/comments/emails/')).headers.location).toBe('/members/signin/?next=%2Fcomments%2Femails%2F');
    const page = await get('/comments/emails/', jo.cookie);
    expect(page.body).toMatch(/name="replies" value="on" checked/);
    expect(await htmlErrors(page.body)).toEqual([]);
    const off = await send(jo.cookie, {}, '/comments/emails/');
    expect(off.headers.location).toBe('/comments/emails/?saved=1');
    expect(await t.services.commentEmails.emailsOn({ kind: 'member', id: jo.id })).toBe(false);
    const saved = await get('/comments/emails/?saved=1', jo.cookie);
    expect(saved.body).toContain('Your choice is saved.');
    expect(saved.body).not.toMatch(/value="on" checked/);
    await send(jo.cookie, { replies: 'on' }, '/comments/emails/');
    expect(await t.services.commentEmails.emailsOn({ kind: 'member', id: jo.id })).toBe(true);
  });

  it('answers oversized, repeated and malformed fields with 4xx and keeps nothing', async () => {
    const kit = await member('Kit Prober');
    const before = (await t.services.comments.list({ postId, limit: 200 })).length;
    const huge = await send(kit.cookie, { body: 'y'.repeat(300_000) });
    expect(huge.statusCode).toBe(413);
    const form = await get('/members/signin/', kit.cookie);
    const token = /name="_csrf" value="([^"]+)"/.exec(form.body)![1]!;
    const cookie = withSetCookies(kit.cookie, form);
    for (const payload of [`_csrf=${token}&body=a&body=b`, `_csrf=${token}&body=ok&parentId=abc`, `_csrf=${token}&body=ok&parentId=99999999999999`, `_csrf=${token}&body=ok%00`]) {
      const res = await t.app.inject({ method: 'POST', url: `/${slug}/comment/`, headers: { cookie, 'content-type': FORM }, payload });
      expect(res.statusCode, payload).toBe(400);
    }
    const json = await t.app.inject({ method: 'POST', url: `/${slug}/comment/`, headers: { cookie, 'content-type': 'application/json', 'x-csrf-token': token }, payload: { body: { nested: true } } });
    expect(json.statusCode).toBe(400);
    expect((await t.services.comments.list({ postId, limit: 200 })).length).toBe(before);
    expect((await get(`/${slug}/comment/?reply=${'9'.repeat(400)}&notice=${'x'.repeat(2000)}`, kit.cookie)).statusCode).toBe(200);
  });
});
