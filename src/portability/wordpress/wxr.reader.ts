import fs from 'node:fs';
import { SaxesParser, type SaxesTagNS } from 'saxes';
import { AppError } from '../../errors/app-error.js';
import { authorFields, commentFields, emptyItem, FALLBACK_PREFIXES, itemFields, nameOf, siteFields, termFields, WP_NS } from './wxr.names.js';
import type { WxrAuthor, WxrComment, WxrEntry, WxrItem, WxrSite, WxrTerm } from './wxr.types.js';

/** The most text one field of an item may hold (a post's source); past it the file is refused. */
const MAX_CONTENT_CHARS = 4_000_000;
/** The most text any other field keeps (titles, names, slugs); past it the file is refused. */
const MAX_FIELD_CHARS = 100_000;
/** Custom field values are kept up to this length; longer ones are cut, never refused. */
const MAX_META_CHARS = 20_000;
/** The parser may read this much without producing anything before the file is refused. */
const MAX_RUN_CHARS = MAX_CONTENT_CHARS + 1_000_000;
const MAX_DEPTH = 48;
const CHUNK_BYTES = 64 * 1024;

// Characters XML 1.0 forbids; WordPress writes them as they were typed (pasted form feeds …).
const FORBIDDEN_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

function refuse(message: string): AppError {
  return new AppError('IMPORT_FILE_UNREADABLE', message);
}

/** Where text being read goes once its element closes. */
interface Capture {
  depth: number;
  text: string;
  limit: number;
  /** Cut instead of refusing when the limit is passed. */
  cut: boolean;
  truncated: boolean;
  done(text: string, truncated: boolean): void;
}

/**
 * Reads a WordPress export (WXR 1.0–1.2) as a stream of entries: the site, then authors and
 * terms, then one item at a time. Only what an import uses is kept, so memory stays bounded by
 * the largest item, whatever the size of the file. Refuses, with a message naming the line: files
 * that are not WordPress exports, truncated or malformed XML, any document type declaration (so
 * no entity is ever expanded beyond XML's own and numeric references, and nothing is fetched),
 * and fields larger than the limits above. Characters XML forbids are dropped and counted.
 */
export async function* readWxr(file: string, options: { onBytes?: (read: number, total: number) => void; repairs?: ReadRepairs } = {}): AsyncGenerator<WxrEntry> {
  const total = fs.statSync(file).size;
  if (total === 0) throw refuse('The file is empty: it holds no WordPress export.');
  const reader = new WxrParser(options.repairs ?? { droppedCharacters: 0, unreadableCharacters: 0 });
  const stream = fs.createReadStream(file, { highWaterMark: CHUNK_BYTES });
  let decoder: TextDecoder | undefined;
  let read = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      decoder ??= new TextDecoder(encodingOf(chunk), { fatal: false });
      read += chunk.length;
      yield* reader.write(decoder.decode(chunk, { stream: true }));
      options.onBytes?.(read, total);
    }
    yield* reader.write(decoder?.decode() ?? '');
    yield* reader.finish();
  } finally {
    stream.destroy();
  }
}

/** Counts of what was repaired while reading, for the report. */
export interface ReadRepairs {
  droppedCharacters: number;
  unreadableCharacters: number;
}

class WxrParser {
  private readonly parser: SaxesParser<{ xmlns: true; position: true }>;
  private readonly queue: WxrEntry[] = [];
  private readonly path: string[] = [];
  private capture: Capture | undefined;
  private site: WxrSite = { title: '', link: '', baseSiteUrl: '', baseBlogUrl: '', version: '' };
  private siteSent = false;
  private item: WxrItem | undefined;
  private author: WxrAuthor | undefined;
  private term: WxrTerm | undefined;
  private meta: { key: string; value: string; truncated: boolean } | undefined;
  private comment: (WxrComment & { approved: string; type: string }) | undefined;
  private sinceEvent = 0;
  private sawRoot = false;

  constructor(private readonly repairs: ReadRepairs) {
    this.parser = new SaxesParser({ xmlns: true, position: true, resolvePrefix: (prefix: string) => FALLBACK_PREFIXES[prefix] });
    const event = () => {
      this.sinceEvent = 0;
    };
    this.parser.on('doctype', () => {
      throw refuse(`This file declares a document type (<!DOCTYPE>) at line ${this.parser.line}. WordPress exports never do, and entity declarations are not read here; export the site again from Tools → Export.`);
    });
    this.parser.on('opentag', (tag) => {
      event();
      this.open(tag);
    });
    this.parser.on('closetag', (tag) => {
      event();
      this.close(tag);
    });
    this.parser.on('text', (text) => {
      event();
      this.append(text);
    });
    this.parser.on('cdata', (text) => {
      event();
      this.append(text);
    });
    this.parser.on('comment', event);
    this.parser.on('processinginstruction', event);
  }

