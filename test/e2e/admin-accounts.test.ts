import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linkIn, mailCatcher } from '../admin-api/support/mail-catcher.js';
import { expectAccessible, password, screenshot, signIn, startAdmin, type AdminHarness } from './admin-harness.js';

describe('admin accounts in the browser', () => {
  let mail: Awaited<ReturnType<typeof mailCatcher>>;
  let admin: AdminHarness;
  beforeAll(async () => {
    mail = await mailCatcher();
    admin = await startAdmin({ mailer: mail.mailer });
  });
  afterAll(async () => {
    await admin.close();
    await mail.close();
  });

  it('sets up the first administrator on a new site, then offers only sign in', async () => {
    const { context, page } = await admin.openAdmin();
    await page.getByRole('heading', { name: 'Set up your magazine' }).waitFor();
    await expectAccessible(page, 'setup');
    await screenshot(page, 'setup');
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('email');

    await page.getByLabel('Your name').fill('Ada Editor');
    await page.getByLabel('Email').fill('ada@masthead.test');
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByRole('heading', { name: 'Welcome, Ada Editor' }).waitFor();
    await expectAccessible(page, 'dashboard');
    await context.close();

    const second = await admin.openAdmin();
    await second.page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await second.context.close();
  });

  it('signs in, refuses a wrong password with a clear message, and signs out', async () => {
    const person = await admin.staff('editor', 'Edie Tor');
    const { context, page } = await admin.openAdmin();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await expectAccessible(page, 'sign-in');
    await screenshot(page, 'sign-in');
    await page.getByLabel('Email').fill(person.email);
    await page.getByLabel('Password').fill('not the password at all');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/password/i);

    await page.getByLabel('Password').fill(person.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Welcome, Edie Tor' }).waitFor();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await page.reload();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await context.close();
  });

  it('invites a writer by email, who accepts and lands signed in', async () => {
    const boss = await admin.staff('administrator', 'Bo Ss');
    const { context, page } = await admin.openAdmin();
    await signIn(page, boss);
    await page.getByRole('link', { name: 'Staff' }).click();
    await page.getByRole('heading', { name: 'Staff' }).waitFor();
    await page.getByLabel('Email').fill('new.writer@masthead.test');
    await page.getByLabel('Role', { exact: true }).selectOption('author');
    await page.getByRole('button', { name: 'Send invitation' }).click();
    await page
      .getByRole('row', { name: /new\.writer@masthead\.test/ })
      .getByText('invited')
      .waitFor();
    await expectAccessible(page, 'staff');
    await screenshot(page, 'staff');

    const link = linkIn(await mail.next('new.writer@masthead.test'), '/admin/accept-invite');
    const invited = await admin.browser.newContext({ baseURL: admin.baseUrl });
    const invitee = await invited.newPage();
    await invitee.goto(`${link.pathname}${link.search}`);
    await invitee.getByRole('heading', { name: 'Join the team' }).waitFor();
    await expectAccessible(invitee, 'accept invitation');
    await invitee.getByLabel('Your name').fill('Nova Writer');
    await invitee.getByLabel('Password').fill(password);
    await invitee.getByRole('button', { name: 'Accept invitation' }).click();
    await invitee.getByRole('heading', { name: 'Welcome, Nova Writer' }).waitFor();
    expect(new URL(invitee.url()).pathname).toBe('/admin/');
    await invited.close();

    await page.getByLabel('Role of new.writer@masthead.test').selectOption('editor');
    await page.getByText('new.writer@masthead.test is now editor.').waitFor();
    const row = page.getByRole('row', { name: /new\.writer@masthead\.test/ });
    await row.getByRole('button', { name: 'Suspend' }).click();
    await row.getByText('suspended').waitFor();
    await context.close();
  });

  it('resets a forgotten password through the emailed link', async () => {
    const person = await admin.staff('author', 'For Getful');
    const { context, page } = await admin.openAdmin();
    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    await page.getByRole('heading', { name: 'Reset your password' }).waitFor();
    await expectAccessible(page, 'forgot password');
    await page.getByLabel('Email').fill(person.email);
    await page.getByRole('button', { name: 'Send reset link' }).click();
    await page.getByText(/a link to choose a new password is on its way/).waitFor();

    await admin.services.runner.drain();
    const link = linkIn(await mail.next(person.email), '/admin/reset-password');
    await page.goto(`${link.pathname}${link.search}`);
    await page.getByRole('heading', { name: 'Choose a new password' }).waitFor();
    await expectAccessible(page, 'reset password');
    await page.getByLabel('New password').fill('a brand new passphrase');
    await page.getByRole('button', { name: 'Save password' }).click();
    await page.getByRole('heading', { name: 'Password changed' }).waitFor();
    await page.getByRole('button', { name: 'Sign in' }).click();
    await signIn(page, { email: person.email, password: 'a brand new passphrase' });
    await context.close();
  });

  it('signs in by an emailed link while password sign-in is paused', async () => {
    const person = await admin.staff('editor', 'Link Ed');
    const { context, page } = await admin.openAdmin();
    for (let i = 0; i < 6; i += 1) {
      await page.getByLabel('Email').fill(person.email);
      await page.getByLabel('Password').fill(`not the password ${i}`);
      const answered = page.waitForResponse((r) => r.url().endsWith('/admin/api/session') && r.request().method() === 'POST');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await answered;
    }
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/emailed sign-in link/);

    await page.getByRole('link', { name: 'Email me a sign-in link' }).click();
    await page.getByRole('heading', { name: 'Sign in by email' }).waitFor();
    await expectAccessible(page, 'email sign-in');
    await page.getByLabel('Email').fill(person.email);
    await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
    await page.getByText(/a sign-in link is on its way/).waitFor();

    await admin.services.runner.drain();
    const link = linkIn(await mail.next(person.email), '/admin/sign-in-link');
    await page.goto(`${link.pathname}${link.search}`);
    await page.getByRole('heading', { name: 'Finish signing in' }).waitFor();
    await expectAccessible(page, 'sign-in link');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Welcome, Link Ed' }).waitFor();
    expect(new URL(page.url()).search).toBe('');
    await context.close();
  });
});
