import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { SettingsService } from '../settings/index.js';
import { defaultThemeDir } from './theme.js';

export interface FaviconDeps {
  settings: Pick<SettingsService, 'site'>;
  themeDir: string;
}

/** Browsers ask for it on every page that names no icon (the admin app, JSON and feeds opened directly). */
const ICON_CACHE = 'public, max-age=86400';

/**
 * GET /favicon.ico: the icon chosen in the settings (a media library image) when there is one,
 * otherwise the theme's `favicon.ico` (the default theme's when a custom theme has none).
 */
export async function faviconRoutes(app: FastifyInstance, deps: FaviconDeps): Promise<void> {
  const own = path.join(deps.themeDir, 'favicon.ico');
  const icon = fs.readFileSync(fs.existsSync(own) ? own : path.join(defaultThemeDir, 'favicon.ico'));
  const etag = `"${createHash('sha256').update(icon).digest('base64url').slice(0, 22)}"`;

  app.get('/favicon.ico', async (request, reply) => {
    const { iconUrl } = await deps.settings.site();
    if (iconUrl) return reply.header('cache-control', 'public, max-age=300').redirect(iconUrl, 302);
    reply.header('cache-control', ICON_CACHE).header('etag', etag);
    if (request.headers['if-none-match'] === etag) return reply.code(304).send();
    return reply.type('image/x-icon').send(icon);
  });
}
