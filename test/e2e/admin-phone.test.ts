import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoContent } from '../../src/demo/index.js';
import { htmlErrors } from '../support/html.js';
import { expectAccessible, screenshot, signIn, startAdmin, type AdminHarness } from './admin-harness.js';

const phone = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

/** How many pixels wider than the window the page is, and the innermost elements that stick out. */
function sideways(page: Page, width: number): Promise<{ overflow: number; culprits: string[] }> {
  return page.evaluate((window) => {
    const out = (element: Element) => element.getBoundingClientRect().right > window + 1;
    const culprits = [...document.querySelectorAll('main *')].filter((element) => out(element) && ![...element.children].some(out));
    return {
      overflow: document.documentElement.scrollWidth - window,
      culprits: culprits.slice(0, 5).map((element) => `${element.tagName.toLowerCase()}${element.className ? `.${String(element.className).split(' ').join('.')}` : ''}`),
    };
  }, width);
}

describe('the admin over the demo magazine on a phone', { timeout: 180_000 }, () => {
  let admin: AdminHarness;
  let boss: Awaited<ReturnType<AdminHarness['staff']>>;
  beforeAll(async () => {
    admin = await startAdmin();
    await loadDemoContent(admin.services, { artwork: true });
    boss = await admin.staff('administrator', 'Ada Admin');
  });
  afterAll(() => admin?.close());

  /** A new browser context of this size with `person` signed in to the admin. */
  async function signedIn(person: { email: string; password: string }, size: Parameters<AdminHarness['browser']['newContext']>[0]) {
    const context = await admin.browser.newContext({ baseURL: admin.baseUrl, ...size });
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    await page.goto('/admin/');
    await signIn(page, person);
    return { context, page };
  }

  /** html-validate's findings on the page as it stands, but for integrity hashes, which the app's own same-origin files do without. */
  async function markupErrors(page: Page): Promise<string[]> {
    return (await htmlErrors(await page.content())).filter((error) => !error.includes('require-sri'));
  }

  /** The names of the navigation links a person can see and reach now. */
  function shownLinks(page: Page): Promise<string[]> {
    return page.getByRole('navigation', { name: 'Admin' }).locator('li').getByRole('link').allInnerTexts();
  }

  it('fits every screen and the editor in a 390-pixel window, with no console error or failed request', async () => {
    const { context, page } = await signedIn(boss, phone);
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`${page.url()} console: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`${page.url()} script: ${error.message}`));
    // The app cancels the reads of a screen it leaves (ERR_ABORTED); any other failure is a fault.
    page.on('requestfailed', (request) => {
      const reason = request.failure()?.errorText ?? '';
      if (reason !== 'net::ERR_ABORTED') problems.push(`${page.url()} failed: ${request.url()} ${reason}`);
    });
    page.on('response', (response) => {
      if (response.status() >= 400) problems.push(`${page.url()} ${response.status()}: ${new URL(response.url()).pathname}`);
    });
    await page.goto('/admin/');
    // The links are in the page (hidden in the closed menu) once the app has drawn it.
    await page.getByRole('navigation', { name: 'Admin' }).locator('li a').first().waitFor({ state: 'attached' });
    const screens = await page
      .getByRole('navigation', { name: 'Admin' })
      .locator('li a')
      .evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
    expect(screens).toEqual(expect.arrayContaining(['/admin/posts', '/admin/members', '/admin/plans', '/admin/newsletter', '/admin/staff', '/admin/settings']));
    const piece = (await admin.services.posts.list({}, { limit: 1 })).posts[0]!;
    const wide: string[] = [];
    for (const screen of [...screens, `/admin/posts/${piece.id}`]) {
      await page.goto(screen, { waitUntil: 'networkidle' });
      await page.locator('main h1').first().waitFor();
      const { overflow, culprits } = await sideways(page, 390);
      if (overflow > 0) wide.push(`${screen}: ${overflow}px (${culprits.join(', ')})`);
    }
    // The last screen is the editor: a title longer than a line shows whole, not one line of it.
    const title = await page.locator('#post-title').evaluate((el) => ({ shown: el.clientHeight, needed: el.scrollHeight }));
    expect(title.needed, `the title of ${piece.title}`).toBeLessThanOrEqual(title.shown);
    await screenshot(page, 'editor-phone');
    expect(wide, 'screens wider than the phone').toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('starts the posts list, the editor and settings within the first 200 pixels of a phone, under a one-line menu bar', async () => {
    const { context, page } = await signedIn(boss, phone);
    const piece = (await admin.services.posts.list({}, { limit: 1 })).posts[0]!;
    const bottoms: Record<string, number> = {};
    // A screen shorter than the window too ("Not found"): the bar stays one line rather than sharing the space left.
    for (const screen of ['/admin/no-such-screen', '/admin/posts', '/admin/settings', `/admin/posts/${piece.id}`]) {
      await page.goto(screen);
      const box = (await page.locator('main h1').first().boundingBox())!;
      bottoms[screen] = Math.round(box.y + box.height);
    }
    await screenshot(page, 'phone-menu-closed');
    expect(
      Object.entries(bottoms).filter(([, bottom]) => bottom > 200),
      JSON.stringify(bottoms),
    ).toEqual([]);
    // The editor's heading is for screen readers; what shows first is the title, under the editor's own bar.
    const title = (await page.locator('#post-title').boundingBox())!;
    expect(title.y, 'the top of the title box in the editor').toBeLessThanOrEqual(300);
    const bar = (await page.locator('header.sidebar').boundingBox())!;
    expect(bar.height, 'the closed menu bar').toBeLessThanOrEqual(64);
    await context.close();
  });

  it('opens and closes the menu on a phone by click and by keyboard, and closes it after going to a screen', async () => {
    const { context, page } = await signedIn(boss, phone);
    await page.goto('/admin/posts');
    await page.locator('main h1').waitFor();
    const button = page.getByRole('navigation', { name: 'Admin' }).getByRole('button', { name: 'Menu' });
    const menu = page.locator(`[id="${await button.getAttribute('aria-controls')}"]`);
    const state = async () => ({ expanded: await button.getAttribute('aria-expanded'), links: await shownLinks(page), menuShown: await menu.isVisible() });
    const closed = { expanded: 'false', links: [], menuShown: false };
    expect(await state()).toEqual(closed);
    await expectAccessible(page, 'posts list with the menu closed');
    expect(await markupErrors(page)).toEqual([]);

    await button.click();
    const open = await state();
    expect(open).toMatchObject({ expanded: 'true', menuShown: true });
    expect(open.links).toEqual(expect.arrayContaining(['Dashboard', 'Posts', 'Members', 'Settings', 'Import']));
    expect(await menu.getByRole('button', { name: 'Sign out' }).isVisible()).toBe(true);
    await expectAccessible(page, 'posts list with the menu open');
    expect(await markupErrors(page)).toEqual([]);
    await screenshot(page, 'phone-menu-open');
    await button.click();
    expect(await state()).toEqual(closed);

    // The keyboard: Enter and Space open it, Tab walks into it, Escape closes it and returns to the button.
    const focused = () => page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');
    await button.focus();
    await page.keyboard.press('Enter');
    expect(await state()).toEqual(open);
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('Dashboard');
    await page.keyboard.press('Escape');
    expect(await state()).toEqual(closed);
    expect(await focused()).toBe('Menu');
    await page.keyboard.press('Space');
    expect(await state()).toEqual(open);
    await page.keyboard.press('Space');
    expect(await state()).toEqual(closed);

    // Following a link closes the menu and leaves the keyboard at the top of the new screen.
    await page.keyboard.press('Enter');
    await menu.getByRole('link', { name: 'Settings' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Site settings' }).waitFor();
    expect(await state()).toEqual(closed);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    // So does going back, and choosing the screen already shown.
    await button.click();
    await page.goBack();
    await page.getByRole('heading', { level: 1, name: 'Posts' }).waitFor();
    expect(await state()).toEqual(closed);
    await button.click();
    await menu.getByRole('link', { name: 'Posts' }).click();
    expect(await state()).toEqual(closed);
    await context.close();
  });

  it('shows a contributor on a phone the same few screens as on a wide screen, and the one open now in the bar', async () => {
    // A name of one long word wraps in the menu rather than widening the page.
    const contributor = await admin.staff('contributor', 'Cleo Wolfeschlegelsteinhausenbergerdorffvoralternwarengewissenhaftschaferswessen');
    const { context, page } = await signedIn(contributor, phone);
    await page.goto('/admin/media');
    await page.locator('main h1').waitFor();
    const nav = page.getByRole('navigation', { name: 'Admin' });
    expect(await nav.locator('.nav-bar').innerText(), 'the current screen named in the bar').toMatch(/^Masthead\s+Media\s+Menu$/);
    await nav.getByRole('button', { name: 'Menu' }).click();
    expect(await shownLinks(page)).toEqual(['Dashboard', 'Posts', 'Media']);
    expect(await page.evaluate(() => document.documentElement.scrollWidth), 'the page width with the menu open').toBe(390);
    await context.close();
  });

  it('keeps the navigation of a wide screen as a column always shown, with no menu button', async () => {
    const { context, page } = await signedIn(boss, { viewport: { width: 1280, height: 900 } });
    await page.goto('/admin/posts');
    const heading = (await page.locator('main h1').boundingBox())!;
    const nav = page.getByRole('navigation', { name: 'Admin' });
    expect(await nav.getByRole('button', { name: 'Menu' }).isVisible()).toBe(false);
    expect(await shownLinks(page)).toEqual(expect.arrayContaining(['Dashboard', 'Posts', 'Members', 'Settings', 'Import']));
    const column = (await page.locator('header.sidebar').boundingBox())!;
    expect({ column: [column.x, column.width], heading: [heading.x, heading.y] }).toEqual({ column: [0, 208], heading: [240, 24] });
    await screenshot(page, 'wide-menu');
    await context.close();
  });
});
