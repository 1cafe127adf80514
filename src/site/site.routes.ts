import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { accessLevel, levelViewer, postFormats, type PostFormat, type Viewer } from '../content/index.js';
import type { Clock } from '../clock.js';
import type { Db } from '../db/client.js';
import { isAppError } from '../errors/app-error.js';
import type { FollowService } from '../follows/index.js';
import type { ReviewCatalogue } from '../reviews/index.js';
import { buildFeed, type FeedSubject } from './feeds.js';
import { fillFollowForms, followForm, followSplice, hasFollowForms, type FollowFormTarget, type FollowSplice } from './follow-form.js';
import { CANONICAL_CACHE_CONTROL, MOVED_CACHE_CONTROL, PERSONAL_CACHE_CONTROL, sendCached, storedBody, storedEncoding } from './http-cache.js';
import type { Page, SiteDeps } from './page.js';
import { isCached, type CachedResponse, type PageCache, type Rendered } from './page-cache.js';
import { archivePage, type Subject } from './pages/archive.page.js';
import { homeArchivePage, homePage } from './pages/home.page.js';
import { personPage, type PersonSubject } from './pages/person.page.js';
import { postCommentsPage, postPage } from './pages/post.page.js';
import { workPage, type WorkSubject } from './pages/work.page.js';
import { renderErrorPage, renderPage } from './render.js';
import { type ListedKind, robotsTxt, sitemapFile, sitemapIndex, type SitemapKind } from './sitemaps.js';
import { cacheKeys } from './page.js';
import { MEMBER_COOKIE } from './member-pages.routes.js';
import { paths } from './urls.js';

export interface SiteRouteDeps extends SiteDeps {
  cache: PageCache;
  db: Db;
  clock: Clock;
  /** What a signed-in member follows, for a page's follow forms. */
  follows: Pick<FollowService, 'following'>;
  /** Reviewed works and the people credited in them, for their pages. */
  catalogue: Pick<ReviewCatalogue, 'personWithWorks' | 'work' | 'ratings'>;
}

/** A page number as written in links: digits without a leading zero, so each page has one address. */
const pageParam = z
  .string()
  .regex(/^[1-9]\d{0,5}$/)
  .transform(Number)
  .pipe(z.number().max(100_000));
const slugParam = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
  .max(190);
/** `posts-3.xml`, `people.xml`, `people-2.xml`: the part is written without leading zeros, and `people-1.xml` is `people.xml`. */
const sitemapName = /^(?:(posts)-([1-9]\d{0,4})|(pages|tags|authors|works|people)(?:-([2-9]|[1-9]\d{1,4}))?)\.xml$/;

type Params = { slug?: string; n?: string };

const HTML = 'text/html; charset=utf-8';
const RSS = 'application/rss+xml; charset=utf-8';
const XML = 'application/xml; charset=utf-8';

/** What producing a page can answer besides the page itself. */
type Outcome = { kind: 'missing' } | { kind: 'gone' } | { kind: 'redirect'; location: string };
const missing: Outcome = { kind: 'missing' };

/**
 * The one address a routed request's page is kept under, however the request spelled it: the
 * route's pattern with its parameters as the router read them, written back percent-encoded. So
 * `/%68ello/`, `//hello/`, `/hello/#top` and `http://elsewhere/hello/` all share the page kept for
 * `/hello/` (the router reads them all as that), odd spellings never fill the cache or push real
 * pages out of it, and the cached front, which looks a request's address up as it came, only ever
 * answers the spelling the router reads as written.
 */
function keptAddress(request: FastifyRequest): string {
  const params = request.params as Record<string, string | undefined>;
  return (request.routeOptions.url ?? request.url).replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(params[name] ?? ''));
}

/**
 * A kept page for a signed-in reader: the one made for their access level, which neither the
 * browser nor a shared cache may store (the same address answers other readers differently).
 */
function sendToReader(request: FastifyRequest, reply: FastifyReply, response: CachedResponse): FastifyReply {
  reply.header('cache-control', PERSONAL_CACHE_CONTROL).header('vary', 'Accept-Encoding').type(response.contentType);
  const encoding = storedEncoding(request.headers['accept-encoding']);
  if (encoding !== 'identity') reply.header('content-encoding', encoding);
  return reply.send(storedBody(response, encoding));
}

/**
 * Public pages, feeds and sitemaps, kept in the page cache once per access level (anonymous, free
 * member, paying member, staff) and made for that level's viewer, never for the reader who asked:
 * a kept page holds nothing personal, and a reader only ever gets the one of their own level.
 * Anonymous readers get validators and 304s; signed-in readers get `private, no-store`.
 */
