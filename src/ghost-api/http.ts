import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { textProblem } from '../content/text.js';
import { slugParams } from '../content-api/http.js';
import { AppError, type FieldError } from '../errors/app-error.js';
import { parseInput } from '../errors/validate.js';
import type { ErrorCode } from '../errors/codes.js';

type Handler = (request: FastifyRequest, reply: FastifyReply) => Promise<unknown>;

/** Ghost's addresses end with a slash; both forms are answered. */
export function route(app: FastifyInstance, method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, handler: Handler): void {
  app.route({ method, url: `${path}/`, handler });
  app.route({ method, url: path, handler });
}

/** Masthead ids are whole numbers; any other id names nothing, so it is "not found", not bad input. */
export function idFrom(request: FastifyRequest, notFound: ErrorCode, what: string): number {
  const raw = (request.params as { id: string }).id;
  const id = /^\d{1,15}$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(id) || id < 1) throw new AppError(notFound, `No ${what} has the id ${raw.slice(0, 40)}.`);
  return id;
}

export function slugFrom(request: FastifyRequest): string {
  return parseInput(slugParams, request.params).slug;
}

/**
 * Refuses control characters (NUL above all, which PostgreSQL cannot store or compare) and broken
 * UTF-16 in every query parameter and address part, before any of them reaches a query.
 */
export function refuseControlCharacters(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    const problems: FieldError[] = [];
    for (const source of [request.params, request.query]) {
      for (const [field, value] of Object.entries((source ?? {}) as Record<string, unknown>)) {
        for (const text of Array.isArray(value) ? value : [value]) {
          const problem = typeof text === 'string' ? textProblem(text, true) : undefined;
          if (problem) problems.push({ field, message: problem });
        }
      }
    }
    if (problems.length > 0) throw AppError.validation(problems);
  });
}
