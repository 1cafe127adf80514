import type { SiteSettings } from '../settings/index.js';
import { pageMeta, type Page, type SiteDeps } from './page.js';

/** JSON for a <script> element: "<" is escaped so no value can close the element. */
function scriptJson(things: object[]): string {
  if (things.length === 0) return '';
  const graph = things.length === 1 ? { '@context': 'https://schema.org', ...things[0] } : { '@context': 'https://schema.org', '@graph': things };
  return JSON.stringify(graph).replace(/</g, '\\u003c');
}

/** Renders a page of the theme inside its layout. */
export function renderPage(deps: Pick<SiteDeps, 'theme'>, site: SiteSettings, page: Pick<Page, 'template' | 'view' | 'meta'>): string {
  return deps.theme.render(page.template, {
    ...page.view,
    site,
    meta: page.meta,
    jsonLd: scriptJson(page.meta.jsonLd),
    showPrint: page.template === 'home' || page.template === 'post',
  });
}

/** The 404, 410 and other error pages, with the site's navigation. */
export async function renderErrorPage(deps: Pick<SiteDeps, 'theme' | 'settings'>, status: number, message: string): Promise<string> {
  const site = await deps.settings.site();
  const title = deps.theme.translate(site.locale)(status === 404 ? 'error.title.notFound' : status === 410 ? 'error.title.gone' : 'error.title.other');
  return renderPage(deps, site, { template: 'error', view: { status, message }, meta: pageMeta({ path: null, description: message, title, noindex: true }) });
}
