import { Marked } from 'marked';
import { sanitizeBodyHtml } from './sanitize.js';
import { countWords } from './text.js';

export type BodyFormat = 'markdown' | 'html';

export interface RenderedBody {
  html: string;
  plaintext: string;
  wordCount: number;
}

const marked = new Marked({ gfm: true, breaks: false, async: false });

const WORDS_PER_MINUTE = 230;

/** Turns a post body into safe HTML plus the plain text used for search, excerpts and reading time. */
export function renderBody(format: BodyFormat, source: string): RenderedBody {
  const raw = format === 'markdown' ? (marked.parse(source) as string) : source;
  const html = sanitizeBodyHtml(raw).trim();
  const plaintext = htmlToText(html);
  return { html, plaintext, wordCount: countWords(plaintext) };
}

export function readingMinutes(wordCount: number): number {
  return Math.max(1, Math.round(wordCount / WORDS_PER_MINUTE));
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: ' ', apos: "'" };

/** Plain text of sanitized HTML: block elements become line breaks, entities are decoded. */
export function htmlToText(html: string): string {
  return html
    .replace(/<(br|hr)\s*\/?>/gi, '\n')
    .replace(/<\/(p|h[1-6]|li|blockquote|figcaption|pre|tr|dt|dd|aside)>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&(#\d+|#x[0-9a-f]+|[a-z]+|#39);/gi, (entity, name: string) => {
      if (ENTITIES[name] !== undefined) return ENTITIES[name];
      if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(parseInt(name.slice(2), 16));
      if (name.startsWith('#')) return String.fromCodePoint(parseInt(name.slice(1), 10));
      return entity;
    })
    .replace(/[ \t]+/g, ' ')
    .replace(/\n\s*\n+/g, '\n')
    .trim();
}

/** A short excerpt from plain text, cut at a word boundary. */
export function makeExcerpt(plaintext: string, maxChars = 220): string {
  const firstParagraph = plaintext.split('\n').find((p) => p.trim().length > 0) ?? '';
  if (firstParagraph.length <= maxChars) return firstParagraph;
  const cut = firstParagraph.slice(0, maxChars);
  return `${cut.slice(0, cut.lastIndexOf(' ') > 0 ? cut.lastIndexOf(' ') : maxChars).trimEnd()}…`;
}
