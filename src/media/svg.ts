import { SaxesParser, type SaxesAttributeNS, type SaxesTagNS } from 'saxes';
import { cssProblem } from './svg-css.js';
import {
  SVG_NS,
  XLINK_NS,
  XML_NS,
  XMLNS_NS,
  animationElements,
  drawingElements,
  droppedElements,
  imageElements,
  isEditorData,
  knownVocabularies,
  plainAttributes,
  styleAttributes,
  textElements,
} from './svg-vocabulary.js';

/** The drawing to store, or why the upload cannot be used ("is not …", "contains …"). */
export type SvgCheck = { svg: Buffer } | { unsafe: string } | { unreadable: string };

/** Deeper nesting is refused; browsers' XML parsers give up at about this depth too. */
const MAX_DEPTH = 256;
/** More elements than any drawing for a magazine needs; the check stops there instead of reading on. */
const MAX_ELEMENTS = 100_000;
/** Attributes of one element; the parser handles a tag's attributes in one go, so they are bounded. */
const MAX_ATTRIBUTES = 1_000;
/** The parser reads this many characters at a time, then lets other requests in. */
const CHUNK = 64 * 1024;

/**
 * Reads an uploaded SVG as XML with namespaces, in one streaming pass, and judges every element
 * and attribute by its namespace and local name (never by how its prefix is spelled) against an
 * allowlist of drawing. The stored file is written anew from what was checked: SVG elements
 * unprefixed, no comments, doctype, processing instructions or editor metadata. Anything that
 * could run code or fetch from elsewhere is refused, and so is a file too deep or too big to check.
 * A large file is read in chunks with other work in between, so it never holds up other requests.
 */
export async function cleanSvg(data: Buffer): Promise<SvgCheck> {
  const text = decode(data);
  if (typeof text !== 'string') return text;
  const writer = new SvgWriter();
  const parser = new SaxesParser({ xmlns: true });
  parser.on('error', (error) => {
    const [, line, column, problem] = /^(\d+):(\d+): (.*?)\.?$/.exec(error.message.split('\n')[0]!) ?? [];
    const reason = problem ? `line ${line}, column ${column}: ${problem.slice(0, 200)}` : error.message.slice(0, 200);
    throw new Refusal('unreadable', `is not well-formed XML (${reason})`);
  });
  parser.on('opentagstart', () => writer.startTag());
  parser.on('attribute', () => writer.countAttribute());
  parser.on('doctype', (doctype) => writer.doctype(doctype));
  parser.on('processinginstruction', ({ target }) => writer.instruction(target));
  parser.on('opentag', (tag) => writer.open(tag));
  parser.on('closetag', () => writer.close());
  parser.on('text', (value) => writer.text(value));
  parser.on('cdata', (value) => writer.text(value));
  try {
    for (let at = 0; at < text.length; at += CHUNK) {
      parser.write(text.slice(at, at + CHUNK));
      await new Promise(setImmediate);
    }
    parser.close();
  } catch (error) {
    if (error instanceof Refusal) return error.kind === 'unsafe' ? { unsafe: error.message } : { unreadable: error.message };
    throw error;
  }
  return { svg: Buffer.from(writer.output()) };
}

class Refusal extends Error {
  constructor(
    readonly kind: 'unsafe' | 'unreadable',
    message: string,
  ) {
    super(message);
  }
}

const unsafe = (message: string) => new Refusal('unsafe', message);

/** The text of the file, in the encoding its XML declaration names (UTF-8 when it names none). */
function decode(data: Buffer): string | { unreadable: string } {
  const withBom = data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf;
  const head = data.subarray(0, 200).toString('latin1');
  const declared = withBom ? undefined : /^<\?xml\s[^>]*?\bencoding\s*=\s*["']([^"']{1,40})["']/.exec(head)?.[1];
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(declared ?? 'utf-8', { fatal: true });
  } catch {
    return { unreadable: `names a text encoding that is not known (${declared})` };
  }
  try {
    return decoder.decode(data);
  } catch {
    return { unreadable: `is not valid ${declared ?? 'UTF-8'} text` };
  }
}

