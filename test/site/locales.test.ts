import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smtpMailer } from '../../src/email/index.js';
import { translator } from '../../src/i18n/index.js';
import { catalogs, expectNoEnglish } from '../support/locales.js';
import { testApp, type AppContext } from '../support/app.js';
import { makeAuthor, postFields } from '../support/factories.js';
import { startSmtp, type TestSmtp } from '../support/smtp.js';
import { dialects } from '../support/stores.js';
import { memberCookie } from '../members/helpers.js';

const shipped = ['de', 'fr', 'es', 'pt'] as const;

describe.each(dialects)('the site and its emails in the magazine’s language (%s)', (dialect) => {
  let t: AppContext;
  let smtp: TestSmtp;
  let author: string;

  beforeAll(async () => {
    smtp = await startSmtp();
    const mailer = smtpMailer({ smtpUrl: smtp.url, mailFrom: 'Magazine <news@magazine.example>', dkim: undefined });
    t = await testApp(dialect, { mailer });
    await t.services.sends.updateSettings({ messagesPerSecond: 1000 });
    await t.services.subscribers.importCsv(Buffer.from('email\nleser@example.com\n'));
    author = (await makeAuthor(t.services, { name: 'Ilse Brandt' })).slug;
  });
  afterAll(async () => {
    await t.services.mailer.close();
    await t.close();
    await smtp.close();
  });

  it.each(shipped)('renders the home page, an article and the sign-in page in %s, with its dates and lang', async (locale) => {
    await t.services.settings.updateSite({ locale, title: 'Halcyon', timezone: 'Europe/Berlin' });
    const tr = translator(catalogs, locale);
    const post = await t.services.posts.create(postFields([author], { title: `Ein Stück ${locale}`, body: 'Word '.repeat(700), status: 'published' }));
    const date = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'Europe/Berlin' }).format(new Date(post.publishedAt!));

    const home = (await t.app.inject('/')).body;
    expect(home).toContain(`<html lang="${locale}" dir="ltr">`);
    expect(home).toContain(tr('signup.headline', { site: 'Halcyon' }));
    expect(home).toContain(`>${tr('layout.skip')}<`);
    expect(home).toContain(date);
    expectNoEnglish(locale, home, 'home');

    const article = (await t.app.inject(`/${post.slug}/`)).body;
    expect(article).toContain(`<html lang="${locale}" dir="ltr">`);
    expect(article).toContain(`${tr('byline.by')} <a href="/author/${author}/">Ilse Brandt</a>`);
    expect(article).toContain(tr('post.minutes', { count: post.readingMinutes }));
    expect(article).toContain(`>${tr('post.share')}<`);
    expect(article).toContain(date);
    expectNoEnglish(locale, article, 'article');

    const signin = (await t.app.inject('/members/signin/')).body;
    expect(signin).toContain(`<h1>${tr('signin.title')}</h1>`);
    expect(signin).toContain(`>${tr('signin.send')}<`);
    expectNoEnglish(locale, signin, 'sign-in page');
  });

  it.each(shipped)('renders the member account, plans and search pages in %s', async (locale) => {
    await t.services.settings.updateSite({ locale, title: 'Halcyon' });
    const tr = translator(catalogs, locale);
    const email = `konto-${locale}@example.com`;
    await t.services.members.add({ email, name: 'Ilse Brandt' });
    const cookie = await memberCookie(t.services, email);

    const account = (await t.app.inject({ url: '/members/', headers: { cookie } })).body;
    expect(account).toContain(`<h1>${tr('members.account.title')}</h1>`);
    expect(account).toContain(`>${tr('address.postcode')}</label>`);
    expect(account).toContain(`>${tr('account.signOut')}</button>`);
    expectNoEnglish(locale, account, 'account page');

    const plans = (await t.app.inject('/members/print/')).body;
    expect(plans).toContain(`<h1>${tr('print.title')}</h1>`);
    expectNoEnglish(locale, plans, 'plans page');

    const search = (await t.app.inject('/search/?q=Word')).body;
    expect(search).toContain(`>${tr('search.allSections')}</option>`);
    expectNoEnglish(locale, search, 'search page');
  });

  it.each(shipped)('answers an unknown address with a %s page-not-found page', async (locale) => {
    await t.services.settings.updateSite({ locale, title: 'Halcyon' });
    const tr = translator(catalogs, locale);
    const missing = await t.app.inject('/no-such-page/');
    expect(missing.statusCode).toBe(404);
    expect(missing.body).toContain(`<title>${tr('error.title.notFound')} – Halcyon</title>`);
    expect(missing.body).toContain(`<h1>${tr('error.notFound')}</h1>`);
    expect(missing.body).toContain(`>${tr('error.home')}</a>`);
  });

  it('writes specific words of each shipped language, not English, on its pages', async () => {
    const expected = {
      de: 'Abonnieren Sie unseren wöchentlichen Newsletter.',
      fr: 'Abonnez-vous à notre lettre d’information hebdomadaire.',
      es: 'Suscríbete a nuestro boletín semanal.',
      pt: 'Assine a nossa newsletter semanal.',
    };
    for (const locale of shipped) {
      await t.services.settings.updateSite({ locale });
      const home = (await t.app.inject('/')).body;
      expect(home).toContain(expected[locale]);
      expect(home).not.toContain('Subscribe to our weekly newsletter.');
    }
  });

  it.each(shipped)('confirms a newsletter signup in %s, by email and on its pages', async (locale) => {
    await t.services.settings.updateSite({ locale, title: 'Halcyon' });
    const tr = translator(catalogs, locale);
    const email = `signup-${locale}@example.com`;
    const form = await t.app.inject({ method: 'POST', url: '/newsletter/subscribe', payload: new URLSearchParams({ email }).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(form.statusCode).toBe(303);
    const inbox = (await t.app.inject(form.headers.location as string)).body;
    expect(inbox).toContain(`<h1>${tr('inbox.title')}</h1>`);
    expect(inbox).toContain(tr('inbox.text', { site: 'Halcyon' }));
    expectNoEnglish(locale, inbox, 'check-your-inbox page');

    const before = smtp.received.length;
    await t.services.runner.drain();
    await smtp.waitFor(before + 1);
    const confirmation = await smtp.parsed(smtp.received.findIndex((m, i) => i >= before && m.to === email));
    expect(confirmation.subject).toBe(tr('notice.confirm.subject', { site: 'Halcyon' }));
    expect(confirmation.text).toContain(tr('notice.confirm.button'));
    expect(confirmation.html).toContain(tr('notice.confirm.heading'));
    expectNoEnglish(locale, confirmation.text!, 'confirmation email');
    const link = /http:\/\/localhost:3000(\/newsletter\/confirm\/\?token=[A-Za-z0-9_.-]+)/.exec(confirmation.text!)![1]!;
    const confirmed = (await t.app.inject(link)).body;
    expect(confirmed).toContain(`<h1>${tr('confirmed.title')}</h1>`);
    expect(confirmed).toContain(`${tr('newsletters.choose')}</a>`);
    expectNoEnglish(locale, confirmed, 'confirmation page');
  });

  it.each(shipped)('sends a post email in %s', async (locale) => {
    await t.services.settings.updateSite({ locale, title: 'Halcyon' });
    const tr = translator(catalogs, locale);
    const post = await t.services.posts.create(postFields([author], { title: `Brief ${locale}`, body: 'A short letter.', status: 'published' }));
    const before = smtp.received.length;
    const { sendId } = await t.services.newsletter.sendPost(post.slug);
    await t.services.sends.deliver(sendId!);
    await smtp.waitFor(before + 1);
    const mail = await smtp.parsed(smtp.received.findIndex((m, i) => i >= before && m.to === 'leser@example.com'));
    const newsletter = (await t.services.subscribers.newsletters())[0]!.name;
    for (const part of [mail.html as string, mail.text!]) {
      expect(part).toContain(tr('email.by', { names: 'Ilse Brandt' }));
      expect(part).toContain(tr('email.reason', { newsletter, site: 'Halcyon' }));
      expect(part).toContain(tr('email.manage'));
      expectNoEnglish(locale, part, 'post email');
    }
    expect(mail.html as string).toMatch(new RegExp(`<html[^>]* lang="${locale}"`));
  });
});
