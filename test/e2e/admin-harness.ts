import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { buildApp } from '../../src/app.js';
import type { StaffRole } from '../../src/staff/index.js';
import { silentLogger, testServices, type TestContext } from '../support/stores.js';

const chromiumFlags = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
export const screenshotDir = path.resolve(import.meta.dirname, '../../test-output/screenshots');

export interface AdminHarness extends TestContext {
  baseUrl: string;
  browser: Browser;
  /** A new browser context (its own cookies) with one page open at /admin/. */
  openAdmin(): Promise<{ context: BrowserContext; page: Page }>;
  /** A staff account that can sign in with `password`, with its own author profile (byline). */
  staff(role: StaffRole, name?: string): Promise<{ id: number; email: string; password: string; name: string; authorSlug: string }>;
}

export const password = 'correct horse battery staple';
let people = 0;

/** The whole app listening on a free port over a fresh SQLite database, and a headless Chromium. */
export async function startAdmin(options: Parameters<typeof testServices>[1] = {}): Promise<AdminHarness> {
  const context = await testServices('sqlite', options);
  const app = await buildApp({
    config: { publicUrl: 'http://127.0.0.1', themeDir: undefined, dataDir: context.dataDir },
    services: context.services,
    logger: silentLogger,
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const baseUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: chromiumFlags });
  fs.mkdirSync(screenshotDir, { recursive: true });
  return {
    ...context,
    baseUrl,
    browser,
    async openAdmin() {
      const browserContext = await browser.newContext({ baseURL: baseUrl, viewport: { width: 1360, height: 900 } });
      const page = await browserContext.newPage();
      page.setDefaultTimeout(10_000);
      await page.goto('/admin/');
      return { context: browserContext, page };
    },
    async staff(role, name) {
      people += 1;
      const person = { email: `${role}${people}@masthead.test`, password, name: name ?? `${role[0]!.toUpperCase()}${role.slice(1)} ${people}` };
      const user = await context.services.users.create({ ...person, role });
      const author = await context.services.taxonomy.createAuthor({ name: person.name, slug: `writer-${people}` });
      await context.services.users.linkAuthor(user.id, author.id);
      return { ...person, id: user.id, authorSlug: author.slug };
    },
    close: async () => {
      await browser.close();
      await app.close();
      await context.close();
    },
  };
}

export async function signIn(page: Page, person: { email: string; password: string }): Promise<void> {
  await page.getByLabel('Email').fill(person.email);
  await page.getByLabel('Password').fill(person.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('navigation', { name: 'Admin' }).waitFor();
}

/** Runs axe-core in the page and fails with a readable list of what it found. */
export async function expectAccessible(page: Page, screen: string): Promise<void> {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(): Promise<{ violations: Array<{ id: string; help: string; nodes: Array<{ target: unknown }> }> }> } }).axe;
    const result = await axe.run();
    return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')})`);
  });
  expect(violations, `axe-core on the ${screen} screen`).toEqual([]);
}

/** Keeps a picture of the screen under test-output/screenshots for people to look at. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(screenshotDir, `admin-${name}.png`), fullPage: true });
}
