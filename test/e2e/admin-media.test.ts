import sharp from 'sharp';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, screenshot, signIn, startAdmin, type AdminHarness } from './admin-harness.js';

/** Drops a file on the drop zone the way a browser does when a file is dragged in from the desktop. */
async function dropFile(page: Page, name: string, mimeType: string, data: Buffer): Promise<void> {
  const transfer = await page.evaluateHandle(
    ({ name, mimeType, bytes }) => {
      const dt = new DataTransfer();
      dt.items.add(new File([new Uint8Array(bytes)], name, { type: mimeType }));
      return dt;
    },
    { name, mimeType, bytes: [...data] },
  );
  await page.getByTestId('drop-zone').dispatchEvent('drop', { dataTransfer: transfer });
}

describe('the media library in the browser', () => {
  let admin: AdminHarness;
  let photo: Buffer;
  beforeAll(async () => {
    admin = await startAdmin();
    photo = await sharp({ create: { width: 640, height: 400, channels: 3, background: '#7a2e8e' } })
      .jpeg()
      .toBuffer();
  });
  afterAll(() => admin.close());

  it('uploads a dropped image once it has alt text, and offers it again in the library', async () => {
    const editor = await admin.staff('editor', 'Pic Ture');
    const { context, page } = await admin.openAdmin();
    await signIn(page, editor);
    await page.getByRole('link', { name: 'Media' }).click();
    await dropFile(page, 'still.jpg', 'image/jpeg', photo);
    await page.getByText('Ready to upload still.jpg').waitFor();
    await page.getByRole('button', { name: 'Upload' }).click();
    await page.getByRole('alert').filter({ hasText: 'alt text' }).waitFor();

    await page.getByLabel('Alt text', { exact: true }).fill('A purple test card');
    await page.getByLabel('Credit').fill('Masthead Studio');
    await page.getByRole('button', { name: 'Upload' }).click();
    await page.getByText('Uploaded still.jpg.').waitFor();
    await page.getByLabel('Alt text for still.jpg').waitFor();
    await expectAccessible(page, 'media');
    await screenshot(page, 'media');
    await context.close();
  });

  it('refuses files that lie about their type, SVGs with scripts and non-images, saying why', async () => {
    const editor = await admin.staff('editor', 'Care Ful');
    const { context, page } = await admin.openAdmin();
    await signIn(page, editor);
    await page.getByRole('link', { name: 'Media' }).click();
    const attempts: Array<{ name: string; type: string; data: Buffer; reason: RegExp }> = [
      { name: 'holiday.png', type: 'image/png', data: Buffer.from('MZ this is really a program'), reason: /holiday\.png was not uploaded: .+/ },
      {
        name: 'logo.svg',
        type: 'image/svg+xml',
        data: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
        reason: /logo\.svg was not uploaded: .*script/i,
      },
      { name: 'photo.png', type: 'image/png', data: photo, reason: /photo\.png was not uploaded: .*content is a JPEG/ },
    ];
    for (const attempt of attempts) {
      await dropFile(page, attempt.name, attempt.type, attempt.data);
      await page.getByLabel('Alt text', { exact: true }).fill('Something');
      await page.getByRole('button', { name: 'Upload' }).click();
      await expect.poll(() => page.getByRole('alert').textContent(), { message: attempt.name }).toMatch(attempt.reason);
    }
    await expectAccessible(page, 'media with a rejected upload');
    await screenshot(page, 'media-rejected');
    for (const attempt of attempts) expect(await page.getByLabel(`Alt text for ${attempt.name}`).count()).toBe(0);
    await context.close();
  });
});
