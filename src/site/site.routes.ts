import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { PostService } from '../content/index.js';
import type { SettingsService } from '../settings/index.js';
import { formatDate, joinNames } from './format.js';
import type { Theme } from './theme.js';

export interface SiteDeps {
  posts: PostService;
  settings: SettingsService;
  theme: Theme;
  publicUrl: string;
}

const PAGE_SIZE = 12;
const pageParam = z.coerce.number().int().min(1).max(100_000);
const slugParam = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/).max(190);

/** Public pages: home with its numbered archive pages, and posts and pages by slug. */
export async function siteRoutes(app: FastifyInstance, deps: SiteDeps): Promise<void> {
  const helpers = { formatDate, joinNames };

  async function home(page: number) {
    const site = await deps.settings.site();
    const { posts, next } = await deps.posts.list({}, { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
    if (page > 1 && posts.length === 0) return undefined;
    return deps.theme.render('home', { site, posts, page, hasNext: next !== null, helpers, publicUrl: deps.publicUrl });
  }

  app.get('/', async (_request, reply) => reply.type('text/html; charset=utf-8').send(await home(1)));

  app.get<{ Params: { n: string } }>('/page/:n/', async (request, reply) => {
    const page = pageParam.safeParse(request.params.n);
    if (!page.success) return reply.callNotFound();
    if (page.data === 1) return reply.redirect('/', 301);
    const html = await home(page.data);
    if (html === undefined) return reply.callNotFound();
    return reply.type('text/html; charset=utf-8').send(html);
  });

  app.get<{ Params: { slug: string } }>('/:slug/', async (request, reply) => {
    const slug = slugParam.safeParse(request.params.slug);
    if (!slug.success) return reply.callNotFound();
    const found = await deps.posts.lookupPublic(slug.data);
    switch (found.kind) {
      case 'redirect':
        return reply.redirect(`/${found.slug}/`, 301);
      case 'gone':
        return reply.code(410).type('text/html; charset=utf-8').send(await renderError(deps, 410, 'This piece has been removed.'));
      case 'missing':
        return reply.callNotFound();
      case 'post': {
        const site = await deps.settings.site();
        const html = deps.theme.render('post', { site, post: found.post, helpers, publicUrl: deps.publicUrl });
        return reply.type('text/html; charset=utf-8').send(html);
      }
    }
  });

  // /slug without the trailing slash answers with the canonical address.
  app.get<{ Params: { slug: string } }>('/:slug', async (request, reply) => {
    const slug = slugParam.safeParse(request.params.slug);
    if (!slug.success) return reply.callNotFound();
    return reply.redirect(`/${slug.data}/`, 301);
  });
}

export async function renderError(deps: Pick<SiteDeps, 'settings' | 'theme'>, status: number, message: string): Promise<string> {
  const site = await deps.settings.site();
  return deps.theme.render('error', { site, status, message });
}
