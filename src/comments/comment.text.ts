/** Web addresses written in a comment; only http and https become links. */
const LINK = /\bhttps?:\/\/[^\s<>"'`]+/gi;
/** Punctuation that ends a sentence rather than an address: "see https://example.com." */
const TRAILING = /[.,;:!?)\]}]+$/;

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/** The addresses in a comment, as they would be linked. */
export function linksIn(text: string): string[] {
  return [...text.matchAll(LINK)].map((m) => m[0].replace(TRAILING, '')).filter((url) => /^https?:\/\/[^/]/i.test(url));
}

/**
 * A comment's text as HTML: everything escaped, line breaks kept, web addresses made links that
 * search engines do not credit and that cannot reach back to this page. No markup typed by the
 * reader ever reaches the page.
 */
export function commentHtml(text: string): string {
  let out = '';
  let at = 0;
  for (const match of text.matchAll(LINK)) {
    const url = match[0].replace(TRAILING, '');
    if (!/^https?:\/\/[^/]/i.test(url)) continue;
    out += escapeHtml(text.slice(at, match.index));
    out += `<a href="${escapeHtml(url)}" rel="nofollow ugc noopener">${escapeHtml(url)}</a>`;
    at = match.index + url.length;
  }
  out += escapeHtml(text.slice(at));
  return out.replace(/\r\n?/g, '\n').replace(/\n/g, '<br>\n');
}
