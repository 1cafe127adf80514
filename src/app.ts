import compress from '@fastify/compress';
import cookie from '@fastify/cookie';
import csrf from '@fastify/csrf-protection';
import rateLimit from '@fastify/rate-limit';
import formbody from '@fastify/formbody';
import http from 'node:http';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { sql } from 'kysely';
import type { Logger } from 'pino';
import { adminAppRoutes } from './admin-app/admin-app.routes.js';
import type { Config } from './config/schema.js';
import { anonymous, type Viewer } from './content/index.js';
import { adminApi, installStaffAccess } from './admin-api/index.js';
import { API_ANSWER_BYTES, AnswerCache, changesPublicAnswers, SEARCH_ANSWER_BYTES } from './content-api/answer-cache.js';
import { contentApi } from './content-api/index.js';
import { currentVersionAddress, ghostApi } from './ghost-api/index.js';
import { bodyLimits } from './http/body-limits.js';
import { clientKey } from './client-key.js';
import { answerFrameworkError, installErrorHandler } from './http/error-handler.js';
import { themeScripts } from './http/inline-scripts.js';
import { databaseRateLimitStore } from './http/rate-limit-store.js';
import { requestLog } from './http/request-log.js';
import { lazySchemaCompilers } from './http/schema-compilers.js';
import { installSecurityHeaders, securityHeaders } from './http/security-headers.js';
import type { Services } from './services.js';
import { searchRoutes } from './site/search.routes.js';
import { cachedFront, preparedHeadBytes } from './site/cached-front.js';
import { STORED_CODINGS } from './site/http-cache.js';
import { faviconRoutes } from './site/favicon.routes.js';
import { createSiteCache } from './site/site-cache.js';
import { rememberResponsive } from './site/images.js';
import { siteRoutes } from './site/site.routes.js';
import { loadTheme } from './site/theme.js';
import { readerErrorBody, renderErrorPage } from './site/render.js';
import { mediaFileRoutes } from './site/media-files.routes.js';
import { installOldAddresses } from './site/old-addresses.js';
import { newsletterPagesRoutes } from './site/newsletter-pages.routes.js';
import { commentPagesRoutes } from './site/comment-pages.routes.js';
import { memberPagesRoutes, memberViewerHook } from './site/member-pages.routes.js';
import { followPagesRoutes } from './site/follow-pages.routes.js';
import { stripeWebhookRoutes } from './webhooks/stripe.routes.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** Who is reading: decides what gated content this request may see. */
    viewer: Viewer;
  }
}

export interface AppOptions {
  config: Pick<Config, 'publicUrl' | 'themeDir' | 'dataDir'> & Partial<Pick<Config, 'trustProxy'>>;
  services: Services;
  logger: Logger;
}

