import type { FastifyInstance, FastifyRequest } from 'fastify';
import { postFormats, type Tag, type TaxonomyService } from '../content/index.js';
import { isAppError } from '../errors/app-error.js';
import type { SearchResults, SearchService } from '../search/index.js';
import type { SettingsService } from '../settings/index.js';
import { pageMeta } from './page.js';
import { renderPage } from './render.js';
import type { Theme } from './theme.js';

export interface SearchRouteDeps {
  search: SearchService;
  settings: SettingsService;
  taxonomy: Pick<TaxonomyService, 'sections'>;
  theme: Theme;
  publicUrl: string;
}

// The results are the same for every reader (gated bodies are never indexed), so shared caches may keep them briefly.
const CACHE_CONTROL = 'public, max-age=60';
const queryOf = (request: FastifyRequest) => (request.query ?? {}) as Record<string, unknown>;

/** The search page (/search/, works without JavaScript) and the same results as JSON (/search.json). */
export async function searchRoutes(app: FastifyInstance, deps: SearchRouteDeps): Promise<void> {
  const formats = Object.entries(postFormats).map(([value, f]) => ({ value, label: f.plural }));

  app.get('/search', async (request, reply) => {
    const at = request.url.indexOf('?');
    return reply.redirect(`/search/${at === -1 ? '' : request.url.slice(at)}`, 301);
  });

  app.get('/search/', async (request, reply) => {
    const query = queryOf(request);
    const [site, sections] = await Promise.all([deps.settings.site(), deps.taxonomy.sections()]);
    let results: SearchResults | null = null;
    let errors: Array<{ field: string; message: string }> = [];
    try {
      results = await deps.search.search(query, request.viewer);
    } catch (error) {
      if (!isAppError(error) || error.code !== 'VALIDATION_FAILED') throw error;
      errors = error.fields;
      reply.code(400);
    }
    const form = formValues(query);
    const html = renderPage(deps, site, {
      template: 'search',
      view: {
        form,
        sections: sections.map((s: Tag) => ({ value: s.slug, label: s.name })),
        formats,
        results,
        errors,
        prev: results && results.page > 1 ? pageUrl(form, results.page - 1) : null,
        next: results && results.page < results.pages ? pageUrl(form, results.page + 1) : null,
        page: results?.page ?? 1,
      },
      meta: pageMeta({
        path: '/search/',
        title: form.q ? `Search: ${form.q}` : 'Search',
        description: `Search ${site.title}`,
        // Result pages are endless variations of one page; search engines should not index them.
        noindex: true,
      }),
    });
    return reply.header('cache-control', CACHE_CONTROL).type('text/html; charset=utf-8').send(html);
  });

  app.get('/search.json', async (request, reply) => {
    const results = await deps.search.search(queryOf(request), request.viewer);
    return reply.header('cache-control', CACHE_CONTROL).send({
      query: results.query,
      correctedQuery: results.correctedQuery,
      total: results.total,
      page: results.page,
      pages: results.pages,
      results: results.hits.map(({ post, snippet }) => ({
        title: post.title,
        url: `/${post.slug}/`,
        excerpt: post.excerpt,
        snippet,
        section: post.primaryTag ? { slug: post.primaryTag.slug, name: post.primaryTag.name } : null,
        format: post.format,
        authors: post.authors.map((a) => ({ slug: a.slug, name: a.name })),
        publishedAt: post.publishedAt,
      })),
    });
  });
}

/** What the reader sent, as strings for the form to show again. */
function formValues(query: Record<string, unknown>): Record<string, string> {
  const text = (value: unknown) => (typeof value === 'string' ? value.slice(0, 200) : '');
  return Object.fromEntries(['q', 'section', 'format', 'author', 'from', 'to'].map((key) => [key, text(query[key])]));
}

/** The address of another page of the same search. */
function pageUrl(form: Record<string, string>, page: number): string {
  const params = new URLSearchParams(Object.entries(form).filter(([, value]) => value !== ''));
  if (page > 1) params.set('page', String(page));
  return `/search/?${params.toString()}`;
}