  *write(text: string): Generator<WxrEntry> {
    this.repairs.unreadableCharacters += countOf(text, '\uFFFD');
    const clean = text.replace(FORBIDDEN_CHARACTERS, () => {
      this.repairs.droppedCharacters += 1;
      return '';
    });
    this.sinceEvent += clean.length;
    this.feed(() => this.parser.write(clean));
    if (this.sinceEvent > MAX_RUN_CHARS) {
      throw refuse(`Line ${this.parser.line} starts a field longer than ${MAX_CONTENT_CHARS.toLocaleString('en')} characters; nothing that large can be imported.`);
    }
    yield* this.queue.splice(0);
  }

  *finish(): Generator<WxrEntry> {
    this.feed(() => this.parser.close());
    yield* this.queue.splice(0);
  }

  private feed(work: () => void): void {
    try {
      work();
    } catch (error) {
      if (error instanceof AppError) throw error;
      throw refuse(this.explain(error instanceof Error ? error.message : String(error)));
    }
  }

  private explain(message: string): string {
    const detail = message.replace(/^[^:]*:\d+:\d+: /, '').replace(/\.$/, '');
    if (!this.sawRoot) return `This is not a WordPress export (WXR): it is not readable as XML (${detail}).`;
    if (/unclosed tag|unexpected end/i.test(detail)) {
      return `The file ends before the export does (line ${this.parser.line}): it looks truncated; export the site again.`;
    }
    if (/undefined entity/i.test(detail)) {
      return `Line ${this.parser.line} uses an entity XML does not define (${detail}); WordPress exports only use &amp;, &lt;, &gt;, &quot;, &apos; and numeric references.`;
    }
    return `The export is not well-formed XML at line ${this.parser.line}: ${detail}.`;
  }

  private open(tag: SaxesTagNS): void {
    const name = nameOf(tag);
    const depth = this.path.push(name);
    if (depth > MAX_DEPTH) throw refuse(`Elements nest more than ${MAX_DEPTH} deep at line ${this.parser.line}; this is not a WordPress export.`);
    if (depth === 1) {
      this.sawRoot = true;
      const declared = Object.values(tag.ns ?? {});
      if (name !== 'rss') throw refuse(`This is not a WordPress export (WXR): the file is <${tag.name}> XML, not an RSS export from Tools → Export.`);
      if (!declared.some((uri) => WP_NS.test(uri))) {
        throw refuse('This is an RSS feed, not a WordPress export (WXR): export the site from Tools → Export in WordPress.');
      }
      return;
    }
    const parent = this.path[depth - 2];
    if (depth === 2) {
      if (name !== 'channel') throw refuse(`This is not a WordPress export (WXR): <rss> holds <${tag.name}> instead of <channel>.`);
      return;
    }
    if (depth === 3) return this.openInChannel(name);
    if (parent === 'item' && this.item) return this.openInItem(name, tag);
    if (parent === 'wp:author' && this.author) return this.captureInto(authorFields[name], this.author, MAX_FIELD_CHARS);
    if ((parent === 'wp:category' || parent === 'wp:tag' || parent === 'wp:term') && this.term) {
      return this.captureInto(termFields[name], this.term, MAX_FIELD_CHARS);
    }
    if (parent === 'wp:postmeta' && this.meta) {
      const meta = this.meta;
      if (name === 'wp:meta_key') this.start(MAX_FIELD_CHARS, false, (text) => (meta.key = text.trim()));
      if (name === 'wp:meta_value') {
        this.start(MAX_META_CHARS, true, (text, truncated) => {
          meta.value = text;
          meta.truncated = truncated;
        });
      }
      return;
    }
    if (parent === 'wp:comment' && this.comment) {
      const comment = this.comment;
      if (name === 'wp:comment_approved') this.start(100, true, (text) => (comment.approved = text.trim()));
      if (name === 'wp:comment_type') this.start(100, true, (text) => (comment.type = text.trim()));
      const field = commentFields[name];
      if (field) this.start(field === 'content' ? MAX_FIELD_CHARS : 1000, true, (text) => (comment[field] = field === 'content' ? text : text.trim()));
    }
  }

  private openInChannel(name: string): void {
    if (name === 'item' || name === 'wp:author' || name === 'wp:category' || name === 'wp:tag' || name === 'wp:term') this.sendSite();
    switch (name) {
      case 'item':
        this.item = emptyItem(this.parser.line);
        return;
      case 'wp:author':
        this.author = { id: '', login: '', email: '', displayName: '', firstName: '', lastName: '', description: '' };
        return;
      case 'wp:category':
      case 'wp:tag':
      case 'wp:term':
        this.term = { id: '', taxonomy: name === 'wp:category' ? 'category' : name === 'wp:tag' ? 'post_tag' : '', slug: '', parent: '', name: '', description: '' };
        return;
      default:
        if (!this.siteSent) this.captureInto(siteFields[name], this.site, MAX_FIELD_CHARS);
    }
  }

