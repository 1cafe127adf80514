import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoContent } from '../../src/demo/index.js';
import { testApp, type AppContext } from '../support/app.js';
import { launchBrowser } from '../support/browser.js';
import { startStripeServer, type StripeTestServer } from '../support/stripe-server.js';

describe('the Content-Security-Policy in a real browser', { timeout: 180_000 }, () => {
  let t: AppContext;
  let stripe: StripeTestServer;
  let browser: Browser;
  let context: BrowserContext;
  let base: string;
  /** What the browser reported as refused by the policy, on any page. */
  const refused: string[] = [];

  beforeAll(async () => {
    stripe = await startStripeServer();
    t = await testApp('sqlite', { stripe: stripe.settings });
    await loadDemoContent(t.services, { artwork: true });
    const author = (await t.services.taxonomy.listAuthors())[0]!.slug;
    await t.services.posts.create({
      title: 'Watch the trailer',
      slug: 'watch-the-trailer',
      bodyFormat: 'html',
      body: '<p>Before the review:</p><figure class="embed"><iframe src="https://www.youtube-nocookie.com/embed/trailer" title="The trailer" width="560" height="315" allowfullscreen></iframe></figure>',
      authors: [author],
      status: 'published',
    });
    base = await t.app.listen({ port: 0, host: '127.0.0.1' });
    browser = await launchBrowser();
    context = await browser.newContext();
    // Nothing leaves the machine: the video player and Stripe's checkout are answered here.
    await context.route('https://www.youtube-nocookie.com/**', (route) => route.fulfill({ contentType: 'text/html', body: '<p>The player</p>' }));
    await context.route('https://checkout.stripe.com/**', (route) => route.fulfill({ contentType: 'text/html', body: '<h1>Stripe Checkout</h1>' }));
    context.on('console', (message) => {
      if (/Content.Security.Policy/i.test(message.text())) refused.push(`${message.page()?.url()}: ${message.text()}`);
    });
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
    await stripe?.close();
  });

  it('refuses nothing the public pages need', async () => {
    const page = await context.newPage();
    const posts = (await t.services.posts.list({}, { limit: 100 })).posts;
    const article = posts.find((p) => p.format === 'article' && p.featureImage)!;
    const review = posts.find((p) => p.review)!;
    for (const url of ['/', `/${article.slug}/`, `/${review.slug}/`, '/tag/film/', '/reviews/', '/no-such-page/', '/members/signin/', '/newsletter/check-your-inbox/']) {
      const res = await page.goto(base + url);
      expect(res?.headers()['content-security-policy'], url).toContain("frame-ancestors 'none'");
      // Lazy images load as the reader scrolls.
      await page.evaluate(async () => {
        for (let y = 0; y < document.body.scrollHeight; y += 600) {
          window.scrollTo(0, y);
          await new Promise((resolve) => requestAnimationFrame(resolve));
        }
      });
      await page.waitForLoadState('networkidle');
    }
    expect(refused).toEqual([]);
  });

  it('runs the search page’s inline script, which suggests titles as the reader types', async () => {
    const page = await context.newPage();
    await page.goto(`${base}/search/`);
    await page.locator('#search-q').fill('the');
    await expect.poll(() => page.locator('#search-live li').count()).toBeGreaterThan(0);
    expect(refused).toEqual([]);
  });

  it('shows the video players the body may embed', async () => {
    const page = await context.newPage();
    await page.goto(`${base}/watch-the-trailer/`);
    await expect.poll(() => page.frameLocator('figure.embed iframe').locator('p').textContent()).toBe('The player');
    expect(refused).toEqual([]);
  });

  it('runs the admin app: signing in, writing a post, showing a digest’s preview in a frame', async () => {
    await t.services.users.create({ email: 'csp-editor@example.org', name: 'Ed Itor', role: 'editor', password: 'correct horse battery' });
    const digest = await t.services.newsletter.assemble(await t.services.newsletter.nextDigestSlot());
    const page = await context.newPage();
    await page.goto(`${base}/admin/`);
    await page.getByLabel('Email').fill('csp-editor@example.org');
    await page.getByLabel('Password').fill('correct horse battery');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('navigation', { name: 'Admin' }).waitFor();
    await page.getByRole('link', { name: 'Posts' }).click();
    await page.getByRole('button', { name: 'New post' }).click();
    await page.getByLabel('Title', { exact: true }).fill('Written under the policy');
    await page.getByRole('textbox', { name: 'Body' }).click();
    await page.keyboard.type('A first line.');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor();

    await page.goto(`${base}/admin/newsletter/digests/${digest.id}`);
    const preview = page.frameLocator('iframe[title="Preview of the digest email"]');
    await preview.locator('body').filter({ hasText: /\S/ }).waitFor();
    expect(refused).toEqual([]);
  });

  it('lets a reader subscribe to the newsletter and go on to Stripe’s checkout', async () => {
    const page = await context.newPage();
    await page.goto(`${base}/`);
    await page.locator('.signup-form input[type=email]').fill('reader@example.org');
    await page.locator('.signup-form button').click();
    await page.waitForURL(`${base}/newsletter/check-your-inbox/`);

    await page.goto(`${base}/members/print/`);
    const checkout = page.locator('form[action="/members/checkout"]').first();
    await checkout.locator('input[type=email][name=email]').fill('reader@example.org');
    await checkout.locator('button[type=submit]').click();
    await page.waitForURL(/^https:\/\/checkout\.stripe\.com\//);
    expect(await page.locator('h1').textContent()).toBe('Stripe Checkout');
    expect(refused).toEqual([]);
  });
});
