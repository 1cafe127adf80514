import fc from 'fast-check';
import type { Expect } from './harness.js';
import type { Known } from './fuzz-app.js';
import { fromSchema, type Hints, type JsonSchema } from './from-schema.js';
import { clientAddress, hostileString } from './hostile.js';
import { brokenJsonBody, jsonBody, noiseHeaders, queryString, segment, validQuery, type Body, type Method, type Shot } from './requests.js';
import { csvBody, multipartBody } from './uploads.js';

/** One operation of the admin API's OpenAPI document, as the fuzzer uses it. */
export interface Operation {
  method: Method;
  path: string;
  parameters: Array<{ name: string; in: 'path' | 'query'; schema: JsonSchema }>;
  body?: { type: string; schema: JsonSchema };
  expect: Expect;
}

interface OpenApiOperation {
  parameters?: Operation['parameters'];
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
  responses: Record<string, { content?: Record<string, unknown> }>;
}

/** Every operation in the document, in its order. */
export function operationsOf(document: { paths: Record<string, Record<string, OpenApiOperation>> }): Operation[] {
  return Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => {
      const [type, content] = Object.entries(operation.requestBody?.content ?? {})[0] ?? [];
      const success = Object.entries(operation.responses).find(([code]) => code.startsWith('2'))![1];
      const produces = Object.keys(success.content ?? {})[0] ?? '';
      const kind = !success.content ? 'empty' : produces.startsWith('text/html') ? 'html' : produces.startsWith('text/csv') ? 'csv' : 'json';
      return {
        method: method.toUpperCase() as Method,
        path,
        parameters: operation.parameters ?? [],
        ...(type && content ? { body: { type, schema: content.schema } } : {}),
        expect: { success: kind },
      };
    }),
  );
}

/** Values that fit a field by its name, so valid requests use slugs, ids and addresses that exist. */
function hintsFrom(known: Known): Hints {
  const email = fc.oneof(fc.emailAddress(), fc.constantFrom('subscriber@example.com', 'reader@example.com', 'owner@masthead.example'));
  const url = fc.oneof(fc.webUrl({ validSchemes: ['https'] }), fc.constantFrom('/media/cover.jpg', '/about/', '/'));
  return {
    authors: fc.constantFrom(...known.authorSlugs),
    tags: fc.constantFrom(...known.tagSlugs),
    section: fc.constantFrom(...known.tagSlugs),
    author: fc.constantFrom(...known.authorSlugs),
    email,
    to: email,
    replyTo: email,
    url,
    logoUrl: url,
    canonicalUrl: url,
    website: url,
    photoUrl: url,
    timezone: fc.constantFrom('UTC', 'Europe/London', 'America/New_York'),
    locale: fc.constantFrom('en', 'en-GB', 'fr'),
    password: fc.constantFrom('correct horse battery staple', 'another long passphrase'),
    postId: fc.integer({ min: 1, max: 12 }),
    plan: fc.integer({ min: 1, max: 4 }),
  };
}

/** Path parameter values: the schema's own, plus ids and slugs that exist (so some requests reach deep). */
function parameterValue(name: string, schema: JsonSchema, known: Known, hints: Hints): fc.Arbitrary<string> {
  const own = fromSchema(schema, 'hostile', hints, name).map((value) => (typeof value === 'string' ? value : (JSON.stringify(value) ?? '')));
  const real: fc.Arbitrary<string>[] = [];
  // Small ids that exist, and ids at and past the 32-bit limit of PostgreSQL's integer columns.
  if (schema.type === 'integer' || /id$/i.test(name)) real.push(fc.integer({ min: 1, max: 8 }).map(String), fc.constantFrom('2147483647', '2147483648', '4294967296', '9007199254740993'));
  if (name === 'slug') real.push(fc.constantFrom(...known.postSlugs, ...known.tagSlugs, ...known.authorSlugs, 'weekly', 'default'));
  if (name === 'email') real.push(fc.constantFrom('subscriber@example.com', 'reader@example.com', 'SUBSCRIBER@example.com'));
  return real.length ? fc.oneof(own, ...real, ...real) : own;
}

