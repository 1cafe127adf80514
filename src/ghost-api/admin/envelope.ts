import type { FastifyRequest } from 'fastify';
import { AppError } from '../../errors/app-error.js';
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
