import type { FastifyInstance } from 'fastify';
import type { SettingsService } from '../../settings/index.js';
import { route } from '../http.js';
import { API_VERSION } from '../version.js';

/** `/site/`: what Ghost's clients ask first to learn about a site; public, as in Ghost. */
export function ghostAdminSiteRoutes(app: FastifyInstance, deps: { settings: SettingsService; publicUrl: string }): void {
  route(app, 'GET', '/site', async () => {
    const site = await deps.settings.site();
    return {
      site: {
        title: site.title,
        description: site.description,
        logo: site.logoUrl,
        icon: null,
        cover_image: null,
        accent_color: site.accentColor,
        locale: site.locale,
        url: new URL('/', deps.publicUrl).toString(),
        version: API_VERSION.slice(1),
      },
    };
  });
}
