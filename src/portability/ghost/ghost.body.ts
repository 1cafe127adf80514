import { playerUrl } from '../wordpress/embeds.js';
import { element, escapeText, findAll, hasClass, parseHtml, serialize, text, textOf, type HtmlElement, type HtmlNode } from '../wordpress/html.js';
import type { PlacedImage } from '../wordpress/body.types.js';
import { GHOST_URL } from './ghost.images.js';

/** What a body needs from the rest of the import. */
export interface GhostBodyContext {
  /** Where an image of the old site is now; null leaves the address as it was. */
  image(address: string): PlacedImage | null;
  /** The new address of a link into the old site; null leaves it. */
  link(address: string): string | null;
}

export interface GhostBody {
  html: string;
  /** What changed on the way, by what it was: `audio card` → how many. */
  issues: Map<string, number>;
}

/** Ghost's cards (in its rendered HTML) whose content is kept, and how. */
const CARD = /^kg-([a-z-]+)-card$/;

/**
 * A Masthead body from Ghost's rendered HTML: image and gallery cards become figures, embeds of
 * YouTube and Vimeo players, bookmarks and buttons links, callouts quotes, toggles a heading with
 * their text, header cards a heading; audio, video and file cards become links to their files
 * (which stay where they are). Cards of other kinds keep Ghost's rendering and are named in the
 * issues. The body sanitizer still has the last word.
 */
export function convertGhostHtml(html: string, context: GhostBodyContext): GhostBody {
  const issues = new Map<string, number>();
  const issue = (what: string) => issues.set(what, (issues.get(what) ?? 0) + 1);
  const nodes = rewrite(parseHtml(html), context, issue);
  return { html: serialize(nodes).trim(), issues };
}

function rewrite(nodes: HtmlNode[], context: GhostBodyContext, issue: (what: string) => void): HtmlNode[] {
  const out: HtmlNode[] = [];
  for (const node of nodes) {
    if (node.kind === 'comment') continue;
    if (node.kind === 'text') {
      out.push(node);
      continue;
    }
    const card = cardOf(node);
    if (card) {
      out.push(...convertCard(card, node, context, issue));
      continue;
    }
    if (node.name === 'img') {
      out.push(image(node, context));
      continue;
    }
    if (node.name === 'a' && node.attrs.href) node.attrs.href = context.link(node.attrs.href) ?? node.attrs.href;
    node.children = rewrite(node.children, context, issue);
    out.push(node);
  }
  return out;
}

function cardOf(node: HtmlElement): string | null {
  for (const name of (node.attrs.class ?? '').split(/\s+/)) {
    const match = CARD.exec(name);
    if (match) return match[1]!;
  }
  return null;
}

