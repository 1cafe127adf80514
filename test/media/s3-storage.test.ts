import zlib from 'node:zlib';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { S3Storage } from '../../src/media/s3-storage.js';
import { staffClient, type AdminClient } from '../admin-api/support/admin-client.js';
import { testApp, type AppContext } from '../support/app.js';
import { makeAuthor } from '../support/factories.js';
import { startS3, type TestBucket } from '../support/s3.js';
import { dialects, testServices } from '../support/stores.js';
import { loadDemoContent } from '../../src/demo/index.js';

const policy = "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; sandbox";
const cdn = 'https://cdn.magazine.example';

/** A multipart/form-data body as a browser sends it, with one image. */
function form(alt: string, file: { name: string; type: string; data: Buffer }) {
  const boundary = '----masthead-s3-boundary';
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="alt"\r\n\r\n${alt}\r\n`),
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`),
    file.data,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

const photo = () =>
  sharp({ create: { width: 700, height: 400, channels: 3, background: '#336699' } })
    .jpeg()
    .toBuffer();
const upload = async (client: AdminClient, data: Buffer, name = 'harbour.jpg') => {
  const body = form('A harbour at dawn', { name, type: 'image/jpeg', data });
  return client.call('POST', '/admin/api/media', body.payload, body.headers);
};
const keyOf = (url: string, prefix: string) => url.slice(prefix.length);

describe.each(dialects)('media in an S3 bucket behind a CDN (%s)', { timeout: 60_000 }, (dialect) => {
  let bucket: TestBucket;
  let t: AppContext;
  let editor: AdminClient;

  beforeAll(async () => {
    bucket = await startS3();
    t = await testApp(dialect, { mediaStorage: new S3Storage(bucket.config(cdn)) });
    ({ client: editor } = await staffClient(t.app, t.services, 'editor'));
  });
  afterAll(async () => {
    await t?.close();
    await bucket?.close();
  });

  it('stores every variant of an upload in the bucket and shows the CDN address on the page', async () => {
    const res = await upload(editor, await photo());
    expect(res.statusCode, res.body).toBe(201);
    const item = res.json().media;
    expect(item.url).toMatch(new RegExp(`^${cdn}/\\d{4}/\\d{2}/[0-9a-f]+/harbour-700\\.jpg$`));

    const objects = await bucket.objects();
    expect([...objects.keys()].sort()).toEqual(item.variants.map((v: { url: string }) => keyOf(v.url, `${cdn}/`)).sort());
    for (const variant of item.variants) {
      const stored = await bucket.bytes(keyOf(variant.url, `${cdn}/`));
      expect(stored.length).toBe(variant.bytes);
      expect((await sharp(stored).metadata()).width).toBe(variant.width);
    }

    const author = await makeAuthor(t.services);
    const post = await t.services.posts.create({
      title: 'Harbour notes',
      body: 'The boats came in.',
      authors: [author.slug],
      status: 'published',
      featureImage: { url: item.url, alt: 'A harbour at dawn' },
    });
    const page = await t.app.inject(`/${post.slug}/`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`src="${item.url}"`);
    const webp640 = item.variants.find((v: { format: string; width: number }) => v.format === 'webp' && v.width === 640).url;
    expect(page.body).toContain(`${webp640} 640w`);
    expect(page.body).not.toContain('/media/');
  });

  it('removes every object of an image when it is deleted from the library, and nothing else', async () => {
    const kept = (await upload(editor, await photo(), 'kept.jpg')).json().media;
    const gone = (await upload(editor, await photo(), 'gone.jpg')).json().media;
    const keysOf = (item: { variants: Array<{ url: string }> }) => item.variants.map((v) => keyOf(v.url, `${cdn}/`));
    const before = await bucket.objects();
    for (const key of [...keysOf(kept), ...keysOf(gone)]) expect(before.has(key)).toBe(true);

    expect((await editor.call('DELETE', `/admin/api/media/${gone.id}`)).statusCode).toBe(204);
    const after = await bucket.objects();
    for (const key of keysOf(gone)) expect(after.has(key)).toBe(false);
    for (const key of keysOf(kept)) expect(after.has(key)).toBe(true);
  });

  it("keeps the demo magazine's artwork in the bucket too", async () => {
    const fresh = await startS3();
    const demo = await testServices(dialect, { mediaStorage: new S3Storage(fresh.config(cdn)) });
    try {
      await loadDemoContent(demo.services, { artwork: true });
      const illustrated = (await demo.services.posts.list({}, { limit: 500 })).posts.filter((p) => p.featureImage);
      expect(illustrated.length).toBeGreaterThan(0);
      const objects = await fresh.objects();
      for (const post of illustrated) {
        expect(post.featureImage!.url).toBe(`${cdn}/demo/${post.slug}.svg`);
        expect(objects.has(`demo/${post.slug}.svg`)).toBe(true);
      }
      expect((await fresh.bytes(`demo/${illustrated[0]!.slug}.svg`)).toString()).toMatch(/^<svg /);
    } finally {
      await demo.close();
      await fresh.close();
    }
  });
});