export async function siteRoutes(app: FastifyInstance, deps: SiteRouteDeps): Promise<void> {
  const html = async (page: Page | null): Promise<Rendered | Outcome> =>
    page ? { kind: 'rendered', body: renderPage(deps, await deps.settings.site(), page), contentType: HTML, keys: page.keys, shareable: page.shareable } : missing;

  async function respond(request: FastifyRequest, reply: FastifyReply, produce: (viewer: Viewer) => Promise<Rendered | Outcome>) {
    const level = accessLevel(request.viewer);
    const address = keptAddress(request);
    // A space never occurs in a request's address, so no address can name another level's page.
    const key = level === 'anonymous' ? address : `${level} ${address}`;
    const result = await deps.cache.fetch(key, () => produce(levelViewer(level)), deps.clock);
    if (isCached(result)) {
      if (level === 'anonymous') return sendCached(request, reply, result);
      return hasFollowForms(result.body) ? sendPersonal(request, reply, result) : sendToReader(request, reply, result);
    }
    switch (result.kind) {
      case 'redirect':
        return reply.header('cache-control', MOVED_CACHE_CONTROL).redirect(result.location, 301);
      case 'gone':
        return reply
          .code(410)
          .type(HTML)
          .send(await renderErrorPage(deps, 410));
      case 'missing':
        return reply.callNotFound();
    }
  }

  // Each kept page with follow forms is cut at them once, and kept as long as the page is.
  const splices = new WeakMap<CachedResponse, FollowSplice>();

  /** A kept page with its follow forms made for the signed-in reader (compressed, if at all, as it goes). */
  async function sendPersonal(request: FastifyRequest, reply: FastifyReply, response: CachedResponse) {
    let splice = splices.get(response);
    if (!splice) {
      splice = followSplice(response.body.toString(), { theme: deps.theme, site: await deps.settings.site() });
      splices.set(response, splice);
    }
    const member = request.member;
    const session = request.cookies[MEMBER_COOKIE];
    const reader = member && session ? { followed: await deps.follows.following(member.id, session), csrf: reply.generateCsrf() } : null;
    return reply.header('cache-control', PERSONAL_CACHE_CONTROL).header('vary', 'Accept-Encoding').type(response.contentType).send(fillFollowForms(splice, reader));
  }

  /**
   * Registers a paged listing (first page, numbered pages) whose subject is looked up from the
   * request and drawn by `draw` for the viewer's level.
   */
  function paged<S>(base: string, subjectOf: (params: Params) => Promise<S | null>, draw: (subject: S, page: number, viewer: Viewer) => Promise<Page | null>) {
    app.get<{ Params: Params }>(base, (request, reply) =>
      respond(request, reply, async (viewer) => {
        const subject = await subjectOf(request.params);
        return subject ? html(await draw(subject, 1, viewer)) : missing;
      }),
    );
    app.get<{ Params: Params }>(`${base}page/:n/`, (request, reply) =>
      respond(request, reply, async (viewer) => {
        const page = pageParam.safeParse(request.params.n);
        const subject = page.success ? await subjectOf(request.params) : null;
        if (!subject || !page.success) return missing;
        if (page.data === 1) return { kind: 'redirect', location: keptAddress(request).replace(/page\/[^/]+\/$/, '') };
        return html(await draw(subject, page.data, viewer));
      }),
    );
  }
  const archive = (base: string, subjectOf: (params: Params) => Promise<Subject | null>) => paged(base, subjectOf, (subject, page, viewer) => archivePage(deps, subject, page, viewer));

  const tagOf = async ({ slug = '' }: Params): Promise<Extract<Subject, { kind: 'tag' }> | null> => {
    const tag = slugParam.safeParse(slug).success ? await orNull(deps.taxonomy.getTag(slug)) : null;
    return tag ? { kind: 'tag', tag } : null;
  };
  const authorOf = async ({ slug = '' }: Params): Promise<Extract<Subject, { kind: 'author' }> | null> => {
    const author = slugParam.safeParse(slug).success ? await orNull(deps.taxonomy.getAuthor(slug)) : null;
    return author ? { kind: 'author', author } : null;
  };

  const personOf = async ({ slug = '' }: Params): Promise<PersonSubject | null> => (slugParam.safeParse(slug).success ? orNull(deps.catalogue.personWithWorks(slug)) : null);
  const workOf = async ({ slug = '' }: Params): Promise<WorkSubject | null> => {
    const work = slugParam.safeParse(slug).success ? await orNull(deps.catalogue.work(slug)) : null;
    return work ? { work, ratings: await deps.catalogue.ratings(work.id) } : null;
  };

  app.get('/', (request, reply) => respond(request, reply, async () => html(await homePage(deps))));
  app.get<{ Params: { n: string } }>('/page/:n/', (request, reply) =>
    respond(request, reply, async () => {
      const page = pageParam.safeParse(request.params.n);
      if (!page.success) return missing;
      if (page.data === 1) return { kind: 'redirect', location: '/' };
      return html(await homeArchivePage(deps, page.data));
    }),
  );
  archive('/tag/:slug/', tagOf);
  archive('/author/:slug/', authorOf);
  for (const format of Object.keys(postFormats) as PostFormat[]) {
    archive(paths.format(format), async () => ({ kind: 'format', format }));
  }
  // People and works are followed from their pages' heads, as sections and authors are from theirs.
  const follow = async (target: FollowFormTarget, viewer: Viewer) => ({ headerExtra: followForm(deps, await deps.settings.site(), target, viewer) });
  paged('/people/:slug/', personOf, async (person, page, viewer) => personPage(deps, person, page, await follow({ kind: 'person', id: person.id, name: person.name, back: paths.person(person.slug) }, viewer)));
  paged('/works/:slug/', workOf, async (subject, page, viewer) =>
    workPage(deps, subject, page, await follow({ kind: 'work', id: subject.work.id, name: subject.work.title, back: paths.work(subject.work.slug) }, viewer)),
  );

  const feed = (subjectOf: (params: Params) => Promise<FeedSubject | null>) => (request: FastifyRequest<{ Params: Params }>, reply: FastifyReply) =>
    respond(request, reply, async () => {
      const subject = await subjectOf(request.params);
      if (!subject) return missing;
      const { xml, keys } = await buildFeed(deps, subject);
      return { kind: 'rendered', body: xml, contentType: RSS, keys, shareable: true };
    });
  app.get(
    '/rss/',
    feed(async () => ({ kind: 'site' })),
  );
  app.get('/tag/:slug/rss/', feed(tagOf));
  app.get('/author/:slug/rss/', feed(authorOf));

  const xml = (body: string | null): Rendered | Outcome => (body === null ? missing : { kind: 'rendered', body, contentType: XML, keys: new Set([cacheKeys.sitemaps]), shareable: true });
  app.get('/sitemap.xml', (request, reply) => respond(request, reply, async () => xml(await sitemapIndex(deps.db, deps.publicUrl))));
  app.get<{ Params: { file: string } }>('/sitemap-:file', (request, reply) =>
    respond(request, reply, async () => {
      const { file } = request.params;
      const name = sitemapName.exec(file);
      const kind: SitemapKind | null = !name ? null : name[1] ? { posts: Number(name[2]) } : { listed: name[3] as ListedKind, part: Number(name[4] ?? 1) };
      return kind ? xml(await sitemapFile(deps.db, deps.publicUrl, kind)) : missing;
    }),
  );
  app.get('/robots.txt', (request, reply) =>
    respond(request, reply, async () => ({
      kind: 'rendered',
      body: robotsTxt(deps.publicUrl),
      contentType: 'text/plain; charset=utf-8',
      keys: new Set<string>(),
      shareable: true,
    })),
  );

  app.get<{ Params: { slug: string } }>('/:slug/', (request, reply) =>
    respond(request, reply, async (viewer): Promise<Rendered | Outcome> => {
      const slug = slugParam.safeParse(request.params.slug);
      if (!slug.success) return missing;
      const found = await deps.posts.lookupPublic(slug.data);
      switch (found.kind) {
        case 'redirect':
          return { kind: 'redirect', location: paths.post(found.slug) };
        case 'gone':
        case 'missing':
          return found;
        case 'post':
          return html(await postPage(deps, found.post, viewer));
      }
    }),
  );

  // The comments of a piece past the first page (which is under the piece).
  app.get<{ Params: { slug: string; n: string } }>('/:slug/comments/page/:n/', (request, reply) =>
    respond(request, reply, async (viewer): Promise<Rendered | Outcome> => {
      const slug = slugParam.safeParse(request.params.slug);
      const page = pageParam.safeParse(request.params.n);
      if (!slug.success || !page.success) return missing;
      const found = await deps.posts.lookupPublic(slug.data);
      if (found.kind !== 'post') return missing;
      if (page.data === 1) return { kind: 'redirect', location: `${paths.post(found.post.slug)}#comments` };
      return html(await postCommentsPage(deps, found.post, viewer, page.data));
    }),
  );

  // Addresses without the trailing slash answer with the canonical address.
  for (const [route, path] of [
    ['/:slug', paths.post],
    ['/tag/:slug', paths.tag],
    ['/author/:slug', paths.author],
    ['/people/:slug', paths.person],
    ['/works/:slug', paths.work],
  ] as const) {
    app.get<{ Params: { slug: string } }>(route, async (request, reply) => {
      const slug = slugParam.safeParse(request.params.slug);
      if (!slug.success) return reply.callNotFound();
      return reply.header('cache-control', CANONICAL_CACHE_CONTROL).redirect(path(slug.data), 301);
    });
  }
}

/** A lookup that answers null instead of a not-found error. */
async function orNull<T>(lookup: Promise<T>): Promise<T | null> {
  try {
    return await lookup;
  } catch (error) {
    if (isAppError(error) && (error.code === 'TAG_NOT_FOUND' || error.code === 'AUTHOR_NOT_FOUND' || error.code === 'PERSON_NOT_FOUND' || error.code === 'WORK_NOT_FOUND')) return null;
    throw error;
  }
}
