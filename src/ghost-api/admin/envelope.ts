import type { FastifyRequest } from 'fastify';
import { AppError, isAppError } from '../../errors/app-error.js';
import type { StaffUser } from '../../staff/index.js';

/** The one item of a Ghost write body: `{"posts": [{…}]}`. */
export function single(body: unknown, key: string): Record<string, unknown> {
  const list = typeof body === 'object' && body !== null ? (body as Record<string, unknown>)[key] : undefined;
  const item = Array.isArray(list) && list.length === 1 ? list[0] : undefined;
  if (typeof item !== 'object' || item === null || Array.isArray(item)) {
    throw AppError.validation([{ field: key, message: `must be a list holding one item: {"${key}": [{…}]}` }]);
  }
  return item as Record<string, unknown>;
}

/** Who the request acts as: the staff member whose Admin API key signed it. */
export function staffOf(request: FastifyRequest): StaffUser {
  if (!request.staff) throw new AppError('NOT_SIGNED_IN');
  return request.staff;
}

/**
 * Rethrows a domain error with its fields named as the client named them, under the item
 * (`posts.0.published_at` for Masthead's `publishedAt`). `names` maps Masthead's names to Ghost's.
 */
export function inGhostTerms(prefix: string, names: Record<string, string>) {
  return (error: unknown): never => {
    if (!isAppError(error) || error.fields.length === 0) throw error;
    const fields = error.fields.map(({ field, message }) => {
      const known = Object.keys(names)
        .filter((name) => field === name || field.startsWith(`${name}.`))
        .sort((a, b) => b.length - a.length)[0];
      return { field: `${prefix}.${known ? names[known] + field.slice(known.length) : field}`, message };
    });
    throw error.code === 'VALIDATION_FAILED' ? AppError.validation(fields) : new AppError(error.code, error.message, fields);
  };
}
