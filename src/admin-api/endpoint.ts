import type { Readable } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest, onRequestAsyncHookHandler } from 'fastify';
import { z } from 'zod';
import { AppError } from '../errors/app-error.js';
import { bodyLimits } from '../http/body-limits.js';
import { clientKey } from '../client-key.js';
import { parseInput } from '../errors/validate.js';
import type { StaffUser } from '../staff/index.js';
import { staffOnly, verifyCsrf } from './guard.js';

type Schema = z.ZodType;
type Parsed<S> = S extends Schema ? z.output<S> : undefined;

export interface EndpointInput<P, Q, B> {
  params: Parsed<P>;
  query: Parsed<Q>;
  body: Parsed<B>;
  /** The signed-in staff user (null only on public endpoints such as sign-in). */
  staff: StaffUser;
  request: FastifyRequest;
  reply: FastifyReply;
}

/**
 * One admin API endpoint, described once: the same schemas validate input, check output and
 * become the OpenAPI document.
 */
export interface Endpoint<P extends Schema | undefined, Q extends Schema | undefined, B extends Schema | undefined, R extends Schema | null | 'html' | 'csv'> {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  /** Below /admin/api, e.g. "/posts/:id". */
  url: string;
  summary: string;
  tag: string;
  /**
   * "staff" needs a staff session or API key (the handler asks the policy about the role);
   * "public" needs no sign-in, though state-changing ones still need the CSRF header.
   */
  access: 'staff' | 'public';
  params?: P;
  query?: Q;
  body?: B;
  /** For the document only, when the service validates the body itself (e.g. with rules per role). */
  bodyDoc?: Schema;
  /**
   * How the body is sent; JSON unless said otherwise. Multipart and text/csv bodies are left
   * unread for the handler to stream (request.parts(), streamedBody) with its own limit; JSON
   * and form bodies are read whole up to bodyLimits (staff or public, by access).
   */
  bodyType?: 'multipart/form-data' | 'text/csv' | 'application/octet-stream';
  /** What the answer looks like; null answers 204 with no body; "html" answers a page; "csv" a spreadsheet (UTF-8), whole or streamed. */
  response: R;
  status?: number;
  rateLimit?: { max: number; timeWindow: number };
  handler(input: EndpointInput<P, Q, B>): Promise<R extends Schema ? z.input<R> : R extends 'html' ? string : R extends 'csv' ? string | Readable : void>;
}

const signedIn = staffOnly('contributor');

/**
 * What one staff member may do per endpoint and minute when the endpoint sets no limit of its own:
 * enough for an editor at work (autosaves, a morning's uploads), bounding what a stolen session, a
 * runaway script or an ill-willed contributor can cost. Uploads are lower: each is decoded and
 * encoded into several image formats.
 */
export const staffRateLimits = {
  writes: { max: 600, timeWindow: 60_000 },
  uploads: { max: 60, timeWindow: 60_000 },
} as const;

/** Staff endpoints are counted per person (an office shares one address); public ones per address. */
const perStaffMember = (request: FastifyRequest) => (request.staff ? `staff:${request.staff.id}` : `address:${clientKey(request.ip)}`);

function limitFor(endpoint: AnyEndpoint): { max: number; timeWindow: number } | undefined {
  if (endpoint.rateLimit || endpoint.access === 'public' || endpoint.method === 'GET') return endpoint.rateLimit;
  return endpoint.bodyType === 'multipart/form-data' ? staffRateLimits.uploads : staffRateLimits.writes;
}
const checkCsrf: onRequestAsyncHookHandler = async (request) => verifyCsrf(request);
const noStore: onRequestAsyncHookHandler = async (_request, reply) => {
  reply.header('cache-control', 'no-store');
};

type AnyEndpoint = Endpoint<Schema | undefined, Schema | undefined, Schema | undefined, Schema | null | 'html' | 'csv'>;

/** Collects endpoints, registers them on fastify and describes them as OpenAPI 3.1. */
export class EndpointRegistry {
  private readonly endpoints: AnyEndpoint[] = [];

  add<P extends Schema | undefined, Q extends Schema | undefined, B extends Schema | undefined, R extends Schema | null | 'html' | 'csv'>(endpoint: Endpoint<P, Q, B, R>): void {
    this.endpoints.push(endpoint as unknown as AnyEndpoint);
  }

