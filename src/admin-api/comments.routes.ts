import { z } from 'zod';
import { commentAccesses, commentStatuses, type CommentEmails, type CommentService } from '../comments/index.js';
import type { PostService } from '../content/index.js';
import { AppError } from '../errors/app-error.js';
import { authorize, can } from '../staff/index.js';
import type { EndpointRegistry } from './endpoint.js';
import { idOf, numericId } from './members.schemas.js';

const commentOut = z.object({
  id: z.number(),
  postId: z.number(),
  parentId: z.number().nullable().describe('The top-level comment this one replies to'),
  memberId: z.number().nullable().describe('Null for a comment imported from someone who is not a member'),
  authorName: z.string(),
  body: z.string().describe('Plain text as the reader typed it'),
  status: z.enum(commentStatuses),
  createdAt: z.string(),
});

const moderatedOut = commentOut.extend({
  post: z.object({ id: z.number(), slug: z.string(), title: z.string() }),
  memberEmail: z.string().nullable().describe('Null for an imported comment, and for staff who may not see members'),
  memberStopped: z.boolean().describe('The member may not comment (an editor stopped them)'),
});

const commentQuery = z
  .object({
    status: z.enum(commentStatuses).optional(),
    postId: z.string().optional().describe('Only comments on this post'),
    limit: z.string().optional().describe('At most this many (1–200, default 50), newest first'),
  })
  .strict();

const accessBody = z.object({ access: z.enum(commentAccesses) }).strict();
const postAccessBody = z.object({ access: z.enum(['inherit', ...commentAccesses]).describe('`inherit` follows the site setting') }).strict();
const postAccessOut = z.object({ own: z.enum(commentAccesses).nullable(), effective: z.enum(commentAccesses) });

export interface CommentRouteDeps {
  comments: CommentService;
  emails: Pick<CommentEmails, 'emailsOn' | 'setEmails'>;
  posts: Pick<PostService, 'load'>;
}

/** Moderation of readers' comments: editors and up act; authors see comments on their own pieces; contributors nothing. */
export function adminCommentRoutes(api: EndpointRegistry, deps: CommentRouteDeps): void {
  const { comments } = deps;
  const postIdOf = async (params: { id: string }) => {
    const id = idOf(params, 'POST_NOT_FOUND');
    if ((await deps.posts.load([id])).length === 0) throw new AppError('POST_NOT_FOUND');
    return id;
  };

  api.add({
    method: 'GET',
    url: '/comments',
    summary: 'List comments, newest first, by status and post (authors: comments on their own pieces)',
    tag: 'comments',
    access: 'staff',
    query: commentQuery,
    response: z.object({ comments: z.array(moderatedOut) }),
    handler: async ({ staff, query }) => {
      authorize(staff, { do: 'comments.view' });
      // Authors without a byline have no pieces: no author has id 0.
      const scope = staff.role === 'author' ? { authorId: staff.authorId ?? 0 } : {};
      const listed = await comments.list(query, scope);
      // A commenter's address is a member's private data: only those who see members see it.
      return { comments: can(staff, { do: 'members.view' }) ? listed : listed.map((c) => ({ ...c, memberEmail: null })) };
    },
  });

  for (const [action, summary] of [
    ['approve', 'Approve a comment: readers see it'],
    ['hide', 'Hide a comment from readers (it can be approved again)'],
  ] as const) {
    api.add({
      method: 'POST',
      url: `/comments/:id/${action}`,
      summary,
      tag: 'comments',
      access: 'staff',
      params: numericId,
      response: commentOut,
      handler: async ({ staff, params }) => {
        authorize(staff, { do: 'comments.moderate' });
        const id = idOf(params, 'COMMENT_NOT_FOUND');
        return action === 'approve' ? comments.approve(id) : comments.hide(id);
      },
    });
  }

  api.add({
    method: 'DELETE',
    url: '/comments/:id',
    summary: 'Delete a comment for good, with its replies',
    tag: 'comments',
    access: 'staff',
    params: numericId,
    response: null,
    handler: async ({ staff, params }) => {
      authorize(staff, { do: 'comments.moderate' });
      await comments.remove(idOf(params, 'COMMENT_NOT_FOUND'));
    },
  });

  api.add({
    method: 'PUT',
    url: '/comments/stopped-members/:id',
    summary: 'Stop a member from commenting (they are told so when they try)',
    tag: 'comments',
    access: 'staff',
    params: numericId,
    response: null,
    handler: async ({ staff, params }) => {
      authorize(staff, { do: 'comments.moderate' });
      await comments.stop(idOf(params, 'MEMBER_NOT_FOUND'));
    },
  });

  api.add({
    method: 'DELETE',
    url: '/comments/stopped-members/:id',
    summary: 'Let a stopped member comment again',
    tag: 'comments',
    access: 'staff',
    params: numericId,
    response: null,
    handler: async ({ staff, params }) => {
      authorize(staff, { do: 'comments.moderate' });
      await comments.allow(idOf(params, 'MEMBER_NOT_FOUND'));
    },
  });

  api.add({
    method: 'GET',
    url: '/comments/settings',
    summary: 'Who may comment on pieces without a rule of their own',
    tag: 'comments',
    access: 'staff',
    response: accessBody,
    handler: async ({ staff }) => {
      authorize(staff, { do: 'comments.view' });
      return { access: await comments.siteAccess() };
    },
  });

  api.add({
    method: 'PUT',
    url: '/comments/settings',
    summary: 'Set who may comment: off, members or paid (paying members)',
    tag: 'comments',
    access: 'staff',
    bodyDoc: accessBody,
    response: accessBody,
    handler: async ({ staff, request }) => {
      authorize(staff, { do: 'settings.manage' });
      return { access: await comments.setSiteAccess((request.body as { access?: unknown } | undefined)?.access) };
    },
  });

  api.add({
    method: 'GET',
    url: '/comments/posts/:id/access',
    summary: "A post's own rule for who may comment (null: the site's) and the rule that applies",
    tag: 'comments',
    access: 'staff',
    params: numericId,
    response: postAccessOut,
    handler: async ({ staff, params }) => {
      authorize(staff, { do: 'comments.view' });
      return comments.postAccess(await postIdOf(params));
    },
  });

  api.add({
    method: 'PUT',
    url: '/comments/posts/:id/access',
    summary: "Set a post's own rule for who may comment, or `inherit` the site's",
    tag: 'comments',
    access: 'staff',
    params: numericId,
    bodyDoc: postAccessBody,
    response: postAccessOut,
    handler: async ({ staff, params, request }) => {
      authorize(staff, { do: 'comments.moderate' });
      return comments.setPostAccess(await postIdOf(params), (request.body as { access?: unknown } | undefined)?.access);
    },
  });

  const emailsOut = z.object({ on: z.boolean().describe('Emails when a comment on one of your pieces is shown') });
  api.add({
    method: 'GET',
    url: '/comments/my-emails',
    summary: 'Whether you get an email when a comment on one of your pieces is shown',
    tag: 'comments',
    access: 'staff',
    response: emailsOut,
    handler: async ({ staff }) => ({ on: await deps.emails.emailsOn({ kind: 'staff', id: staff.id }) }),
  });

  api.add({
    method: 'PUT',
    url: '/comments/my-emails',
    summary: 'Turn your comment emails on or off',
    tag: 'comments',
    access: 'staff',
    body: emailsOut.strict(),
    response: emailsOut,
    handler: async ({ staff, body }) => {
      await deps.emails.setEmails({ kind: 'staff', id: staff.id }, body.on);
      return { on: body.on };
    },
  });
}
