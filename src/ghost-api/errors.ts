import { randomUUID } from 'node:crypto';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isAppError, type AppError } from '../errors/app-error.js';
import type { ErrorCode } from '../errors/codes.js';
import { httpStatus } from '../errors/http-status.js';

/** Ghost's error types by HTTP status, for errors that have no closer counterpart below. */
const typeByStatus: Record<number, string> = {
  400: 'BadRequestError',
  401: 'UnauthorizedError',
  403: 'NoPermissionError',
  404: 'NotFoundError',
  406: 'RequestNotAcceptableError',
  409: 'ConflictError',
  410: 'NotFoundError',
  413: 'RequestEntityTooLargeError',
  415: 'UnsupportedMediaTypeError',
  422: 'ValidationError',
  429: 'TooManyRequestsError',
};

/** Where Ghost answers an error differently from Masthead's own APIs: its status and type. */
const ghostForms: Partial<Record<ErrorCode, { status: number; type: string }>> = {
  VALIDATION_FAILED: { status: 422, type: 'ValidationError' },
  SLUG_TAKEN: { status: 422, type: 'ValidationError' },
  EMAIL_TAKEN: { status: 422, type: 'ValidationError' },
  MEMBER_EXISTS: { status: 422, type: 'ValidationError' },
  REVISION_CONFLICT: { status: 409, type: 'UpdateCollisionError' },
  CONTENT_KEY_REQUIRED: { status: 403, type: 'NoPermissionError' },
};

interface GhostError {
  message: string;
  context: string | null;
  type: string;
  details: Array<{ field: string; message: string }> | null;
  property: string | null;
  help: string | null;
  code: string | null;
  id: string;
  ghostErrorCode: null;
}

/** An error as Ghost's APIs answer it: `{"errors": [{message, context, type, …}]}` with Ghost's status. */
function toGhostError(error: FastifyError | AppError): { status: number; body: { errors: [GhostError] } } {
  const base = { details: null, property: null, help: null, id: randomUUID(), ghostErrorCode: null } as const;
  if (isAppError(error)) {
    const form = ghostForms[error.code] ?? { status: httpStatus[error.code], type: typeByStatus[httpStatus[error.code]] ?? 'InternalServerError' };
    const fields = error.fields.length ? error.fields : null;
    return {
      status: form.status,
      body: {
        errors: [
          { ...base, message: error.message, context: fields ? fields.map((f) => `${f.field}: ${f.message}`).join('; ') : null, type: form.type, details: fields, property: fields?.[0]?.field ?? null, code: error.code },
        ],
      },
    };
  }
  const status = typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
  if (status >= 500) {
    return { status, body: { errors: [{ ...base, message: 'An unexpected error occurred, please try again.', context: null, type: 'InternalServerError', code: 'UNEXPECTED_ERROR' }] } };
  }
  const message =
    error.code === 'FST_ERR_CTP_BODY_TOO_LARGE'
      ? 'The request body is too large.'
      : error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE'
        ? 'That content type is not accepted here; send JSON.'
        : error.message.replace(/\s+at .*$/s, '').slice(0, 300);
  return { status, body: { errors: [{ ...base, message, context: null, type: typeByStatus[status] ?? 'BadRequestError', code: error.code ?? null }] } };
}

function send(reply: FastifyReply, status: number, body: unknown): FastifyReply {
  // Errors are never kept by caches: a key revoked or a post published changes the answer.
  return reply.code(status).header('cache-control', 'no-store').type('application/json; charset=utf-8').send(body);
}

/** A framework error found before any route ran (a broken escape, an over-long path part), in Ghost's envelope. */
export function sendGhostError(reply: FastifyReply, error: FastifyError): FastifyReply {
  const { status, body } = toGhostError(error);
  return send(reply, status, body);
}

/** Every answer under /ghost/api, errors and unknown addresses included, takes Ghost's error envelope. */
export function installGhostErrors(app: FastifyInstance, notFound: (request: FastifyRequest) => AppError): void {
  app.setErrorHandler(async (error: FastifyError, request, reply) => {
    const { status, body } = toGhostError(error);
    if (status >= 500) request.log.error({ err: error }, 'request failed');
    return send(reply, status, body);
  });
  app.setNotFoundHandler(async (request, reply) => {
    const { status, body } = toGhostError(notFound(request));
    return send(reply, status, body);
  });
}
