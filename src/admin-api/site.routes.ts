import { z } from 'zod';
import { authorInput, postFormats, tagInput, type TaxonomyService } from '../content/index.js';
import { slugSchema } from '../content/text.js';
import type { EditorialService } from '../editorial/index.js';
import { creditRoles, workTypes } from '../reviews/index.js';
import { siteSettingsSchema, type SettingsService } from '../settings/index.js';
import { authorize } from '../staff/index.js';
import type { EndpointRegistry } from './endpoint.js';
import { authorOut, personOut, siteSettingsEnvelope, tagOut, workOut } from './content.schemas.js';

const slugParams = z.object({ slug: slugSchema }).strict();
const suggestQuery = z
  .object({
    q: z.string().trim().min(1, 'type at least one character').max(200, 'must be at most 200 characters'),
    limit: z.coerce.number({ message: 'must be a number' }).int().min(1, 'must be at least 1').max(50, 'must be at most 50').default(10),
  })
  .strict();

export interface SiteRouteDeps {
  taxonomy: TaxonomyService;
  settings: SettingsService;
  editorial: EditorialService;
}

/** Tags and sections, authors, works and people suggestions, site settings, and the lists the editor offers. */
export function adminSiteRoutes(api: EndpointRegistry, { taxonomy, settings, editorial }: SiteRouteDeps): void {
  api.add({
    method: 'GET',
    url: '/tags',
    summary: 'Every tag; sections are tags with isSection',
    tag: 'tags',
    access: 'staff',
    response: z.object({ tags: z.array(tagOut) }),
    handler: async () => ({ tags: await taxonomy.listTags('all') }),
  });

  api.add({
    method: 'POST',
    url: '/tags',
    summary: 'Create a tag or section',
    tag: 'tags',
    access: 'staff',
    body: tagInput,
    response: z.object({ tag: tagOut }),
    status: 201,
    handler: async ({ body, staff }) => {
      authorize(staff, { do: 'taxonomy.manage' });
      return { tag: await taxonomy.createTag(body) };
    },
  });

  api.add({
    method: 'PUT',
    url: '/tags/:slug',
    summary: 'Replace a tag or section (send every field)',
    tag: 'tags',
    access: 'staff',
    params: slugParams,
    body: tagInput,
    response: z.object({ tag: tagOut }),
    handler: async ({ params, body, staff }) => {
      authorize(staff, { do: 'taxonomy.manage' });
      return { tag: await taxonomy.updateTag(params.slug, body) };
    },
  });

  api.add({
    method: 'GET',
    url: '/authors',
    summary: 'Every author profile (bylines)',
    tag: 'authors',
    access: 'staff',
    response: z.object({ authors: z.array(authorOut) }),
    handler: async () => ({ authors: await taxonomy.listAuthors() }),
  });

  api.add({
    method: 'POST',
    url: '/authors',
    summary: 'Create an author profile',
    tag: 'authors',
    access: 'staff',
    body: authorInput,
    response: z.object({ author: authorOut }),
    status: 201,
    handler: async ({ body, staff }) => {
      authorize(staff, { do: 'taxonomy.manage' });
      return { author: await taxonomy.createAuthor(body) };
    },
  });

  api.add({
    method: 'PUT',
    url: '/authors/:slug',
    summary: 'Replace an author profile (send every field)',
    tag: 'authors',
    access: 'staff',
    params: slugParams,
    body: authorInput,
    response: z.object({ author: authorOut }),
    handler: async ({ params, body, staff }) => {
      authorize(staff, { do: 'taxonomy.manage' });
      return { author: await taxonomy.updateAuthor(params.slug, body) };
    },
  });

  api.add({
    method: 'GET',
    url: '/works',
    summary: 'Reviewed works whose title starts with q, with their credits (the review form offers these as you type)',
    tag: 'reviews',
    access: 'staff',
    query: suggestQuery,
    response: z.object({ works: z.array(workOut) }),
    handler: async ({ query }) => ({ works: await editorial.suggestWorks(query.q, query.limit) }),
  });

  api.add({
    method: 'GET',
    url: '/people',
    summary: 'People (directors, cast …) whose name or a word of it starts with q',
    tag: 'reviews',
    access: 'staff',
    query: suggestQuery,
    response: z.object({ people: z.array(personOut) }),
    handler: async ({ query }) => ({ people: await editorial.suggestPeople(query.q, query.limit) }),
  });

  api.add({
    method: 'GET',
    url: '/settings',
    summary: 'Site settings',
    tag: 'settings',
    access: 'staff',
    response: siteSettingsEnvelope,
    handler: async () => ({ settings: await settings.written() }),
  });

  api.add({
    method: 'PATCH',
    url: '/settings',
    summary: 'Change some site settings (title, description, logo, accent colour, navigation, footer, timezone …)',
    tag: 'settings',
    access: 'staff',
    body: z.record(z.string(), z.unknown()),
    bodyDoc: z.object(siteSettingsSchema.shape).partial(),
    response: siteSettingsEnvelope,
    handler: async ({ body, staff }) => {
      authorize(staff, { do: 'settings.manage' });
      return { settings: await settings.updateSite(body) };
    },
  });

  api.add({
    method: 'GET',
    url: '/vocabulary',
    summary: 'The lists the editor offers: post formats, kinds of reviewed work, credit roles',
    tag: 'meta',
    access: 'staff',
    response: z.object({
      formats: z.array(z.object({ value: z.string(), label: z.string() })),
      workTypes: z.array(z.object({ value: z.string(), label: z.string() })),
      creditRoles: z.array(z.object({ value: z.string(), label: z.string() })),
    }),
    handler: async () => ({
      formats: Object.entries(postFormats).map(([value, f]) => ({ value, label: f.label })),
      workTypes: Object.entries(workTypes).map(([value, w]) => ({ value, label: w.label })),
      creditRoles: Object.entries(creditRoles).map(([value, label]) => ({ value, label })),
    }),
  });
}
