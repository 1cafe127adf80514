import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest, FastifyServerOptions } from 'fastify';
import { isForeignKeyViolation, isUniqueViolation } from '../db/errors.js';
import { AppError, isAppError } from '../errors/app-error.js';
import { errorCodes, type ErrorCode } from '../errors/codes.js';
import { sendGhostError } from '../ghost-api/errors.js';
import { httpStatus } from '../errors/http-status.js';
import { bodyLimits } from './body-limits.js';
import { setSecurityHeadersBeforeRouting } from './security-headers.js';

export interface ErrorBody {
  error: { code: string; message: string; fields?: Array<{ field: string; message: string }> };
}

export type HtmlErrorRenderer = (status: number, message: string, request: FastifyRequest, code: string) => Promise<string> | string;

/** The JSON answer to a reader's script, its messages in the site's language (same code and field names). */
export type ReaderErrorWords = (status: number, body: ErrorBody) => Promise<ErrorBody>;

interface Answerers {
  page: HtmlErrorRenderer;
  readerWords?: ReaderErrorWords;
}

/** Each app's answerers, for errors raised before routing, where only the request is at hand. */
const answerers = new WeakMap<FastifyInstance, Answerers>();

/**
 * The one place errors become responses. Domain errors (and constraint violations, as CONFLICT)
 * use their mapped status; framework errors caused by the client (bad JSON, too large, wrong
 * type) keep their 4xx; anything else is logged and answered as a plain 500 without internals.
 */
export function installErrorHandler(app: FastifyInstance, renderHtml: HtmlErrorRenderer, readerWords?: ReaderErrorWords): void {
  const answer: Answerers = { page: withFallback(renderHtml), ...(readerWords ? { readerWords } : {}) };
  answerers.set(app, answer);
  app.setErrorHandler(async (thrown: FastifyError, request, reply) => {
    const error = asAppError(thrown) ?? thrown;
    const body = toErrorBody(error);
    const status = statusOf(error);
    if (status >= 500) request.log.error({ err: error }, 'request failed');
    return send(reply, request, status, body, answer);
  });
  app.setNotFoundHandler(async (request, reply) => send(reply, request, 404, { error: { code: 'NOT_FOUND', message: 'Nothing exists at that address.' } }, answer));
}

/** Framework errors the client caused that have a code of the project's own. */
const projectCodes: Partial<Record<string, ErrorCode>> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'BODY_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'CONTENT_TYPE_UNSUPPORTED',
};

/**
 * For Fastify's `frameworkErrors` option: errors found before any route runs (a broken
 * percent-escape in the path, a path parameter over the length limit) are answered like all the
 * others, in the error envelope or as the site's error page, not in Fastify's own shape.
 */
export const answerFrameworkError: NonNullable<FastifyServerOptions['frameworkErrors']> = (error, request, reply) => {
  // No hook runs for these requests, so the headers every other answer gets are set here.
  setSecurityHeadersBeforeRouting(request, reply);
  if (request.url.startsWith('/ghost/api/')) {
    void sendGhostError(reply, error);
    return;
  }
  const answer = answerers.get(request.server) ?? { page: (_status: number, message: string) => message };
  void send(reply, request, statusOf(error), toErrorBody(error), answer);
};

/**
 * An error page that cannot fail: when the theme's page does (a broken template, a setting it
 * cannot show), a bare page with the same message goes out, and the failure is logged. Otherwise
 * Fastify's last-resort handler would answer 500 with the failure's own message.
 */
function withFallback(renderHtml: HtmlErrorRenderer): HtmlErrorRenderer {
  return async (status, message, request, code) => {
    try {
      return await renderHtml(status, message, request, code);
    } catch (failure) {
      request.log.error({ err: failure }, 'error page failed');
      const text = message.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
      return `<!doctype html><html lang="en"><meta charset="utf-8"><title>Error ${status}</title><p>${text}</p></html>`;
    }
  };
}

