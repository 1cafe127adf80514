import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { answerAddress, sendKept, type AnswerCache } from '../content-api/answer-cache.js';
import { postFormats, type PostFormat, type Tag, type TaxonomyService, type Viewer } from '../content/index.js';
import { isAppError, type FieldError } from '../errors/app-error.js';
import type { SearchResults, SearchService } from '../search/index.js';
import type { SettingsService } from '../settings/index.js';
import { pageMeta } from './page.js';
import { renderPage } from './render.js';
import type { Theme } from './theme.js';
import { CANONICAL_CACHE_CONTROL } from './http-cache.js';

export interface SearchRouteDeps {
  search: SearchService;
  settings: SettingsService;
  taxonomy: Pick<TaxonomyService, 'sections'>;
  theme: Theme;
  publicUrl: string;
  /** Where anonymous readers' result pages are kept until content changes (not kept without one). */
  answers?: AnswerCache;
}

// The results are the same for every reader (gated bodies are never indexed), so shared caches may keep them briefly.
const CACHE_CONTROL = 'public, max-age=60';
const queryOf = (request: FastifyRequest) => (request.query ?? {}) as Record<string, unknown>;
const HTML = 'text/html; charset=utf-8';
const JSON_TYPE = 'application/json; charset=utf-8';

/** Fields of the search form with a message of their own (search.error.<field>); any other is search.error.other. */
const explainedFields = new Set(['section', 'format', 'author', 'from', 'to', 'page']);

/** A search page that answers bad input: shown to the reader who sent it, never kept. */
class RefusedSearch {
  constructor(readonly html: string) {}
}

/** The search page (/search/, works without JavaScript) and the same results as JSON (/search.json). */
export async function searchRoutes(app: FastifyInstance, deps: SearchRouteDeps): Promise<void> {
  app.get('/search', async (request, reply) => {
    const at = request.url.indexOf('?');
    return reply.header('cache-control', CANONICAL_CACHE_CONTROL).redirect(`/search/${at === -1 ? '' : request.url.slice(at)}`, 301);
  });

  /** The result page as HTML; bad input gives the page with its errors as a RefusedSearch. */
  async function resultPage(query: Record<string, unknown>, viewer: Viewer): Promise<string | RefusedSearch> {
    const [site, sections] = await Promise.all([deps.settings.site(), deps.taxonomy.sections()]);
    let results: SearchResults | null = null;
    let errors: FieldError[] = [];
    try {
      results = await deps.search.search(query, viewer);
    } catch (error) {
      if (!isAppError(error) || error.code !== 'VALIDATION_FAILED') throw error;
      errors = error.fields;
    }
    const form = formValues(query);
    const t = deps.theme.translate(site.locale);
    // Readers see the theme's words for a wrong field, in the site's language, never the validator's English.
    const refused = [...new Set(errors.map((e) => (explainedFields.has(e.field) ? e.field : 'other')))].map((field) => ({ field, message: t(`search.error.${field}`) }));
    const formats = (Object.keys(postFormats) as PostFormat[]).map((value) => ({ value, label: t(`format.${value}.plural`) }));
    const html = renderPage(deps, site, {
      template: 'search',
      view: {
        form,
        sections: sections.map((s: Tag) => ({ value: s.slug, label: s.name })),
        formats,
        results,
        errors: refused,
        prev: results && results.page > 1 ? pageUrl(form, results.page - 1) : null,
        next: results && results.page < results.pages ? pageUrl(form, results.page + 1) : null,
        page: results?.page ?? 1,
      },
      meta: pageMeta({
        path: '/search/',
        title: form.q ? t('search.titleFor', { query: form.q }) : t('search.title'),
        description: t('search.description', { site: site.title }),
        // Result pages are endless variations of one page; search engines should not index them.
        noindex: true,
      }),
    });
    return errors.length > 0 ? new RefusedSearch(html) : html;
  }

  async function resultJson(query: Record<string, unknown>, viewer: Viewer): Promise<string> {
    const results = await deps.search.search(query, viewer);
    return JSON.stringify({
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
  }

  /**
   * Sends what produce makes; anonymous readers' answers are kept (results are the same for every
   * anonymous reader) and sent from memory until content changes.
   */
  async function answer(request: FastifyRequest, reply: FastifyReply, contentType: string, produce: () => Promise<string>): Promise<FastifyReply> {
    const address = deps.answers && request.viewer.kind === 'anonymous' ? answerAddress(request) : undefined;
    if (!deps.answers || address === undefined)
      return reply
        .header('cache-control', CACHE_CONTROL)
        .type(contentType)
        .send(await produce());
    const kept = await deps.answers.fetch(address, contentType, produce);
    return sendKept(request, reply, kept, { cacheControl: CACHE_CONTROL, vary: 'Cookie' });
  }

  app.get('/search/', async (request, reply) => {
    const produce = async () => {
      const page = await resultPage(queryOf(request), request.viewer);
      if (page instanceof RefusedSearch) throw page;
      return page;
    };
    try {
      return await answer(request, reply, HTML, produce);
    } catch (error) {
      if (!(error instanceof RefusedSearch)) throw error;
      return reply.code(400).header('cache-control', CACHE_CONTROL).type(HTML).send(error.html);
    }
  });

  app.get('/search.json', async (request, reply) => answer(request, reply, JSON_TYPE, () => resultJson(queryOf(request), request.viewer)));
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
