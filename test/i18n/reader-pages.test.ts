import fs from 'node:fs';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SIGN_IN_LINK_MINUTES } from '../../src/members/member.service.js';
import { postFormats, type PostFormat } from '../../src/content/index.js';
import { translator } from '../../src/i18n/index.js';
import { testApp, type AppContext } from '../support/app.js';
import { filmReview, makeAuthor, makeTag, postFields } from '../support/factories.js';
import { catalogs, expectNoEnglish } from '../support/locales.js';
import { dialects } from '../support/stores.js';
import { memberCookie } from '../members/helpers.js';

const tr = translator(catalogs, 'de');
const formats = Object.keys(postFormats) as PostFormat[];
/** Texts the reader pages wrote in English whatever the site's language, before they came from the locale files. */
const formerlyEnglish = [
  'Thank you',
  'Your payment went through',
  'Go to your account',
  'Your address is saved.',
  'Please correct the',
  'This piece has been removed.',
  'Nothing exists at that address.',
  'Where to watch',
  'Release date',
  'Director',
  'Runtime',
  'minutes',
  'Rated ',
  'a confirmation email is on its way',
  'is not a plan on sale',
  'Your sign-in link',
  'expires in',
  'This link is damaged',
];

function expectGerman(body: string, page: string): void {
  expectNoEnglish('de', body, page);
  expect(
    formerlyEnglish.filter((en) => body.includes(en)),
    page,
  ).toEqual([]);
}

