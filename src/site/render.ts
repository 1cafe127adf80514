import type { ErrorBody } from '../http/error-handler.js';
import type { Translate } from '../i18n/index.js';
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

/** Keys of the theme's messages for the statuses readers meet (403: mostly a form sent with an expired CSRF token). */
const messageKeys: Record<number, string> = { 403: 'error.text.forbidden', 404: 'error.text.notFound', 410: 'error.text.gone', 429: 'error.text.tooMany', 503: 'error.text.unavailable' };

/**
 * The key of what a reader is told about an error: the theme's message for the status in the site's
 * language, never an error's own (English) text. An error readers meet often has a message of its own
 * (error.code.LINK_USED …), else the status's.
 */
export function readerMessageKey(t: Translate, status: number, code?: string): string {
  const own = `error.code.${code}`;
  return code && t(own) !== own ? own : (messageKeys[status] ?? (status >= 500 ? 'error.text.server' : 'error.text.other'));
}

/**
 * A reader page's JSON error in the site's language, for the script that shows it: the same code and
 * field names, each message the theme's (an email field's says how an address looks).
 */
export function readerErrorBody(t: Translate, status: number, body: ErrorBody): ErrorBody {
  const { code, fields } = body.error;
  const fieldKey = (field: string) => (field === 'email' || field.endsWith('.email') ? 'signup.emailError' : 'error.field.other');
  const message = fields?.length === 1 ? fieldKey(fields[0]!.field) : readerMessageKey(t, status, code);
  return { error: { code, message: t(message), ...(fields ? { fields: fields.map((f) => ({ field: f.field, message: t(fieldKey(f.field)) })) } : {}) } };
}

/** The 404, 410 and other error pages, with the site's navigation. */
export async function renderErrorPage(deps: Pick<SiteDeps, 'theme' | 'settings'>, status: number, code?: string): Promise<string> {
  const site = await deps.settings.site();
  const t = deps.theme.translate(site.locale);
  const title = t(status === 404 ? 'error.title.notFound' : status === 410 ? 'error.title.gone' : 'error.title.other');
  const message = readerMessageKey(t, status, code);
  return renderPage(deps, site, { template: 'error', view: { status, message }, meta: pageMeta({ path: null, description: t(message), title, noindex: true }) });
}
