import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AnswerCache } from '../../content-api/answer-cache.js';
import { pagination, sendPublicJson } from '../../content-api/http.js';
import type { CommentService } from '../../comments/index.js';
import type { PostService } from '../../content/index.js';
import { AppError } from '../../errors/app-error.js';
import { idFrom, route, slugFrom } from '../http.js';
import { browseOptions, readOptions, type ReadOptions } from '../options.js';
import type { GhostQueries } from '../query/index.js';
import { ghostPost, pick, postFieldNames } from '../serialize.js';

const shape = { include: ['tags', 'authors', 'count.comments'], fields: postFieldNames, formats: ['html', 'plaintext'] };

export interface PostRouteDeps {
  posts: PostService;
  queries: GhostQueries;
  /** Whether each piece takes comments, and how many it shows (`comments`, `count.comments`). */
  comments: Pick<CommentService, 'summaries'>;
  publicUrl: string;
  /** Anonymous callers' answers, emptied on every content change. */
  answers?: AnswerCache;
}

/** Filters on relative dates (`published_at:>now-7d`) change with the clock, not only with content. */
const readsTheClock = (filter: string | undefined) => filter !== undefined && /now/i.test(filter);

/** Published posts and pages: lists with Ghost's filters and orders, and one by id or slug. */
export function ghostContentPostRoutes(app: FastifyInstance, deps: PostRouteDeps): void {
  for (const [path, type, scope] of [
    ['/posts', 'post', 'publishedPosts'],
    ['/pages', 'page', 'publishedPages'],
  ] as const) {
    const key = type === 'post' ? 'posts' : 'pages';
    const shapeFor = (options: ReadOptions) => ({ publicUrl: deps.publicUrl, include: options.include, formats: options.formats });

    route(app, 'GET', path, async (request, reply) => {
      const options = browseOptions(request.query, shape);
      const produce = async () => {
        const { ids, total } = await deps.queries.list(scope, options);
        const items = await deps.posts.load(ids);
        const comments = await deps.comments.summaries(ids);
        return {
          [key]: items.map((post) => pick(ghostPost(post, request.viewer, shapeFor(options), type === 'post' ? comments.get(post.id) : undefined), options.fields)),
          meta: { pagination: pagination(options.page, options.limit, total) },
        };
      };
      return sendPublicJson(request, reply, deps.answers, produce, !readsTheClock(options.filter));
    });

    const one = async (request: FastifyRequest, reply: FastifyReply, by: { id: number } | { slug: string }) => {
      const options = readOptions(request.query, shape);
      return sendPublicJson(request, reply, deps.answers, async () => {
        const post = await deps.posts.getPublished(by, type).catch((error: unknown) => {
          throw error instanceof AppError && error.code === 'POST_NOT_FOUND' ? new AppError('POST_NOT_FOUND', `${type === 'post' ? 'Post' : 'Page'} not found.`) : error;
        });
        const comments = await deps.comments.summaries([post.id]);
        return { [key]: [pick(ghostPost(post, request.viewer, shapeFor(options), type === 'post' ? comments.get(post.id) : undefined), options.fields)] };
      });
    };
    route(app, 'GET', `${path}/slug/:slug`, (request, reply) => one(request, reply, { slug: slugFrom(request) }));
    route(app, 'GET', `${path}/:id`, (request, reply) => one(request, reply, { id: idFrom(request, 'POST_NOT_FOUND', type) }));
  }
}