  register(app: FastifyInstance): void {
    for (const endpoint of this.endpoints) {
      const limit = limitFor(endpoint);
      app.route({
        method: endpoint.method,
        url: endpoint.url,
        bodyLimit: bodyLimits[endpoint.access],
        config: {
          // Counted after the sign-in check (hooks run in order), so a staff limit knows whose it is.
          ...(limit ? { rateLimit: { ...limit, ...(endpoint.access === 'staff' ? { keyGenerator: perStaffMember } : {}), errorResponseBuilder: () => new AppError('RATE_LIMITED') } } : {}),
          // HTML answers are previews, which the admin app shows in its own frames.
          framedBySite: endpoint.response === 'html',
        },
        // Answers of the admin API are private to one person, errors included: nothing keeps them.
        // Who is asking is settled before the body is read, so strangers never make it read one.
        onRequest: [noStore, endpoint.access === 'public' ? checkCsrf : signedIn],
        handler: async (request, reply) => {
          const input = {
            params: endpoint.params ? parseInput(endpoint.params, request.params) : undefined,
            query: endpoint.query ? parseInput(endpoint.query, request.query) : undefined,
            body: endpoint.body ? parseInput(endpoint.body, request.body ?? {}) : undefined,
            staff: request.staff!,
            request,
            reply,
          };
          const result = await endpoint.handler(input);
          if (endpoint.response === null) return reply.code(endpoint.status ?? 204).send();
          if (endpoint.response === 'html')
            return reply
              .code(endpoint.status ?? 200)
              .type('text/html; charset=utf-8')
              .send(result);
          if (endpoint.response === 'csv')
            return reply
              .code(endpoint.status ?? 200)
              .type('text/csv; charset=utf-8')
              .send(result);
          return reply.code(endpoint.status ?? 200).send(endpoint.response.parse(result));
        },
      });
    }
  }

  /** The OpenAPI 3.1 document of every endpoint, generated from their schemas. */
  openApi(info: { title: string; version: string }): Record<string, unknown> {
    const paths: Record<string, Record<string, unknown>> = {};
    for (const endpoint of this.endpoints) {
      const path = `/admin/api${endpoint.url.replace(/:(\w+)/g, '{$1}')}`;
      paths[path] ??= {};
      paths[path][endpoint.method.toLowerCase()] = describe(endpoint);
    }
    return {
      openapi: '3.1.0',
      info,
      paths,
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'masthead_staff', description: 'Staff session; state-changing requests also send x-csrf-token.' },
          apiKey: { type: 'http', scheme: 'bearer', description: 'Admin API key made by an administrator.' },
        },
        schemas: { Error: jsonSchema(errorBody, 'output') },
      },
    };
  }
}

const errorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  }),
});

function jsonSchema(schema: Schema, io: 'input' | 'output'): Record<string, unknown> {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as Record<string, unknown>;
  return rest;
}

function parameters(schema: Schema | undefined, place: 'path' | 'query') {
  if (!schema) return [];
  const json = jsonSchema(schema, 'input') as { properties?: Record<string, unknown>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, property]) => ({
    name,
    in: place,
    required: place === 'path' || (json.required ?? []).includes(name),
    schema: property,
  }));
}

function describe(endpoint: AnyEndpoint): Record<string, unknown> {
  const error = { content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } };
  const success = String(endpoint.status ?? (endpoint.response ? 200 : 204));
  return {
    summary: endpoint.summary,
    tags: [endpoint.tag],
    security: endpoint.access === 'public' ? [] : [{ session: [] }, { apiKey: [] }],
    parameters: [...parameters(endpoint.params, 'path'), ...parameters(endpoint.query, 'query')],
    ...(endpoint.body || endpoint.bodyDoc ? { requestBody: { required: true, content: { [endpoint.bodyType ?? 'application/json']: { schema: jsonSchema((endpoint.bodyDoc ?? endpoint.body)!, 'input') } } } } : {}),
    responses: {
      [success]:
        endpoint.response === null
          ? { description: 'Done; no content' }
          : endpoint.response === 'html'
            ? { description: 'An HTML page', content: { 'text/html': { schema: { type: 'string' } } } }
            : endpoint.response === 'csv'
              ? { description: 'A CSV file', content: { 'text/csv': { schema: { type: 'string' } } } }
              : { description: 'Success', content: { 'application/json': { schema: jsonSchema(endpoint.response, 'output') } } },
      '400': { description: 'Invalid input; the fields are named', ...error },
      ...(endpoint.access === 'public' ? {} : { '401': { description: 'Not signed in', ...error }, '403': { description: 'Role too low', ...error } }),
    },
  };
}
