import type { FastifyInstance } from 'fastify';
import { pagination } from '../../content-api/http.js';
import { toTag, type Tag, type TaxonomyService } from '../../content/index.js';
import { AppError, type FieldError } from '../../errors/app-error.js';
import { authorize } from '../../staff/index.js';
import { idFrom, route, slugFrom } from '../http.js';
import { browseOptions, readOptions, type ReadOptions } from '../options.js';
import type { GhostQueries } from '../query/index.js';
import { ghostTag, pick, tagFieldNames } from '../serialize.js';
import { inGhostTerms, single, staffOf } from './envelope.js';

const shape = { include: ['count.posts'], fields: tagFieldNames, formats: [] };

/** Ghost's tag fields Masthead takes, and where they go; the rest of Ghost's tag fields are answered but not kept. */
const taken: Record<string, string> = { name: 'name', slug: 'slug', description: 'description', accent_color: 'accentColor', section: 'isSection', visibility: 'visibility' };
const ghostTagNames = Object.fromEntries(Object.entries(taken).map(([ghost, masthead]) => [masthead, ghost]));

/** Tags for Ghost's Admin API clients; editors and administrators add and edit them. */
export function ghostAdminTagRoutes(app: FastifyInstance, deps: { taxonomy: TaxonomyService; queries: GhostQueries; publicUrl: string }): void {
  const render = async (tags: Tag[], options: ReadOptions) => {
    const counts = options.include.has('count.posts')
      ? await deps.queries.publishedPostCounts(
          'tags',
          tags.map((t) => t.id),
        )
      : undefined;
    return tags.map((tag) => pick(ghostTag(tag, deps.publicUrl, counts ? (counts.get(tag.id) ?? 0) : undefined), options.fields));
  };
  const byId = async (id: number) => {
    const [row] = await deps.queries.tagRows([id]);
    if (!row) throw new AppError('TAG_NOT_FOUND', 'Tag not found.');
    return toTag(row);
  };

  route(app, 'GET', '/tags', async (request) => {
    const options = browseOptions(request.query, shape);
    const { ids, total } = await deps.queries.list('tags', options);
    return { tags: await render((await deps.queries.tagRows(ids)).map(toTag), options), meta: { pagination: pagination(options.page, options.limit, total) } };
  });
  route(app, 'GET', '/tags/slug/:slug', async (request) => {
    const id = await deps.queries.find('tags', { slug: slugFrom(request) });
    if (id === undefined) throw new AppError('TAG_NOT_FOUND', 'Tag not found.');
    return { tags: await render([await byId(id)], readOptions(request.query, shape)) };
  });
  route(app, 'GET', '/tags/:id', async (request) => {
    return { tags: await render([await byId(idFrom(request, 'TAG_NOT_FOUND', 'tag'))], readOptions(request.query, shape)) };
  });

  route(app, 'POST', '/tags', async (request, reply) => {
    authorize(staffOf(request), { do: 'taxonomy.manage' });
    const tag = await deps.taxonomy.createTag(tagChanges(single(request.body, 'tags'))).catch(inGhostTerms('tags.0', ghostTagNames));
    reply.code(201);
    return { tags: await render([tag], readOptions(request.query, shape)) };
  });
  route(app, 'PUT', '/tags/:id', async (request) => {
    authorize(staffOf(request), { do: 'taxonomy.manage' });
    const current = await byId(idFrom(request, 'TAG_NOT_FOUND', 'tag'));
    const kept = { name: current.name, slug: current.slug, description: current.description, accentColor: current.accentColor ?? undefined, isSection: current.isSection, navOrder: current.navOrder ?? undefined };
    const tag = await deps.taxonomy.updateTag(current.slug, { ...kept, ...tagChanges(single(request.body, 'tags')) }).catch(inGhostTerms('tags.0', ghostTagNames));
    return { tags: await render([tag], readOptions(request.query, shape)) };
  });
}

function tagChanges(item: Record<string, unknown>): Record<string, unknown> {
  const changes: Record<string, unknown> = {};
  const problems: FieldError[] = [];
  for (const [name, value] of Object.entries(item)) {
    if (taken[name]) {
      // null clears a field: an empty description, no accent colour.
      changes[taken[name]] = value === null ? (name === 'description' ? '' : undefined) : value;
    } else if (!(tagFieldNames as readonly string[]).includes(name) && name !== 'created_at' && name !== 'updated_at') {
      problems.push({ field: `tags.0.${name}`, message: 'is not a field of Ghost tags' });
    }
  }
  if (problems.length > 0) throw AppError.validation(problems);
  return changes;
}
