import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { pagination, sendJson } from '../../content-api/http.js';
import { toAuthor, toTag, type Author, type Tag } from '../../content/index.js';
import { AppError } from '../../errors/app-error.js';
import type { ErrorCode } from '../../errors/codes.js';
import type { PlanService } from '../../members/index.js';
import type { SettingsService } from '../../settings/index.js';
import { idFrom, route, slugFrom } from '../http.js';
import { browseOptions, readOptions, type BrowseOptions, type ReadOptions } from '../options.js';
import type { GhostQueries, ScopeName } from '../query/index.js';
import { authorFieldNames, ghostAuthor, ghostSettings, ghostTag, ghostTier, pick, tagFieldNames, tierFieldNames } from '../serialize.js';

export interface SiteRouteDeps {
  queries: GhostQueries;
  plans: PlanService;
  settings: SettingsService;
  publicUrl: string;
}

interface Taxonomy<T extends Tag | Author> {
  path: '/tags' | '/authors';
  scope: ScopeName & ('publicTags' | 'authors');
  counted: 'tags' | 'authors';
  fields: readonly string[];
  notFound: ErrorCode;
  what: string;
  rows(queries: GhostQueries, ids: number[]): Promise<T[]>;
  out(item: T, publicUrl: string, count?: number): Record<string, unknown>;
}

const tags: Taxonomy<Tag> = {
  path: '/tags',
  scope: 'publicTags',
  counted: 'tags',
  fields: tagFieldNames,
  notFound: 'TAG_NOT_FOUND',
  what: 'Tag',
  rows: async (queries, ids) => (await queries.tagRows(ids)).map(toTag),
  out: ghostTag,
};

const authors: Taxonomy<Author> = {
  path: '/authors',
  scope: 'authors',
  counted: 'authors',
  fields: authorFieldNames,
  notFound: 'AUTHOR_NOT_FOUND',
  what: 'Author',
  rows: async (queries, ids) => (await queries.authorRows(ids)).map(toAuthor),
  out: ghostAuthor,
};

const tierShape = { include: ['monthly_price', 'yearly_price', 'benefits'], fields: tierFieldNames, formats: [] };

/** Tags and authors (with `count.posts` on request), tiers (the membership plans on sale) and the public settings. */
export function ghostContentSiteRoutes(app: FastifyInstance, deps: SiteRouteDeps): void {
  taxonomyRoutes(app, deps, tags);
  taxonomyRoutes(app, deps, authors);

  route(app, 'GET', '/tiers', async (request, reply) => {
    const options = browseOptions(request.query, tierShape);
    const { ids, total } = await deps.queries.list('activeTiers', options);
    const plans = new Map((await deps.plans.list({ onlyActive: true })).map((p) => [p.id, p]));
    const tiers = ids.flatMap((id) => (plans.has(id) ? [pick(ghostTier(plans.get(id)!), options.fields)] : []));
    return sendJson(request, reply, { tiers, meta: { pagination: pagination(options.page, options.limit, total) } });
  });

  route(app, 'GET', '/settings', async (request, reply) => {
    return sendJson(request, reply, { settings: ghostSettings(await deps.settings.site(), deps.publicUrl), meta: {} });
  });
}

function taxonomyRoutes<T extends Tag | Author>(app: FastifyInstance, deps: SiteRouteDeps, kind: Taxonomy<T>): void {
  const key = kind.path.slice(1);
  const shape = { include: ['count.posts'], fields: kind.fields, formats: [] };
  const render = async (items: T[], options: ReadOptions | BrowseOptions) => {
    const counts = options.include.has('count.posts')
      ? await deps.queries.publishedPostCounts(
          kind.counted,
          items.map((i) => i.id),
        )
      : undefined;
    return items.map((item) => pick(kind.out(item, deps.publicUrl, counts ? (counts.get(item.id) ?? 0) : undefined), options.fields));
  };

  route(app, 'GET', kind.path, async (request, reply) => {
    const options = browseOptions(request.query, shape);
    const { ids, total } = await deps.queries.list(kind.scope, options);
    return sendJson(request, reply, { [key]: await render(await kind.rows(deps.queries, ids), options), meta: { pagination: pagination(options.page, options.limit, total) } });
  });

  const one = async (request: FastifyRequest, reply: FastifyReply, by: { id: number } | { slug: string }) => {
    const options = readOptions(request.query, shape);
    const id = await deps.queries.find(kind.scope, by);
    const [item] = id === undefined ? [] : await kind.rows(deps.queries, [id]);
    if (!item) throw new AppError(kind.notFound, `${kind.what} not found.`);
    return sendJson(request, reply, { [key]: await render([item], options) });
  };
  route(app, 'GET', `${kind.path}/slug/:slug`, (request, reply) => one(request, reply, { slug: slugFrom(request) }));
  route(app, 'GET', `${kind.path}/:id`, (request, reply) => one(request, reply, { id: idFrom(request, kind.notFound, kind.what.toLowerCase()) }));
}
