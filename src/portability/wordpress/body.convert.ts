import { autop } from './autop.js';
import { hasBlocks, parseBlocks, type Block } from './blocks.js';
import type { BodyContext, ConvertedBody, Issue } from './body.types.js';
import { tidy } from './body.tidy.js';
import { LONE_URL, playerUrl, providerOf } from './embeds.js';
import { escapeAttribute, escapeText, plainText } from './html.js';
import { replaceShortcodes, type Shortcode } from './shortcodes.js';

/** Blocks that hold no content of their own (layout breaks). */
const SILENT_BLOCKS = new Set(['core/more', 'core/nextpage', 'core/spacer']);
const MAX_REUSE_DEPTH = 5;
/** Shortcodes inside shortcodes are followed this deep; deeper ones stay as written. */
const MAX_SHORTCODE_DEPTH = 20;

/**
 * Turns a WordPress post's stored content (block editor markup or classic-editor HTML with
 * shortcodes) into a clean Masthead body: paragraphs as WordPress would show them, images as
 * figures with their captions, galleries as runs of figures, YouTube and Vimeo as players, other
 * embeds as links, pull quotes as Masthead pull quotes; what has no equivalent is named in issues.
 */
export function convertBody(content: string, context: BodyContext): ConvertedBody {
  const issues: ConvertedBody['issues'] = new Map();
  const issue: Issue = (what, detail = '') => {
    const details = issues.get(what) ?? new Map<string, number>();
    details.set(detail, (details.get(detail) ?? 0) + 1);
    issues.set(what, details);
  };
  const source = expandReusable(content, context, issue, 0);
  const converter = new Converter(context, issue);
  const html = hasBlocks(source)
    ? parseBlocks(source)
        .map((b) => converter.block(b))
        .join('\n')
    : converter.classic(source);
  return { html: tidy(converter.restore(html), context, issue), issues };
}

function expandReusable(content: string, context: BodyContext, issue: Issue, depth: number): string {
  return content.replace(/<!--\s+wp:block\s+(\{[^}]*\})\s+\/-->/g, (whole, attrs: string) => {
    const ref = /"ref"\s*:\s*"?(\d+)/.exec(attrs)?.[1];
    const found = ref ? context.reusable(ref) : undefined;
    if (found === undefined || depth >= MAX_REUSE_DEPTH) {
      issue('a reusable block missing from the export was left out');
      return '';
    }
    return expandReusable(found, context, issue, depth + 1);
  });
}

class Converter {
  /** Finished HTML set aside while paragraphs are made around it. */
  private readonly kept: string[] = [];
  private depth = 0;

  constructor(
    private readonly context: BodyContext,
    private readonly issue: Issue,
  ) {}

  restore(html: string): string {
    return html.replace(/<p>\s*(\uE002\d+\uE003)\s*<\/p>/g, '$1').replace(/\uE002(\d+)\uE003/g, (_, n: string) => this.kept[Number(n)]!);
  }

  private keep(html: string): string {
    return `\uE002${this.kept.push(html) - 1}\uE003`;
  }

  /** Classic-editor content: shortcodes, URLs alone on a line, then WordPress's paragraphs. */
  classic(source: string): string {
    if (/<!--nextpage-->/.test(source)) this.issue('page breaks were removed: its pages read as one');
    const text = this.shortcodes(source).replace(LONE_URL, (_, url: string) => this.keep(this.embed(url, '')));
    return autop(text);
  }

  block(block: Block): string {
    if (block.name === null) return this.classic(block.content.join(''));
    const inner = block.inner.map((b) => this.block(b));
    let next = 0;
    const html = block.content.map((part) => (part === null ? inner[next++] : part)).join('');
    const name = block.name;
    if (name === 'core/nextpage') this.issue('page breaks were removed: its pages read as one');
    if (SILENT_BLOCKS.has(name)) return '';
    if (name === 'core/embed' || name.startsWith('core-embed/')) {
      const url = typeof block.attrs.url === 'string' ? block.attrs.url : plainText(html);
      const caption = /<figcaption[^>]*>([\s\S]*?)<\/figcaption>/.exec(html)?.[1] ?? '';
      return url ? this.keep(this.embed(url, caption)) : '';
    }
    if (name === 'core/footnotes') return this.footnotes();
    if (name === 'core/shortcode') return this.shortcodes(html);
    if (name === 'core/freeform') return this.classic(html);
    if (name === 'core/html') this.issue('custom HTML was kept as far as it is safe (scripts, styles, frames and forms removed)');
    if (name === 'core/cover' && typeof block.attrs.url === 'string' && !/<img\s/i.test(html)) {
      return `<img src="${escapeAttribute(block.attrs.url)}" alt="">${html}`;
    }
    if (html.trim() === '') {
      this.issue("left out blocks that show the site's content rather than the post's own", name);
      return '';
    }
    if (!name.startsWith('core/')) this.issue('kept blocks from plugins as the HTML they saved', name);
    return this.shortcodes(html);
  }

