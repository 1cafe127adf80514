import type { BodyContext, Issue } from './body.types.js';
import { playerUrl, providerOf } from './embeds.js';
import { element, findAll, hasClass, isBlank, parseHtml, serialize, text, textOf, escapeText, withoutControls, type HtmlElement, type HtmlNode } from './html.js';

/**
 * Where an element stands: in `block` flow images become figures; in a `paragraph` they become
 * figures too and are lifted out of it; `inline` (list items, cells, headings, links) keeps them
 * as images.
 */
type Flow = 'block' | 'paragraph' | 'inline';

/** Removed with everything inside: nothing a reader should see, or nothing that works here. */
const DROPPED = new Set(['script', 'style', 'noscript', 'template', 'form', 'input', 'button', 'select', 'textarea', 'svg', 'canvas', 'object', 'embed', 'link', 'meta', 'map', 'head', 'title']);
/** Containers that carry only layout: their content takes their place. */
const CONTAINERS = new Set(['div', 'section', 'article', 'header', 'footer', 'main', 'nav', 'center', 'hgroup', 'body', 'html']);
const BLOCK_LEVEL = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'dl', 'blockquote', 'figure', 'table', 'pre', 'hr', 'aside', 'details', ...CONTAINERS]);

/** Reshapes converted HTML into the body structure Masthead's editor and site expect. */
export function tidy(html: string, context: BodyContext, issue: Issue): string {
  return withoutControls(serialize(new Tidy(context, issue).list(parseHtml(html), 'block')))
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

class Tidy {
  constructor(
    private readonly context: BodyContext,
    private readonly issue: Issue,
  ) {}

  list(nodes: HtmlNode[], flow: Flow): HtmlNode[] {
    // Between blocks a line break means nothing.
    const kept = flow === 'block' ? nodes.filter((n) => !(n.kind === 'element' && n.name === 'br')) : nodes;
    return kept.flatMap((node) => this.node(node, flow));
  }

  private node(node: HtmlNode, flow: Flow): HtmlNode[] {
    if (node.kind === 'comment') return [];
    if (node.kind === 'text') return [node];
    const name = node.name;
    if (DROPPED.has(name)) return [];
    if (CONTAINERS.has(name) || (name === 'aside' && !hasClass(node, 'pull-quote'))) return this.container(node, flow);
    switch (name) {
      case 'h1':
        return [element('h2', {}, this.list(node.children, 'inline'))];
      case 'p':
        return this.paragraph(node, flow);
      case 'img':
        return this.image(node, flow);
      case 'a':
        return this.link(node, flow);
      case 'figure':
        return this.figure(node);
      case 'blockquote':
        return hasClass(node, 'wp-block-pullquote') ? this.pullQuote(node) : [element('blockquote', pick(node, ['cite']), this.list(node.children, 'block'))];
      case 'details':
        return this.details(node);
      case 'video':
      case 'audio':
        return this.media(node);
      case 'iframe':
        return this.frame(node);
      case 'ul':
        return hasClass(node, 'blocks-gallery-grid') ? this.galleryItems(node) : [this.keep(node, 'inline')];
      case 'sup':
        return node.attrs['data-fn'] !== undefined ? [element('sup', {}, [text(escapeText(textOf(node.children)))])] : [this.keep(node, 'inline')];
      default:
        return [this.keep(node, BLOCK_LEVEL.has(name) && name !== 'aside' ? 'block' : 'inline')];
    }
  }

  /** The element with its children tidied (the sanitizer later keeps only allowed attributes). */
  private keep(node: HtmlElement, flow: Flow): HtmlElement {
    return element(node.name, node.attrs, this.list(node.children, flow));
  }

  private container(node: HtmlElement, flow: Flow): HtmlNode[] {
    const children = this.list(node.children, flow === 'block' ? 'block' : flow);
    if (flow !== 'block' || isBlank(children)) return children;
    // A container holding only inline content (a button, a file link) reads as a paragraph.
    const inline = children.every((c) => c.kind !== 'element' || !BLOCK_LEVEL.has(c.name));
    return inline ? this.paragraphs(children) : children;
  }

  private paragraph(node: HtmlElement, flow: Flow): HtmlNode[] {
    const children = this.list(node.children, flow === 'block' ? 'paragraph' : 'inline');
    if (flow !== 'block') return isBlank(children) ? [] : [element('p', {}, children)];
    return this.paragraphs(children);
  }

  /** Inline content as paragraphs, with block elements among it (lifted figures) standing between them. */
  private paragraphs(children: HtmlNode[]): HtmlNode[] {
    const out: HtmlNode[] = [];
    let run: HtmlNode[] = [];
    const flush = () => {
      const trimmed = trimBreaks(run);
      if (!isBlank(trimmed)) out.push(element('p', {}, trimmed));
      run = [];
    };
    for (const child of children) {
      if (child.kind === 'element' && BLOCK_LEVEL.has(child.name)) {
        flush();
        out.push(child);
      } else {
        run.push(child);
      }
    }
    flush();
    return out;
  }

  private image(node: HtmlElement, flow: Flow): HtmlNode[] {
    const img = this.placeImage(node);
    if (!img) return [];
    return flow === 'inline' ? [img] : [element('figure', { class: 'image' }, [img])];
  }

  /** An image pointed at its new home in the media library (or left where it was when that failed). */
  private placeImage(node: HtmlElement): HtmlElement | null {
    const src = (node.attrs.src || node.attrs['data-src'] || node.attrs['data-lazy-src'] || firstOfSrcset(node.attrs.srcset ?? '')).trim();
    if (!/^https?:\/\//i.test(src) && !src.startsWith('/')) {
      if (src) this.issue('images embedded as data (not files) were left out');
      return null;
    }
    const id = node.attrs['data-id'] ?? /(?:^|\s)wp-image-(\d+)(?:\s|$)/.exec(node.attrs.class ?? '')?.[1];
    const placed = this.context.image(src, id);
    const alt = (node.attrs.alt ?? '').trim() || placed?.alt || '';
    if (!placed) return element('img', { src, alt });
    return element('img', { src: placed.url, alt, width: String(placed.width), height: String(placed.height) });
  }

  private link(node: HtmlElement, flow: Flow): HtmlNode[] {
    if (hasClass(node, 'wp-block-file__button')) return [];
    const meaningful = node.children.filter((c) => !(c.kind === 'text' && c.raw.trim() === ''));
    const onlyImage = meaningful.length === 1 && meaningful[0]!.kind === 'element' && meaningful[0]!.name === 'img';
    // An image linked to its own file or attachment page: the figure shows it whole already.
    if (onlyImage) return this.image(meaningful[0] as HtmlElement, flow);
    const href = node.attrs.href ?? '';
    const attrs: Record<string, string> = {};
    if (href) attrs.href = this.context.link(href) ?? href;
    if (node.attrs.title) attrs.title = node.attrs.title;
    return [element('a', attrs, this.list(node.children, 'inline'))];
  }

  private figure(node: HtmlElement): HtmlNode[] {
    if (hasClass(node, 'embed') && findAll(node.children, (n) => n.name === 'iframe').length > 0) return [node];
    if (hasClass(node, 'wp-block-pullquote')) return this.pullQuote(node);
    const caption = node.children.find((c): c is HtmlElement => c.kind === 'element' && c.name === 'figcaption');
    const images = findAll(node.children, (n) => n.name === 'img');
    if (hasClass(node, 'wp-block-gallery') || images.length > 1) {
      const items = this.galleryItems(node);
      return caption && !isBlank(caption.children) ? [...items, element('p', {}, this.list(caption.children, 'inline'))] : items;
    }
    if (images.length === 1) {
      const img = this.placeImage(images[0]!);
      if (!img) return [];
      const children: HtmlNode[] = [img];
      if (caption && !isBlank(caption.children)) children.push(element('figcaption', {}, this.list(caption.children, 'inline')));
      return [element('figure', { class: 'image' }, children)];
    }
    if (hasClass(node, 'wp-block-embed')) {
      const wrapper = findAll(node.children, (n) => hasClass(n, 'wp-block-embed__wrapper'))[0];
      const url = textOf(wrapper?.children ?? node.children).trim();
      const player = playerUrl(url);
      if (player) return [embedFigure(player)];
      return url ? [element('p', {}, [element('a', { href: url }, [text(escapeText(url))])])] : [];
    }
    const media = findAll(node.children, (n) => n.name === 'video' || n.name === 'audio' || n.name === 'iframe');
    if (media.length > 0) {
      const out = this.list(media, 'block');
      return caption && !isBlank(caption.children) ? [...out, element('p', {}, this.list(caption.children, 'inline'))] : out;
    }
    return [element('figure', {}, this.list(node.children, 'block'))];
  }

  /** Every image of a gallery (old list markup, nested image blocks or a shortcode) as a figure of its own. */
  private galleryItems(node: HtmlElement): HtmlNode[] {
    const items: HtmlNode[] = [];
    const walk = (nodes: HtmlNode[]) => {
      for (const child of nodes) {
        if (child.kind !== 'element' || child.name === 'figcaption') continue;
        const images = findAll([child], (n) => n.name === 'img');
        if (images.length === 1 && (child.name === 'figure' || child.name === 'li' || child.name === 'img' || child.name === 'a')) {
          const figure = child.name === 'figure' ? child : findAll([child], (n) => n.name === 'figure')[0];
          items.push(...this.figure(figure ?? element('figure', {}, [images[0]!])));
        } else if (images.length > 0) {
          walk(child.children);
        }
      }
    };
    walk(node.children);
    return items;
  }

  private pullQuote(node: HtmlElement): HtmlNode[] {
    const paragraphs = findAll(node.children, (n) => n.name === 'p').map((p) => element('p', {}, this.list(p.children, 'inline')));
    if (paragraphs.length === 0) {
      const body = node.children.filter((c) => !(c.kind === 'element' && (c.name === 'cite' || c.name === 'figcaption')));
      const quote = findAll(body, (n) => n.name === 'blockquote')[0];
      const inner = this.list(quote ? quote.children.filter((c) => !(c.kind === 'element' && c.name === 'cite')) : body, 'inline');
      if (!isBlank(inner)) paragraphs.push(element('p', {}, inner));
    }
    const cite = findAll(node.children, (n) => n.name === 'cite')[0];
    if (cite && !isBlank(cite.children)) paragraphs.push(element('p', {}, [element('cite', {}, this.list(cite.children, 'inline'))]));
    return paragraphs.length ? [element('aside', { class: 'pull-quote' }, paragraphs)] : [];
  }

  private details(node: HtmlElement): HtmlNode[] {
    const summary = node.children.find((c): c is HtmlElement => c.kind === 'element' && c.name === 'summary');
    const rest = node.children.filter((c) => c !== summary);
    const heading = summary ? [element('p', {}, [element('strong', {}, this.list(summary.children, 'inline'))])] : [];
    return [...heading, ...this.paragraphs(this.list(rest, 'block'))];
  }

  private media(node: HtmlElement): HtmlNode[] {
    const source = node.attrs.src ?? findAll(node.children, (n) => n.name === 'source')[0]?.attrs.src ?? '';
    if (!source) return [];
    this.issue('audio and video became links to their files on the old site (the media library holds images)');
    const file = decodeURIComponent(source.split(/[?#]/)[0]!.split('/').pop() || source);
    const label = `${node.name === 'video' ? 'Video' : 'Audio'}: ${file}`;
    return [element('p', {}, [element('a', { href: source }, [text(escapeText(label))])])];
  }

  private frame(node: HtmlElement): HtmlNode[] {
    const src = node.attrs.src ?? '';
    const player = playerUrl(src.replace(/^\/\//, 'https://'));
    if (player) return [embedFigure(player)];
    if (!/^https?:\/\//i.test(src)) return [];
    this.issue('embedded frames became links (only YouTube and Vimeo play in bodies)', providerOf(src));
    return [element('p', {}, [element('a', { href: src }, [text(escapeText(src))])])];
  }
}

function embedFigure(player: string): HtmlElement {
  return element('figure', { class: 'embed' }, [element('iframe', { src: player, title: 'Embedded video', width: '560', height: '315', allowfullscreen: '' })]);
}

function pick(node: HtmlElement, names: string[]): Record<string, string> {
  return Object.fromEntries(Object.entries(node.attrs).filter(([k]) => names.includes(k)));
}

function firstOfSrcset(srcset: string): string {
  return srcset.split(',')[0]?.trim().split(/\s+/)[0] ?? '';
}

/** Inline content without the line breaks and spaces that only separated it from what was lifted out. */
function trimBreaks(nodes: HtmlNode[]): HtmlNode[] {
  const isBreak = (n: HtmlNode | undefined) => n !== undefined && ((n.kind === 'element' && n.name === 'br') || (n.kind === 'text' && n.raw.trim() === ''));
  let start = 0;
  let end = nodes.length;
  while (start < end && isBreak(nodes[start])) start += 1;
  while (end > start && isBreak(nodes[end - 1])) end -= 1;
  return nodes.slice(start, end);
}
