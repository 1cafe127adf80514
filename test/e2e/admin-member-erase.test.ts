import path from 'node:path';
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePlans, subscribe } from '../members/helpers.js';
import { makeAuthor, postFields } from '../support/factories.js';
import { startStripeServer, type StripeTestServer } from '../support/stripe-server.js';
import { expectAccessible, signIn, startAdmin, type AdminHarness } from './admin-harness.js';

const shots = path.resolve('test-output/screenshots/member-erase');

describe("a member's data from the member screen", () => {
  let admin: AdminHarness;
  let stripe: StripeTestServer;

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    stripe = await startStripeServer();
    admin = await startAdmin({ stripe: stripe.settings });
    await makePlans(admin.services);
    await subscribe(admin.services, stripe, { plan: 'digital', billing: 'month', email: 'paying@example.com' });
  });
  afterAll(async () => {
    await admin.close();
    await stripe.close();
  });

  it('downloads a member’s data, refuses to erase one Stripe still bills, and erases one after asking', async () => {
    const editor = await admin.staff('editor', 'Eddie Editor');
    const post = await admin.services.posts.create(postFields([(await makeAuthor(admin.services, { name: 'Wren Holt', slug: 'wren-holt' })).slug], { status: 'published' }));
    await admin.services.comments.setSiteAccess('members');
    const member = await admin.services.members.add({ email: 'leaving@example.com', name: 'Nell Frost' });
    await admin.services.comments.add({ id: post.id, type: post.type, status: post.status, visibility: post.visibility }, { memberId: member.id, name: member.name, paid: false }, { body: 'Goodbye.' });
    const { context, page } = await admin.openAdmin();
    await signIn(page, editor);

    await page.getByRole('link', { name: 'Members' }).click();
    await page.getByRole('link', { name: 'paying@example.com' }).click();
    await page.getByRole('button', { name: 'Erase…' }).click();
    await page.getByRole('dialog', { name: 'Erase paying@example.com?' }).getByRole('button', { name: 'Erase for good' }).click();
    await page.getByText(/cancel it before erasing them/).waitFor();

    await page.getByRole('link', { name: '← Members' }).click();
    await page.getByRole('link', { name: 'leaving@example.com' }).click();
    await page.getByRole('heading', { name: 'Nell Frost' }).waitFor();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download data' }).click();
    expect((await download).suggestedFilename()).toBe(`member-${member.id}.json`);

    await page.getByRole('button', { name: 'Erase…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Erase leaving@example.com?' });
    await dialog.waitFor();
    await expectAccessible(page, 'member erase dialog');
    await page.screenshot({ path: `${shots}/member-erase-dialog.png` });
    await dialog.getByRole('button', { name: 'Erase for good' }).click();
    await page.getByText('Erased leaving@example.com.').waitFor();
    await page.getByRole('link', { name: 'paying@example.com' }).waitFor();
    expect(await page.getByRole('link', { name: 'leaving@example.com' }).count()).toBe(0);
    await expect(admin.services.members.get({ email: 'leaving@example.com' })).rejects.toMatchObject({ code: 'MEMBER_NOT_FOUND' });
    await page.screenshot({ path: `${shots}/members-after-erase.png`, fullPage: true });
    await context.close();
  });
});