function bodyFor(operation: Operation, hints: Hints): fc.Arbitrary<Body | undefined> {
  const { body, method } = operation;
  if (!body) return method === 'GET' || method === 'HEAD' ? fc.constant(undefined) : fc.option(brokenJsonBody, { freq: 3, nil: undefined });
  if (body.type === 'multipart/form-data') return fc.oneof({ arbitrary: multipartBody(body.schema), weight: 4 }, { arbitrary: brokenJsonBody, weight: 1 });
  if (body.type === 'text/csv') return fc.oneof({ arbitrary: csvBody, weight: 4 }, { arbitrary: brokenJsonBody, weight: 1 });
  return fc.oneof(
    { arbitrary: fromSchema(body.schema, 'valid', hints).map((value) => ({ headers: { 'content-type': 'application/json' }, payload: JSON.stringify(value) })), weight: 3 },
    { arbitrary: jsonBody(fromSchema(body.schema, 'hostile', hints)), weight: 4 },
  );
}

/** Requests for one operation: its path with generated parameters, a query string and a body. */
export function shotsFor(operation: Operation, known: Known): fc.Arbitrary<Shot> {
  const hints = hintsFrom(known);
  const pathParts = operation.path.split(/(\{\w+\})/).map((part) => {
    const name = /^\{(\w+)\}$/.exec(part)?.[1];
    if (!name) return fc.constant(part);
    const schema = operation.parameters.find((p) => p.in === 'path' && p.name === name)?.schema ?? { type: 'string' };
    return segment(parameterValue(name, schema, known, hints));
  });
  const queryParameters = operation.parameters.filter((p) => p.in === 'query');
  const queryFields = (mood: 'valid' | 'hostile') => Object.fromEntries(queryParameters.map((p) => [p.name, fromSchema(p.schema, mood, hints, p.name)]));
  return fc
    .record({
      path: fc.tuple(...pathParts).map((parts) => parts.join('')),
      query: fc.oneof({ arbitrary: validQuery(queryFields('valid')), weight: 2 }, { arbitrary: queryString(queryFields('hostile')), weight: 3 }, { arbitrary: fc.constant(''), weight: 1 }),
      body: bodyFor(operation, hints),
      noise: fc.option(noiseHeaders, { freq: 4, nil: {} }),
      remoteAddress: clientAddress,
      method: fc.oneof({ arbitrary: fc.constant(operation.method), weight: 19 }, { arbitrary: fc.constantFrom<Method>('HEAD', 'OPTIONS', 'PUT'), weight: 1 }),
    })
    .map(({ path, query, body, noise, remoteAddress, method }) => ({
      method,
      url: `${path}${query}`,
      headers: { ...noise, ...body?.headers },
      ...(body?.payload === undefined ? {} : { payload: body.payload }),
      remoteAddress,
    }));
}

/** Credentials that are not credentials: API keys, session cookies and CSRF tokens an attacker might try. */
export const forgedCredentials: fc.Arbitrary<Record<string, string>> = fc.oneof(
  fc.oneof(hostileString, fc.constantFrom('mh_00000000_x', 'mh_', 'a'.repeat(10_000))).map((key) => ({ authorization: `Bearer ${key.replace(/[\r\n]/g, '')}` })),
  fc.constantFrom('Basic YTpi', 'Bearer', 'Bearer  ', 'Ghost x', 'bearer a b', 'Token x', '').map((authorization) => ({ authorization })),
  hostileString.map((value) => ({ cookie: `masthead_staff=${encodeURIComponent(value.replace(/[\uD800-\uDFFF]/g, ''))}`, 'x-csrf-token': value.replace(/[^\x20-\x7e]/g, '') })),
);
