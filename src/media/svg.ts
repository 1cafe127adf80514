import { DOMParser, MIME_TYPE, Node, type Attr, type Document, type DocumentType, type Element, type ProcessingInstruction } from '@xmldom/xmldom';
import { cssProblem } from './svg-css.js';
import {
  SVG_NS,
  XLINK_NS,
  XML_NS,
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

/**
 * Reads an uploaded SVG as XML, judges every element and attribute by its namespace and local
 * name (never by how its prefix is spelled) against an allowlist of drawing, and writes the file
 * anew from what was checked: SVG elements unprefixed, no comments, doctype, processing
 * instructions or editor metadata. Anything that could run code or fetch from elsewhere is refused.
 */
export function cleanSvg(data: Buffer): SvgCheck {
  const text = decode(data);
  if (typeof text !== 'string') return text;
  let reason = '';
  let document: Document;
  try {
    const parser = new DOMParser({
      onError: (level, message) => {
        if (level === 'warning') return;
        reason = message.split('\n')[0]!.slice(0, 200);
        throw new Error(reason);
      },
    });
    document = parser.parseFromString(text, MIME_TYPE.XML_SVG_IMAGE);
  } catch {
    return { unreadable: `is not well-formed XML (${reason || 'it cannot be parsed'})` };
  }
  const root = document.documentElement;
  if (!root || root.localName !== 'svg' || (root.namespaceURI !== SVG_NS && root.namespaceURI !== null)) {
    return { unreadable: `is not an SVG drawing (its root element is <${root?.nodeName ?? 'missing'}>)` };
  }
  try {
    for (let node = document.firstChild; node; node = node.nextSibling) checkOutside(node);
    return { svg: Buffer.from(new SvgWriter().write(root)) };
  } catch (error) {
    if (error instanceof Refusal) return { unsafe: error.message };
    throw error;
  }
}

class Refusal extends Error {}

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

/** The doctype and processing instructions around the root element. */
function checkOutside(node: Node): void {
  if (node.nodeType === Node.DOCUMENT_TYPE_NODE && (node as DocumentType).internalSubset) {
    throw new Refusal('declares XML entities or other definitions in its doctype');
  }
  checkInstruction(node);
}

function checkInstruction(node: Node): void {
  if (node.nodeType === Node.PROCESSING_INSTRUCTION_NODE && (node as ProcessingInstruction).target.toLowerCase() === 'xml-stylesheet') {
    throw new Refusal('attaches a style sheet (<?xml-stylesheet?>)');
  }
}

const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\t': '&#9;', '\n': '&#10;', '\r': '&#13;' };
const escapeText = (text: string) => text.replace(/[&<>\r]/g, (char) => escapes[char]!);
const escapeAttribute = (text: string) => text.replace(/[&<>"\t\n\r]/g, (char) => escapes[char]!);

/** Writes the checked drawing; throws a Refusal at the first thing that is not allowed. */
class SvgWriter {
  private readonly parts: string[] = [];
  private usesXlink = false;

  write(root: Element): string {
    this.element(root, 0);
    this.parts[0] = `<svg xmlns="${SVG_NS}"${this.usesXlink ? ` xmlns:xlink="${XLINK_NS}"` : ''}`;
    return this.parts.join('');
  }

  private element(element: Element, depth: number): void {
    if (depth >= MAX_DEPTH) throw new Refusal(`nests elements more than ${MAX_DEPTH} deep`);
    const name = element.localName ?? element.nodeName;
    const namespace = element.namespaceURI;
    if (namespace !== SVG_NS && namespace !== null) {
      if (isEditorData(namespace)) return;
      throw new Refusal(`contains a <${name}> element from ${knownVocabularies[namespace] ?? namespace}`);
    }
    if (droppedElements.has(name)) return;
    if (!drawingElements.has(name)) throw new Refusal(`contains ${/^[aeiou]/i.test(name) ? 'an' : 'a'} <${name}> element`);
    this.parts.push(`<${name}`);
    if (animationElements.has(name)) checkAnimated(element);
    if (name === 'style') checkStyleSheet(element);
    const attributes = element.attributes;
    for (let i = 0; i < attributes.length; i += 1) this.parts.push(this.attribute(name, attributes.item(i)!));
    const start = this.parts.length;
    this.parts.push('>');
    const keepsText = textElements.has(name);
    for (let child = element.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === Node.ELEMENT_NODE) this.element(child as Element, depth + 1);
      else if (keepsText && isText(child)) this.parts.push(escapeText(child.nodeValue ?? ''));
      else checkInstruction(child);
    }
    if (this.parts.length === start + 1) this.parts[start] = '/>';
    else this.parts.push(`</${name}>`);
  }

  /** The attribute as written to the stored file, or '' when it is left out. */
  private attribute(element: string, attribute: Attr): string {
    const { namespaceURI: namespace, value } = attribute;
    const name = attribute.localName ?? attribute.name;
    if (name.toLowerCase().startsWith('on')) throw new Refusal(`contains an event handler attribute (${attribute.name})`);
    if (name === 'href' && (namespace === null || namespace === XLINK_NS)) {
      const link = value.trim();
      checkLink(element, link);
      this.usesXlink ||= namespace === XLINK_NS;
      return ` ${namespace ? 'xlink:' : ''}href="${escapeAttribute(link)}"`;
    }
    if (namespace === XML_NS && (name === 'space' || name === 'lang')) return ` xml:${name}="${escapeAttribute(value)}"`;
    if (namespace !== null) return '';
    if (styleAttributes.has(name)) {
      const problem = cssProblem(value);
      if (problem) throw new Refusal(problem);
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
  throw new Refusal(`links to ${shown} (only #fragment links and embedded images are allowed)`);
}

/** An animation may change only attributes that are allowed to be written. */
function checkAnimated(element: Element): void {
  const animated = element.getAttribute('attributeName');
  if (animated !== null && !plainAttributes.has(animated) && !styleAttributes.has(animated)) throw new Refusal(`animates the ${animated} attribute`);
}

const isText = (node: Node) => node.nodeType === Node.TEXT_NODE || node.nodeType === Node.CDATA_SECTION_NODE;

/** A style sheet is the text of all its pieces together (plain and CDATA), so it is checked as one. */
function checkStyleSheet(style: Element): void {
  let css = '';
  for (let child = style.firstChild; child; child = child.nextSibling) if (isText(child)) css += child.nodeValue ?? '';
  const problem = cssProblem(css);
  if (problem) throw new Refusal(problem);
}
