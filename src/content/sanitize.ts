import { createRequire } from 'node:module';
import type sanitizeHtml from 'sanitize-html';

// sanitize-html brings an HTML parser and PostCSS (~100 files); it loads when a body is first cleaned.
const require = createRequire(import.meta.url);
let sanitizer: typeof sanitizeHtml | undefined;

/** Hosts whose players may be embedded in a body. */
export const embedHosts = ['www.youtube.com', 'www.youtube-nocookie.com', 'player.vimeo.com'];

const options: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'br',
    'hr',
    'strong',
    'b',
    'em',
    'i',
    'u',
    's',
    'del',
    'ins',
    'mark',
    'small',
    'sub',
    'sup',
    'abbr',
    'cite',
    'q',
    'a',
    'blockquote',
    'ul',
    'ol',
    'li',
    'dl',
    'dt',
    'dd',
    'code',
    'pre',
    'kbd',
    'figure',
    'figcaption',
    'img',
    'picture',
    'source',
    'aside',
    'iframe',
    'table',
    'thead',
    'tbody',
    'tfoot',
    'tr',
    'th',
    'td',
    'caption',
  ],
  allowedAttributes: {
    a: ['href', 'title', 'rel', 'target'],
    img: ['src', 'srcset', 'sizes', 'alt', 'width', 'height', 'title', 'loading', 'decoding'],
    source: ['srcset', 'sizes', 'type', 'media'],
    iframe: ['src', 'width', 'height', 'title', 'allowfullscreen'],
    abbr: ['title'],
    blockquote: ['cite'],
    q: ['cite'],
    th: ['scope', 'colspan', 'rowspan'],
    td: ['colspan', 'rowspan'],
    ol: ['start', 'reversed'],
    code: ['class'],
    figure: ['class'],
    aside: ['class'],
  },
  allowedClasses: {
    code: [/^language-[a-z0-9-]+$/],
    figure: ['image', 'embed', 'wide', 'full'],
    aside: ['pull-quote'],
  },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['http', 'https'], source: ['http', 'https'] },
  allowedSchemesAppliedToAttributes: ['href', 'src', 'cite', 'srcset'],
  allowProtocolRelative: false,
  allowedIframeHostnames: embedHosts,
  allowIframeRelativeUrls: false,
  disallowedTagsMode: 'discard',
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'template', 'title'],
  transformTags: {
    a: (tagName, attribs) => {
      const external = /^https?:\/\//i.test(attribs.href ?? '');
      const rel = new Set((attribs.rel ?? '').split(/\s+/).filter(Boolean));
      if (attribs.target === '_blank') rel.add('noopener');
      if (external) rel.add('noopener');
      const next: Record<string, string> = { ...attribs };
      if (rel.size > 0) next.rel = [...rel].join(' ');
      if (next.target && next.target !== '_blank') delete next.target;
      return { tagName, attribs: next };
    },
    img: (tagName, attribs) => ({ tagName, attribs: { ...attribs, loading: 'lazy', decoding: 'async' } }),
  },
};

/** Cleans HTML against the body allowlist: no scripts, event handlers, styles or dangerous URLs survive. */
export function sanitizeBodyHtml(html: string): string {
  sanitizer ??= require('sanitize-html') as typeof sanitizeHtml;
  return sanitizer(html, options);
}
