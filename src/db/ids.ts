import { z } from 'zod';

/** The largest whole number an `integer` column holds on PostgreSQL (ids, revision numbers). */
export const MAX_STORED_INTEGER = 2_147_483_647;

/**
 * An id that comes from outside (a path, a query string, a body): a positive whole number the
 * tables can hold. PostgreSQL refuses to even compare a larger one with an `integer` column, so
 * without this bound such an id failed there while SQLite simply found nothing.
 */
export const recordId = z.coerce.number({ message: 'must be a number' }).int('must be a whole number').positive('must be positive').max(MAX_STORED_INTEGER, `must be at most ${MAX_STORED_INTEGER}`);
