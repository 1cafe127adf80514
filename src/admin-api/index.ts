import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import { MAX_UPLOAD_BYTES } from '../media/index.js';
import { streamBodies } from '../http/streamed-body.js';
import type { Services } from '../services.js';
import { linkBuilder } from '../staff/index.js';
import type { Theme } from '../site/theme.js';
import { contentKeyRoutes } from './content-keys.routes.js';
import { dashboardRoutes } from './dashboard.routes.js';
import { followRoutes } from './follows.routes.js';
import { EndpointRegistry } from './endpoint.js';
import { importRoutes } from './imports.routes.js';
import { adminMediaRoutes } from './media.routes.js';
import { adminNewsletterRoutes } from './newsletter.routes.js';
import { adminMemberRoutes } from './members.routes.js';
import { adminOfferRoutes } from './offers.routes.js';
import { adminTipRoutes } from './tips.routes.js';
import { adminPostRoutes } from './posts.routes.js';
import { previewRoutes } from './preview.routes.js';
import { adminCommentRoutes } from './comments.routes.js';
import { printRoutes } from './print.routes.js';
import { sessionRoutes } from './session.routes.js';
import { adminSiteRoutes } from './site.routes.js';
import { staffRoutes } from './staff.routes.js';
import { webhookRoutes } from './webhooks.routes.js';

export { staffOnly, installStaffAccess } from './guard.js';

export interface AdminApiOptions {
  services: Services;
  publicUrl: string;
  /** The public site's theme, for previews. */
  theme: Theme;
  /** DATA_DIR, where the email outbox lives without SMTP. */
  dataDir: string;
}

/** The admin JSON API under /admin/api, with its OpenAPI document at /admin/api/openapi.json. */
export async function adminApi(app: FastifyInstance, { services, publicUrl, theme, dataDir }: AdminApiOptions): Promise<void> {
  // Clients that always send "content-type: application/json" may send it with an empty body.
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    if (body === '') done(null, undefined);
    else parseJson(request, body as string, done);
  });
  // CSV uploads (subscriber imports) are streamed to the endpoint, which sets how large they may be.
  streamBodies(app);
  await app.register(multipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 10, fieldSize: 10_000 } });
  const api = new EndpointRegistry();
  sessionRoutes(api, { mailer: services.mailer });
  staffRoutes(api, { users: services.users, auth: services.staffAuth, apiKeys: services.apiKeys, link: linkBuilder(publicUrl) });
  contentKeyRoutes(api, services.contentKeys);
  webhookRoutes(api, services.webhooks);
  importRoutes(api, services.imports);
  adminPostRoutes(api, services.editorial);
  adminSiteRoutes(api, { taxonomy: services.taxonomy, settings: services.settings, editorial: services.editorial });
  adminMediaRoutes(api, services.media);
  dashboardRoutes(api, services.dashboard);
  followRoutes(api, services.follows);
  adminMemberRoutes(api, { plans: services.plans, members: services.members, memberData: services.memberData });
  adminOfferRoutes(api, services.offers);
  adminTipRoutes(api, services.tips);
  printRoutes(api, services.print);
  adminCommentRoutes(api, { comments: services.comments, emails: services.commentEmails, posts: services.posts });
  adminNewsletterRoutes(api, {
    subscribers: services.subscribers,
    follows: services.follows,
    followAlerts: services.followAlerts,
    sends: services.sends,
    newsletter: services.newsletter,
    mailer: services.mailer,
    dataDir,
  });
  previewRoutes(api, {
    editorial: services.editorial,
    site: {
      posts: services.posts,
      taxonomy: services.taxonomy,
      settings: services.settings,
      theme,
      publicUrl,
      media: services.media,
      comments: services.comments,
      // Previews read current lists directly, never from a memo.
      listings: {
        latest: async (filter, limit) => (await services.posts.list(filter, { limit })).posts,
        page: (filter, page) => services.posts.list(filter, page),
        related: (postId, limit) => services.recommendations.related(postId, limit),
      },
    },
  });
  api.register(app);
  // Converting every schema takes tens of milliseconds: done when the document is first asked for, not at start.
  let document: Record<string, unknown> | undefined;
  app.get('/openapi.json', async () => (document ??= api.openApi({ title: 'Masthead Admin API', version: '1' })));
}
