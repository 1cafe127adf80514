import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Eta } from 'eta';
import { compile } from 'html-to-text';
import { loadCatalogs, textDirection, translator, type Catalogs, type Translate } from '../i18n/index.js';

export interface EmailItem {
  title: string;
  url: string;
  excerpt: string;
  kicker?: string;
  byline?: string;
  imageUrl?: string;
  imageAlt?: string;
  rating?: string;
  verdict?: string;
  /** The whole piece (links absolute), for post emails the reader may read in full. */
  bodyHtml?: string;
  /** The reader may not read this piece in full: show the excerpt and a link. */
  gated?: boolean;
}

export interface EmailSection {
  heading: string;
  items: EmailItem[];
}

/** What an email says, independent of how it looks; rendered to HTML (MJML) and plain text. */
export interface EmailDocument {
  preheader: string;
  heading?: string;
  intro: string;
  lead?: EmailItem;
  sections: EmailSection[];
  button?: { label: string; url: string };
  /** A part each recipient gets their own of (stand-ins replaced per message), after the sections. */
  personal?: { html: string; text: string };
  footer: { reason: string; unsubscribeUrl?: string; preferencesUrl?: string };
}

export interface Branding {
  title: string;
  publicUrl: string;
  logoUrl: string | null;
  accentColor: string;
  copyright: string;
  locale: string;
}

const defaultThemeDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../themes/default');

// MJML and what it brings (juice, an HTML beautifier, lodash...) is most of what the process would
// load at start and a third of its memory; it loads with the first email, so a server that sends
// none does not carry it.
let mjml: Promise<typeof import('mjml')> | undefined;
const loadMjml = () => (mjml ??= import('mjml').then((module) => module.default));

/** Renders emails from the theme's `newsletter/email.eta` (MJML): responsive HTML with inlined CSS, plus a text part. */
export class EmailRenderer {
  private readonly eta: Eta;
  private readonly catalogs: Catalogs;
  private readonly translators = new Map<string, Translate>();

  constructor(themeDir: string = defaultThemeDir) {
    this.eta = new Eta({ views: themeDir, cache: true, autoEscape: true, autoTrim: false });
    this.catalogs = loadCatalogs(themeDir);
  }

  /** The theme's messages in a locale, for the words an email's content brings (bylines, footers). */
  translator(locale: string): Translate {
    let t = this.translators.get(locale);
    if (!t) {
      t = translator(this.catalogs, locale);
      this.translators.set(locale, t);
    }
    return t;
  }

  async render(subject: string, doc: EmailDocument, brand: Branding): Promise<{ html: string; text: string }> {
    const absolute = { ...brand, logoUrl: brand.logoUrl ? absoluteUrl(brand.logoUrl, brand.publicUrl) : null };
    const t = this.translator(brand.locale);
    const source = this.eta.render('newsletter/email', { subject, doc, brand: absolute, h: { t, dir: textDirection(brand.locale) } });
    const result = await (await loadMjml())(source, { validationLevel: 'soft', keepComments: false });
    return { html: withoutIndentation(result.html), text: textVersion(doc, brand, t) };
  }
}

/**
 * Drops the indentation MJML puts at the start of every line. A line break followed by spaces
 * renders as the line break alone everywhere but inside <pre> and <textarea>, which are kept as
 * they are; a third of a digest's bytes were this indentation (and every message carries it).
 */
export function withoutIndentation(html: string): string {
  const parts: string[] = [];
  const opening = /<(pre|textarea)\b/gi;
  // Once a tag has no closing one after some point, it has none after any later point either:
  // remembering that keeps the whole pass linear however many openings are left unclosed.
  const unclosed = new Set<string>();
  let copied = 0;
  for (let open = opening.exec(html); open; open = opening.exec(html)) {
    const name = open[1]!.toLowerCase();
    if (unclosed.has(name)) continue;
    const closing = new RegExp(`</${name}\\s*>`, 'gi');
    closing.lastIndex = opening.lastIndex;
    if (!closing.exec(html)) {
      unclosed.add(name);
      continue;
    }
    parts.push(html.slice(copied, open.index).replace(/\n[ \t]+/g, '\n'), html.slice(open.index, closing.lastIndex));
    copied = opening.lastIndex = closing.lastIndex;
  }
  parts.push(html.slice(copied).replace(/\n[ \t]+/g, '\n'));
  return parts.join('');
}

export function absoluteUrl(url: string, publicUrl: string): string {
  return url.startsWith('/') ? `${publicUrl}${url}` : url;
}

/**
 * The text part of a piece: links as "text [url]" (the address once when it is the text), lists
 * with bullets or numbers, quotes with ">", headings on their own lines.
 */
const pieceText = compile({ wordwrap: 78, selectors: [{ selector: 'a', options: { hideLinkHrefIfSameAsText: true } }] });

function textItem(item: EmailItem): string[] {
  return [
    ...(item.kicker ? [item.kicker.toUpperCase()] : []),
    item.title,
    ...(item.byline ? [item.byline] : []),
    ...(item.rating || item.verdict ? [[item.rating, item.verdict].filter(Boolean).join(' — ')] : []),
    item.bodyHtml ? pieceText(item.bodyHtml) : item.excerpt,
    item.url,
    '',
  ];
}

function textVersion(doc: EmailDocument, brand: Branding, t: Translate): string {
  const lines = [brand.title, '='.repeat(Math.min(brand.title.length, 60)), ''];
  if (doc.heading) lines.push(doc.heading, '');
  if (doc.intro) lines.push(doc.intro, '');
  if (doc.button) lines.push(`${doc.button.label}: ${doc.button.url}`, '');
  if (doc.lead) lines.push(...textItem(doc.lead));
  for (const section of doc.sections) {
    lines.push(section.heading.toUpperCase(), '-'.repeat(Math.min(section.heading.length, 60)), '');
    for (const item of section.items) lines.push(...textItem(item));
  }
  if (doc.personal) lines.push(doc.personal.text);
  lines.push('--', doc.footer.reason);
  if (doc.footer.preferencesUrl) lines.push(`${t('email.manage')}: ${doc.footer.preferencesUrl}`);
  if (doc.footer.unsubscribeUrl) lines.push(`${t('email.unsubscribe')}: ${doc.footer.unsubscribeUrl}`);
  return `${lines.join('\n')}\n`;
}
