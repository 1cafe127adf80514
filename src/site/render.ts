import type { SiteSettings } from '../settings/index.js';
import { formatDate, joinNames } from './format.js';
import { pageMeta, type Page, type SiteDeps } from './page.js';
import { absoluteUrl } from './urls.js';

/** Lightens a #rrggbb colour towards white, so links keep their contrast on a dark page. */
export function lighten(hex: string, amount: number): string {
  const channels = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  return `#${channels.map((c) => Math.round(c + (255 - c) * amount).toString(16).padStart(2, '0')).join('')}`;
}

function favicon(site: SiteSettings): string {
  const letter = site.title.slice(0, 1).replace(/[<>&'"]/g, '');
  const svg = `<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 32 32'><rect width='32' height='32' rx='6' fill='${site.accentColor}'/><text x='16' y='23' font-family='Georgia,serif' font-size='22' font-weight='700' text-anchor='middle' fill='white'>${letter}</text></svg>`;
  return `data:image/svg+xml,${encodeURIComponent(svg)}`;
}

/** JSON for a <script> element: "<" is escaped so no value can close the element. */
function scriptJson(things: object[]): string {
  if (things.length === 0) return '';
  const graph = things.length === 1 ? { '@context': 'https://schema.org', ...things[0] } : { '@context': 'https://schema.org', '@graph': things };
  return JSON.stringify(graph).replace(/</g, '\\u003c');
}

/** Renders a page of the theme inside its layout. */
export function renderPage(deps: Pick<SiteDeps, 'theme' | 'publicUrl'>, site: SiteSettings, page: Pick<Page, 'template' | 'view' | 'meta'>): string {
  const h = { formatDate, joinNames, absoluteUrl: (p: string) => absoluteUrl(deps.publicUrl, p) };
  return deps.theme.render(page.template, {
    ...page.view,
    site,
    meta: page.meta,
    h,
    css: deps.theme.css,
    accentDark: lighten(site.accentColor, 0.45),
    favicon: favicon(site),
    jsonLd: scriptJson(page.meta.jsonLd),
    publicUrl: deps.publicUrl,
    showPrint: page.template === 'home' || page.template === 'post',
  });
}

/** The 404, 410 and other error pages, with the site's navigation. */
export async function renderErrorPage(deps: Pick<SiteDeps, 'theme' | 'publicUrl' | 'settings'>, status: number, message: string, path: string): Promise<string> {
  const site = await deps.settings.site();
  return renderPage(deps, site, {
    template: 'error',
    view: { status, message },
    meta: pageMeta({ path, description: message, title: status === 404 ? 'Not found' : status === 410 ? 'Gone' : 'Error', noindex: true }),
  });
}
