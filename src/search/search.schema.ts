import { z } from 'zod';
import { postFormats, type PostFormat } from '../content/index.js';
import { MAX_QUERY_CHARS } from './search.query.js';

const blankToUndefined = (value: unknown) => (value === '' || value === null ? undefined : value);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional());

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD')
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value), {
    message: 'is not a calendar date',
  });
const slug = z
  .string()
  .max(190)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a slug (lower-case letters, digits, hyphens)');

/** A search request as it arrives from a query string or a caller. Long queries are cut, not refused. */
export const searchInput = z
  .object({
    q: z.preprocess(
      (value) => value ?? '',
      z.string().transform((q) => q.slice(0, MAX_QUERY_CHARS)),
    ),
    section: optional(slug),
    format: optional(z.enum(Object.keys(postFormats) as [PostFormat, ...PostFormat[]])),
    author: optional(slug),
    from: optional(day),
    to: optional(day),
    page: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(1000).default(1)),
    limit: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(50).default(10)),
  })
  .refine((input) => !input.from || !input.to || input.from <= input.to, { message: 'must not be before from', path: ['to'] });

export type SearchInput = z.output<typeof searchInput>;