function convertCard(card: string, node: HtmlElement, context: GhostBodyContext, issue: (what: string) => void): HtmlNode[] {
  const inner = (match: (n: HtmlElement) => boolean) => findAll(node.children, match)[0];
  const words = (match: (n: HtmlElement) => boolean) => {
    const found = inner(match);
    return found ? textOf(found.children).replace(/\s+/g, ' ').trim() : '';
  };
  switch (card) {
    case 'image':
      return [
        figure(
          inner((n) => n.name === 'img'),
          inner((n) => n.name === 'figcaption'),
          node,
          context,
        ),
      ];
    case 'gallery':
      return findAll(node.children, (n) => n.name === 'img').map((img) => figure(img, undefined, node, context));
    case 'embed': {
      const frame = inner((n) => n.name === 'iframe');
      const player = frame?.attrs.src ? playerUrl(frame.attrs.src) : null;
      if (player) return [element('figure', { class: 'embed' }, [element('iframe', { src: player, title: frame!.attrs.title ?? '', allowfullscreen: '' })])];
      issue('embed other than YouTube or Vimeo (kept as Ghost rendered it)');
      return rewrite(node.children, context, issue);
    }
    case 'bookmark': {
      const anchor = inner((n) => n.name === 'a' && Boolean(n.attrs.href));
      const title = words((n) => hasClass(n, 'kg-bookmark-title')) || anchor?.attrs.href || '';
      return anchor ? [paragraph(link(context, anchor.attrs.href!, title))] : [];
    }
    case 'button': {
      const anchor = inner((n) => n.name === 'a' && Boolean(n.attrs.href));
      return anchor ? [paragraph(link(context, anchor.attrs.href!, textOf(anchor.children).trim() || anchor.attrs.href!))] : [];
    }
    case 'callout': {
      const emoji = words((n) => hasClass(n, 'kg-callout-emoji'));
      const body = inner((n) => hasClass(n, 'kg-callout-text'));
      const content = body ? rewrite(body.children, context, issue) : [];
      return [element('blockquote', {}, [element('p', {}, [...(emoji ? [text(`${escapeText(emoji)} `)] : []), ...content])])];
    }
    case 'toggle': {
      const heading = words((n) => hasClass(n, 'kg-toggle-heading-text'));
      const content = inner((n) => hasClass(n, 'kg-toggle-content'));
      return [element('h3', {}, [text(escapeText(heading))]), ...(content ? rewrite(content.children, context, issue) : [])];
    }
    case 'header': {
      const heading = words((n) => /^h[1-6]$/.test(n.name) || hasClass(n, 'kg-header-card-heading') || hasClass(n, 'kg-header-card-header'));
      const sub = words((n) => hasClass(n, 'kg-header-card-subheading') || hasClass(n, 'kg-header-card-subheader'));
      const button = inner((n) => n.name === 'a' && Boolean(n.attrs.href));
      return [
        ...(heading ? [element('h2', {}, [text(escapeText(heading))])] : []),
        ...(sub ? [element('p', {}, [text(escapeText(sub))])] : []),
        ...(button ? [paragraph(link(context, button.attrs.href!, textOf(button.children).trim() || button.attrs.href!))] : []),
      ];
    }
    case 'audio':
    case 'video':
    case 'file': {
      const source = inner((n) => (n.name === 'audio' || n.name === 'video' || n.name === 'a') && Boolean(n.attrs.src || n.attrs.href));
      const address = source?.attrs.src || source?.attrs.href;
      issue(`${card} card (became a link to its file, which stays on the old site)`);
      const title = words((n) => hasClass(n, `kg-${card}-title`) || hasClass(n, 'kg-file-card-title')) || `${card[0]!.toUpperCase()}${card.slice(1)}`;
      return address ? [paragraph(link(context, address, title))] : [];
    }
    default:
      issue(`${card} card (kept as Ghost rendered it)`);
      return rewrite(node.children, context, issue);
  }
}

function figure(img: HtmlElement | undefined, caption: HtmlElement | undefined, card: HtmlElement, context: GhostBodyContext): HtmlElement {
  if (!img) return element('p');
  const width = hasClass(card, 'kg-width-full') ? ' full' : hasClass(card, 'kg-width-wide') ? ' wide' : '';
  const children: HtmlNode[] = [image(img, context)];
  if (caption)
    children.push(
      element(
        'figcaption',
        {},
        rewrite(caption.children, context, () => undefined),
      ),
    );
  return element('figure', { class: `image${width}` }, children);
}

/**
 * An image at its new address, with the size it has there; Ghost's own resized copies are dropped.
 * One not brought over keeps its path on the old site.
 */
function image(img: HtmlElement, context: GhostBodyContext): HtmlElement {
  const src = img.attrs.src ?? '';
  const placed = src ? context.image(src) : null;
  const attrs: Record<string, string> = { src: placed?.url ?? (src.startsWith(GHOST_URL) ? src.slice(GHOST_URL.length) : src), alt: img.attrs.alt ?? placed?.alt ?? '' };
  const width = placed?.width ?? Number(img.attrs.width);
  const height = placed?.height ?? Number(img.attrs.height);
  if (width > 0 && height > 0) Object.assign(attrs, { width: String(width), height: String(height) });
  if (img.attrs.title) attrs.title = img.attrs.title;
  return element('img', attrs);
}

function link(context: GhostBodyContext, href: string, label: string): HtmlElement {
  return element('a', { href: context.link(href) ?? href }, [text(escapeText(label))]);
}

function paragraph(child: HtmlNode): HtmlElement {
  return element('p', {}, [child]);
}
