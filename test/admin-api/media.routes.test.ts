import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type AppContext } from '../support/app.js';
import { AdminClient, staffClient } from './support/admin-client.js';

/** A multipart/form-data body as a browser sends it. */
function form(fields: Record<string, string>, file?: { name: string; type: string; data: Buffer }) {
  const boundary = '----masthead-test-boundary';
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  if (file) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`));
    parts.push(file.data, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** A PNG that claims to be 30,000 × 30,000 pixels while weighing a few bytes: a decompression bomb. */
function pngBomb(): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(30_000, 0);
  header.writeUInt32BE(30_000, 4);
  header.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([Buffer.from('\x89PNG\r\n\x1a\n', 'latin1'), chunk('IHDR', header), chunk('IDAT', zlib.deflateSync(Buffer.alloc(1000))), chunk('IEND', Buffer.alloc(0))]);
}

describe('media library', () => {
  let t: AppContext;
  let editor: AdminClient;
  const upload = (client: AdminClient, fields: Record<string, string>, file?: { name: string; type: string; data: Buffer }) => {
    const body = form(fields, file);
    return client.call('POST', '/admin/api/media', body.payload, body.headers);
  };
  const mediaFiles = () => (fs.existsSync(path.join(t.dataDir, 'media')) ? fs.readdirSync(path.join(t.dataDir, 'media'), { recursive: true }).filter((f) => /\.\w+$/.test(String(f))) : []);

  beforeAll(async () => {
    t = await testApp();
    ({ client: editor } = await staffClient(t.app, t.services, 'editor'));
  });
  afterAll(async () => t.close());

  it('makes AVIF, WebP and JPEG sizes without upscaling, and strips EXIF and GPS', async () => {
    const photo = await sharp({ create: { width: 700, height: 400, channels: 3, background: '#cc6633' } })
      .jpeg()
      .withExif({ IFD0: { Make: 'Spycam', Model: 'X1' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '51/1 30/1 0/1', GPSLongitudeRef: 'W', GPSLongitude: '0/1 7/1 0/1' } })
      .toBuffer();
    expect((await sharp(photo).metadata()).exif?.toString('latin1')).toContain('Spycam');

    const res = await upload(editor, { alt: 'An orange field at dusk', credit: 'Photo: Ada' }, { name: 'Field at dusk.JPG', type: 'image/jpeg', data: photo });
    expect(res.statusCode, res.body).toBe(201);
    const item = res.json().media;
    expect(item).toMatchObject({ kind: 'image', mime: 'image/jpeg', width: 700, height: 400, alt: 'An orange field at dusk', credit: 'Photo: Ada' });
    expect(item.variants.map((v: { format: string; width: number }) => `${v.format}@${v.width}`).sort()).toEqual([
      'avif@320',
      'avif@640',
      'avif@700',
      'jpeg@320',
      'jpeg@640',
      'jpeg@700',
      'webp@320',
      'webp@640',
      'webp@700',
    ]);
    expect(item.url).toMatch(/^\/media\/\d{4}\/\d{2}\/[0-9a-f]+\/field-at-dusk-700\.jpg$/);

    for (const variant of item.variants) {
      const served = await t.app.inject(variant.url);
      expect(served.statusCode).toBe(200);
      const meta = await sharp(served.rawPayload).metadata();
      expect(meta.format).toBe(variant.format === 'avif' ? 'heif' : variant.format);
      expect(meta.exif).toBeUndefined();
      expect(served.rawPayload.toString('latin1')).not.toContain('Spycam');
    }

    const responsive = await t.services.media.responsive(item.url);
    expect(responsive?.srcset).toContain('-320.webp 320w');
    expect(responsive?.sources.map((s) => s.type)).toEqual(['image/avif', 'image/webp', 'image/jpeg']);
    expect(await t.services.media.responsive('/media/not-from-the-library.jpg')).toBeNull();

    const author = await t.services.taxonomy.createAuthor({ name: 'Photo Desk' });
    const post = await t.services.posts.create({ title: 'Dusk', authors: [author.slug], status: 'published', featureImage: { url: item.url, alt: item.alt } });
    const page = await t.app.inject(`/${post.slug}/`);
    expect(page.body).toMatch(/srcset="[^"]*-640\.webp 640w/);
    expect(page.body).toContain('width="700"');
  });

  it('asks for alt text and writes nothing without it', async () => {
    const before = mediaFiles().length;
    const png = await sharp({ create: { width: 50, height: 50, channels: 4, background: '#00000000' } })
      .png()
      .toBuffer();
    const res = await upload(editor, { caption: 'x' }, { name: 'dot.png', type: 'image/png', data: png });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toEqual([{ field: 'alt', message: 'is required: describe what the image shows' }]);
    const blank = await upload(editor, { alt: '   ' }, { name: 'dot.png', type: 'image/png', data: png });
    expect(blank.json().error.fields).toEqual([{ field: 'alt', message: 'is required' }]);
    const noFile = await upload(editor, { alt: 'Nothing' });
    expect(noFile.json().error.fields).toEqual([{ field: 'file', message: 'is required: choose an image to upload' }]);
    expect(mediaFiles().length).toBe(before);
  });

  it('refuses a PNG renamed .jpg, a file that is no image, and a JSON body', async () => {
    const png = await sharp({ create: { width: 40, height: 40, channels: 3, background: '#123456' } })
      .png()
      .toBuffer();
    const renamed = await upload(editor, { alt: 'Square' }, { name: 'square.jpg', type: 'image/jpeg', data: png });
    expect(renamed.statusCode).toBe(400);
    expect(renamed.json().error).toMatchObject({ code: 'MEDIA_TYPE_MISMATCH', fields: [{ field: 'file', message: 'is named .jpg but is really a PNG image' }] });
    const lying = await upload(editor, { alt: 'Square' }, { name: 'square', type: 'image/gif', data: png });
    expect(lying.json().error.fields[0].message).toBe('is sent as image/gif but is really a PNG image');

    const text = await upload(editor, { alt: 'Script' }, { name: 'run.png', type: 'image/png', data: Buffer.from('#!/bin/sh\necho hi\n') });
    expect(text.statusCode).toBe(415);
    expect(text.json().error.code).toBe('MEDIA_UNSUPPORTED');
    const json = await editor.call('POST', '/admin/api/media', { alt: 'x' });
    expect(json.json().error.fields[0]).toEqual({ field: '(input)', message: 'must be multipart/form-data with a file and its alt text' });
  });

  it('refuses SVGs with scripts, event handlers or external references, and keeps clean ones', async () => {
    const svg = (inner: string) => Buffer.from(`<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="100" height="50">${inner}</svg>`);
    const cases: Array<[string, string]> = [
      ['<script>alert(1)</script>', 'contains a <script> element'],
      ['<rect width="10" height="10" onclick="alert(1)"/>', 'contains an event handler attribute (onclick)'],
      ['<image href="https://tracker.example/pixel.png"/>', 'links to https://tracker.example/pixel.png (only #fragment links and embedded images are allowed)'],
    ];
    for (const [inner, message] of cases) {
      const res = await upload(editor, { alt: 'Logo' }, { name: 'logo.svg', type: 'image/svg+xml', data: svg(inner) });
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toMatchObject({ code: 'MEDIA_UNSAFE', fields: [{ field: 'file', message: `is an SVG that ${message}` }] });
    }
    const clean = await upload(editor, { alt: 'Logo' }, { name: 'logo.svg', type: 'image/svg+xml', data: svg('<rect width="100" height="50" fill="#b3261e"/>') });
    expect(clean.statusCode).toBe(201);
    expect(clean.json().media).toMatchObject({ kind: 'svg', width: 100, height: 50, variants: [] });
  });

  it('refuses SVGs whose script hides behind a namespace prefix, even from a contributor, and stores nothing', async () => {
    const { client: contributor } = await staffClient(t.app, t.services, 'contributor');
    const before = mediaFiles().length;
    const steal = "fetch('/admin/api/session').then((r) => r.json())";
    const attacks: Array<[string, string]> = [
      [`<svg xmlns="http://www.w3.org/2000/svg" xmlns:s="http://www.w3.org/2000/svg" width="10" height="10"><s:script>${steal}</s:script></svg>`, 'contains a <script> element'],
      [`<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><h:script xmlns:h="http://www.w3.org/1999/xhtml">${steal}</h:script></svg>`, 'contains a <script> element from HTML'],
    ];
    for (const [text, message] of attacks) {
      const res = await upload(contributor, { alt: 'Badge' }, { name: 'badge.svg', type: 'image/svg+xml', data: Buffer.from(text) });
      expect(res.statusCode, text).toBe(400);
      expect(res.json().error).toMatchObject({ code: 'MEDIA_UNSAFE', fields: [{ field: 'file', message: `is an SVG that ${message}` }] });
    }
    expect(mediaFiles().length).toBe(before);
    expect((await editor.call('GET', '/admin/api/media?q=badge')).json().page.total).toBe(0);
  });

  it('stores the checked drawing rather than the bytes sent: no comments, editor metadata or prefixes', async () => {
    const sent = [
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<!-- Made by hand -->',
      '<svg:svg xmlns:svg="http://www.w3.org/2000/svg" xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape" width="40" height="20" inkscape:version="1.3" data-name="Layer 1">',
      '<svg:metadata><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/></svg:metadata>',
      '<svg:rect width="40" height="20" fill="#b3261e"/><svg:text x="2" y="15">A &amp; B</svg:text>',
      '</svg:svg>',
    ].join('\n');
    const res = await upload(editor, { alt: 'A red label' }, { name: 'label.svg', type: 'image/svg+xml', data: Buffer.from(sent) });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().media).toMatchObject({ kind: 'svg', mime: 'image/svg+xml', width: 40, height: 20 });
    const served = await t.app.inject(res.json().media.url);
    expect(served.statusCode).toBe(200);
    expect(served.headers['content-type']).toMatch(/^image\/svg\+xml/);
    expect(served.body).toBe('<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20">' + '<rect width="40" height="20" fill="#b3261e"/><text x="2" y="15">A &amp; B</text></svg>');
  });

  it('answers at once for a small upload built to make type sniffing backtrack', { timeout: 5000 }, async () => {
    const { client: contributor } = await staffClient(t.app, t.services, 'contributor');
    const comments = Buffer.from('<!---->'.repeat(40) + '<x>');
    expect(comments.length).toBe(283);
    const res = await upload(contributor, { alt: 'Comments' }, { name: 'comments.svg', type: 'image/svg+xml', data: comments });
    expect(res.statusCode).toBe(415);
    expect(res.json().error.code).toBe('MEDIA_UNSUPPORTED');
    expect((await t.app.inject('/healthz')).json()).toMatchObject({ status: 'ok' });
  });

  it('refuses a decompression bomb before decoding it', async () => {
    const bomb = pngBomb();
    expect(bomb.length).toBeLessThan(2000);
    const res = await upload(editor, { alt: 'Bomb' }, { name: 'bomb.png', type: 'image/png', data: bomb });
    expect(res.statusCode).toBe(413);
    expect(res.json().error).toMatchObject({ code: 'MEDIA_TOO_LARGE', fields: [{ field: 'file', message: 'has too many pixels (30000×30000)' }] });
  });

  it('refuses files over the size limit while they stream in', async () => {
    const res = await upload(editor, { alt: 'Huge' }, { name: 'huge.jpg', type: 'image/jpeg', data: Buffer.alloc(21 * 1024 * 1024, 1) });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.fields).toEqual([{ field: 'file', message: 'is larger than 20 MB' }]);
  });

  it('lists and searches the library, edits alt text and deletes with the files', async () => {
    const png = await sharp({ create: { width: 30, height: 30, channels: 3, background: '#ff0000' } })
      .png()
      .toBuffer();
    const made = (await upload(editor, { alt: 'Red square for search' }, { name: 'red.png', type: 'image/png', data: png })).json().media;
    const found = (await editor.call('GET', '/admin/api/media?q=search')).json();
    expect(found.media.map((m: { id: number }) => m.id)).toEqual([made.id]);
    expect(found.page.total).toBe(1);
    const edited = await editor.call('PUT', `/admin/api/media/${made.id}`, { alt: 'A red square', caption: 'Bold' });
    expect(edited.json().media).toMatchObject({ alt: 'A red square', caption: 'Bold' });
    expect((await editor.call('PUT', `/admin/api/media/${made.id}`, { alt: '' })).json().error.fields[0].field).toBe('alt');

    const { client: contributor } = await staffClient(t.app, t.services, 'contributor');
    expect((await contributor.call('DELETE', `/admin/api/media/${made.id}`)).statusCode).toBe(403);
    expect((await editor.call('DELETE', `/admin/api/media/${made.id}`)).statusCode).toBe(204);
    expect((await t.app.inject(made.url)).statusCode).toBe(404);
    expect((await editor.call('GET', `/admin/api/media/${made.id}`)).json().error.code).toBe('MEDIA_NOT_FOUND');
  });
});
