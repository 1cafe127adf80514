import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Post, PostService, TaxonomyService } from '../../content/index.js';
import { visibleTo, type EditorialService } from '../../editorial/index.js';
import { AppError, isAppError } from '../../errors/app-error.js';
import { parseInput } from '../../errors/validate.js';
import { atLeast, postScope, type UserService } from '../../staff/index.js';
import { pagination } from '../../content-api/http.js';
import { idFrom, route, slugFrom } from '../http.js';
import { browseOptions, readOptions, type ReadOptions } from '../options.js';
import type { GhostQueries, Narrowing } from '../query/index.js';
import { adminPostFieldNames, ghostAdminPost, pick } from '../serialize.js';
import { inGhostTerms, single, staffOf } from './envelope.js';
import { authorSlugs, tagSlugs } from './links.js';
import { ghostPostChanges, ghostPostNames } from './post-input.js';

const shape = { include: ['tags', 'authors'], fields: adminPostFieldNames, formats: ['html', 'plaintext'] };

/** Query parameters of writes: Ghost's `source=html`, and its email options, which Masthead does not take here. */
const writeQuery = z
  .object({
    source: z.enum(['html'], { message: 'must be html: Masthead reads posts from HTML' }).optional(),
    newsletter: z.never({ message: 'cannot be used here: send posts by email from the admin or with masthead newsletter send' }).optional(),
    email_segment: z.never({ message: 'cannot be used here: send posts by email from the admin or with masthead newsletter send' }).optional(),
  })
  .loose();

export interface AdminPostDeps {
  editorial: EditorialService;
  posts: PostService;
  taxonomy: TaxonomyService;
  users: UserService;
  queries: GhostQueries;
  publicUrl: string;
}

/**
 * Posts and pages for Ghost's Admin API clients: browse (drafts too, with `status` in filters),
 * read, add, edit (refused with Ghost's UpdateCollisionError when the post changed since the
 * client's `updated_at`) and delete (into the bin, as the admin does). Every write goes through
 * the editorial service, so the key's role applies as it does in the admin.
 */
export function ghostAdminPostRoutes(app: FastifyInstance, deps: AdminPostDeps): void {
  for (const [path, type, scope] of [
    ['/posts', 'post', 'livePosts'],
    ['/pages', 'page', 'livePages'],
  ] as const) {
    const key = type === 'post' ? 'posts' : 'pages';
    const out = (post: Post, options: ReadOptions) => pick(ghostAdminPost(post, { publicUrl: deps.publicUrl, include: new Set(['tags', 'authors', ...options.include]), formats: options.formats }), options.fields);
    const live = async (request: FastifyRequest, id: number) => {
      const post = await deps.editorial.get(id, staffOf(request));
      if (post.type !== type) throw new AppError('POST_NOT_FOUND', `No ${type} has the id ${id}.`);
      return post;
    };

    route(app, 'GET', path, async (request) => {
      const options = browseOptions(request.query, shape);
      const { ids, total } = await deps.queries.list(scope, { ...options, within: visibleTo(postScope(staffOf(request))) as Narrowing });
      const posts = await deps.posts.load(ids);
      return { [key]: posts.map((post) => out(post, options)), meta: { pagination: pagination(options.page, options.limit, total) } };
    });

    // A slug is made from a title: one the key may not read answers as one that does not exist,
    // so nobody learns the titles of others' drafts by guessing slugs.
    route(app, 'GET', `${path}/slug/:slug`, async (request) => {
      const options = readOptions(request.query, shape);
      const notFound = () => new AppError('POST_NOT_FOUND', `${type === 'post' ? 'Post' : 'Page'} not found.`);
      const id = await deps.queries.find(scope, { slug: slugFrom(request) });
      if (id === undefined) throw notFound();
      const post = await live(request, id).catch((error: unknown) => {
        throw isAppError(error) && error.code === 'FORBIDDEN' ? notFound() : error;
      });
      return { [key]: [out(post, options)] };
    });

    route(app, 'GET', `${path}/:id`, async (request) => {
      const options = readOptions(request.query, shape);
      return { [key]: [out(await live(request, idFrom(request, 'POST_NOT_FOUND', type)), options)] };
    });

    route(app, 'POST', path, async (request, reply) => {
      const staff = staffOf(request);
      const query = parseInput(writeQuery, request.query);
      const item = single(request.body, key);
      const { changes, tags, authors } = ghostPostChanges(item, { sourceHtml: query.source === 'html', prefix: `${key}.0` });
      changes.type = type;
      if (tags) changes.tags = await tagSlugs(tags, deps.taxonomy, staff, `${key}.0`);
      if (authors) changes.authors = await authorSlugs(authors, deps, `${key}.0`);
      else if (atLeast(staff.role, 'editor') && staff.authorId !== null) changes.authors = await authorSlugs([{ id: staff.authorId }], deps, `${key}.0`);
      const post = await deps.editorial.create(changes, staff).catch(inGhostTerms(`${key}.0`, ghostPostNames));
      reply.code(201);
      return { [key]: [out(post, readOptions(request.query, shape))] };
    });

    route(app, 'PUT', `${path}/:id`, async (request) => {
      const staff = staffOf(request);
      const query = parseInput(writeQuery, request.query);
      const current = await live(request, idFrom(request, 'POST_NOT_FOUND', type));
      const item = single(request.body, key);
      checkCollision(item.updated_at, current, `${key}.0.updated_at`);
      const { changes, tags, authors } = ghostPostChanges(item, { sourceHtml: query.source === 'html', prefix: `${key}.0`, current: current.featureImage });
      if (tags) changes.tags = await tagSlugs(tags, deps.taxonomy, staff, `${key}.0`);
      if (authors) changes.authors = await authorSlugs(authors, deps, `${key}.0`);
      dropUnchanged(changes, current);
      const saved = await deps.editorial.save(current.id, changes, { revision: current.revision, user: staff }).catch(inGhostTerms(`${key}.0`, ghostPostNames));
      return { [key]: [out(saved, readOptions(request.query, shape))] };
    });

    route(app, 'DELETE', `${path}/:id`, async (request, reply) => {
      const current = await live(request, idFrom(request, 'POST_NOT_FOUND', type));
      await deps.editorial.trash(current.id, staffOf(request));
      return reply.code(204).send();
    });
  }
}

/** Ghost's guard against lost updates: an edit names the `updated_at` it started from. */
function checkCollision(given: unknown, current: Post, field: string): void {
  if (given === undefined || given === null) throw AppError.validation([{ field, message: 'is required: send the updated_at of the version you edited' }]);
  if (typeof given !== 'string' || Number.isNaN(Date.parse(given))) throw AppError.validation([{ field, message: 'must be a date and time' }]);
  if (Date.parse(given) !== Date.parse(current.updatedAt)) {
    throw new AppError('REVISION_CONFLICT', `Saving failed! Someone else is editing this post: it was saved at ${current.updatedAt}, after the version you edited (${given}).`);
  }
}

/** A client sends back what it read; only real changes of status and date ask for the right to publish. */
function dropUnchanged(changes: Record<string, unknown>, current: Post): void {
  if (changes.status === current.status) delete changes.status;
  const at = changes.publishedAt;
  if (typeof at === 'string' && current.publishedAt !== null && Date.parse(at) === Date.parse(current.publishedAt)) delete changes.publishedAt;
}
