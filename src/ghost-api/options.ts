import { z } from 'zod';
import { parseInput } from '../errors/validate.js';

/** The most items one page holds; as in Ghost 6, `limit=all` and larger limits give this many. */
const MAX_PAGE_SIZE = 100;
const DEFAULT_PAGE_SIZE = 15;

const once = (name: string) => z.string({ message: `give ${name} once, as text` });

/** A comma separated list whose every entry must be one of `allowed`. */
const listOf = (name: string, allowed: readonly string[]) =>
  once(name)
    .max(2000, 'is too long')
    .transform((text) =>
      text
        .split(',')
        .map((part) => part.trim())
        .filter(Boolean),
    )
    .refine((parts) => parts.every((p) => allowed.includes(p)), {
      message: `may only name ${allowed.join(', ')}`,
    });

const limit = z
  .union([z.literal('all'), once('limit').regex(/^\d{1,9}$/, 'must be a whole number from 1, or all')], { message: 'must be a whole number from 1, or all' })
  .transform((value) => (value === 'all' ? MAX_PAGE_SIZE : Number(value)))
  .refine((n) => n >= 1, 'must be at least 1')
  .transform((n) => Math.min(n, MAX_PAGE_SIZE));

const page = once('page')
  .regex(/^\d{1,6}$/, 'must be a whole number from 1')
  .transform(Number)
  .refine((n) => n >= 1, 'must be at least 1');

interface Shape {
  include: readonly string[];
  fields: readonly string[];
  formats: readonly string[];
}

export interface ReadOptions {
  include: Set<string>;
  fields: string[] | undefined;
  formats: Set<string>;
}

export interface BrowseOptions extends ReadOptions {
  filter: string | undefined;
  order: string | undefined;
  limit: number;
  page: number;
}

function readSchema(shape: Shape) {
  return {
    include: listOf('include', shape.include).optional(),
    fields: listOf('fields', shape.fields).optional(),
    formats: listOf('formats', shape.formats).optional(),
  };
}

function toRead(parsed: { include?: string[]; fields?: string[]; formats?: string[] }, defaultFormats: readonly string[]): ReadOptions {
  return { include: new Set(parsed.include ?? []), fields: parsed.fields, formats: new Set(parsed.formats ?? defaultFormats) };
}

/** Schemas are built once per shape: building one costs more than the rest of a kept answer. */
const readSchemas = new WeakMap<Shape, z.ZodType<{ include?: string[]; fields?: string[]; formats?: string[] }>>();
const browseSchemas = new WeakMap<Shape, ReturnType<typeof browseSchema>>();

function browseSchema(shape: Shape) {
  return z
    .object({
      ...readSchema(shape),
      filter: once('filter').optional(),
      order: once('order').max(500, 'is too long').optional(),
      limit: limit.optional(),
      page: page.optional(),
    })
    .loose();
}

function remembered<T>(schemas: WeakMap<Shape, T>, shape: Shape, build: (shape: Shape) => T): T {
  let schema = schemas.get(shape);
  if (!schema) schemas.set(shape, (schema = build(shape)));
  return schema;
}

/**
 * Options of one item (`include`, `fields`, `formats`). Parameters Ghost's clients send that
 * have no meaning here (the key, a repeated slug) are ignored, as Ghost ignores them.
 */
export function readOptions(query: unknown, shape: Shape, defaultFormats: readonly string[] = ['html']): ReadOptions {
  return toRead(
    parseInput(
      remembered(readSchemas, shape, (s) => z.object(readSchema(s)).loose()),
      query,
    ),
    defaultFormats,
  );
}

/** Options of a list: those of an item plus `filter`, `order`, `limit` and `page`. */
export function browseOptions(query: unknown, shape: Shape, defaultFormats: readonly string[] = ['html']): BrowseOptions {
  const parsed = parseInput(remembered(browseSchemas, shape, browseSchema), query);
  return { ...toRead(parsed, defaultFormats), filter: parsed.filter, order: parsed.order, limit: parsed.limit ?? DEFAULT_PAGE_SIZE, page: parsed.page ?? 1 };
}
