/**
 * A small, forgiving HTML tree for rewriting imported bodies: enough of the HTML parsing rules for
 * what WordPress writes and people paste (void elements, paragraphs and list items closed by what
 * follows, stray end tags ignored). It is only a means of restructuring; every body still goes
 * through the body sanitizer afterwards, which alone decides what is safe.
 */
export interface HtmlElement {
  kind: 'element';
  name: string;
  /** Attribute values decoded (`&amp;` is `&`). */
  attrs: Record<string, string>;
  children: HtmlNode[];
}

/** Text as written in the source, entities and all. */
interface HtmlText {
  kind: 'text';
  raw: string;
}

interface HtmlComment {
  kind: 'comment';
  data: string;
}

export type HtmlNode = HtmlElement | HtmlText | HtmlComment;

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr', 'param']);
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noscript']);
/** Elements whose start closes an open paragraph. */
const CLOSES_P = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'details',
  'dialog',
  'div',
  'dl',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'main',
  'menu',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'table',
  'ul',
  'summary',
]);
/** Elements a start tag closes (the nearest one, with all it holds), up to (not past) the boundaries given. */
const IMPLIED_END: Record<string, { closes: string[]; boundaries: string[] }> = {
  li: { closes: ['li'], boundaries: ['ul', 'ol', 'menu'] },
  dt: { closes: ['dt', 'dd'], boundaries: ['dl'] },
  dd: { closes: ['dt', 'dd'], boundaries: ['dl'] },
  tr: { closes: ['tr'], boundaries: ['table', 'thead', 'tbody', 'tfoot'] },
  td: { closes: ['td', 'th'], boundaries: ['tr', 'table'] },
  th: { closes: ['td', 'th'], boundaries: ['tr', 'table'] },
  thead: { closes: ['thead', 'tbody', 'tfoot'], boundaries: ['table'] },
  tbody: { closes: ['thead', 'tbody', 'tfoot'], boundaries: ['table'] },
  tfoot: { closes: ['thead', 'tbody', 'tfoot'], boundaries: ['table'] },
  option: { closes: ['option'], boundaries: ['select'] },
};

