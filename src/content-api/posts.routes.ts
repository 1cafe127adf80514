import { z } from 'zod';
import type { CommentService } from '../comments/index.js';
import { postFormats, type ListFilter, type Post, type PostService, type TaxonomyService } from '../content/index.js';
import { recordId } from '../db/ids.js';
import { AppError, isAppError, type FieldError } from '../errors/app-error.js';
import { parseInput } from '../errors/validate.js';
import type { AnswerCache } from './answer-cache.js';
import { keyField, pageFields, pagination, sendPublicJson, slugParams } from './http.js';
import type { ContentRoute } from './http.js';
import { postOut } from './serialize.js';

const formats = Object.keys(postFormats) as [keyof typeof postFormats, ...Array<keyof typeof postFormats>];

const postListQuery = z
  .object({
    ...keyField,
    ...pageFields,
    tag: z.string().min(1).max(200).optional(),
    author: z.string().min(1).max(200).optional(),
    format: z.enum(formats, { message: `must be one of ${formats.join(', ')}` }).optional(),
    featured: z.enum(['true', 'false'], { message: 'must be true or false' }).optional(),
  })
  .strict();

const pageListQuery = z.object({ ...keyField, ...pageFields }).strict();
const plainQuery = z.object(keyField).strict();
const idParams = z.object({ id: recordId }).strict();

export interface PostRouteDeps {
  posts: PostService;
  taxonomy: TaxonomyService;
  /** How many comments each piece shows (`commentCount`). */
  comments: Pick<CommentService, 'summaries'>;
  publicUrl: string;
  /** Anonymous callers' answers, emptied on every content change. */
  answers?: AnswerCache;
}

/** Published posts (filtered, paginated) and pages, by id or slug. */
export function contentApiPostRoutes(route: ContentRoute, deps: PostRouteDeps): void {
  route('/posts', async (request, reply) => {
    const query = parseInput(postListQuery, request.query);
    return sendPublicJson(request, reply, deps.answers, async () => {
      const filter: ListFilter = { ...(await resolveSlugs(deps.taxonomy, query)), format: query.format };
      if (query.featured) filter.featured = query.featured === 'true';
      return listPage(deps, filter, query, request.viewer);
    });
  });
  route('/pages', async (request, reply) => {
    const query = parseInput(pageListQuery, request.query);
    return sendPublicJson(request, reply, deps.answers, () => listPage(deps, { type: 'page' }, query, request.viewer, 'pages'));
  });
  for (const [path, type, key] of [
    ['/posts', 'post', 'posts'],
    ['/pages', 'page', 'pages'],
  ] as const) {
    route(`${path}/:id`, async (request, reply) => {
      parseInput(plainQuery, request.query);
      const { id } = parseInput(idParams, request.params);
      return sendPublicJson(request, reply, deps.answers, async () => ({ [key]: await shown(deps, [await deps.posts.getPublished({ id }, type)], request.viewer) }));
    });
    route(`${path}/slug/:slug`, async (request, reply) => {
      parseInput(plainQuery, request.query);
      const { slug } = parseInput(slugParams, request.params);
      return sendPublicJson(request, reply, deps.answers, async () => ({ [key]: await shown(deps, [await deps.posts.getPublished({ slug }, type)], request.viewer) }));
    });
  }
}

async function listPage(deps: PostRouteDeps, filter: ListFilter, query: { page: number; limit: number }, viewer: Parameters<typeof postOut>[1], key: 'posts' | 'pages' = 'posts') {
  const [{ posts }, total] = await Promise.all([deps.posts.list(filter, { limit: query.limit, offset: (query.page - 1) * query.limit }), deps.posts.count(filter)]);
  return { [key]: await shown(deps, posts, viewer), meta: { pagination: pagination(query.page, query.limit, total) } };
}

/** Posts as the viewer may see them, each with the number of comments it shows. */
async function shown(deps: PostRouteDeps, posts: Post[], viewer: Parameters<typeof postOut>[1]) {
  const comments = await deps.comments.summaries(posts.map((p) => p.id));
  return posts.map((p) => postOut(p, viewer, deps.publicUrl, comments.get(p.id)?.count ?? 0));
}

/** Turns tag and author slugs into ids; unknown slugs are field errors (all at once), not empty lists. */
async function resolveSlugs(taxonomy: TaxonomyService, query: { tag?: string; author?: string }): Promise<Pick<ListFilter, 'tagId' | 'authorId'>> {
  const lookup = async (field: string, slug: string | undefined, find: (slug: string) => Promise<{ id: number }>): Promise<{ id?: number; problem?: FieldError }> => {
    if (slug === undefined) return {};
    try {
      return { id: (await find(slug)).id };
    } catch (error) {
      if (!isAppError(error) || !error.code.endsWith('_NOT_FOUND')) throw error;
      return { problem: { field, message: `no ${field} has the slug "${slug}"` } };
    }
  };
  const [tag, author] = await Promise.all([lookup('tag', query.tag, (slug) => taxonomy.getTag(slug)), lookup('author', query.author, (slug) => taxonomy.getAuthor(slug))]);
  const problems = [tag.problem, author.problem].filter((p): p is FieldError => p !== undefined);
  if (problems.length) throw AppError.validation(problems);
  return { tagId: tag.id, authorId: author.id };
}
