import { isUniqueViolation } from '../db/errors.js';
import { AppError } from '../errors/app-error.js';

/** Runs a write that stores a slug; a slug already in use becomes SLUG_TAKEN on the `slug` field. */
export async function withUniqueSlug<T>(thing: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('SLUG_TAKEN', `Another ${thing} already uses that slug.`, [{ field: 'slug', message: 'is taken' }]);
    throw error;
  }
}
