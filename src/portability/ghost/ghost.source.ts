import { marked } from 'marked';
import { escapeAttribute as attr, escapeText as esc } from '../wordpress/html.js';
import type { GhostPost } from './ghost.reader.js';

/** Where a body came from: Ghost's rendered HTML, or its editor's document when the export has no HTML. */
export type BodySource = 'html' | 'lexical' | 'mobiledoc' | 'none' | 'too deep';

/** How deep a lexical document may nest; deeper ones are refused rather than exhausting the stack. */
const MAX_DEPTH = 100;

class TooDeep extends Error {}

type Json = Record<string, unknown>;

/**
 * The HTML of a Ghost post: the rendered `html` column when the export carries it (it is what the
 * old site showed), else the lexical or mobiledoc document rendered here into the same card markup
 * (`kg-image-card` …), so one conversion serves both.
 */
export function ghostHtml(post: GhostPost): { html: string; source: BodySource } {
  if (post.html.trim()) return { html: post.html, source: 'html' };
  if (post.lexical.trim()) {
    const doc = parse(post.lexical);
    const root = doc?.root as Json | undefined;
    if (root) {
      try {
        return { html: lexicalNodes(children(root), 0), source: 'lexical' };
      } catch (error) {
        if (error instanceof TooDeep) return { html: '', source: 'too deep' };
        throw error;
      }
    }
  }
  if (post.mobiledoc.trim()) {
    const doc = parse(post.mobiledoc);
    if (doc && Array.isArray(doc.sections)) return { html: mobiledoc(doc), source: 'mobiledoc' };
  }
  return { html: '', source: 'none' };
}

function parse(json: string): Json | null {
  try {
    const value: unknown = JSON.parse(json);
    return typeof value === 'object' && value !== null ? (value as Json) : null;
  } catch {
    return null;
  }
}

const str = (value: unknown) => (typeof value === 'string' ? value : '');
const children = (node: Json) => (Array.isArray(node.children) ? (node.children as Json[]) : []);

/** Lexical's text format bits: bold, italic, strikethrough, underline, code. */
const FORMATS: Array<[number, string]> = [
  [16, 'code'],
  [1, 'strong'],
  [2, 'em'],
  [4, 's'],
  [8, 'u'],
];

function lexicalNodes(nodes: Json[], depth: number): string {
  if (depth > MAX_DEPTH) throw new TooDeep();
  return nodes.map((node) => lexicalNode(node, depth)).join('');
}

function lexicalNode(node: Json, depth = 0): string {
  const inner = () => lexicalNodes(children(node), depth + 1);
  switch (str(node.type)) {
    case 'text':
    case 'extended-text': {
      let out = esc(str(node.text));
      const format = typeof node.format === 'number' ? node.format : 0;
      for (const [bit, tag] of FORMATS) if (format & bit) out = `<${tag}>${out}</${tag}>`;
      return out;
    }
    case 'linebreak':
      return '<br>';
    case 'link':
    case 'autolink':
      return `<a href="${attr(str(node.url))}">${inner()}</a>`;
    case 'paragraph':
      return `<p>${inner()}</p>`;
    case 'heading':
    case 'extended-heading': {
      const tag = /^h[1-6]$/.test(str(node.tag)) ? str(node.tag) : 'h2';
      return `<${tag}>${inner()}</${tag}>`;
    }
    case 'quote':
    case 'extended-quote':
      return `<blockquote><p>${inner()}</p></blockquote>`;
    case 'aside':
      return `<blockquote class="kg-blockquote-alt"><p>${inner()}</p></blockquote>`;
    case 'list': {
      const tag = node.listType === 'number' ? 'ol' : 'ul';
      return `<${tag}>${inner()}</${tag}>`;
    }
    case 'listitem':
      return `<li>${inner()}</li>`;
    case 'horizontalrule':
      return '<hr>';
    case 'image':
      return imageCard(str(node.src), str(node.alt), str(node.caption), str(node.cardWidth));
    case 'gallery':
      return `<figure class="kg-card kg-gallery-card">${(Array.isArray(node.images) ? (node.images as Json[]) : []).map((i) => `<img src="${attr(str(i.src))}" alt="${attr(str(i.alt))}">`).join('')}</figure>`;
    case 'html':
      return str(node.html);
    case 'markdown':
      return markdown(str(node.markdown));
    case 'codeblock':
      return `<pre><code${node.language ? ` class="language-${attr(str(node.language))}"` : ''}>${esc(str(node.code))}</code></pre>`;
    case 'embed':
      return `<figure class="kg-card kg-embed-card">${str(node.html)}</figure>`;
    case 'bookmark': {
      const metadata = (node.metadata ?? {}) as Json;
      return `<figure class="kg-card kg-bookmark-card"><a href="${attr(str(node.url))}"><div class="kg-bookmark-title">${esc(str(metadata.title))}</div></a></figure>`;
    }
    case 'callout':
      return `<div class="kg-card kg-callout-card"><div class="kg-callout-emoji">${esc(str(node.calloutEmoji))}</div><div class="kg-callout-text">${str(node.calloutText)}</div></div>`;
    case 'toggle':
      return `<div class="kg-card kg-toggle-card"><h4 class="kg-toggle-heading-text">${str(node.heading)}</h4><div class="kg-toggle-content">${str(node.content)}</div></div>`;
    case 'button':
      return `<div class="kg-card kg-button-card"><a href="${attr(str(node.buttonUrl))}">${esc(str(node.buttonText))}</a></div>`;
    case 'header':
      return `<div class="kg-card kg-header-card"><h2 class="kg-header-card-header">${str(node.header)}</h2><p class="kg-header-card-subheader">${str(node.subheader)}</p></div>`;
    case 'audio':
    case 'video':
    case 'file':
      return `<div class="kg-card kg-${str(node.type)}-card"><a href="${attr(str(node.src))}"><div class="kg-${str(node.type)}-title">${esc(str(node.title) || str(node.fileName))}</div></a></div>`;
    default:
      return `<div class="kg-card kg-${attr(str(node.type).replace(/[^a-z-]/g, '') || 'unknown')}-card">${inner()}</div>`;
  }
}