describe('files served under /media/ from the bucket without a CDN', { timeout: 60_000 }, () => {
  let bucket: TestBucket;
  let t: AppContext;
  let storage: S3Storage;
  const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="20" height="10"><rect width="20" height="10" fill="#3366cc"/></svg>'.repeat(20);

  beforeAll(async () => {
    bucket = await startS3();
    storage = new S3Storage(bucket.config());
    t = await testApp('sqlite', { mediaStorage: storage });
    await storage.put('2026/11/a1b2c3/art.svg', Buffer.from(svg), 'image/svg+xml');
    await storage.put('2026/11/a1b2c3/.hidden.svg', Buffer.from(svg), 'image/svg+xml');
  });
  afterAll(async () => {
    await t?.close();
    await bucket?.close();
  });

  it('answers with the same headers as files on disk: policy, type, immutable caching, ETag, ranges', async () => {
    const base = '/media/2026/11/a1b2c3';
    const file = await t.app.inject(`${base}/art.svg`);
    expect(file.statusCode).toBe(200);
    expect(file.body).toBe(svg);
    expect(file.headers).toMatchObject({
      'content-type': 'image/svg+xml',
      'cache-control': 'public, max-age=31536000, immutable',
      'content-security-policy': policy,
      'x-content-type-options': 'nosniff',
    });
    expect(file.headers.etag).toMatch(/^"[0-9a-f]{32}"$/);
    expect(file.headers['last-modified']).toBeTruthy();

    const answers = {
      head: await t.app.inject({ method: 'HEAD', url: `${base}/art.svg` }),
      compressed: await t.app.inject({ url: `${base}/art.svg`, headers: { 'accept-encoding': 'br' } }),
      range: await t.app.inject({ url: `${base}/art.svg`, headers: { range: 'bytes=0-9' } }),
      'bad range': await t.app.inject({ url: `${base}/art.svg`, headers: { range: 'bytes=90000-' } }),
      'empty range': await t.app.inject({ url: `${base}/art.svg`, headers: { range: 'bytes=-' } }),
      'several ranges': await t.app.inject({ url: `${base}/art.svg`, headers: { range: 'bytes=0-1,4-5' } }),
      'by etag': await t.app.inject({ url: `${base}/art.svg`, headers: { 'if-none-match': String(file.headers.etag) } }),
      'by date': await t.app.inject({ url: `${base}/art.svg`, headers: { 'if-modified-since': String(file.headers['last-modified']) } }),
      'other etag': await t.app.inject({ url: `${base}/art.svg`, headers: { 'if-none-match': '"0123"' } }),
      missing: await t.app.inject(`${base}/gone.svg`),
      folder: await t.app.inject(`${base}/`),
      dotfile: await t.app.inject(`${base}/.hidden.svg`),
      'dot segments': await t.app.inject(`${base}/../a1b2c3/art.svg`),
      'control character': await t.app.inject(`${base}/%00.svg`),
      'key too long': await t.app.inject(`${base}/${'x'.repeat(1500)}.svg`),
      post: await t.app.inject({ method: 'POST', url: `${base}/art.svg`, payload: { a: 1 } }),
    };
    expect(Object.fromEntries(Object.entries(answers).map(([what, res]) => [what, res.statusCode]))).toEqual({
      head: 200,
      compressed: 200,
      range: 206,
      'bad range': 416,
      'empty range': 200,
      'several ranges': 200,
      'by etag': 304,
      'by date': 304,
      'other etag': 200,
      missing: 404,
      folder: 403,
      dotfile: 403,
      'dot segments': 200,
      'control character': 404,
      'key too long': 404,
      post: 404,
    });
    expect(answers.head.body).toBe('');
    expect(answers.head.headers['content-length']).toBe(String(svg.length));
    expect(answers.range.body).toBe(svg.slice(0, 10));
    expect(answers.range.headers['content-range']).toBe(`bytes 0-9/${svg.length}`);
    expect(answers['by etag'].body).toBe('');
    expect(answers['empty range'].body).toBe(svg);
    expect(answers.compressed.headers['content-encoding']).toBe('br');
    expect(zlib.brotliDecompressSync(answers.compressed.rawPayload).toString()).toBe(svg);
    expect(answers['several ranges'].body).toBe(svg);
    for (const [what, res] of Object.entries({ file, ...answers })) {
      expect(res.headers['content-security-policy'], what).toBe(policy);
      expect(res.headers['x-content-type-options'], what).toBe('nosniff');
    }
  });

  it('says the bucket cannot be reached, without internals, when it is down', async () => {
    const down = await startS3();
    const downStorage = new S3Storage(down.config());
    await downStorage.put('2026/11/ffffff/x.svg', Buffer.from(svg), 'image/svg+xml');
    const app = await testApp('sqlite', { mediaStorage: downStorage });
    try {
      const { client } = await staffClient(app.app, app.services, 'editor');
      await down.close();
      const res = await upload(client, await photo());
      expect(res.statusCode).toBe(503);
      expect(res.json().error.code).toBe('MEDIA_STORAGE_UNAVAILABLE');
      expect(res.json().error.message).toMatch(/^The media bucket cannot be used: the storage endpoint cannot be reached \(ECONNREFUSED; check S3_ENDPOINT/);
      expect(res.body).not.toMatch(/ at |node_modules|stack/);
      const served = await app.app.inject('/media/2026/11/ffffff/x.svg');
      expect(served.statusCode).toBe(503);
      expect(served.headers['content-security-policy']).toBe(policy);
      expect(await app.services.media.list({ limit: 10, offset: 0 })).toMatchObject({ total: 0 });
    } finally {
      await app.close();
    }
  });
});
