import { z } from 'zod';
import { postFormats, postInput, postStatuses, type PostFormat } from '../content/index.js';
import { isoDateTime, slugSchema } from '../content/text.js';
import { MAX_STORED_INTEGER } from '../db/ids.js';
import { timeCursor } from '../db/list-cursor.js';
import type { EditorialService } from '../editorial/index.js';
import { isAppError } from '../errors/app-error.js';
import type { EndpointRegistry } from './endpoint.js';
import { postEnvelope, postOut } from './content.schemas.js';
import { idParams, nextOut, pageInfo, pageQuery } from './schemas.js';

const listQuery = z
  .object({
    type: z.enum(['post', 'page']).default('post'),
    status: z.enum(postStatuses).optional(),
    section: slugSchema.optional(),
    author: slugSchema.optional(),
    format: z.enum(Object.keys(postFormats) as [PostFormat, ...PostFormat[]]).optional(),
    q: z.string().trim().max(200, 'must be at most 200 characters').optional(),
    trashed: z
      .enum(['true', 'false'])
      .transform((v) => v === 'true')
      .optional(),
    ...pageQuery,
    after: timeCursor.optional().describe("A page's `page.next`: this page starts after it (and `offset` posts further)"),
  })
  .strict();

const revisionField = z.number({ message: 'must be the revision number you opened' }).int().positive().max(MAX_STORED_INTEGER);
/** Saving: any editable fields (null clears one), plus the revision the editor started from. */
const patchBody = z.object(Object.fromEntries(Object.entries(postInput.shape).map(([field, schema]) => [field, schema.nullable().optional()]))).extend({ revision: revisionField.optional() });
const revisionParams = z.object({ id: idParams.shape.id, revisionId: idParams.shape.id }).strict();
const revisionOut = z.object({ id: z.number(), postId: z.number(), revision: z.number(), userId: z.number().nullable(), createdAt: z.string(), updatedAt: z.string() });

const bulkActions = ['publish', 'unpublish', 'delete', 'restore'] as const;
const bulkBody = z
  .object({
    action: z.enum(bulkActions, { message: `must be one of ${bulkActions.join(', ')}` }),
    ids: z.array(idParams.shape.id).min(1, 'choose at least one post').max(100, 'at most 100 posts at once'),
  })
  .strict();

