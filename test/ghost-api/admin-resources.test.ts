import fs from 'node:fs';
import path from 'node:path';
import GhostAdminAPI from '@tryghost/admin-api';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StaffRole } from '../../src/staff/index.js';
import { testApp, type AppContext } from '../support/app.js';
import { makeAuthor, makeTag, postFields } from '../support/factories.js';
import { failure, listening, token } from './support/server.js';

describe('tags, members, images and the site through the official Ghost Admin API client', () => {
  let t: AppContext;
  let url: string;
  const clients = new Map<StaffRole, ReturnType<typeof GhostAdminAPI>>();
  let editorKey: string;
  const as = (role: StaffRole) => clients.get(role)!;

  beforeAll(async () => {
    t = await testApp('sqlite');
    url = await listening(t);
    for (const role of ['contributor', 'author', 'editor', 'administrator'] as const) {
      const user = await t.services.users.create({ email: `${role}@masthead.example`, name: role, role });
      const key = (await t.services.apiKeys.create({ name: role, role }, user)).secret;
      if (role === 'editor') editorKey = key;
      clients.set(role, GhostAdminAPI({ url, key, version: 'v6.0' }));
    }
    const author = await makeAuthor(t.services);
    await makeTag(t.services, { name: 'Film', slug: 'film' });
    await t.services.posts.create(postFields([author.slug], { tags: ['film'], status: 'published', publishedAt: '2026-10-01T09:00:00.000Z' }));
  });
  afterAll(async () => t.close());

  describe('tags', () => {
    it('lets editors add and edit tags, keeping what an edit leaves out', async () => {
      const tag = await as('editor').tags.add({ name: 'Long reads', description: 'Pieces over 5,000 words.', accent_color: '#336699' });
      expect(tag).toMatchObject({ name: 'Long reads', slug: 'long-reads', description: 'Pieces over 5,000 words.', accent_color: '#336699', section: false });
      const edited = await as('editor').tags.edit({ id: tag.id, description: 'The longest pieces.' });
      expect(edited).toMatchObject({ name: 'Long reads', description: 'The longest pieces.', accent_color: '#336699' });
      expect((await as('contributor').tags.read({ slug: 'long-reads' })).description).toBe('The longest pieces.');
      expect((await as('editor').tags.read({ id: tag.id }, { include: 'count.posts' })).count).toEqual({ posts: 0 });
    });

    it('browses tags with filters and post counts', async () => {
      const tags = await as('author').tags.browse({ include: 'count.posts', filter: 'count.posts:>0' });
      expect(tags.map((tag: { slug: string; count: { posts: number } }) => [tag.slug, tag.count.posts])).toEqual([['film', 1]]);
    });

    it('refuses contributors and authors, taken slugs and unknown fields', async () => {
      expect(await failure(as('contributor').tags.add({ name: 'Mine' }))).toMatchObject({ type: 'NoPermissionError' });
      expect(await failure(as('author').tags.add({ name: 'Mine' }))).toMatchObject({ type: 'NoPermissionError' });
      const taken = await failure(as('administrator').tags.add({ name: 'Another film', slug: 'film' }));
      expect(taken).toMatchObject({ type: 'ValidationError', code: 'SLUG_TAKEN' });
      const colour = await failure(as('administrator').tags.add({ name: 'Odd', accent_color: 'red' }));
      expect(colour.context).toContain('tags.0.accent_color:');
      const unknown = await failure(as('administrator').tags.add({ name: 'Odd', colour: 'red' }));
      expect(unknown.context).toContain('tags.0.colour: is not a field of Ghost tags');
      expect(await failure(as('editor').tags.read({ slug: 'nothing' }))).toMatchObject({ type: 'NotFoundError' });
    });
  });

  describe('members', () => {
    it('lets administrators add members and change their names', async () => {
      const member = await as('administrator').members.add({ email: ' Reader@Example.com ', name: 'Rea Der', labels: [{ name: 'From Ghost' }], note: 'moved in' });
      expect(member).toMatchObject({ email: 'reader@example.com', name: 'Rea Der', status: 'free' });
      const renamed = await as('administrator').members.edit({ id: member.id, name: 'Rea Reader' });
      expect(renamed.name).toBe('Rea Reader');
      expect((await as('editor').members.read({ id: member.id })).name).toBe('Rea Reader');
      const stored = await t.services.members.get({ email: 'reader@example.com' });
      expect(stored.name).toBe('Rea Reader');
    });

    it('browses members with filters for editors', async () => {
      await as('administrator').members.add({ email: 'second@example.com' });
      const found = await as('editor').members.browse({ filter: "email:~'second'" });
      expect(found.map((m: { email: string }) => m.email)).toEqual(['second@example.com']);
      expect((await as('editor').members.browse()).meta.pagination.total).toBe(2);
    });

    it('refuses lower roles, duplicates and what members here cannot hold', async () => {
      expect(await failure(as('author').members.browse())).toMatchObject({ type: 'NoPermissionError' });
      expect(await failure(as('editor').members.add({ email: 'new@example.com' }))).toMatchObject({ type: 'NoPermissionError' });
      const duplicate = await failure(as('administrator').members.add({ email: 'READER@example.com' }));
      expect(duplicate).toMatchObject({ type: 'ValidationError', code: 'MEMBER_EXISTS' });
      const subscribed = await failure(as('administrator').members.add({ email: 'news@example.com', subscribed: true }));
      expect(subscribed.context).toContain('members.0.subscribed: cannot be set here');
      const comped = await failure(as('administrator').members.add({ email: 'free@example.com', comped: true }));
      expect(comped.context).toContain('members.0.comped: cannot be set');
      const badEmail = await failure(as('administrator').members.add({ email: 'not an address' }));
      expect(badEmail).toMatchObject({ type: 'ValidationError' });
      expect(badEmail.context).toContain('members.0.email: must be an email address');
      expect(await failure(as('administrator').members.read({ id: '999999' }))).toMatchObject({ type: 'NotFoundError' });
      await expect(t.services.members.get({ email: 'news@example.com' })).rejects.toThrow();
    });
  });

  describe('images', () => {
    it('uploads an image into the media library and answers Ghost’s shape with a working URL', async () => {
      const file = path.join(t.dataDir, 'cover.png');
      await sharp({ create: { width: 64, height: 48, channels: 3, background: '#c33' } })
        .png()
        .toFile(file);
      const image = await as('contributor').images.upload({ file, ref: 'old/cover.png' });
      expect(image.ref).toBe('old/cover.png');
      expect(image.url).toMatch(/^http:\/\/localhost:3000\/media\/.+\.jpg$/);
      const served = await t.app.inject({ url: new URL(image.url).pathname });
      expect(served.statusCode).toBe(200);
      expect(served.headers['content-type']).toBe('image/jpeg');
      const { items } = await t.services.media.list({ limit: 10, offset: 0 });
      expect(items[0]).toMatchObject({ alt: 'old/cover.png', filename: 'cover.png' });
    });

    it('refuses files that are not images, and requests without a file', async () => {
      const file = path.join(t.dataDir, 'notes.png');
      fs.writeFileSync(file, 'just text, named as an image');
      expect(await failure(as('editor').images.upload({ file }))).toMatchObject({ type: 'UnsupportedMediaTypeError' });
      const empty = await t.app.inject({
        method: 'POST',
        url: '/ghost/api/admin/images/upload/',
        headers: { authorization: `Ghost ${await token(editorKey)}`, 'content-type': 'application/json' },
        payload: '{}',
      });
      expect(empty.statusCode).toBe(422);
      expect(empty.json().errors[0]).toMatchObject({ type: 'ValidationError', property: '(input)' });
    });
  });
});
