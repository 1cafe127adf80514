import zlib from 'node:zlib';
import fc from 'fast-check';
import { hostileString, hostileValue, oddText, ownKey } from './hostile.js';

export type Method = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'OPTIONS';

/** One request the fuzzer sends, before the sender adds its own cookies and credentials. */
export interface Shot {
  method: Method;
  url: string;
  headers: Record<string, string>;
  payload?: string | Buffer;
  remoteAddress: string;
}

export interface Body {
  headers: Record<string, string>;
  payload?: string | Buffer;
}

const unreserved = /[A-Za-z0-9\-._~]/;

/**
 * Percent-encodes the UTF-8 bytes of any string without throwing on a lone surrogate, as
 * encodeURIComponent does (it goes out as U+FFFD; the broken escapes below send raw bad bytes).
 */
function encode(value: string): string {
  let out = '';
  for (const char of value) {
    if (unreserved.test(char)) out += char;
    else for (const byte of Buffer.from(char, 'utf8')) out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** Escapes that decode to nothing sensible: cut short, not hex, overlong or surrogate UTF-8, NUL. */
const brokenEscapes = ['%', '%z', '%zz', '%C0%AF', '%ED%A0%80', '%FF%FE', '%00', '%E2%82', '%25', '%2F', '%5C', '%2e%2e'];

/** A path segment: usually a value of the parameter, otherwise something hostile. */
export function segment(value: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc.oneof({ arbitrary: value.map(encode), weight: 5 }, { arbitrary: hostileString.map(encode), weight: 3 }, { arbitrary: fc.constantFrom(...brokenEscapes, '..', '.', '', 'a'.repeat(600)), weight: 2 });
}

/** A value as it appears in a query string (arrays become repeated keys). */
function queryValue(value: unknown): string[] {
  const text = (item: unknown) => (item !== null && typeof item === 'object' ? JSON.stringify(item).slice(0, 2_000) : String(item));
  return Array.isArray(value) ? value.slice(0, 5).map(text) : [text(value)];
}

/**
 * A query string over the given fields (each present or not, sometimes repeated), plus strays:
 * unknown keys, bracket keys, prototype keys and broken escapes.
 */
export function queryString(fields: Record<string, fc.Arbitrary<unknown>>): fc.Arbitrary<string> {
  const known = Object.entries(fields).map(([name, value]) =>
    fc.option(
      value.map((v) =>
        queryValue(v)
          .map((item) => `${name}=${encode(item)}`)
          .join('&'),
      ),
      { freq: 2 },
    ),
  );
  const stray = fc.oneof(
    fc.tuple(fc.constantFrom('x', 'q', 'page', 'limit', 'key', 'token', '__proto__', 'constructor', 'a[b]', 'a[]', '', 'filter'), hostileValue).map(([name, value]) =>
      queryValue(value)
        .map((item) => `${encode(name)}=${encode(item)}`)
        .join('&'),
    ),
    fc.constantFrom('&&&', '=', '==x', 'a', 'a=1&a=2&a=3', '%=%', `x=${'y'.repeat(10_000)}`),
    fc.constantFrom(...brokenEscapes).map((escape) => `q=${escape}`),
  );
  return fc.tuple(fc.tuple(...known), fc.array(stray, { maxLength: 2 })).map(([parts, strays]) => {
    const all = [...parts.filter((p): p is string => p !== null), ...strays];
    return all.length ? `?${all.join('&')}` : '';
  });
}

/** A query string a careful client sends: some of the fields, each once, properly encoded. */
export function validQuery(fields: Record<string, fc.Arbitrary<unknown>>): fc.Arbitrary<string> {
  const known = Object.entries(fields).map(([name, value]) =>
    fc.option(
      value.map((v) => `${name}=${encode(String(v))}`),
      { freq: 2 },
    ),
  );
  return fc.tuple(...known).map((parts) => {
    const present = parts.filter((p): p is string => p !== null);
    return present.length ? `?${present.join('&')}` : '';
  });
}

const json = (payload: string | Buffer, type = 'application/json'): Body => ({ headers: { 'content-type': type }, payload });

/** Bodies no JSON endpoint should ever choke on: broken, empty, wrongly typed, oddly encoded, too big. */
export const brokenJsonBody: fc.Arbitrary<Body> = fc.oneof(
  fc.constantFrom<Body>(
    json(''),
    json('{'),
    json('{"a":'),
    json('[1,2'),
    json('null'),
    json('[]'),
    json('"text"'),
    json('12'),
    json('{"a":1,"a":2}'),
    json('{"__proto__":{"polluted":true}}'),
    json('{"constructor":{"prototype":{"polluted":true}}}'),
    json('\uFEFF{}'),
    json('{"title":"\\ud800"}'),
    json('{"title":"\\u0000"}'),
    json(Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d])),
    json(Buffer.from('{"a":1}', 'utf16le'), 'application/json; charset=utf-16'),
    json('{}', 'application/json; charset=latin1'),
    json('{}', 'application/json;;;'),
    json('{}', 'text/plain'),
    json('{}', 'application/x-www-form-urlencoded'),
    json('a=1&a=2&__proto__[x]=1', 'application/x-www-form-urlencoded'),
    json('--x\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--x--\r\n', 'multipart/form-data; boundary=x'),
    json('--x\r\nbroken', 'multipart/form-data; boundary=x'),
    json('{}', 'multipart/form-data'),
    json('<a/>', 'application/xml'),
    json('{}', 'application/json-patch+json'),
    json(`[${'1,'.repeat(100_000)}1]`),
    json(`${'['.repeat(50_000)}${']'.repeat(50_000)}`),
    json(`{"a":"${'x'.repeat(3 * 1024 * 1024)}"}`),
    { headers: {}, payload: '{}' },
    // Compressed request bodies: a small file that inflates past every limit, one that is not gzip, an unknown coding.
    { headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' }, payload: zlib.gzipSync(`{"a":"${'x'.repeat(8 * 1024 * 1024)}"}`) },
    { headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' }, payload: '{"not":"gzip"}' },
    { headers: { 'content-type': 'application/json', 'content-encoding': 'zstd' }, payload: '{}' },
  ),
  fc.tuple(hostileString, fc.constantFrom('application/json', 'text/plain', 'application/x-www-form-urlencoded')).map(([text, type]) => json(text, type)),
);

/** A JSON body of the given value (made by hand so own "__proto__" keys survive), or a broken one. */
export function jsonBody(value: fc.Arbitrary<unknown>): fc.Arbitrary<Body> {
  return fc.oneof({ arbitrary: value.map((v) => json(JSON.stringify(v) ?? 'null')), weight: 8 }, { arbitrary: brokenJsonBody, weight: 2 });
}

/** An HTML form (urlencoded) with the given fields, strays and odd values; or the same fields as JSON. */
export function formBody(fields: Record<string, fc.Arbitrary<unknown>>): fc.Arbitrary<Body> {
  const entries = Object.entries(fields).map(([name, value]) =>
    fc.option(
      value.map((v) => [name, v] as const),
      { freq: 5 },
    ),
  );
  const values = fc.tuple(...entries).map((pairs) => pairs.filter((p): p is readonly [string, unknown] => p !== null));
  return fc.oneof(
    {
      arbitrary: values.map((pairs) => ({ headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: pairs.flatMap(([k, v]) => queryValue(v).map((item) => `${encode(k)}=${encode(item)}`)).join('&') })),
      weight: 5,
    },
    { arbitrary: values.map((pairs) => json(JSON.stringify(Object.assign({}, ...pairs.map(([k, v]) => ownKey(k, v)))))), weight: 2 },
    { arbitrary: brokenJsonBody, weight: 2 },
  );
}

/** Plain, wrong and hostile request headers that any route may receive. */
export const noiseHeaders: fc.Arbitrary<Record<string, string>> = fc.record(
  {
    accept: fc.constantFrom('*/*', 'application/json', 'text/html', 'application/json, text/html', '', 'x/y;q=abc', 'application/json;q=0'),
    'accept-encoding': fc.constantFrom('gzip', 'br', 'gzip, br, deflate', 'identity;q=0', 'zstd', '*', ''),
    'if-none-match': fc.constantFrom('*', '"x"', 'W/"x"', ',,,', '"'.repeat(500)),
    'if-modified-since': fc.constantFrom('Wed, 21 Oct 2015 07:28:00 GMT', 'yesterday', '99999999999', ''),
    'accept-language': fc.constantFrom('en', 'zz-ZZ', '*;q=0.5', 'x'.repeat(500)),
    range: fc.constantFrom('bytes=0-0', 'bytes=-1', 'bytes=9-1', 'bytes=0-1,2-3,4-5,6-7', 'pages=1'),
    'user-agent': fc.oneof(fc.constantFrom('', 'Mozilla/5.0', 'x'.repeat(8_000)), oddText.map(encode)),
    'x-forwarded-for': fc.constantFrom('1.2.3.4', 'not-an-address', '::1, 10.0.0.1', ''),
  },
  { requiredKeys: [] },
);

/** Cookie headers carrying junk where session and CSRF cookies go. */
export const noiseCookie: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom('masthead_member', 'masthead_staff', '_csrf', 'x'), fc.oneof(hostileString.map(encode), fc.constantFrom('', '=', ';;', '"', 'a'.repeat(4_000))))
  .map(([name, value]) => `${name}=${value}`);