const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\t': '&#9;', '\n': '&#10;', '\r': '&#13;' };
const escapeText = (text: string) => text.replace(/[&<>\r]/g, (char) => escapes[char]!);
const escapeAttribute = (text: string) => text.replace(/[&<>"\t\n\r]/g, (char) => escapes[char]!);

interface Open {
  name: string;
  keepsText: boolean;
  /** Where "/>" goes if nothing is written inside. */
  end: number;
  /** The text of a <style> element, checked as one sheet when it closes. */
  css?: string[];
}

/** Writes the checked drawing as the parser reads it; throws a Refusal at the first thing that is not allowed. */
class SvgWriter {
  private readonly parts: string[] = [];
  private readonly stack: Open[] = [];
  /** How many dropped elements (editor metadata) the parser is inside. */
  private skipping = 0;
  private depth = 0;
  private elements = 0;
  private attributes = 0;
  private usesXlink = false;

  output(): string {
    this.parts[0] = `<svg xmlns="${SVG_NS}"${this.usesXlink ? ` xmlns:xlink="${XLINK_NS}"` : ''}`;
    return this.parts.join('');
  }

  startTag(): void {
    this.attributes = 0;
  }

  countAttribute(): void {
    this.attributes += 1;
    if (this.attributes > MAX_ATTRIBUTES) throw unsafe(`has an element with more than ${MAX_ATTRIBUTES.toLocaleString('en')} attributes`);
  }

  doctype(doctype: string): void {
    if (doctype.includes('[')) throw unsafe('declares XML entities or other definitions in its doctype');
  }

  instruction(target: string): void {
    if (target.toLowerCase() === 'xml-stylesheet') throw unsafe('attaches a style sheet (<?xml-stylesheet?>)');
  }

  open(tag: SaxesTagNS): void {
    this.depth += 1;
    this.elements += 1;
    if (this.depth > MAX_DEPTH) throw unsafe(`nests elements more than ${MAX_DEPTH} deep`);
    if (this.elements > MAX_ELEMENTS) throw unsafe(`has more than ${MAX_ELEMENTS.toLocaleString('en')} elements`);
    const { local: name, uri } = tag;
    if (this.elements === 1 && (name !== 'svg' || (uri !== SVG_NS && uri !== ''))) {
      throw new Refusal('unreadable', `is not an SVG drawing (its root element is <${tag.name}>)`);
    }
    if (this.skipping > 0 || (uri !== SVG_NS && uri !== '' && isEditorData(uri)) || ((uri === SVG_NS || uri === '') && droppedElements.has(name))) {
      this.skipping += 1;
      return;
    }
    if (uri !== SVG_NS && uri !== '') throw unsafe(`contains a <${name}> element from ${knownVocabularies[uri] ?? uri}`);
    if (!drawingElements.has(name)) throw unsafe(`contains ${/^[aeiou]/i.test(name) ? 'an' : 'a'} <${name}> element`);
    const attributes = Object.values(tag.attributes);
    if (animationElements.has(name)) checkAnimated(attributes);
    this.parts.push(`<${name}`);
    for (const attribute of attributes) this.parts.push(this.attribute(name, attribute));
    this.parts.push('>');
    this.stack.push({ name, keepsText: textElements.has(name), end: this.parts.length - 1, ...(name === 'style' ? { css: [] } : {}) });
  }

  close(): void {
    this.depth -= 1;
    if (this.skipping > 0) {
      this.skipping -= 1;
      return;
    }
    const element = this.stack.pop()!;
    if (element.css) {
      const problem = cssProblem(element.css.join(''));
      if (problem) throw unsafe(problem);
    }
    if (this.parts.length === element.end + 1) this.parts[element.end] = '/>';
    else this.parts.push(`</${element.name}>`);
  }

  text(value: string): void {
    const element = this.stack.at(-1);
    if (this.skipping > 0 || !element?.keepsText) return;
    element.css?.push(value);
    this.parts.push(escapeText(value));
  }

  /** The attribute as written to the stored file, or '' when it is left out. */
  private attribute(element: string, attribute: SaxesAttributeNS): string {
    const { uri: namespace, local: name, value } = attribute;
    if (namespace === XMLNS_NS) return '';
    if (name.toLowerCase().startsWith('on')) throw unsafe(`contains an event handler attribute (${attribute.name})`);
    if (name === 'href' && (namespace === '' || namespace === XLINK_NS)) {
      const link = value.trim();
      checkLink(element, link);
      this.usesXlink ||= namespace === XLINK_NS;
      return ` ${namespace ? 'xlink:' : ''}href="${escapeAttribute(link)}"`;
    }
    if (namespace === XML_NS && (name === 'space' || name === 'lang')) return ` xml:${name}="${escapeAttribute(value)}"`;
    if (namespace !== '') return '';
    if (styleAttributes.has(name)) {
      const problem = cssProblem(value);
      if (problem) throw unsafe(problem);
    } else if (!plainAttributes.has(name)) {
      return '';
    }
    return ` ${name}="${escapeAttribute(value)}"`;
  }
}

/** Links may point inside the file; images may also embed a raster picture. */
function checkLink(element: string, link: string): void {
  if (link.startsWith('#')) return;
  if (imageElements.has(element) && /^data:image\/(?:png|jpeg|gif|webp|avif)[;,]/i.test(link)) return;
  const shown = link.length > 80 ? `${link.slice(0, 80)}…` : link;
  throw unsafe(`links to ${shown} (only #fragment links and embedded images are allowed)`);
}

/** An animation may change only attributes that are allowed to be written. */
function checkAnimated(attributes: SaxesAttributeNS[]): void {
  const animated = attributes.find((attribute) => attribute.uri === '' && attribute.local === 'attributeName')?.value;
  if (animated !== undefined && !plainAttributes.has(animated) && !styleAttributes.has(animated)) throw unsafe(`animates the ${animated} attribute`);
}