  private footnotes(): string {
    const notes = this.context.footnotes;
    if (notes.length === 0) return '';
    return `<ol>${notes.map((n) => `<li>${n.content}</li>`).join('')}</ol>`;
  }

  private shortcodes(text: string): string {
    if (this.depth >= MAX_SHORTCODE_DEPTH) return text;
    this.depth += 1;
    try {
      return replaceShortcodes(text, (shortcode) => this.shortcode(shortcode));
    } finally {
      this.depth -= 1;
    }
  }

  private shortcode(sc: Shortcode): string | undefined {
    switch (sc.name) {
      case 'caption':
      case 'wp_caption':
        return this.keep(this.caption(sc));
      case 'gallery':
        return this.keep(this.gallery(sc));
      case 'embed':
      case 'youtube':
      case 'vimeo': {
        const url = (sc.content ?? '').trim() || sc.attrs.src || sc.attrs.url || sc.values[0] || '';
        return url ? this.keep(this.embed(url, '')) : '';
      }
      case 'video':
      case 'audio': {
        const src = sc.attrs.src ?? Object.entries(sc.attrs).find(([k]) => /^(mp4|m4v|webm|ogv|wmv|flv|mp3|m4a|ogg|oga|wav|flac)$/.test(k))?.[1] ?? sc.values[0];
        return src ? this.keep(`<${sc.name} src="${escapeAttribute(src)}"></${sc.name}>`) : '';
      }
      case 'playlist':
        this.issue('playlists ([playlist]) were left out: audio and video files are not moved');
        return '';
      default: {
        const pluginLike = sc.content !== null || Object.keys(sc.attrs).length > 0 || /[_-]/.test(sc.name);
        if (!pluginLike) return undefined;
        this.issue('removed shortcodes that have no equivalent here (the text inside them was kept)', `[${sc.name}]`);
        return sc.content === null ? '' : this.shortcodes(sc.content);
      }
    }
  }

  private caption(sc: Shortcode): string {
    const content = this.shortcodes(sc.content ?? '').trim();
    const image = /^((?:<a\b[^>]*>\s*)?<img\b[^>]*>(?:\s*<\/a>)?)/i.exec(content)?.[1] ?? '';
    const caption = sc.attrs.caption ?? content.slice(image.length).trim();
    if (!image) return autop(content);
    return `<figure class="wp-caption">${image}${caption ? `<figcaption>${caption}</figcaption>` : ''}</figure>`;
  }

  private gallery(sc: Shortcode): string {
    const listed = (sc.attrs.ids ?? sc.attrs.include ?? '')
      .split(',')
      .map((id) => id.trim())
      .filter(Boolean);
    const excluded = new Set((sc.attrs.exclude ?? '').split(',').map((id) => id.trim()));
    const attachments = (
      listed.length > 0 ? listed.map((id) => this.context.attachment(id)).filter((a) => a !== undefined) : this.context.attachmentsOf(sc.attrs.id ?? this.context.postId).filter((a) => !excluded.has(a.id))
    ).filter((a) => /\.(jpe?g|png|gif|webp|avif|svg)(\?|$)/i.test(a.url));
    if (attachments.length === 0) {
      this.issue('a gallery whose images are not in the export was left out');
      return '';
    }
    const items = attachments.map((a) => {
      const caption = a.caption ? `<figcaption>${escapeText(a.caption)}</figcaption>` : '';
      return `<figure><img src="${escapeAttribute(a.url)}" alt="${escapeAttribute(a.alt)}" data-id="${escapeAttribute(a.id)}">${caption}</figure>`;
    });
    return `<figure class="wp-block-gallery">${items.join('')}</figure>`;
  }

  private embed(url: string, caption: string): string {
    const player = playerUrl(url);
    if (!player) {
      this.issue('embeds became links (only YouTube and Vimeo play in bodies)', providerOf(url));
      const href = url.trim();
      return `<p><a href="${escapeAttribute(href)}">${escapeText(href)}</a></p>${caption ? `<p>${caption}</p>` : ''}`;
    }
    const figcaption = caption ? `<figcaption>${caption}</figcaption>` : '';
    return `<figure class="embed"><iframe src="${player}" title="Embedded video" width="560" height="315" allowfullscreen></iframe>${figcaption}</figure>`;
  }
}