/**
 * The error as a domain error, when it is one. Two requests that change the same thing at once
 * can both pass a service's checks; the database's unique or foreign key constraint then refuses
 * the later one. That is a CONFLICT the client can retry, not a server failure: the refused
 * write did not happen.
 */
export function asAppError(error: unknown): AppError | undefined {
  if (isAppError(error)) return error;
  return isUniqueViolation(error) || isForeignKeyViolation(error) ? new AppError('CONFLICT') : undefined;
}

function statusOf(error: FastifyError): number {
  if (isAppError(error)) return httpStatus[error.code];
  const own = projectCodes[error.code];
  if (own) return httpStatus[own];
  if (error.validation) return 400;
  const status = error.statusCode;
  return typeof status === 'number' && status >= 400 && status < 500 ? status : 500;
}

function toErrorBody(error: FastifyError): ErrorBody {
  if (isAppError(error)) {
    return { error: { code: error.code, message: error.message, ...(error.fields.length ? { fields: error.fields } : {}) } };
  }
  const own = projectCodes[error.code];
  if (own) return { error: { code: own, message: errorCodes[own] } };
  const status = statusOf(error);
  if (status >= 500) return { error: { code: 'INTERNAL', message: 'Something went wrong on our side.' } };
  return { error: { code: error.code ?? 'BAD_REQUEST', message: clientMessage(error) } };
}

function clientMessage(error: FastifyError): string {
  switch (error.code) {
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return 'The JSON body is empty.';
    case 'FST_ERR_BAD_URL':
      return 'The address contains a broken percent-escape.';
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return 'A part of the address is too long.';
    default:
      return withoutStack(error.message).slice(0, 300);
  }
}

/** The message up to a stack trace appended to it ("… at fn (file:1:1)"), found in one pass. */
function withoutStack(message: string): string {
  const stack = /\sat /.exec(message);
  return stack ? message.slice(0, stack.index).trimEnd() : message;
}

async function send(reply: FastifyReply, request: FastifyRequest, status: number, body: ErrorBody, answer: Answerers) {
  reply.code(status);
  if (largeBodyArriving(request)) reply.header('connection', 'close');
  if (wantsJson(request)) return reply.type('application/json; charset=utf-8').send(await forReaders(request, status, body, answer.readerWords));
  const html = await answer.page(status, body.error.message, request, body.error.code);
  return reply.type('text/html; charset=utf-8').send(html);
}

/** APIs for developers and staff answer in English; the rest of the site is read by readers. */
const developerPaths = /^\/(?:admin|api|ghost|webhooks)\//;

/** A reader page's JSON error in the site's language; the English one if the words cannot be had (the database is down). */
async function forReaders(request: FastifyRequest, status: number, body: ErrorBody, readerWords: ReaderErrorWords | undefined): Promise<ErrorBody> {
  if (!readerWords || developerPaths.test(request.url)) return body;
  try {
    return await readerWords(status, body);
  } catch (failure) {
    request.log.error({ err: failure }, 'error words failed');
    return body;
  }
}

/**
 * A refusal sent while a large body (or one of unknown length) is still arriving ends the
 * connection, so the rest is never read. A small rest is read and dropped as usual, keeping the
 * connection: closing with unread bytes can make the client lose the answer.
 */
function largeBodyArriving(request: FastifyRequest): boolean {
  if (request.raw.complete !== false) return false;
  const length = request.headers['content-length'];
  return length === undefined || Number(length) > bodyLimits.public;
}

/** Whether an answer goes out as JSON: the APIs always; elsewhere a script that asked for it or sent JSON. */
export function wantsJson(request: FastifyRequest): boolean {
  const url = request.url;
  if (url.startsWith('/admin/api/') || url.startsWith('/api/content/') || url.startsWith('/webhooks/') || url.includes('.json')) {
    return true;
  }
  // A script that sends JSON (a reader page's form sent with fetch) or asks for it reads JSON, unless it asks for a page.
  const accept = request.headers.accept ?? '';
  const sentJson = (request.headers['content-type'] ?? '').includes('application/json');
  return (accept.includes('application/json') || sentJson) && !accept.includes('text/html');
}
