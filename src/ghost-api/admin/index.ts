import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../../errors/app-error.js';
import { MAX_UPLOAD_BYTES } from '../../media/index.js';
import type { Services } from '../../services.js';
import type { GhostQueries } from '../query/index.js';
import { versionPrefixOf } from '../version.js';
import { ghostAdminPostRoutes } from './posts.routes.js';
import { ghostAdminImageRoutes } from './images.routes.js';
import { ghostAdminMemberRoutes } from './members.routes.js';
import { ghostAdminSiteRoutes } from './site.routes.js';
import { ghostAdminStaffRoutes } from './staff.routes.js';
import { ghostAdminTagRoutes } from './tags.routes.js';
import { ghostAdminWebhookRoutes } from './webhooks.routes.js';

export interface GhostAdminOptions {
  services: Services;
  queries: GhostQueries;
  publicUrl: string;
  rateLimit: number;
}

/**
 * Ghost's Admin API for integrations and migration tools. Requests carry `Authorization: Ghost
 * <token>`, a short-lived HS256 token signed with an Admin API key (`id:secret`); the request
 * then acts as the key does everywhere: the administrator who made it, limited to the key's role.
 */
export async function ghostAdminApi(app: FastifyInstance, { services, queries, publicUrl, rateLimit }: GhostAdminOptions): Promise<void> {
  await app.register(multipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 10, fieldSize: 10_000 } });
  app.addHook('onRequest', async (_request, reply) => {
    reply.header('cache-control', 'no-store');
  });
  app.addHook('onRequest', app.rateLimit({ max: rateLimit, timeWindow: 60_000, errorResponseBuilder: () => new AppError('RATE_LIMITED') }));

  ghostAdminSiteRoutes(app, { settings: services.settings, publicUrl });
  await app.register(async (secured) => {
    secured.addHook('preHandler', async (request: FastifyRequest) => {
      const header = request.headers.authorization;
      const match = header === undefined ? null : /^Ghost\s+(\S+)\s*$/i.exec(header);
      if (!match) throw new AppError('NOT_SIGNED_IN', 'Authorization header format is "Authorization: Ghost [token]", with a token signed by an Admin API key.');
      // A token is made for the address it is sent to: `/admin/`, or `/v4/admin/` at an older
      // client's address. Ghost accepts the audience with or without its slashes.
      const audience = `${versionPrefixOf(request.originalUrl)}/admin/`;
      request.staff = await services.apiKeys.authenticateToken(match[1]!, [audience, audience.slice(1), audience.slice(0, -1), audience.slice(1, -1)]);
      request.viewer = { kind: 'staff' };
    });
    ghostAdminPostRoutes(secured, { editorial: services.editorial, posts: services.posts, taxonomy: services.taxonomy, users: services.users, queries, publicUrl });
    ghostAdminTagRoutes(secured, { taxonomy: services.taxonomy, queries, publicUrl });
    ghostAdminMemberRoutes(secured, { members: services.members, queries });
    ghostAdminImageRoutes(secured, { media: services.media, publicUrl });
    ghostAdminWebhookRoutes(secured, { webhooks: services.webhooks });
    ghostAdminStaffRoutes(secured, { queries, plans: services.plans, subscribers: services.subscribers, publicUrl });
  });
}
