/** What a file really is, judged by its first bytes rather than its name. */
export type SniffedType = 'image/jpeg' | 'image/png' | 'image/gif' | 'image/webp' | 'image/avif' | 'image/svg+xml';

export const acceptedTypes: Record<SniffedType, string[]> = {
  'image/jpeg': ['jpg', 'jpeg'],
  'image/png': ['png'],
  'image/gif': ['gif'],
  'image/webp': ['webp'],
  'image/avif': ['avif'],
  'image/svg+xml': ['svg'],
};

export function sniff(data: Buffer): SniffedType | undefined {
  const ascii = (start: number, end: number) => data.subarray(start, end).toString('latin1');
  if (data.length >= 3 && data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return 'image/jpeg';
  if (ascii(0, 8) === '\x89PNG\r\n\x1a\n') return 'image/png';
  if (ascii(0, 6) === 'GIF87a' || ascii(0, 6) === 'GIF89a') return 'image/gif';
  if (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'image/webp';
  if (ascii(4, 8) === 'ftyp' && ['avif', 'avis'].includes(ascii(8, 12))) return 'image/avif';
  if (opensAsSvg(data.subarray(0, 4096).toString('utf8'))) return 'image/svg+xml';
  return undefined;
}

/**
 * Whether the text starts as an SVG document: a prolog of white space, processing instructions
 * (the XML declaration among them), comments and a doctype, then an <svg> root element. Read once
 * from left to right, so no arrangement of the prolog can make it slow.
 */
function opensAsSvg(text: string): boolean {
  let at = text.startsWith('\uFEFF') ? 1 : 0;
  while (at >= 0) {
    while (at < text.length && ' \t\r\n'.includes(text[at]!)) at += 1;
    if (text.startsWith('<?', at)) at = after(text, '?>', at + 2);
    else if (text.startsWith('<!--', at)) at = after(text, '-->', at + 4);
    else if (text.slice(at, at + 9).toUpperCase() === '<!DOCTYPE') at = afterDoctype(text, at + 9);
    else return /^<(?:[\w.-]+:)?svg[\s/>]/i.test(text.slice(at, at + 200));
  }
  return false;
}

/** Where the text continues after the next `end`, or -1 when it never comes. */
function after(text: string, end: string, from: number): number {
  const found = text.indexOf(end, from);
  return found < 0 ? -1 : found + end.length;
}

/** The end of a doctype, past its internal subset `[…]` when it has one. */
function afterDoctype(text: string, from: number): number {
  const close = text.indexOf('>', from);
  if (close < 0) return -1;
  const subset = text.slice(from, close).indexOf('[');
  if (subset < 0) return close + 1;
  const subsetEnd = after(text, ']', from + subset);
  return subsetEnd < 0 ? -1 : after(text, '>', subsetEnd);
}

/** The type a file claims by its extension, when the extension is one we know. */
export function claimedType(filename: string): SniffedType | undefined {
  const extension = filename.toLowerCase().split('.').pop() ?? '';
  return (Object.entries(acceptedTypes) as Array<[SniffedType, string[]]>).find(([, extensions]) => extensions.includes(extension))?.[0];
}
