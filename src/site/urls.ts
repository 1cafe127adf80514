import { postFormats, type PostFormat } from '../content/index.js';

/** Public addresses of the site's pages, all ending in a slash (Ghost-style). */
export const paths = {
  post: (slug: string) => `/${slug}/`,
  tag: (slug: string) => `/tag/${slug}/`,
  author: (slug: string) => `/author/${slug}/`,
  person: (slug: string) => `/people/${slug}/`,
  work: (slug: string) => `/works/${slug}/`,
  format: (format: PostFormat) => `/${postFormats[format].path}/`,
  /** Page N of an archive whose first page lives at base. */
  paged: (base: string, page: number) => (page <= 1 ? base : `${base}page/${page}/`),
  feed: (base: string) => `${base}rss/`,
};

/** An absolute address on this site; absolute http(s) URLs are kept as they are. */
export function absoluteUrl(publicUrl: string, pathOrUrl: string): string {
  return /^https?:\/\//.test(pathOrUrl) ? pathOrUrl : `${publicUrl}${pathOrUrl}`;
}

/** Makes site-relative links and images in body HTML absolute (feeds are read off-site). */
export function absoluteLinks(publicUrl: string, html: string): string {
  return html.replace(/(\s(?:href|src)=")\/(?!\/)/g, `$1${publicUrl}/`);
}
