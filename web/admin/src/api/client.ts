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

export async function request<T>(method: string, path: string, body?: unknown, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (method !== 'GET' && method !== 'HEAD' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let payload: BodyInit | undefined = options.raw;
  if (body !== undefined && payload === undefined) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  const response = await fetch(base + path, {
    method,
    headers,
    body: payload,
    credentials: 'same-origin',
    signal: options.signal,
    keepalive: options.keepalive,
  });
  if (response.status === 401 && !options.noReauth && askToSignIn) {
    reauth ??= askToSignIn().finally(() => {
      reauth = null;
    });
    await reauth;
    return request<T>(method, path, body, options);
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  let data: unknown = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    data = null;
  }
  if (!response.ok) {
    const error = (data as { error?: { code?: string; message?: string; fields?: FieldError[] } } | null)?.error;
    throw new ApiError(
      response.status,
      error?.code ?? 'HTTP_' + response.status,
      error?.message ?? `The server answered ${response.status} ${response.statusText}.`,
      error?.fields ?? [],
    );
  }
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

/** A message fit to show a person for any error. */
export function describeError(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof Error) return error.message;
  return 'Something went wrong.';
}
