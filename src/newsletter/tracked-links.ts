import type { EmailParts, SendContent } from './send.types.js';

/** Where each recipient's signed open address goes (only in sends of newsletters that count opens). */
export const OPEN_URL = '%%open_url%%';
/** Where each recipient's signed click address for the send's link `n` goes. */
export const linkSlot = (n: number) => `%%link_${n}%%`;

/** More links than this in one email stay as they are (each costs a signature per recipient). */
export const MAX_TRACKED_LINKS = 200;

const ANCHOR_HREF = /(<a\b[^>]*?\shref=")([^"]*)(")/gi;
const TEXT_URL = /https?:\/\/[^\s<>"[\]]+/g;
const ENTITIES: Record<string, string> = { amp: '&', quot: '"', apos: "'", lt: '<', gt: '>' };

function decodeAttribute(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] !== '#') return ENTITIES[name.toLowerCase()] ?? whole;
    const code = name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/** A URL in a text part ends before the punctuation that closes its sentence or parenthesis. */
function trimText(url: string): string {
  let end = url.length;
  while (end > 0 && /[.,;:!?']/.test(url[end - 1]!)) end -= 1;
  if (url[end - 1] === ')' && !url.slice(0, end).includes('(')) end -= 1;
  return url.slice(0, end);
}

/**
 * Replaces the web links of a send's content with stand-ins for each recipient's click address,
 * and lists their addresses (numbered from 0, one number per address however often it appears).
 * Only http(s) links that parse are taken, never the site's own newsletter pages (unsubscribe,
 * preferences), so those keep working without a redirect; with `countOpens`, the HTML part gets
 * the stand-in of a 1×1 image.
 */
export function trackLinks(content: SendContent, options: { publicUrl: string; countOpens: boolean }): { content: SendContent; urls: string[] } {
  const urls: string[] = [];
  const numbers = new Map<string, number>();
  const own = `${options.publicUrl}/newsletter/`;
  const slotFor = (raw: string): string | undefined => {
    let href: string;
    try {
      const url = new URL(raw);
      if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
      href = url.href;
    } catch {
      return undefined;
    }
    if (href.startsWith(own)) return undefined;
    let n = numbers.get(href);
    if (n === undefined) {
      if (urls.length >= MAX_TRACKED_LINKS) return undefined;
      n = urls.push(href) - 1;
      numbers.set(href, n);
    }
    return linkSlot(n);
  };
  const rewrite = (parts: EmailParts): EmailParts => {
    let html = parts.html.replace(ANCHOR_HREF, (whole, before: string, value: string, after: string) => {
      const slot = slotFor(decodeAttribute(value.trim()));
      return slot ? `${before}${slot}${after}` : whole;
    });
    const text = parts.text.replace(TEXT_URL, (found) => {
      const url = trimText(found);
      const slot = slotFor(url);
      return slot ? `${slot}${found.slice(url.length)}` : found;
    });
    if (options.countOpens) {
      const pixel = `<img src="${OPEN_URL}" width="1" height="1" alt="" style="display:block;width:1px;height:1px;border:0">`;
      const end = html.lastIndexOf('</body>');
      html = end === -1 ? `${html}${pixel}` : `${html.slice(0, end)}${pixel}${html.slice(end)}`;
    }
    return { html, text };
  };
  const tracked: SendContent = {
    ...content,
    ...rewrite(content),
    ...(content.members ? { members: rewrite(content.members) } : {}),
    ...(content.paid ? { paid: rewrite(content.paid) } : {}),
  };
  return { content: { ...tracked, links: urls.length, ...(options.countOpens ? { opens: true } : {}) }, urls };
}
