import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StaffRole, StaffUser } from '../../src/staff/index.js';
import { testApp, type AppContext } from '../support/app.js';
import { filmReview, makeAuthor, postFields } from '../support/factories.js';
import { AdminClient, staffClient } from './support/admin-client.js';

type Response = Awaited<ReturnType<AdminClient['call']>>;
type Method = Parameters<AdminClient['call']>[0];
interface Actor {
  client: { call(method: Method, url: string, body?: unknown, headers?: Record<string, string>): Promise<Response> };
  user: StaffUser;
  authorSlug: string;
}
interface Case {
  name: string;
  allowed: StaffRole[];
  run(actor: Actor, others: string): Promise<Response>;
}

const roles: StaffRole[] = ['contributor', 'author', 'editor', 'administrator'];
const all = roles;
const authorUp: StaffRole[] = ['author', 'editor', 'administrator'];
const editorUp: StaffRole[] = ['editor', 'administrator'];
const adminOnly: StaffRole[] = ['administrator'];

describe.each(['a session', 'an API key'] as const)('who may do what: every admin endpoint against every role, signed in with %s', (access) => {
  let t: AppContext;
  const actors = new Map<StaffRole, Actor>();
  let othersSlug: string;
  let editor: StaffUser;
  let n = 0;

  beforeAll(async () => {
    t = await testApp();
    othersSlug = (await makeAuthor(t.services, { name: 'Someone Else' })).slug;
    ({ user: editor } = await staffClient(t.app, t.services, 'editor'));
    for (const role of roles) {
      const author = await makeAuthor(t.services, { name: `Byline of ${role}` });
      if (access === 'a session') {
        const { user, client } = await staffClient(t.app, t.services, role);
        actors.set(role, { client, user: await t.services.users.linkAuthor(user.id, author.id), authorSlug: author.slug });
      } else {
        // A key acts as the administrator who made it, with the key's role.
        const maker = await t.services.users.create({ email: `key-maker-${role}@example.com`, name: `Key maker ${role}`, role: 'administrator' });
        const { secret } = await t.services.apiKeys.create({ name: `${role} integration`, role }, maker);
        const client = {
          call: (method: Method, url: string, body?: unknown, headers: Record<string, string> = {}) =>
            t.app.inject({ method, url, headers: { authorization: `Bearer ${secret}`, ...headers }, ...(body === undefined ? {} : { payload: body as object }) }),
        };
        actors.set(role, { client, user: { ...(await t.services.users.linkAuthor(maker.id, author.id)), role }, authorSlug: author.slug });
      }
    }
  });
  afterAll(async () => t.close());

  const post = async (byline: string, status: 'draft' | 'published' | 'scheduled', type: 'post' | 'page' = 'post') =>
    t.services.posts.create(postFields([byline], { status, type, ...(status === 'scheduled' ? { publishedAt: '2099-01-01T00:00:00Z' } : {}) }));
  const revisionOf = async (byline: string) => {
    const created = await t.services.editorial.create(postFields([byline]), editor);
    return (await t.services.editorial.revisions(created.id, editor))[0]!;
  };
  const upload = async (by: StaffUser) => {
    const data = await sharp({ create: { width: 16, height: 16, channels: 3, background: '#336699' } })
      .png()
      .toBuffer();
    return t.services.media.upload({ data, filename: 'square.png', mimetype: 'image/png' }, { alt: 'A blue square' }, by);
  };
  /** A review of a work only it names, so a change to the work touches no other case. */
  const reviewedWork = async () => {
    const title = `Film ${(n += 1)}`;
    const created = await t.services.posts.create(
      filmReview([othersSlug], { title: `${title} review`, status: 'published', review: { work: { type: 'movie', title, year: 2001, credits: [{ name: 'Celine Song', role: 'director' }] } } }),
    );
    return created.review!.work;
  };
  /** A small WordPress export, checked on upload and waiting to be imported. */
  const exportFile = () =>
    Buffer.from(
      `<?xml version="1.0"?><rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/"><channel><title>Old ${(n += 1)}</title><link>https://old${n}.example</link><wp:wxr_version>1.2</wp:wxr_version></channel></rss>`,
    );
  const checkedImport = async () => {
    const admin = (await t.services.users.list()).find((u) => u.role === 'administrator')!;
    return t.services.imports.upload([exportFile()], 'old.xml', admin.id);
  };
  const plan = () => t.services.plans.create({ name: `Plan ${(n += 1)}`, tier: 'free' });
  const member = async () => {
    let token = '';
    await t.services.members.requestSignIn(`reader${(n += 1)}@example.com`, (value) => (token = value));
    return (await t.services.members.completeSignIn(token)).member;
  };
  const issueFields = (cutoff = '2099-01-01T00:00:00Z') => ({ name: `Issue ${(n += 1)}`, onSaleDate: '2099-02-01', addressCutoff: cutoff });
  const issue = (past = false) => t.services.print.create(issueFields(past ? '2020-01-01T00:00:00Z' : undefined));
  const throwaway = async (role: StaffRole = 'contributor') => t.services.users.create({ email: `x${(n += 1)}@example.com`, name: 'X', role });

  const cases: Case[] = [
    { name: 'list posts', allowed: all, run: ({ client }) => client.call('GET', '/admin/api/posts') },
    { name: 'list deleted posts', allowed: all, run: ({ client }) => client.call('GET', '/admin/api/posts?trashed=true') },
    { name: 'read own draft', allowed: all, run: async ({ client, authorSlug }) => client.call('GET', `/admin/api/posts/${(await post(authorSlug, 'draft')).id}`) },
    { name: 'read own published post', allowed: all, run: async ({ client, authorSlug }) => client.call('GET', `/admin/api/posts/${(await post(authorSlug, 'published')).id}`) },
    { name: "read someone else's draft", allowed: editorUp, run: async ({ client }, o) => client.call('GET', `/admin/api/posts/${(await post(o, 'draft')).id}`) },
    { name: "read someone else's scheduled post", allowed: editorUp, run: async ({ client }, o) => client.call('GET', `/admin/api/posts/${(await post(o, 'scheduled')).id}`) },
    { name: "read someone else's published post", allowed: authorUp, run: async ({ client }, o) => client.call('GET', `/admin/api/posts/${(await post(o, 'published')).id}`) },
    { name: 'read a draft page', allowed: editorUp, run: async ({ client }, o) => client.call('GET', `/admin/api/posts/${(await post(o, 'draft', 'page')).id}`) },
    { name: 'create a draft', allowed: all, run: ({ client, authorSlug }) => client.call('POST', '/admin/api/posts', postFields([authorSlug])) },
    { name: 'create a published post', allowed: authorUp, run: ({ client, authorSlug }) => client.call('POST', '/admin/api/posts', postFields([authorSlug], { status: 'published' })) },
    { name: 'edit own draft', allowed: all, run: async ({ client, authorSlug }) => client.call('PATCH', `/admin/api/posts/${(await post(authorSlug, 'draft')).id}`, { title: 'New' }) },
    { name: "edit someone else's draft", allowed: editorUp, run: async ({ client }, o) => client.call('PATCH', `/admin/api/posts/${(await post(o, 'draft')).id}`, { title: 'New' }) },
    { name: 'edit own published post', allowed: authorUp, run: async ({ client, authorSlug }) => client.call('PATCH', `/admin/api/posts/${(await post(authorSlug, 'published')).id}`, { title: 'New' }) },
    { name: "edit someone else's published post", allowed: editorUp, run: async ({ client }, o) => client.call('PATCH', `/admin/api/posts/${(await post(o, 'published')).id}`, { title: 'New' }) },
    { name: 'publish own draft by saving its status', allowed: authorUp, run: async ({ client, authorSlug }) => client.call('PATCH', `/admin/api/posts/${(await post(authorSlug, 'draft')).id}`, { status: 'published' }) },
    { name: 'turn own draft into a page', allowed: editorUp, run: async ({ client, authorSlug }) => client.call('PATCH', `/admin/api/posts/${(await post(authorSlug, 'draft')).id}`, { type: 'page' }) },
    { name: 'turn own published post into a page', allowed: editorUp, run: async ({ client, authorSlug }) => client.call('PATCH', `/admin/api/posts/${(await post(authorSlug, 'published')).id}`, { type: 'page' }) },
    { name: 'turn a page into a post', allowed: editorUp, run: async ({ client, authorSlug }) => client.call('PATCH', `/admin/api/posts/${(await post(authorSlug, 'draft', 'page')).id}`, { type: 'post' }) },
    { name: 'publish own draft', allowed: authorUp, run: async ({ client, authorSlug }) => client.call('POST', `/admin/api/posts/${(await post(authorSlug, 'draft')).id}/publish`, {}) },
    { name: "publish someone else's draft", allowed: editorUp, run: async ({ client }, o) => client.call('POST', `/admin/api/posts/${(await post(o, 'draft')).id}/publish`, {}) },
    {
      name: 'schedule own draft',
      allowed: authorUp,
      run: async ({ client, authorSlug }) => client.call('POST', `/admin/api/posts/${(await post(authorSlug, 'draft')).id}/schedule`, { publishedAt: '2099-01-01T00:00:00Z' }),
    },
    { name: 'unpublish own post', allowed: authorUp, run: async ({ client, authorSlug }) => client.call('POST', `/admin/api/posts/${(await post(authorSlug, 'published')).id}/unpublish`) },
    { name: "unpublish someone else's post", allowed: editorUp, run: async ({ client }, o) => client.call('POST', `/admin/api/posts/${(await post(o, 'published')).id}/unpublish`) },
    { name: 'delete own draft', allowed: all, run: async ({ client, authorSlug }) => client.call('DELETE', `/admin/api/posts/${(await post(authorSlug, 'draft')).id}`) },
    { name: 'delete own published post', allowed: authorUp, run: async ({ client, authorSlug }) => client.call('DELETE', `/admin/api/posts/${(await post(authorSlug, 'published')).id}`) },
    { name: "delete someone else's draft", allowed: editorUp, run: async ({ client }, o) => client.call('DELETE', `/admin/api/posts/${(await post(o, 'draft')).id}`) },
    {
      name: "restore someone else's deleted post",
      allowed: editorUp,
      run: async ({ client }, o) => {
        const p = await post(o, 'draft');
        await t.services.editorial.trash(p.id, editor);
        return client.call('POST', `/admin/api/posts/${p.id}/restore`);
      },
    },
    {
      name: 'restore own post an editor deleted',
      allowed: all,
      run: async ({ client, authorSlug }) => {
        const p = await post(authorSlug, 'published');
        await t.services.editorial.trash(p.id, editor);
        return client.call('POST', `/admin/api/posts/${p.id}/restore`);
      },
    },
    { name: 'list own revisions', allowed: all, run: async ({ client, authorSlug }) => client.call('GET', `/admin/api/posts/${(await revisionOf(authorSlug)).postId}/revisions`) },
    { name: "list someone else's revisions", allowed: editorUp, run: async ({ client }, o) => client.call('GET', `/admin/api/posts/${(await revisionOf(o)).postId}/revisions`) },
    {
      name: "list the revisions of someone else's published post",
      allowed: editorUp,
      run: async ({ client }, o) => {
        const { postId } = await revisionOf(o);
        await t.services.editorial.publish(postId, editor);
        return client.call('GET', `/admin/api/posts/${postId}/revisions`);
      },
    },
    {
      name: 'read a revision of own post',
      allowed: all,
      run: async ({ client, authorSlug }) => {
        const r = await revisionOf(authorSlug);
        return client.call('GET', `/admin/api/posts/${r.postId}/revisions/${r.id}`);
      },
    },
    {
      name: "read a revision of someone else's post",
      allowed: editorUp,
      run: async ({ client }, o) => {
        const r = await revisionOf(o);
        return client.call('GET', `/admin/api/posts/${r.postId}/revisions/${r.id}`);
      },
    },
    {
      name: "restore a revision of someone else's draft",
      allowed: editorUp,
      run: async ({ client }, o) => {
        const r = await revisionOf(o);
        return client.call('POST', `/admin/api/posts/${r.postId}/revisions/${r.id}/restore`, {});
      },
    },
    { name: 'create a page', allowed: editorUp, run: ({ client, authorSlug }) => client.call('POST', '/admin/api/posts', postFields([authorSlug], { type: 'page' })) },
    { name: 'edit a page', allowed: editorUp, run: async ({ client, authorSlug }) => client.call('PATCH', `/admin/api/posts/${(await post(authorSlug, 'draft', 'page')).id}`, { title: 'New' }) },
    { name: 'delete a page', allowed: editorUp, run: async ({ client, authorSlug }) => client.call('DELETE', `/admin/api/posts/${(await post(authorSlug, 'draft', 'page')).id}`) },
    { name: 'preview own draft', allowed: all, run: async ({ client, authorSlug }) => client.call('GET', `/admin/api/posts/${(await post(authorSlug, 'draft')).id}/preview`) },
    { name: "preview someone else's draft", allowed: editorUp, run: async ({ client }, o) => client.call('GET', `/admin/api/posts/${(await post(o, 'draft')).id}/preview`) },
    { name: "preview someone else's published post", allowed: authorUp, run: async ({ client }, o) => client.call('GET', `/admin/api/posts/${(await post(o, 'published')).id}/preview`) },
    {
      name: 'review a work in the library, sending its facts unchanged as the editor does',
      allowed: all,
      run: async ({ client, authorSlug }) => {
        const { id: _id, credits, availability, organization, releaseDate, runtimeMinutes, year, ...work } = await reviewedWork();
        const facts = {
          ...work,
          ...(year === null ? {} : { year }),
          ...(organization === null ? {} : { organization }),
          ...(releaseDate === null ? {} : { releaseDate }),
          ...(runtimeMinutes === null ? {} : { runtimeMinutes }),
          availability: availability.map((a) => (a.url ? { label: a.label, url: a.url } : { label: a.label })),
          credits: credits.map((c) => ({ name: c.person.name, slug: c.person.slug, role: c.role, ...(c.character ? { character: c.character } : {}) })),
        };
        return client.call('POST', '/admin/api/posts', filmReview([authorSlug], { review: { work: facts } }));
      },
    },
    {
      name: 'review a work in the library by its slug',
      allowed: all,
      run: async ({ client, authorSlug }) => client.call('POST', '/admin/api/posts', filmReview([authorSlug], { review: { work: { slug: (await reviewedWork()).slug } } })),
    },
    {
      name: 'describe a new work in a review',
      allowed: all,
      run: ({ client, authorSlug }) =>
        client.call('POST', '/admin/api/posts', filmReview([authorSlug], { review: { work: { type: 'book', title: `New novel ${(n += 1)}`, credits: [{ name: `Novelist ${n}`, role: 'author' }] } } })),
    },
    {
      name: 'change the facts of a work in the library',
      allowed: editorUp,
      run: async ({ client, authorSlug }) => {
        const { slug, title, type, year } = await reviewedWork();
        const work = { slug, title, type, year: year!, availability: [{ label: 'Watch free', url: 'https://phish.example/login' }] };
        return client.call('POST', '/admin/api/posts', filmReview([authorSlug], { review: { work } }));
      },
    },
    {
      name: 'change the facts of a work in the library by saving own draft review',
      allowed: editorUp,
      run: async ({ client, authorSlug }) => {
        const { slug } = await reviewedWork();
        const own = await t.services.posts.create(filmReview([authorSlug], { review: { work: { slug } } }));
        return client.call('PATCH', `/admin/api/posts/${own.id}`, { review: { work: { type: 'movie', title: 'Renamed film', slug } } });
      },
    },
    { name: 'see the dashboard', allowed: all, run: ({ client }) => client.call('GET', '/admin/api/dashboard') },
    { name: 'browse the media library', allowed: all, run: ({ client }) => client.call('GET', '/admin/api/media') },
    { name: 'change the text of own upload', allowed: all, run: async ({ client, user }) => client.call('PUT', `/admin/api/media/${(await upload(user)).id}`, { alt: 'A square, blue' }) },
    { name: "change the text of someone else's upload", allowed: editorUp, run: async ({ client }) => client.call('PUT', `/admin/api/media/${(await upload(editor)).id}`, { alt: 'Click here to log in' }) },
    { name: 'delete own upload', allowed: all, run: async ({ client, user }) => client.call('DELETE', `/admin/api/media/${(await upload(user)).id}`) },
    { name: "delete someone else's upload", allowed: editorUp, run: async ({ client }) => client.call('DELETE', `/admin/api/media/${(await upload(editor)).id}`) },
    { name: 'list tags', allowed: all, run: ({ client }) => client.call('GET', '/admin/api/tags') },
    { name: 'create a section', allowed: editorUp, run: ({ client }) => client.call('POST', '/admin/api/tags', { name: `Section ${(n += 1)}`, isSection: true }) },
    { name: 'edit a tag', allowed: editorUp, run: async ({ client }) => client.call('PUT', `/admin/api/tags/${(await t.services.taxonomy.createTag({ name: `T ${(n += 1)}` })).slug}`, { name: `Renamed ${(n += 1)}` }) },
    { name: 'list authors', allowed: all, run: ({ client }) => client.call('GET', '/admin/api/authors') },
    { name: 'create an author', allowed: editorUp, run: ({ client }) => client.call('POST', '/admin/api/authors', { name: `Writer ${(n += 1)}` }) },
    { name: 'edit an author', allowed: editorUp, run: async ({ client }) => client.call('PUT', `/admin/api/authors/${(await makeAuthor(t.services)).slug}`, { name: `Renamed ${(n += 1)}` }) },
    { name: 'suggest works', allowed: all, run: ({ client }) => client.call('GET', '/admin/api/works?q=pa') },
    { name: 'suggest people', allowed: all, run: ({ client }) => client.call('GET', '/admin/api/people?q=gr') },
    { name: 'read the vocabulary', allowed: all, run: ({ client }) => client.call('GET', '/admin/api/vocabulary') },
    { name: 'read site settings', allowed: all, run: ({ client }) => client.call('GET', '/admin/api/settings') },
    { name: 'change site settings', allowed: adminOnly, run: ({ client }) => client.call('PATCH', '/admin/api/settings', { title: 'Renamed' }) },
    { name: 'list staff', allowed: editorUp, run: ({ client }) => client.call('GET', '/admin/api/staff') },
    { name: 'invite a contributor', allowed: editorUp, run: ({ client }) => client.call('POST', '/admin/api/staff/invitations', { email: `i${(n += 1)}@example.com`, role: 'contributor' }) },
    { name: 'invite an author', allowed: editorUp, run: ({ client }) => client.call('POST', '/admin/api/staff/invitations', { email: `i${(n += 1)}@example.com`, role: 'author' }) },
    { name: 'invite an editor', allowed: adminOnly, run: ({ client }) => client.call('POST', '/admin/api/staff/invitations', { email: `i${(n += 1)}@example.com`, role: 'editor' }) },
    { name: "change someone's role", allowed: adminOnly, run: async ({ client }) => client.call('PATCH', `/admin/api/staff/${(await throwaway()).id}`, { role: 'author' }) },
    { name: 'suspend someone', allowed: adminOnly, run: async ({ client }) => client.call('POST', `/admin/api/staff/${(await throwaway()).id}/suspend`) },
    { name: 'restore someone', allowed: adminOnly, run: async ({ client }) => client.call('POST', `/admin/api/staff/${(await throwaway()).id}/restore`) },
    { name: 'list newsletter subscribers', allowed: editorUp, run: ({ client }) => client.call('GET', '/admin/api/newsletter/subscribers') },
    { name: 'change newsletter settings', allowed: editorUp, run: ({ client }) => client.call('PATCH', '/admin/api/newsletter/settings', { senderName: 'The desk' }) },
    { name: 'list API keys', allowed: adminOnly, run: ({ client }) => client.call('GET', '/admin/api/api-keys') },
    { name: 'create an API key', allowed: adminOnly, run: ({ client }) => client.call('POST', '/admin/api/api-keys', { name: 'Integration' }) },
    {
      name: 'revoke an API key',
      allowed: adminOnly,
      run: async ({ client }) => {
        const admin = (await t.services.users.list()).find((u) => u.role === 'administrator')!;
        const { key } = await t.services.apiKeys.create({ name: 'Old' }, admin);
        return client.call('DELETE', `/admin/api/api-keys/${key.id}`);
      },
    },
    { name: 'list Content API keys', allowed: adminOnly, run: ({ client }) => client.call('GET', '/admin/api/content-keys') },
    { name: 'create a Content API key', allowed: adminOnly, run: ({ client }) => client.call('POST', '/admin/api/content-keys', { name: 'Front end' }) },
    {
      name: 'revoke a Content API key',
      allowed: adminOnly,
      run: async ({ client }) => {
        const admin = (await t.services.users.list()).find((u) => u.role === 'administrator')!;
        const { key } = await t.services.contentKeys.create({ name: 'Old' }, admin.id);
        return client.call('DELETE', `/admin/api/content-keys/${key.id}`);
      },
    },
    { name: 'list imports', allowed: adminOnly, run: ({ client }) => client.call('GET', '/admin/api/imports') },
    { name: 'upload an export to import', allowed: adminOnly, run: ({ client }) => client.call('POST', '/admin/api/imports?name=old.xml', exportFile(), { 'content-type': 'application/octet-stream' }) },
    { name: 'see an import', allowed: adminOnly, run: async ({ client }) => client.call('GET', `/admin/api/imports/${(await checkedImport()).id}`) },
    { name: 'discard an upload', allowed: adminOnly, run: async ({ client }) => client.call('DELETE', `/admin/api/imports/${(await checkedImport()).id}/file`) },
    // Last of the imports: the one started holds the site's import slot from then on.
    { name: 'start an import', allowed: adminOnly, run: async ({ client }) => client.call('POST', `/admin/api/imports/${(await checkedImport()).id}/start`) },
    { name: 'list membership plans', allowed: editorUp, run: ({ client }) => client.call('GET', '/admin/api/members/plans') },
    { name: 'create a membership plan', allowed: adminOnly, run: ({ client }) => client.call('POST', '/admin/api/members/plans', { name: `Plan ${(n += 1)}`, tier: 'digital', yearlyCents: 5000 }) },
    { name: 'archive a membership plan', allowed: adminOnly, run: async ({ client }) => client.call('PUT', `/admin/api/members/plans/${(await plan()).id}`, { name: `Plan ${(n += 1)}`, tier: 'free', active: false }) },
    { name: 'delete a membership plan', allowed: adminOnly, run: async ({ client }) => client.call('DELETE', `/admin/api/members/plans/${(await plan()).id}`) },
    { name: 'list members', allowed: editorUp, run: ({ client }) => client.call('GET', '/admin/api/members?q=reader') },
    { name: "see a member's details", allowed: editorUp, run: async ({ client }) => client.call('GET', `/admin/api/members/${(await member()).id}`) },
    { name: 'list print issues', allowed: editorUp, run: ({ client }) => client.call('GET', '/admin/api/members/print-issues') },
    { name: 'create a print issue', allowed: editorUp, run: ({ client }) => client.call('POST', '/admin/api/members/print-issues', issueFields()) },
    { name: 'read a print issue', allowed: editorUp, run: async ({ client }) => client.call('GET', `/admin/api/members/print-issues/${(await issue()).id}`) },
    { name: 'edit a print issue', allowed: editorUp, run: async ({ client }) => client.call('PUT', `/admin/api/members/print-issues/${(await issue()).id}`, issueFields()) },
    { name: 'delete a print issue', allowed: editorUp, run: async ({ client }) => client.call('DELETE', `/admin/api/members/print-issues/${(await issue()).id}`) },
    { name: 'freeze a print issue now', allowed: editorUp, run: async ({ client }) => client.call('POST', `/admin/api/members/print-issues/${(await issue()).id}/freeze`) },
    { name: 'read a fulfilment list', allowed: editorUp, run: async ({ client }) => client.call('GET', `/admin/api/members/print-issues/${(await issue(true)).id}/fulfilment`) },
    { name: 'count copies by country', allowed: editorUp, run: async ({ client }) => client.call('GET', `/admin/api/members/print-issues/${(await issue(true)).id}/countries`) },
    { name: 'download a fulfilment list', allowed: editorUp, run: async ({ client }) => client.call('GET', `/admin/api/members/print-issues/${(await issue(true)).id}/fulfilment.csv`) },
  ];

  const cells = cases.flatMap((c) => roles.map((role) => ({ ...c, role, expected: c.allowed.includes(role) ? 'allowed' : 'refused' })));

  it.each(cells)('$name: $role is $expected', async ({ role, run, expected }) => {
    const res = await run(actors.get(role)!, othersSlug);
    if (expected === 'allowed') {
      expect(res.statusCode, res.body).toBeLessThan(300);
    } else {
      expect(res.statusCode, res.body).toBe(403);
      expect(res.json().error.code).toBe('FORBIDDEN');
    }
  });
});
