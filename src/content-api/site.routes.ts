import { z } from 'zod';
import type { TaxonomyService } from '../content/index.js';
import { parseInput } from '../errors/validate.js';
import type { ReviewCatalogue } from '../reviews/index.js';
import { workTypes } from '../reviews/index.js';
import type { SettingsService } from '../settings/index.js';
import { keyField, pageFields, pagination, sendJson, slugParams } from './http.js';
import type { ContentRoute } from './http.js';
import { authorOut, tagOut } from './serialize.js';

const plainQuery = z.object(keyField).strict();
const tagQuery = z.object({ ...keyField, section: z.enum(['true', 'false'], { message: 'must be true or false' }).optional() }).strict();
const workTypeNames = Object.keys(workTypes) as [keyof typeof workTypes, ...Array<keyof typeof workTypes>];
const workQuery = z.object({ ...keyField, ...pageFields, type: z.enum(workTypeNames, { message: `must be one of ${workTypeNames.join(', ')}` }).optional() }).strict();
const peopleQuery = z.object({ ...keyField, ...pageFields }).strict();

export interface SiteRouteDeps {
  taxonomy: TaxonomyService;
  catalogue: ReviewCatalogue;
  settings: SettingsService;
  publicUrl: string;
}

/** Tags and sections, authors, reviewed works and their people, and the public site settings. */
export function contentApiSiteRoutes(route: ContentRoute, deps: SiteRouteDeps): void {
  const { taxonomy, catalogue, publicUrl } = deps;

  route('/tags', async (request, reply) => {
    const { section } = parseInput(tagQuery, request.query);
    const tags = (await taxonomy.listTags()).filter((t) => section === undefined || t.isSection === (section === 'true'));
    return sendJson(request, reply, { tags: tags.map((t) => tagOut(t, publicUrl)) });
  });
  route('/tags/slug/:slug', async (request, reply) => {
    parseInput(plainQuery, request.query);
    const { slug } = parseInput(slugParams, request.params);
    return sendJson(request, reply, { tags: [tagOut(await taxonomy.getTag(slug), publicUrl)] });
  });

  route('/authors', async (request, reply) => {
    parseInput(plainQuery, request.query);
    return sendJson(request, reply, { authors: (await taxonomy.listAuthors()).map((a) => authorOut(a, publicUrl)) });
  });
  route('/authors/slug/:slug', async (request, reply) => {
    parseInput(plainQuery, request.query);
    const { slug } = parseInput(slugParams, request.params);
    return sendJson(request, reply, { authors: [authorOut(await taxonomy.getAuthor(slug), publicUrl)] });
  });

  route('/works', async (request, reply) => {
    const query = parseInput(workQuery, request.query);
    const { works, total } = await catalogue.works({ type: query.type, limit: query.limit, offset: (query.page - 1) * query.limit });
    return sendJson(request, reply, { works, meta: { pagination: pagination(query.page, query.limit, total) } });
  });
  route('/works/slug/:slug', async (request, reply) => {
    parseInput(plainQuery, request.query);
    const { slug } = parseInput(slugParams, request.params);
    return sendJson(request, reply, { works: [await catalogue.work(slug)] });
  });

  route('/people', async (request, reply) => {
    const query = parseInput(peopleQuery, request.query);
    const { people, total } = await catalogue.people({ limit: query.limit, offset: (query.page - 1) * query.limit });
    return sendJson(request, reply, { people, meta: { pagination: pagination(query.page, query.limit, total) } });
  });
  route('/people/slug/:slug', async (request, reply) => {
    const query = parseInput(peopleQuery, request.query);
    const { slug } = parseInput(slugParams, request.params);
    const { person, totals } = await catalogue.person(slug, { limit: query.limit, offset: (query.page - 1) * query.limit });
    // One page of each list; each says how far it goes.
    const meta = { pagination: { credits: pagination(query.page, query.limit, totals.credits), namedIn: pagination(query.page, query.limit, totals.namedIn) } };
    return sendJson(request, reply, { people: [person], meta });
  });

  route('/settings', async (request, reply) => {
    parseInput(plainQuery, request.query);
    const site = await deps.settings.site();
    return sendJson(request, reply, {
      settings: {
        title: site.title,
        description: site.description,
        logoUrl: site.logoUrl,
        accentColor: site.accentColor,
        navigation: site.navigation,
        footerNavigation: site.footerNavigation,
        copyright: site.copyright,
        timezone: site.timezone,
        locale: site.locale,
        url: new URL('/', publicUrl).toString(),
      },
    });
  });
}
