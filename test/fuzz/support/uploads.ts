import sharp from 'sharp';
import fc from 'fast-check';
import { fromSchema, type JsonSchema } from './from-schema.js';
import { hostileString } from './hostile.js';
import type { Body } from './requests.js';

/** Real images of every accepted type, made once before the fuzzing; the generators mutate them. */
const images: Array<{ name: string; type: string; data: Buffer }> = [];

export async function makeImages(): Promise<void> {
  const base = sharp({ create: { width: 40, height: 30, channels: 4, background: { r: 10, g: 120, b: 200, alpha: 0.5 } } });
  images.push(
    { name: 'photo.jpg', type: 'image/jpeg', data: await base.clone().jpeg().toBuffer() },
    { name: 'photo.png', type: 'image/png', data: await base.clone().png().toBuffer() },
    { name: 'photo.webp', type: 'image/webp', data: await base.clone().webp().toBuffer() },
    { name: 'photo.gif', type: 'image/gif', data: await base.clone().gif().toBuffer() },
    { name: 'photo.avif', type: 'image/avif', data: await base.clone().avif().toBuffer() },
    { name: 'drawing.svg', type: 'image/svg+xml', data: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>') },
  );
}

const hostileSvgs = [
  '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
  '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>',
  '<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><svg xmlns="http://www.w3.org/2000/svg"><text>&b;</text></svg>',
  '<svg xmlns="http://www.w3.org/2000/svg" width="100000000" height="100000000"/>',
  '<svg xmlns="http://www.w3.org/2000/svg" width="-5" height="NaN"/>',
  '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"><image xlink:href="http://evil.example/x.png"/></svg>',
  '<svg xmlns="http://www.w3.org/2000/svg"><foreignObject><body xmlns="http://www.w3.org/1999/xhtml"/></foreignObject></svg>',
  '<svg><a href="javascript:alert(1)">x</a></svg>',
  `<svg xmlns="http://www.w3.org/2000/svg">${'<g>'.repeat(20_000)}${'</g>'.repeat(20_000)}</svg>`,
  '<svg xmlns="http://www.w3.org/2000/svg"><style>@import url(http://evil.example/a.css);</style></svg>',
  '<svg',
  '\uFEFF<svg xmlns="http://www.w3.org/2000/svg"/>',
].map((text) => Buffer.from(text));

/** File contents: real images, cut short, with bytes flipped, behind a wrong header, or hostile SVG. */
const fileData: fc.Arbitrary<Buffer> = fc.oneof(
  fc.nat().map((i) => images[i % images.length]!.data),
  fc.tuple(fc.nat(), fc.double({ min: 0, max: 1, noNaN: true })).map(([i, cut]) => {
    const data = images[i % images.length]!.data;
    return data.subarray(0, Math.floor(data.length * cut));
  }),
  fc.tuple(fc.nat(), fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 20 })).map(([i, flips]) => {
    const data = Buffer.from(images[i % images.length]!.data);
    for (const [at, byte] of flips) data[at % data.length] = byte;
    return data;
  }),
  fc.constantFrom(...hostileSvgs),
  fc.uint8Array({ maxLength: 2_000 }).map((bytes) => Buffer.from(bytes)),
  fc.constant(Buffer.alloc(0)),
);

const filename: fc.Arbitrary<string> = fc.oneof(
  fc.nat().map((i) => images[i % images.length]!.name),
  fc.constantFrom('photo', 'photo.', '.png', '../../../etc/passwd.png', 'a\u0000.png', 'x.PNG', 'x.jpg.svg', 'x.svg.jpg', `${'a'.repeat(1_000)}.png`, 'ü ñ 漢字.webp', 'con.png'),
  hostileString,
);

const mimetype = fc.oneof(
  fc.nat().map((i) => images[i % images.length]!.type),
  fc.constantFrom('application/octet-stream', 'text/html', 'image/svg+xml; charset=utf-16', '', 'x'),
);

/** A header-safe rendering of a part's name or file name (multipart has no escaping for quotes). */
const quoted = (value: string) => value.replace(/["\r\n]/g, '_');

/** A multipart/form-data upload for the fields of `schema`: a file part (or two, or none) and text fields. */
export function multipartBody(schema: JsonSchema): fc.Arbitrary<Body> {
  const textFields = Object.entries(schema.properties ?? {}).filter(([, property]) => property.format !== 'binary');
  const fields = fc.tuple(
    ...textFields.map(([name, property]) =>
      fc.option(
        fromSchema(property, 'hostile').map((value) => [name, value] as const),
        { freq: 6 },
      ),
    ),
  );
  const file = fc.record({ field: fc.constantFrom('file', 'file', 'file', 'image', ''), name: filename, type: mimetype, data: fileData });
  return fc.tuple(fields, fc.array(file, { maxLength: 2 }), fc.constantFrom('----fuzz', 'x', '-'.repeat(70)), fc.boolean()).map(([values, files, boundary, closed]) => {
    const parts: Buffer[] = [];
    for (const entry of values) {
      if (!entry) continue;
      const text = typeof entry[1] === 'string' ? entry[1] : (JSON.stringify(entry[1]) ?? '');
      parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${entry[0]}"\r\n\r\n${text}\r\n`));
    }
    for (const f of files) {
      parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${quoted(f.field)}"; filename="${quoted(f.name)}"\r\nContent-Type: ${quoted(f.type)}\r\n\r\n`));
      parts.push(f.data, Buffer.from('\r\n'));
    }
    if (closed) parts.push(Buffer.from(`--${boundary}--\r\n`));
    return { headers: { 'content-type': `multipart/form-data; boundary=${boundary}` }, payload: Buffer.concat(parts) };
  });
}

const csvHeaders = ['email', 'Email Address', 'email,name,created_at', 'Email,First Name,Last Name,Subscribed', 'email,subscribed_at,newsletters', 'name', '', '"email"', 'email;name'];

/** CSV files: known layouts with hostile cells, odd encodings and broken quoting. */
export const csvBody: fc.Arbitrary<Body> = fc
  .tuple(
    fc.constantFrom(...csvHeaders),
    fc.array(fc.array(fc.oneof(fc.emailAddress(), hostileString, fc.constantFrom('"', '""', '"a""b"', '\r', '\n', '2020-13-45', '')), { maxLength: 4 }), { maxLength: 6 }),
    fc.constantFrom('utf8', 'utf8', 'utf16le', 'latin1', 'bom'),
    fc.constantFrom('text/csv', 'text/csv', 'application/octet-stream', 'text/csv; charset=utf-16'),
  )
  .map(([header, rows, encoding, type]) => {
    const text = [header, ...rows.map((cells) => cells.join(','))].join('\n');
    const payload = encoding === 'bom' ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]) : Buffer.from(text, encoding as BufferEncoding);
    return { headers: { 'content-type': type }, payload };
  });