/** Builds the HTTP application: every route, wired to its services. Does not listen. */
export async function buildApp({ config, services, logger }: AppOptions): Promise<FastifyInstance> {
  const requests = requestLog(logger);
  const theme = loadTheme(config.themeDir, config.publicUrl);
  const scripts = themeScripts(theme.dir);
  const headers = await securityHeaders({ https: config.publicUrl.startsWith('https:'), inlineScripts: scripts.hashes });
  // Kept pages count the heads they are answered with (made once a page) toward the cache's limit.
  const siteCache = createSiteCache(services, logger, (page) => preparedHeadBytes(headers.everywhere, page));
  // Cached pages for readers without credentials are answered before Fastify routes the request.
  const front = cachedFront({
    cache: siteCache.cache,
    securityHeaders: headers.everywhere,
    requests,
    trustedProxies: config.trustProxy ?? [],
    pieceAt: (path) => {
      const slug = app.findRoute<{ Params: { slug?: string } }>({ method: 'GET', url: path })?.params.slug;
      return slug !== undefined && path === `/${slug}/` ? slug : null;
    },
    countView: (view) => services.views.record(view),
  });
  const logAnswer = (request: FastifyRequest, reply: FastifyReply) =>
    requests.answered({
      id: request.id,
      method: request.method,
      url: request.originalUrl,
      status: reply.statusCode,
      remoteAddress: request.ip,
      responseTime: reply.elapsedTime,
    });
  const app = Fastify({
    loggerInstance: logger as FastifyBaseLogger,
    // One line per request, written when it is answered (below), instead of Fastify's two.
    logController: new LogController({ disableRequestLogging: true }),
    genReqId: requests.nextId,
    bodyLimit: bodyLimits.public,
    // Rate limits key on the client address: trust forwarding headers only from configured proxies.
    trustProxy: config.trustProxy?.length ? config.trustProxy : false,
    // While the server drains, a request already on an open connection is answered (with
    // Connection: close) instead of refused: a load balancer never sees a 503 from a restart.
    return503OnClosing: false,
    schemaController: { compilersFactory: lazySchemaCompilers() },
    routerOptions: { ignoreTrailingSlash: false, ignoreDuplicateSlashes: true, maxParamLength: 500 },
    // No hook runs for an address the router refuses (broken percent-encoding, an overlong part):
    // its log line is written when its answer has gone, so such requests show in the log too.
    frameworkErrors: (error, request, reply) => {
      reply.raw.once('finish', () => logAnswer(request, reply));
      answerFrameworkError(error, request, reply);
    },
    // Older Ghost clients' addresses are routed to the one set of Ghost API routes.
    rewriteUrl: (request) => currentVersionAddress(request.url ?? '/'),
    serverFactory: (handler) => {
      const server = http.createServer((request, response) => {
        if (!front.answer(request, response)) handler(request, response);
      });
      // The timeouts Fastify gives the servers it makes itself.
      server.keepAliveTimeout = 72_000;
      server.requestTimeout = 0;
      server.setTimeout(0);
      return server;
    },
  });
  app.addHook('preClose', (done) => {
    front.close();
    done();
  });
  for (const template of scripts.unhashable) {
    logger.warn({ template }, 'the theme has an inline script with template tags; the Content-Security-Policy blocks it (move its values into data attributes)');
  }
  installSecurityHeaders(app, headers);

  app.addHook('onClose', () => {
    requests.flush();
    return siteCache.close();
  });
  // Public API answers and search pages depend on published content alone: its changes empty them.
  // Search pages are kept apart from the Content APIs' answers, so that searching many words
  // (no rate limit, any stranger) only ever pushes out other search pages.
  const answers = new AnswerCache(API_ANSWER_BYTES);
  const searchAnswers = new AnswerCache(SEARCH_ANSWER_BYTES);
  siteCache.follow((change) => {
    if (!changesPublicAnswers(change)) return;
    answers.clear();
    searchAnswers.clear();
  });
  installErrorHandler(
    app,
    (status, _message, _request, code) => renderErrorPage({ settings: services.settings, theme }, status, code),
    async (status, body) => readerErrorBody(theme.translate((await services.settings.site()).locale), status, body),
  );
  await app.register(formbody, { bodyLimit: bodyLimits.public });
  // Session ids in cookies are random tokens looked up in the database, so cookies need no signing.
  await app.register(cookie);
  // Double-submit CSRF tokens for every state-changing form and admin request (routes opt in).
  await app.register(csrf, {
    sessionPlugin: '@fastify/cookie',
    cookieOpts: { path: '/', sameSite: 'strict', httpOnly: true, secure: config.publicUrl.startsWith('https:') },
  });
  // Limits are set per route (sign-in, signup, webhooks); none applies globally. Every limit counts
  // clients the same way: IPv4 by address, IPv6 by /64.
  await app.register(rateLimit, { global: false, keyGenerator: (request) => clientKey(request.ip), store: databaseRateLimitStore(services.store.db, services.clock) });
  await app.register(compress, { global: true, encodings: STORED_CODINGS, threshold: 1024 });

  // Every request starts as an anonymous reader; staff and member session hooks upgrade it.
  app.decorateRequest<Viewer | null>('viewer', null);
  app.addHook('onRequest', async (request) => {
    request.viewer = anonymous;
  });
  // Signed-in readers (member session cookie) read as members, paid or not.
  app.decorateRequest('member', null);
  app.addHook('onRequest', memberViewerHook(services.members));

  installOldAddresses(app, { db: services.store.db });
  installStaffAccess(app, {
    auth: services.staffAuth,
    apiKeys: services.apiKeys,
    secureCookies: config.publicUrl.startsWith('https:'),
  });

  app.addHook('onResponse', (request, reply, done) => {
    // Counts reads of published pieces (cookieless, batched off the request path).
    if (request.method === 'GET' && reply.statusCode === 200 && request.routeOptions.url === '/:slug/') {
      const slug = (request.params as { slug: string }).slug;
      services.views.record({ slug, address: request.ip, userAgent: request.headers['user-agent'] ?? '' });
    }
    logAnswer(request, reply);
    done();
  });

  await app.register(mediaFileRoutes, { storage: services.mediaStorage });

  app.get('/healthz', async (_request, reply) => {
    try {
      await sql`select 1`.execute(services.store.db);
      return { status: 'ok', database: services.store.dialect };
    } catch {
      return reply.code(503).send({ status: 'unavailable', database: services.store.dialect });
    }
  });

  await app.register(adminApi, { prefix: '/admin/api', services, publicUrl: config.publicUrl, theme, dataDir: config.dataDir });
  await app.register(contentApi, { prefix: '/api/content', services, publicUrl: config.publicUrl, answers });
  await app.register(ghostApi, { prefix: '/ghost/api', services, publicUrl: config.publicUrl, answers });
  await app.register(adminAppRoutes);
  await app.register(searchRoutes, {
    search: services.search,
    settings: services.settings,
    taxonomy: services.taxonomy,
    theme,
    publicUrl: config.publicUrl,
    answers: searchAnswers,
  });

  await app.register(faviconRoutes, { settings: services.settings, themeDir: theme.dir });
  await app.register(siteRoutes, {
    posts: services.posts,
    taxonomy: services.taxonomy,
    settings: services.settings,
    theme,
    publicUrl: config.publicUrl,
    cache: siteCache.cache,
    listings: siteCache.memo,
    media: rememberResponsive(services.media),
    comments: services.comments,
    db: services.store.db,
    clock: services.clock,
    follows: services.follows,
    catalogue: services.catalogue,
  });

  await app.register(memberPagesRoutes, {
    members: services.members,
    memberData: services.memberData,
    plans: services.plans,
    offers: services.offers,
    tips: services.tips,
    subscriptions: services.subscriptions,
    settings: services.settings,
    theme,
    publicUrl: config.publicUrl,
    subscribers: services.subscribers,
    follows: services.follows,
    followAlerts: services.followAlerts,
  });
  await app.register(commentPagesRoutes, { comments: services.comments, emails: services.commentEmails, posts: services.posts, settings: services.settings, theme });
  await app.register(stripeWebhookRoutes, { subscriptions: services.subscriptions });
  await app.register(newsletterPagesRoutes, {
    subscribers: services.subscribers,
    engagement: services.engagement,
    settings: services.settings,
    theme,
    publicUrl: config.publicUrl,
    follows: services.follows,
    followAlerts: services.followAlerts,
    members: services.members,
  });
  await app.register(followPagesRoutes, { follows: services.follows, followAlerts: services.followAlerts, subscribers: services.subscribers, settings: services.settings, theme });

  return app;
}
