import createClient, { createQuerySerializer, defaultPathSerializer } from 'openapi-fetch';
import type { paths } from './schema';

/** One field-level problem the server reported. */
export interface FieldError {
  field: string;
  message: string;
}

/** An error answered by the admin API: `{ error: { code, message, fields? } }`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: FieldError[] = [],
  ) {
    super(message);
  }

  /** The message for one field, if the server named it. */
  field(name: string): string | undefined {
    return this.fields.find((f) => f.field === name || f.field.startsWith(`${name}.`))?.message;
  }
}

let csrfToken: string | null = null;
/** Waiters for a fresh sign-in: requests that met a 401 resume once the person signs in again. */
let reauth: Promise<void> | null = null;
let askToSignIn: (() => Promise<void>) | null = null;
let changed: (() => void) | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/**
 * Called by the app shell: shows the sign-in dialog over the current screen and resolves once the
 * person is signed in again, so whatever they were doing (an edit, an upload) carries on.
 */
export function onSessionExpired(handler: () => Promise<void>): void {
  askToSignIn = handler;
}

/**
 * Called by the query cache: after any change the server accepted (every request but GET and
 * HEAD), what the app read before may be out of date, whichever screen made the change.
 */
export function onChanged(listener: () => void): void {
  changed = listener;
}

const base = '/admin/api';

/** The CSRF header for requests sent outside request(), such as uploads that report their progress. */
export function csrfHeaders(): Record<string, string> {
  return csrfToken ? { 'x-csrf-token': csrfToken } : {};
}

export interface RequestOptions {
  /** Send the body as is (FormData for uploads) rather than as JSON. */
  raw?: BodyInit;
  /** Do not wait for a new sign-in on 401 (the sign-in requests themselves). */
  noReauth?: boolean;
  signal?: AbortSignal;
  keepalive?: boolean;
}

/**
 * Sends one request to the admin API with the session's CSRF header; on 401 it waits for the
 * person to sign in again and sends it once more (with the new token).
 */
async function send(outgoing: Request, noReauth: boolean): Promise<Response> {
  const spare = outgoing.clone();
  const changes = outgoing.method !== 'GET' && outgoing.method !== 'HEAD';
  if (changes && csrfToken) outgoing.headers.set('x-csrf-token', csrfToken);
  const response = await fetch(outgoing);
  if (changes && response.ok) changed?.();
  if (response.status !== 401 || noReauth || !askToSignIn) return response;
  reauth ??= askToSignIn().finally(() => {
    reauth = null;
  });
  await reauth;
  return send(spare, noReauth);
}

/** The error the server described in a failed answer (its body already read). */
function failure(response: Response, data: unknown): ApiError {
  const error = (data as { error?: { code?: string; message?: string; fields?: FieldError[] } } | null)?.error;
  return new ApiError(response.status, error?.code ?? 'HTTP_' + response.status, error?.message ?? `The server answered ${response.status} ${response.statusText}.`, error?.fields ?? []);
}

/**
 * The typed client for the admin API: paths, parameters and answers come from the OpenAPI
 * document (schema.d.ts). Pass the AbortSignal a query gets so a stale request is cancelled.
 */
export const api = createClient<paths>({
  headers: { accept: 'application/json' },
  credentials: 'same-origin',
  fetch: (outgoing) => send(outgoing, false),
  querySerializer: (query) => serializeQuery(wellFormedValues(query)),
  pathSerializer: (pathname, params) => defaultPathSerializer(pathname, wellFormedValues(params)),
});
const serializeQuery = createQuerySerializer();

/** A half of a UTF-16 surrogate pair without its other half: no URI can carry it, and `encodeURIComponent` throws on it. */
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** The text with each lone surrogate made U+FFFD, as a browser does when it sends a form. */
export function wellFormed(text: string): string {
  return text.replace(loneSurrogate, '\uFFFD');
}

/** `encodeURIComponent` for any text a person typed or pasted: it never throws. */
export function uriComponent(value: string): string {
  return encodeURIComponent(wellFormed(value));
}

/** The parameters with every text in them well formed, at any depth (arrays, objects). */
function wellFormedValues<T>(value: T): T {
  if (typeof value === 'string') return wellFormed(value) as T;
  if (Array.isArray(value)) return value.map(wellFormedValues) as T;
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, wellFormedValues(item)])) as T;
  return value;
}

/** The data of a successful answer from `api`, or the ApiError the server answered. */
export async function answer<T>(pending: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await pending;
  if (!response.ok) throw failure(response, error ?? null);
  return data as T;
}

export async function request<T>(method: string, path: string, body?: unknown, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  let payload: BodyInit | undefined = options.raw;
  if (body !== undefined && payload === undefined) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  const outgoing = new Request(base + path, {
    method,
    headers,
    body: payload,
    credentials: 'same-origin',
    signal: options.signal,
    keepalive: options.keepalive,
  });
  const response = await send(outgoing, options.noReauth ?? false);
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  let data: unknown = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    data = null;
  }
  if (!response.ok) throw failure(response, data);
  return data as T;
}

/** Builds a query string from the set values only. */
export function query(params: Record<string, string | number | boolean | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** The parameters that are set: empty text, undefined and null are left out of the query string. */
export function present<T extends Record<string, unknown>>(params: T): { [K in keyof T]?: Exclude<T[K], '' | null> } {
  return Object.fromEntries(Object.entries(params).filter(([, value]) => value !== undefined && value !== null && value !== '')) as {
    [K in keyof T]?: Exclude<T[K], '' | null>;
  };
}

/** A message fit to show a person for any error. */
export function describeError(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof Error) return error.message;
  return 'Something went wrong.';
}