/** Deeper nesting than this is flattened: no real body needs it, and recursion must stay bounded. */
const MAX_DEPTH = 100;
const TAG = /<(\/?)([a-zA-Z][\w:-]*)((?:\s+[^\s"'<>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*(\/?)>/y;
const ATTRIBUTE = /([^\s"'<>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

export function element(name: string, attrs: Record<string, string> = {}, children: HtmlNode[] = []): HtmlElement {
  return { kind: 'element', name, attrs, children };
}

export function text(raw: string): HtmlText {
  return { kind: 'text', raw };
}

/** Parses a fragment of HTML into a list of nodes. */
export function parseHtml(html: string): HtmlNode[] {
  const root = element('#root');
  const stack: HtmlElement[] = [root];
  const current = () => stack[stack.length - 1]!;
  const popTo = (index: number) => {
    stack.length = index;
  };
  const indexOf = (names: string[], boundaries: string[]) => {
    for (let i = stack.length - 1; i > 0; i -= 1) {
      const name = stack[i]!.name;
      if (names.includes(name)) return i;
      if (boundaries.includes(name)) return -1;
    }
    return -1;
  };
  const lower = html.toLowerCase();
  let textStart = 0;
  let i = 0;
  const flushText = (end: number) => {
    if (end > textStart) current().children.push(text(html.slice(textStart, end)));
  };
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt === -1) break;
    if (html.startsWith('<!--', lt)) {
      flushText(lt);
      const end = html.indexOf('-->', lt + 4);
      current().children.push({ kind: 'comment', data: html.slice(lt + 4, end === -1 ? html.length : end) });
      i = textStart = end === -1 ? html.length : end + 3;
      continue;
    }
    if (html.startsWith('<!', lt) || html.startsWith('<?', lt)) {
      flushText(lt);
      const end = html.indexOf('>', lt);
      i = textStart = end === -1 ? html.length : end + 1;
      continue;
    }
    TAG.lastIndex = lt;
    const match = TAG.exec(html);
    if (!match) {
      i = lt + 1;
      continue;
    }
    flushText(lt);
    i = textStart = TAG.lastIndex;
    const [, closing, rawName, rawAttrs = '', selfClosing] = match;
    const name = rawName!.toLowerCase();
    if (closing) {
      const at = indexOf([name], []);
      if (at > 0) popTo(at);
      continue;
    }
    if (CLOSES_P.has(name)) {
      const p = indexOf(['p'], ['button', 'table', 'td', 'th', 'li', 'blockquote', 'figure', 'div']);
      if (p > 0) popTo(p);
    }
    const implied = IMPLIED_END[name];
    if (implied) {
      const at = indexOf(implied.closes, implied.boundaries);
      if (at > 0) popTo(at);
    }
    const node = element(name, parseAttributes(rawAttrs));
    current().children.push(node);
    if (VOID.has(name) || selfClosing) continue;
    if (RAW_TEXT.has(name)) {
      const end = lower.indexOf(`</${name}`, i);
      const stop = end === -1 ? html.length : end;
      if (stop > i) node.children.push(text(html.slice(i, stop)));
      const close = end === -1 ? html.length : html.indexOf('>', end);
      i = textStart = close === -1 ? html.length : close + 1;
      continue;
    }
    if (stack.length < MAX_DEPTH) stack.push(node);
  }
  flushText(html.length);
  return root.children;
}

function parseAttributes(raw: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  for (const m of raw.matchAll(ATTRIBUTE)) {
    const name = m[1]!.toLowerCase();
    if (!(name in attrs)) attrs[name] = decodeEntities(m[2] ?? m[3] ?? m[4] ?? '');
  }
  return attrs;
}

export function serialize(nodes: HtmlNode[]): string {
  let out = '';
  for (const node of nodes) {
    if (node.kind === 'text') out += node.raw;
    else if (node.kind === 'comment') out += `<!--${node.data}-->`;
    else {
      const attrs = Object.entries(node.attrs)
        .map(([k, v]) => (v === '' && k !== 'alt' ? ` ${k}` : ` ${k}="${escapeAttribute(v)}"`))
        .join('');
      out += `<${node.name}${attrs}>`;
      if (!VOID.has(node.name)) out += `${serialize(node.children)}</${node.name}>`;
    }
  }
  return out;
}

export function escapeText(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The plain text of nodes, entities decoded, whitespace as written. */
export function textOf(nodes: HtmlNode[]): string {
  let out = '';
  for (const node of nodes) {
    if (node.kind === 'text') out += decodeEntities(node.raw);
    else if (node.kind === 'element' && node.name === 'br') out += '\n';
    else if (node.kind === 'element' && !RAW_TEXT.has(node.name)) out += textOf(node.children);
  }
  return out;
}

/** Plain text of an HTML string on one line: tags dropped, entities decoded, spaces collapsed. */
export function plainText(html: string): string {
  return withoutControls(textOf(parseHtml(html)))
    .replace(/\s+/g, ' ')
    .trim();
}

/** Text without the control characters Masthead refuses (XML allows some that WordPress lets through). */
export function withoutControls(value: string): string {
  return value.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g, '');
}

function classesOf(node: HtmlElement): string[] {
  return (node.attrs.class ?? '').split(/\s+/).filter(Boolean);
}

export function hasClass(node: HtmlElement, name: string | RegExp): boolean {
  return classesOf(node).some((c) => (typeof name === 'string' ? c === name : name.test(c)));
}

/** Every element under the nodes (depth first, in document order) that matches. */
export function findAll(nodes: HtmlNode[], match: (node: HtmlElement) => boolean): HtmlElement[] {
  const found: HtmlElement[] = [];
  const walk = (list: HtmlNode[]) => {
    for (const node of list) {
      if (node.kind !== 'element') continue;
      if (match(node)) found.push(node);
      walk(node.children);
    }
  };
  walk(nodes);
  return found;
}

export function isBlank(nodes: HtmlNode[]): boolean {
  return nodes.every((n) => (n.kind === 'text' ? decodeEntities(n.raw).trim() === '' : n.kind === 'comment' || n.name === 'br'));
}

const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  hellip: '…',
  mdash: '—',
  ndash: '–',
  lsquo: '‘',
  rsquo: '’',
  sbquo: '‚',
  ldquo: '“',
  rdquo: '”',
  bdquo: '„',
  laquo: '«',
  raquo: '»',
  lsaquo: '‹',
  rsaquo: '›',
  copy: '©',
  reg: '®',
  trade: '™',
  deg: '°',
  middot: '·',
  bull: '•',
  times: '×',
  divide: '÷',
  euro: '€',
  pound: '£',
  yen: '¥',
  cent: '¢',
  sect: '§',
  para: '¶',
  iexcl: '¡',
  iquest: '¿',
  shy: '\u00ad',
  prime: '′',
  Prime: '″',
  dagger: '†',
  Dagger: '‡',
  permil: '‰',
  frac12: '½',
  frac14: '¼',
  frac34: '¾',
  plusmn: '±',
  micro: 'µ',
  minus: '−',
  larr: '←',
  rarr: '→',
  uarr: '↑',
  darr: '↓',
  harr: '↔',
  hearts: '♥',
  thinsp: '\u2009',
  ensp: '\u2002',
  emsp: '\u2003',
  zwnj: '\u200c',
  zwj: '\u200d',
  lrm: '\u200e',
  rlm: '\u200f',
  aacute: 'á',
  eacute: 'é',
  iacute: 'í',
  oacute: 'ó',
  uacute: 'ú',
  yacute: 'ý',
  Aacute: 'Á',
  Eacute: 'É',
  Iacute: 'Í',
  Oacute: 'Ó',
  Uacute: 'Ú',
  agrave: 'à',
  egrave: 'è',
  igrave: 'ì',
  ograve: 'ò',
  ugrave: 'ù',
  Agrave: 'À',
  Egrave: 'È',
  acirc: 'â',
  ecirc: 'ê',
  icirc: 'î',
  ocirc: 'ô',
  ucirc: 'û',
  auml: 'ä',
  euml: 'ë',
  iuml: 'ï',
  ouml: 'ö',
  uuml: 'ü',
  yuml: 'ÿ',
  Auml: 'Ä',
  Ouml: 'Ö',
  Uuml: 'Ü',
  szlig: 'ß',
  atilde: 'ã',
  ntilde: 'ñ',
  otilde: 'õ',
  Ntilde: 'Ñ',
  ccedil: 'ç',
  Ccedil: 'Ç',
  aring: 'å',
  Aring: 'Å',
  aelig: 'æ',
  AElig: 'Æ',
  oslash: 'ø',
  Oslash: 'Ø',
  oelig: 'œ',
  OElig: 'Œ',
  scaron: 'š',
  Scaron: 'Š',
  zcaron: 'ž',
};

/** Decodes numeric references and the common named entities; anything else is left as written. */
export function decodeEntities(value: string): string {
  if (!value.includes('&')) return value;
  return value.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z][a-z0-9]{1,31});/gi, (entity, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      const valid = code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff);
      return valid ? String.fromCodePoint(code) : '\uFFFD';
    }
    return NAMED[name] ?? entity;
  });
}