  private openInItem(name: string, tag: SaxesTagNS): void {
    const item = this.item!;
    if (name === 'category') {
      const domain = tag.attributes.domain?.value ?? 'category';
      const slug = tag.attributes.nicename?.value ?? '';
      this.start(MAX_FIELD_CHARS, false, (text) => item.terms.push({ domain, slug, name: text.trim() }));
      return;
    }
    if (name === 'wp:postmeta') {
      this.meta = { key: '', value: '', truncated: false };
      return;
    }
    if (name === 'wp:comment') {
      this.comment = { approved: '', type: '', id: '', parent: '', author: '', authorEmail: '', dateGmt: '', content: '' };
      return;
    }
    const field = itemFields[name];
    if (!field) return;
    const limit = field === 'content' || field === 'excerpt' ? MAX_CONTENT_CHARS : MAX_FIELD_CHARS;
    this.start(limit, false, (text) => {
      if (field === 'sticky') item.sticky = text.trim() === '1';
      else if (field === 'content' || field === 'excerpt' || field === 'title') (item[field] as string) = text;
      else (item[field] as string) = text.trim();
    });
  }

  private captureInto<T extends object>(field: keyof T | undefined, target: T, limit: number): void {
    if (field === undefined) return;
    this.start(limit, false, (text) => ((target[field] as string) = text.trim()));
  }

  private start(limit: number, cut: boolean, done: Capture['done']): void {
    this.capture = { depth: this.path.length, text: '', limit, cut, truncated: false, done };
  }

  private append(text: string): void {
    const capture = this.capture;
    if (!capture || capture.truncated) return;
    if (capture.text.length + text.length > capture.limit) {
      if (!capture.cut) {
        const what = this.path.at(-1) ?? 'a field';
        throw refuse(`<${what}> at line ${this.parser.line} is longer than ${capture.limit.toLocaleString('en')} characters; nothing that large can be imported.`);
      }
      capture.text += text.slice(0, capture.limit - capture.text.length);
      capture.truncated = true;
      return;
    }
    capture.text += text;
  }

  private close(tag: SaxesTagNS): void {
    const name = nameOf(tag);
    const depth = this.path.length;
    this.path.pop();
    if (this.capture?.depth === depth) {
      const { text, truncated, done } = this.capture;
      this.capture = undefined;
      done(text, truncated);
    }
    if (name === 'channel' && depth === 2) this.sendSite();
    if (depth === 3 && name === 'item' && this.item) {
      this.item.id ||= idOf(this.item);
      this.queue.push({ kind: 'item', item: this.item });
      this.item = undefined;
    } else if (depth === 3 && name === 'wp:author' && this.author) {
      this.queue.push({ kind: 'author', author: this.author });
      this.author = undefined;
    } else if (depth === 3 && this.term && (name === 'wp:category' || name === 'wp:tag' || name === 'wp:term')) {
      this.queue.push({ kind: 'term', term: this.term });
      this.term = undefined;
    } else if (depth === 4 && name === 'wp:postmeta' && this.meta && this.item) {
      if (this.meta.key) this.item.meta.push(this.meta);
      this.meta = undefined;
    } else if (depth === 4 && name === 'wp:comment' && this.comment && this.item) {
      countComment(this.item, this.comment);
      const { approved, type, ...comment } = this.comment;
      if (approved === '1' && type !== 'pingback' && type !== 'trackback') this.item.approvedComments.push(comment);
      this.comment = undefined;
    }
  }

  private sendSite(): void {
    if (this.siteSent) return;
    this.siteSent = true;
    if (!this.site.version) {
      throw refuse('This RSS file has no <wp:wxr_version>: it is not a WordPress export (WXR); export the site from Tools → Export.');
    }
    if (!/^1\.[0-2]$/.test(this.site.version)) {
      throw refuse(`This export is WXR version ${this.site.version.slice(0, 20)}; versions 1.0 to 1.2 can be imported.`);
    }
    this.queue.push({ kind: 'site', site: this.site });
  }
}

/** An id for an item the export gives none (some hand-made exports): the `?p=` of its address, else where it is in the file. */
function idOf(item: WxrItem): string {
  const number = /[?&]p=(\d+)/.exec(`${item.guid} ${item.link}`)?.[1];
  return number ?? `line-${item.line}`;
}

function countComment(item: WxrItem, comment: { approved: string; type: string }): void {
  const c = item.comments;
  if (comment.type === 'pingback' || comment.type === 'trackback') c.pings += 1;
  else if (comment.approved === '1') c.approved += 1;
  else if (comment.approved === 'spam') c.spam += 1;
  else if (comment.approved === 'trash' || comment.approved === 'post-trashed') c.trash += 1;
  else c.pending += 1;
}

function countOf(text: string, character: string): number {
  let count = 0;
  for (let i = text.indexOf(character); i !== -1; i = text.indexOf(character, i + 1)) count += 1;
  return count;
}

/** The encoding of the file: a byte-order mark, else the XML declaration, else UTF-8. */
function encodingOf(head: Buffer): string {
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  const declared = /^(?:\uFEFF)?<\?xml[^>]*\bencoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(head.subarray(0, 200).toString('latin1'))?.[1];
  if (!declared) return 'utf-8';
  try {
    new TextDecoder(declared);
    return declared;
  } catch {
    throw refuse(`The export says it is written in ${declared}, an encoding that cannot be read here; export it again as UTF-8.`);
  }
}
