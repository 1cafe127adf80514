import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StaffRole } from '../../src/staff/index.js';
import { testApp, type AppContext } from '../support/app.js';
import { makeAuthor, postFields } from '../support/factories.js';
import { AdminClient, staffClient } from './support/admin-client.js';

type Response = Awaited<ReturnType<AdminClient['call']>>;
interface Actor {
  client: AdminClient;
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

describe('who may do what: every admin endpoint against every role', () => {
  let t: AppContext;
  const actors = new Map<StaffRole, Actor>();
  let othersSlug: string;
  let n = 0;

  beforeAll(async () => {
    t = await testApp();
    othersSlug = (await makeAuthor(t.services, { name: 'Someone Else' })).slug;
    for (const role of roles) {
      const { user, client } = await staffClient(t.app, t.services, role);
      const author = await makeAuthor(t.services, { name: `Byline of ${role}` });
      await t.services.users.linkAuthor(user.id, author.id);
      actors.set(role, { client, authorSlug: author.slug });
    }
  });
  afterAll(async () => t.close());

  const post = async (byline: string, status: 'draft' | 'published', type: 'post' | 'page' = 'post') =>
    t.services.posts.create(postFields([byline], { status, type }));
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
    { name: "read someone else's post", allowed: all, run: async ({ client }, o) => client.call('GET', `/admin/api/posts/${(await post(o, 'draft')).id}`) },
    { name: 'create a draft', allowed: all, run: ({ client, authorSlug }) => client.call('POST', '/admin/api/posts', postFields([authorSlug])) },
    { name: 'create a published post', allowed: authorUp, run: ({ client, authorSlug }) => client.call('POST', '/admin/api/posts', postFields([authorSlug], { status: 'published' })) },
    { name: 'edit own draft', allowed: all, run: async ({ client, authorSlug }) => client.call('PATCH', `/admin/api/posts/${(await post(authorSlug, 'draft')).id}`, { title: 'New' }) },
    { name: "edit someone else's draft", allowed: editorUp, run: async ({ client }, o) => client.call('PATCH', `/admin/api/posts/${(await post(o, 'draft')).id}`, { title: 'New' }) },
    { name: 'edit own published post', allowed: authorUp, run: async ({ client, authorSlug }) => client.call('PATCH', `/admin/api/posts/${(await post(authorSlug, 'published')).id}`, { title: 'New' }) },
    { name: "edit someone else's published post", allowed: editorUp, run: async ({ client }, o) => client.call('PATCH', `/admin/api/posts/${(await post(o, 'published')).id}`, { title: 'New' }) },
    { name: 'publish own draft by saving its status', allowed: authorUp, run: async ({ client, authorSlug }) => client.call('PATCH', `/admin/api/posts/${(await post(authorSlug, 'draft')).id}`, { status: 'published' }) },
    { name: 'publish own draft', allowed: authorUp, run: async ({ client, authorSlug }) => client.call('POST', `/admin/api/posts/${(await post(authorSlug, 'draft')).id}/publish`, {}) },
    { name: "publish someone else's draft", allowed: editorUp, run: async ({ client }, o) => client.call('POST', `/admin/api/posts/${(await post(o, 'draft')).id}/publish`, {}) },
    { name: 'schedule own draft', allowed: authorUp, run: async ({ client, authorSlug }) => client.call('POST', `/admin/api/posts/${(await post(authorSlug, 'draft')).id}/schedule`, { publishedAt: '2099-01-01T00:00:00Z' }) },
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
        const { user } = await staffClient(t.app, t.services, 'editor');
        await t.services.editorial.trash(p.id, user);
        return client.call('POST', `/admin/api/posts/${p.id}/restore`);
      },
    },
    { name: "list someone else's revisions", allowed: all, run: async ({ client }, o) => client.call('GET', `/admin/api/posts/${(await post(o, 'draft')).id}/revisions`) },
    { name: 'create a page', allowed: editorUp, run: ({ client, authorSlug }) => client.call('POST', '/admin/api/posts', postFields([authorSlug], { type: 'page' })) },
    { name: 'edit a page', allowed: editorUp, run: async ({ client, authorSlug }) => client.call('PATCH', `/admin/api/posts/${(await post(authorSlug, 'draft', 'page')).id}`, { title: 'New' }) },
    { name: 'delete a page', allowed: editorUp, run: async ({ client, authorSlug }) => client.call('DELETE', `/admin/api/posts/${(await post(authorSlug, 'draft', 'page')).id}`) },
    { name: "preview someone else's draft", allowed: all, run: async ({ client }, o) => client.call('GET', `/admin/api/posts/${(await post(o, 'draft')).id}/preview`) },
    { name: 'see the dashboard', allowed: all, run: ({ client }) => client.call('GET', '/admin/api/dashboard') },
    { name: 'browse the media library', allowed: all, run: ({ client }) => client.call('GET', '/admin/api/media') },
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
