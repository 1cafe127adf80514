import type { EditorialService } from '../editorial/index.js';
import type { SiteDeps } from '../site/page.js';
import { postPage } from '../site/pages/post.page.js';
import { renderPage } from '../site/render.js';
import type { EndpointRegistry } from './endpoint.js';
import { idParams } from './schemas.js';

/** The public template, rendered for a draft: what readers will see once it is published. */
export function previewRoutes(api: EndpointRegistry, deps: { editorial: EditorialService; site: SiteDeps }): void {
  api.add({
    method: 'GET',
    url: '/posts/:id/preview',
    summary: 'The post or page rendered exactly as the public site will show it (HTML), whatever its status, for whoever may read it',
    tag: 'posts',
    access: 'staff',
    params: idParams,
    response: 'html',
    handler: async ({ params, staff, reply }) => {
      const post = await deps.editorial.get(params.id, staff);
      const page = await postPage(deps.site, post, { kind: 'staff' });
      reply.header('x-robots-tag', 'noindex');
      return renderPage(deps.site, await deps.site.settings.site(), { ...page, meta: { ...page.meta, noindex: true } });
    },
  });
}