export function adminPostRoutes(api: EndpointRegistry, editorial: EditorialService): void {
  api.add({
    method: 'GET',
    url: '/posts',
    summary: 'List the posts (or pages with type=page) your role sees, newest change first, with filters and title search',
    tag: 'posts',
    access: 'staff',
    query: listQuery,
    response: z.object({ posts: z.array(postOut), page: pageInfo.extend({ next: nextOut }) }),
    handler: async ({ query, staff }) => {
      const { limit, offset, after, section, ...filter } = query;
      const { posts, total, next } = await editorial.list({ ...filter, tag: section }, { limit, offset, after }, staff);
      return { posts, page: { total, limit, offset, next } };
    },
  });

  api.add({
    method: 'GET',
    url: '/posts/:id',
    summary: 'Get a post or page your role sees',
    tag: 'posts',
    access: 'staff',
    params: idParams,
    response: postEnvelope,
    handler: async ({ params, staff }) => ({ post: await editorial.get(params.id, staff) }),
  });

  api.add({
    method: 'POST',
    url: '/posts',
    summary: 'Create a post or page (contributors and authors write under their own byline)',
    tag: 'posts',
    access: 'staff',
    body: z.record(z.string(), z.unknown()),
    bodyDoc: postInput,
    response: postEnvelope,
    status: 201,
    handler: async ({ body, staff }) => ({ post: await editorial.create(body, staff) }),
  });

  api.add({
    method: 'PATCH',
    url: '/posts/:id',
    summary: 'Save changes; with `revision`, answers 409 REVISION_CONFLICT if someone saved in between',
    tag: 'posts',
    access: 'staff',
    params: idParams,
    body: z.looseObject({ revision: revisionField.optional() }),
    bodyDoc: patchBody,
    response: postEnvelope,
    handler: async ({ params, body, staff }) => {
      const { revision, ...changes } = body;
      return { post: await editorial.save(params.id, changes, { revision, user: staff }) };
    },
  });

  api.add({
    method: 'POST',
    url: '/posts/:id/publish',
    summary: 'Publish now (or at a past time)',
    tag: 'posts',
    access: 'staff',
    params: idParams,
    body: z.object({ publishedAt: isoDateTime.optional() }).strict(),
    response: postEnvelope,
    handler: async ({ params, body, staff }) => ({ post: await editorial.publish(params.id, staff, body.publishedAt) }),
  });

  api.add({
    method: 'POST',
    url: '/posts/:id/schedule',
    summary: 'Schedule publication at a future time',
    tag: 'posts',
    access: 'staff',
    params: idParams,
    body: z.object({ publishedAt: isoDateTime }).strict(),
    response: postEnvelope,
    handler: async ({ params, body, staff }) => ({ post: await editorial.schedule(params.id, staff, body.publishedAt) }),
  });

  api.add({
    method: 'POST',
    url: '/posts/:id/unpublish',
    summary: 'Take a post off the site (back to draft)',
    tag: 'posts',
    access: 'staff',
    params: idParams,
    response: postEnvelope,
    handler: async ({ params, staff }) => ({ post: await editorial.unpublish(params.id, staff) }),
  });

  api.add({
    method: 'DELETE',
    url: '/posts/:id',
    summary: 'Delete a post; it can be restored until purgeAt, then it is gone for good',
    tag: 'posts',
    access: 'staff',
    params: idParams,
    response: z.object({ post: postOut, purgeAt: z.string() }),
    handler: async ({ params, staff }) => editorial.trash(params.id, staff),
  });

  api.add({
    method: 'POST',
    url: '/posts/:id/restore',
    summary: 'Undo a delete within the undo window',
    tag: 'posts',
    access: 'staff',
    params: idParams,
    response: postEnvelope,
    handler: async ({ params, staff }) => ({ post: await editorial.untrash(params.id, staff) }),
  });

  api.add({
    method: 'POST',
    url: '/posts/bulk',
    summary: 'Publish, unpublish, delete or restore many posts; each post gets its own result',
    tag: 'posts',
    access: 'staff',
    body: bulkBody,
    response: z.object({
      results: z.array(z.object({ id: z.number(), ok: z.boolean(), post: postOut.optional(), error: z.object({ code: z.string(), message: z.string() }).optional() })),
    }),
    handler: async ({ body, staff }) => {
      const results = [];
      for (const id of body.ids) {
        try {
          const post =
            body.action === 'publish'
              ? await editorial.publish(id, staff)
              : body.action === 'unpublish'
                ? await editorial.unpublish(id, staff)
                : body.action === 'delete'
                  ? (await editorial.trash(id, staff)).post
                  : await editorial.untrash(id, staff);
          results.push({ id, ok: true, post });
        } catch (error) {
          if (!isAppError(error)) throw error;
          results.push({ id, ok: false, error: { code: error.code, message: error.message } });
        }
      }
      return { results };
    },
  });

  api.add({
    method: 'GET',
    url: '/posts/:id/revisions',
    summary: "Saved revisions of a post, newest first (the post's authors, editors and administrators)",
    tag: 'revisions',
    access: 'staff',
    params: idParams,
    response: z.object({ revisions: z.array(revisionOut) }),
    handler: async ({ params, staff }) => ({ revisions: await editorial.revisions(params.id, staff) }),
  });

  api.add({
    method: 'GET',
    url: '/posts/:id/revisions/:revisionId',
    summary: 'One revision with the content it saved',
    tag: 'revisions',
    access: 'staff',
    params: revisionParams,
    response: z.object({ revision: revisionOut.extend({ snapshot: z.record(z.string(), z.unknown()) }) }),
    handler: async ({ params, staff }) => ({ revision: await editorial.revision(params.id, params.revisionId, staff) }),
  });

  api.add({
    method: 'POST',
    url: '/posts/:id/revisions/:revisionId/restore',
    summary: "Restore a revision's content as a new save (status and schedule stay)",
    tag: 'revisions',
    access: 'staff',
    params: revisionParams,
    body: z.object({ revision: revisionField.optional() }).strict(),
    response: postEnvelope,
    handler: async ({ params, body, staff }) => ({
      post: await editorial.restoreRevision(params.id, params.revisionId, { revision: body.revision, user: staff }),
    }),
  });
}