describe.each(dialects)('reader pages and answers in German (%s)', (dialect) => {
  let t: AppContext;
  let author: string;
  let cookie: string;

  beforeAll(async () => {
    t = await testApp(dialect);
    await t.services.settings.updateSite({ locale: 'de', title: 'Halcyon' });
    author = (await makeAuthor(t.services, { name: 'Ilse Brandt' })).slug;
    await t.services.members.add({ email: 'leserin@example.com', name: 'Ilse Brandt' });
    cookie = await memberCookie(t.services, 'leserin@example.com');
  });
  afterAll(async () => t.close());

  /** A form page's CSRF token, with the cookies that carry it. */
  async function formOn(url: string): Promise<{ token: string; cookies: string }> {
    const page = await t.app.inject({ url, headers: { cookie } });
    const token = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!;
    return { token, cookies: [cookie, ...page.cookies.map((c) => `${c.name}=${c.value}`)].join('; ') };
  }
  async function submit(url: string, from: string, form: Record<string, string>) {
    const { token, cookies } = await formOn(from);
    return t.app.inject({
      method: 'POST',
      url,
      headers: { cookie: cookies, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ ...form, _csrf: token }).toString(),
    });
  }

  it('shows the payment confirmation and the account notices in German', async () => {
    const welcome = (await t.app.inject('/members/welcome/')).body;
    expect(welcome).toContain(`<h1>${tr('welcome.title')}</h1>`);
    expect(welcome).toContain(`<title>${tr('welcome.title')} – Halcyon</title>`);
    expect(welcome).toContain(tr('welcome.text'));
    expectGerman(welcome, 'welcome page');
    const saved = (await t.app.inject({ url: '/members/?saved=address', headers: { cookie } })).body;
    expect(saved).toContain(`<p role="status">${tr('account.notice.address')}</p>`);
    expectGerman(saved, 'account page');
  });

  it('explains wrong form fields in German: the address, the sign-in address; and an unavailable checkout', async () => {
    const address = await submit('/members/address', '/members/', { address_name: 'Ilse Brandt', address_line1: '', address_city: 'Berlin', address_postcode: '10115', address_country: 'Deutschland' });
    expect(address.statusCode).toBe(400);
    expect(address.body).toContain(tr('form.correctAddress'));
    expect(address.body).toContain(tr('address.error.country'));
    expectGerman(address.body, 'address form');

    const signin = await submit('/members/signin', '/members/signin/', { email: 'not an address' });
    expect(signin.statusCode).toBe(400);
    expect(signin.body).toContain(tr('signin.emailError'));
    expectGerman(signin.body, 'sign-in form');

    // Without payments set up, checkout is unavailable: the error page says so in German too.
    const checkout = await submit('/members/checkout', '/members/', { plan: 'no-such-plan', billing: 'month' });
    expect(checkout.statusCode).toBe(503);
    expect(checkout.body).toContain(`<p>${tr('error.text.unavailable')}</p>`);
    expectGerman(checkout.body, 'checkout');
  });

  it('answers a removed piece, a missing page and a newsletter signup in German', async () => {
    const post = await t.services.posts.create(postFields([author], { title: 'Zurückgezogen', status: 'published' }));
    await t.services.posts.archive(post.id);
    const gone = await t.app.inject(`/${post.slug}/`);
    expect(gone.statusCode).toBe(410);
    expect(gone.body).toContain(`<p>${tr('error.text.gone')}</p>`);
    expectGerman(gone.body, '410 page');

    const missing = await t.app.inject('/gibt-es-nicht/');
    expect(missing.statusCode).toBe(404);
    expect(missing.body).toContain(`<p>${tr('error.text.notFound')}</p>`);
    expectGerman(missing.body, '404 page');

    const damaged = await t.app.inject('/newsletter/confirm/?token=kaputt');
    expect(damaged.body).toContain(`<p>${tr('error.code.LINK_INVALID')}</p>`);
    expectGerman(damaged.body, 'damaged link page');

    const signup = await t.app.inject({ method: 'POST', url: '/newsletter/subscribe', headers: { accept: 'application/json' }, payload: { email: 'neu@example.com' } });
    expect(signup.statusCode).toBe(202);
    expect(signup.json()).toEqual({ status: 'check-your-inbox', message: tr('signup.sent') });
  });

  it('answers a signup script’s mistakes in German too, keeping the code and fields for the script', async () => {
    const wrong = await t.app.inject({ method: 'POST', url: '/newsletter/subscribe', headers: { accept: 'application/json' }, payload: { email: 'keine Adresse' } });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error).toMatchObject({ code: 'VALIDATION_FAILED', message: tr('signup.emailError'), fields: [{ field: 'email' }] });

    const damaged = await t.app.inject({ method: 'POST', url: '/newsletter/preferences/?token=kaputt', headers: { accept: 'application/json' }, payload: { newsletters: [] } });
    expect(damaged.statusCode).toBe(400);
    expect(damaged.json().error).toMatchObject({ code: 'LINK_INVALID', message: tr('error.code.LINK_INVALID') });
  });

  it('writes the sign-in email in German', async () => {
    await t.services.members.requestSignIn('leserin@example.com', (token) => `http://localhost:3000/members/signin/verify/?token=${token}`);
    const dir = path.join(t.dataDir, 'outbox');
    const last = fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.eml'))
      .sort()
      .at(-1)!;
    const mail = await simpleParser(fs.readFileSync(path.join(dir, last)));
    expect(mail.subject).toBe(tr('memberEmail.signIn.subject'));
    expect(mail.html).toMatch(/<html lang="de" dir="ltr">/);
    expect(mail.text).toContain(tr('memberEmail.signIn.text', { count: SIGN_IN_LINK_MINUTES }));
    expectGerman(`${mail.subject}\n${mail.text}`, 'sign-in email');
  });

  it('names numbered archive pages and describes archives in German', async () => {
    const writer = await makeAuthor(t.services, { name: 'Greta Vogel' });
    for (let i = 1; i <= 13; i++) await t.services.posts.create(postFields([writer.slug], { title: `Notiz ${i}`, status: 'published' }));
    const paged = [tr('pagination.page', { page: 2 })];
    for (const url of [`/author/${writer.slug}/page/2/`, '/page/2/']) {
      const body = (await t.app.inject(url)).body;
      for (const text of paged) expect(body, url).toContain(text);
      expect(body, url).not.toMatch(/Page 2|page 2|All stories/);
      expectGerman(body, url);
    }
    const first = (await t.app.inject(`/author/${writer.slug}/`)).body;
    expect(first).toContain(tr('archive.description', { name: 'Greta Vogel', site: 'Halcyon' }));
    expect((await t.app.inject('/page/2/')).body).toContain(tr('home.all'));
  });

  it('names formats and the search page in German', async () => {
    await t.services.posts.create(filmReview([author], { status: 'published', title: 'Eine Kritik', body: 'Kurz.' }));
    const reviews = (await t.app.inject('/reviews/')).body;
    expect(reviews).toContain(`<h1>${tr('format.review.plural')}</h1>`);
    expect(reviews).not.toMatch(/>Reviews</);
    const search = (await t.app.inject('/search/?q=Kritik')).body;
    expect(search).toContain(`<title>${tr('search.titleFor', { query: 'Kritik' })}`);
    for (const format of formats) expect(search).toContain(`<option value="${format}">${tr(`format.${format}.plural`)}</option>`);
    expect(search).not.toMatch(/>format\./);
    expectGerman(search, 'search');
  });

  it('names the archive of every format in German', async () => {
    for (const format of formats) {
      const fields = { status: 'published', format, title: `Ein Stück im Format ${format}` };
      await t.services.posts.create(format === 'review' ? filmReview([author], fields) : postFields([author], fields));
      const archive = await t.app.inject(`/${postFormats[format].path}/`);
      expect(archive.statusCode, format).toBe(200);
      expect(archive.body, format).toContain(`<h1>${tr(`format.${format}.plural`)}</h1>`);
      expect(archive.body, format).not.toContain(`format.${format}.plural`);
    }
  });

  it('leads from a section on the home page to more of it under the section’s own name', async () => {
    const section = await makeTag(t.services, { name: 'Kino', slug: 'kino' });
    // Two pieces: the newest may lead the page, the other fills the section's row.
    for (const title of ['Ein Abend im Kino', 'Noch ein Abend im Kino']) await t.services.posts.create(postFields([author], { status: 'published', title, tags: [section.slug] }));
    const home = (await t.app.inject('/')).body;
    expect(home).toContain(`<a href="/tag/kino/">${tr('home.more', { section: 'Kino' })}</a>`);
    expect(home).not.toContain(tr('home.more', { section: 'kino' }));
  });

  it('shows no English and no message key on any kind of reader page', async () => {
    await t.services.comments.setSiteAccess('members');
    const section = await makeTag(t.services, { name: 'Bühne', slug: 'buehne' });
    const piece = await t.services.posts.create(postFields([author], { status: 'published', title: 'Ein Rundgang', tags: [section.slug], body: 'Ein kurzer Text.' }));
    await t.services.posts.create(filmReview([author], { status: 'published', title: 'Noch eine Kritik', body: 'Kurz.', tags: [section.slug] }));
    const pages = [
      '/',
      `/${piece.slug}/`,
      `/${piece.slug}/comment/`,
      '/tag/buehne/',
      `/author/${author}/`,
      '/people/celine-song/',
      '/works/past-lives-2023/',
      '/search/?q=Rundgang',
      '/search/?q=nirgendwo',
      '/members/',
      '/members/print/',
      '/members/signin/',
      '/members/tip/',
      '/comments/emails/',
      '/newsletter/preferences/?token=kaputt',
      '/gibt-es-nicht/',
      ...formats.map((format) => `/${postFormats[format].path}/`),
    ];
    for (const url of pages) {
      const page = await t.app.inject({ url, headers: { cookie } });
      expect(page.statusCode, url).toBeLessThan(500);
      expectGerman(page.body, url);
    }
  });

  it('explains a refused search in German, one message per wrong field', async () => {
    const backwards = await t.app.inject('/search/?q=Kritik&from=2026-05-01&to=2026-04-01');
    expect(backwards.statusCode).toBe(400);
    expect(backwards.body).toContain(`<li>${tr('search.error.to')}</li>`);
    const odd = await t.app.inject('/search/?q=Kritik&from=gestern&section=Keine%20Rubrik&format=roman&author=A%20B&page=null&limit=999');
    expect(odd.statusCode).toBe(400);
    for (const field of ['from', 'section', 'format', 'author', 'page', 'other']) expect(odd.body, field).toContain(`<li>${tr(`search.error.${field}`)}</li>`);
    for (const body of [backwards.body, odd.body]) {
      expect(body).not.toMatch(/must|is not|expected|Invalid/);
      expectGerman(body, 'refused search');
    }
  });

  it('offers to share a piece by email in German', async () => {
    const post = await t.services.posts.create(postFields([author], { status: 'published', title: 'Ein Stück zum Teilen' }));
    const share = /<section class="share"[\s\S]*?<\/section>/.exec((await t.app.inject(`/${post.slug}/`)).body)![0];
    expect(share).toContain(`rel="noopener nofollow">${tr('post.shareByEmail')}</a>`);
    expect(share).not.toContain('>Email<');
  });

  it('writes the facts box of a review in German', async () => {
    const review = await t.services.posts.create(filmReview([author], { status: 'published', title: 'Ein stiller Triumph', body: 'Kurz.' }));
    const body = (await t.app.inject(`/${review.slug}/`)).body;
    for (const key of ['facts.movie', 'facts.director', 'facts.watch', 'facts.date.movie', 'facts.runtime', 'facts.organization.movie']) expect(body, key).toContain(tr(key));
    expect(body).toContain(tr('facts.minutes', { count: 106 }));
    expect(body).toContain(tr('facts.as', { name: 'Greta Lee', character: 'Nora' }));
    expect(body).toContain(tr('facts.rated', { value: 4.5, scale: 5 }));
    expectGerman(body, 'review');
  });
});
