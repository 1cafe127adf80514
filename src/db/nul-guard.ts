import type { KyselyPlugin } from 'kysely';
import { AppError } from '../errors/app-error.js';

/**
 * Refuses any query carrying text with a NUL character, on both databases. PostgreSQL cannot
 * store or even compare such text and fails the whole query, so a NUL in a search term, a slug
 * in a path or a signed webhook used to become a server error there (and be stored as-is on
 * SQLite). Form fields already refuse control characters with a message naming the field; this
 * catches every other way in, as one "invalid input" answer.
 */
export const refuseNulText: KyselyPlugin = {
  transformQuery({ node }) {
    if (carriesNul(node)) throw AppError.validation([{ field: '(input)', message: 'contains a NUL character' }]);
    return node;
  },
  transformResult: async ({ result }) => result,
};

/** Looks through a query's nodes (values included) without copying them; binary values are skipped. */
function carriesNul(value: unknown): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (typeof value !== 'object' || value === null || ArrayBuffer.isView(value) || value instanceof Date) return false;
  if (Array.isArray(value)) return value.some(carriesNul);
  for (const key in value) if (carriesNul((value as Record<string, unknown>)[key])) return true;
  return false;
}