function imageCard(src: string, alt: string, caption: string, width: string): string {
  const size = width === 'wide' || width === 'full' ? ` kg-width-${width}` : '';
  return `<figure class="kg-card kg-image-card${size}"><img src="${attr(src)}" alt="${attr(alt)}">${caption ? `<figcaption>${caption}</figcaption>` : ''}</figure>`;
}

function markdown(source: string): string {
  return marked.parse(source, { async: false, gfm: true });
}

/** Mobiledoc 0.3, Ghost 1 to 4: markup sections, lists and cards. */
function mobiledoc(doc: Json): string {
  const markups = (Array.isArray(doc.markups) ? doc.markups : []) as Array<[string, string[]?]>;
  const cards = (Array.isArray(doc.cards) ? doc.cards : []) as Array<[string, Json]>;
  const atoms = (Array.isArray(doc.atoms) ? doc.atoms : []) as Array<[string, string]>;
  const markers = (list: unknown): string => {
    let out = '';
    const open: string[] = [];
    for (const marker of Array.isArray(list) ? (list as unknown[][]) : []) {
      const [kind, opens, closes, value] = marker as [number, number[], number, unknown];
      for (const index of Array.isArray(opens) ? opens : []) {
        const [tag = 'span', attrs = []] = markups[index] ?? [];
        const safe = /^[a-z][a-z0-9]*$/.test(tag) ? tag : 'span';
        const pairs: string[] = [];
        for (let i = 0; i + 1 < attrs.length; i += 2) if (/^[a-z-]+$/.test(attrs[i]!)) pairs.push(` ${attrs[i]}="${attr(String(attrs[i + 1]))}"`);
        out += `<${safe}${pairs.join('')}>`;
        open.push(safe);
      }
      if (kind === 0) out += esc(str(value));
      else if (typeof value === 'number' && atoms[value]) out += atoms[value][0] === 'soft-return' ? '<br>' : esc(str(atoms[value][1]));
      for (let i = 0; i < (typeof closes === 'number' ? closes : 0) && open.length > 0; i += 1) out += `</${open.pop()}>`;
    }
    while (open.length > 0) out += `</${open.pop()}>`;
    return out;
  };
  return (doc.sections as unknown[][])
    .map((section) => {
      const [kind, a, b] = section;
      if (kind === 1) {
        const tag = /^(p|h[1-6]|blockquote|aside)$/.test(str(a).toLowerCase()) ? str(a).toLowerCase() : 'p';
        return tag === 'aside' ? `<blockquote><p>${markers(b)}</p></blockquote>` : `<${tag}>${markers(b)}</${tag}>`;
      }
      if (kind === 3) {
        const tag = str(a) === 'ol' ? 'ol' : 'ul';
        return `<${tag}>${(Array.isArray(b) ? b : []).map((item) => `<li>${markers(item)}</li>`).join('')}</${tag}>`;
      }
      if (kind === 10 && typeof a === 'number' && cards[a]) return mobiledocCard(cards[a][0], cards[a][1] ?? {});
      return '';
    })
    .join('');
}

function mobiledocCard(name: string, payload: Json): string {
  switch (name) {
    case 'markdown':
    case 'card-markdown':
      return markdown(str(payload.markdown));
    case 'html':
      return str(payload.html);
    case 'hr':
      return '<hr>';
    case 'code':
      return lexicalNode({ type: 'codeblock', code: payload.code, language: payload.language });
    default:
      return lexicalNode({ ...payload, type: name, url: payload.url ?? payload.src });
  }
}
