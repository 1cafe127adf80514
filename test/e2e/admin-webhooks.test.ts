import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startReceiver, verifySignature } from '../webhooks/outgoing-receiver.js';
import { expectAccessible, signIn, startAdmin, type AdminHarness } from './admin-harness.js';

describe('the webhooks screen', () => {
  let admin: AdminHarness;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  beforeAll(async () => {
    receiver = await startReceiver();
    admin = await startAdmin({ webhooksAllowPrivateAddresses: true });
  });
  afterAll(async () => {
    await admin.close();
    await receiver.close();
  });

  it('adds a webhook, shows its secret once, sends a signed test and lists the delivery', async () => {
    const person = await admin.staff('administrator', 'Ada Hooks');
    const { context, page } = await admin.openAdmin();
    await signIn(page, person);
    await page.getByRole('link', { name: 'Webhooks' }).click();
    await page.getByRole('heading', { name: 'Webhooks' }).waitFor();
    await page.getByLabel('URL').fill(receiver.url);
    await page.getByRole('checkbox', { name: 'post.published' }).check();
    await page.getByRole('button', { name: 'Add webhook' }).click();
    const secret = (await page.locator('.notice code').textContent()) ?? '';
    expect(secret).toMatch(/^whsec_/);
    await expectAccessible(page, 'webhooks');

    await page.getByRole('button', { name: 'Send test' }).click();
    await page.getByText('Test delivery queued.').waitFor();
    await admin.services.runner.drain();
    expect(receiver.received).toHaveLength(1);
    expect(verifySignature(receiver.received[0]!, secret)).toBe(true);

    await page.getByRole('button', { name: 'Deliveries' }).click();
    const row = page.getByRole('region', { name: 'Recent deliveries' }).getByRole('row').nth(1);
    await row.getByText('delivered').waitFor();
    await expect.poll(() => row.textContent()).toContain('ping');
    await page.reload();
    await page.getByRole('heading', { name: 'Webhooks' }).waitFor();
    expect(await page.content()).not.toContain(secret);
    await context.close();
  });

  it('is not offered to editors', async () => {
    const editor = await admin.staff('editor', 'Ed Itor');
    const { context, page } = await admin.openAdmin();
    await signIn(page, editor);
    expect(await page.getByRole('link', { name: 'Webhooks' }).count()).toBe(0);
    await context.close();
  });
});
