import fc from 'fast-check';
import { hostileString, hostileValue, ownKey, prototypeKey } from './hostile.js';

/** The subset of JSON Schema (draft 2020-12) the admin API's OpenAPI document uses. */
export interface JsonSchema {
  type?: string | string[];
  enum?: unknown[];
  anyOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  format?: string;
  default?: unknown;
}

/** Values that fit a property by its name (a known slug, an email address), where the schema alone says only "a string". */
export type Hints = Record<string, fc.Arbitrary<unknown>>;

/**
 * Values for a schema, in one of two moods. "valid": what a careful client sends, inside every
 * limit, so requests get past validation and reach the service and the database. "hostile":
 * mostly shaped like the schema but often just past its limits, and one value in five replaced
 * by a wrong type, odd unicode, a huge or deeply nested value, or a prototype key.
 */
export function fromSchema(schema: JsonSchema, mood: 'valid' | 'hostile', hints: Hints = {}, name = ''): fc.Arbitrary<unknown> {
  const fitting = shaped(schema, mood, hints, name);
  if (mood === 'valid') return fitting;
  return fc.oneof({ arbitrary: fitting, weight: 4 }, { arbitrary: hostileValue, weight: 1 });
}

function shaped(schema: JsonSchema, mood: 'valid' | 'hostile', hints: Hints, name: string): fc.Arbitrary<unknown> {
  const hint = schema.type === 'array' || schema.type === 'object' ? undefined : hints[name];
  const own = ownShape(schema, mood, hints, name);
  if (!hint) return own;
  return mood === 'valid' ? hint : fc.oneof(hint, own);
}

function ownShape(schema: JsonSchema, mood: 'valid' | 'hostile', hints: Hints, name: string): fc.Arbitrary<unknown> {
  if (schema.enum) return mood === 'valid' ? fc.constantFrom(...schema.enum) : fc.oneof(fc.constantFrom(...schema.enum), hostileString);
  if (schema.anyOf) return fc.oneof(...schema.anyOf.map((option) => fromSchema(option, mood, hints, name)));
  if (Array.isArray(schema.type)) return fc.oneof(...schema.type.map((type) => shaped({ ...schema, type }, mood, hints, name)));
  switch (schema.type) {
    case 'string':
      return text(schema, mood);
    case 'integer':
      return number(schema, true, mood);
    case 'number':
      return number(schema, false, mood);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return list(schema, mood, hints, name);
    case 'object':
      return object(schema, mood, hints);
    default:
      return mood === 'valid' ? fc.jsonValue({ maxDepth: 2 }) : fc.oneof(fc.jsonValue({ maxDepth: 3 }), hostileValue);
  }
}

function text(schema: JsonSchema, mood: 'valid' | 'hostile'): fc.Arbitrary<string> {
  const min = schema.minLength ?? 0;
  const max = schema.maxLength ?? 200;
  const short = Math.max(min, Math.min(max, 40));
  if (schema.pattern) {
    // fast-check cannot generate lookarounds; without them the strings are still near the pattern.
    const matching = fc.stringMatching(new RegExp(schema.pattern.replace(/\(\?<?[=!][^)]*\)/g, '')));
    const options = schema.pattern.includes('\\d{4}-\\d{2}-\\d{2}') ? dates(schema.pattern.includes('T')) : [];
    return mood === 'valid' && options.length ? fc.oneof(...options) : fc.oneof(matching, ...options);
  }
  if (mood === 'valid')
    return fc.oneof(fc.string({ minLength: Math.max(min, 1), maxLength: Math.max(min, 1, short) }), fc.string({ unit: 'grapheme', minLength: Math.max(min, 1), maxLength: Math.max(min, 1, Math.min(short, 20)) }));
  return fc.oneof(
    fc.string({ minLength: min, maxLength: short }),
    fc.string({ unit: 'grapheme', minLength: min, maxLength: Math.max(min, Math.min(short, 20)) }),
    // Right at the limits and just past them, with multi-byte characters.
    fc.constantFrom('a'.repeat(max), 'é'.repeat(max), '𝕏'.repeat(Math.ceil(max / 2)), 'a'.repeat(max + 1), 'a'.repeat(Math.max(0, min - 1))),
  );
}

/** Real dates and times (the regex alone makes "2026-19-45"), from far past to far future. */
function dates(withTime: boolean): fc.Arbitrary<string>[] {
  const iso = fc.date({ min: new Date('0001-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59Z'), noInvalidDate: true }).map((d) => d.toISOString());
  const soon = fc.integer({ min: -400, max: 400 }).map((days) => new Date(Date.now() + days * 86_400_000).toISOString());
  return withTime ? [iso, soon, soon] : [iso.map((s) => s.slice(0, 10)), soon.map((s) => s.slice(0, 10))];
}

function number(schema: JsonSchema, integer: boolean, mood: 'valid' | 'hostile'): fc.Arbitrary<number> {
  const lowest = schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : -1_000_000);
  const highest = Math.min(schema.maximum ?? 1_000_000, Number.MAX_SAFE_INTEGER);
  const from = Math.max(lowest, -5);
  const small = fc.integer({ min: from, max: Math.max(from, Math.min(highest, from + 45)) });
  const inRange = integer ? fc.integer({ min: Math.max(lowest, -(2 ** 31)), max: Math.min(highest, 2 ** 31) }) : fc.double({ min: lowest, max: highest, noNaN: true });
  if (mood === 'valid') return fc.oneof(small, small, inRange);
  return fc.oneof(small, small, fc.constantFrom(lowest, highest, lowest - 1, highest + 1, 0, -1), inRange);
}

function list(schema: JsonSchema, mood: 'valid' | 'hostile', hints: Hints, name: string): fc.Arbitrary<unknown[]> {
  const items = schema.items ? fromSchema(schema.items, mood, hints, name) : hostileValue;
  const min = schema.minItems ?? 0;
  const max = schema.maxItems ?? 10;
  const length = { minLength: min, maxLength: Math.min(max, Math.max(min, 4)) };
  // Careful clients do not repeat an item; others do, and send one item more than allowed.
  if (mood === 'valid') return fc.uniqueArray(items, { ...length, selector: (item) => JSON.stringify(item) });
  return fc.oneof(fc.array(items, length), fc.array(items, { minLength: max + 1, maxLength: max + 1 }));
}

function object(schema: JsonSchema, mood: 'valid' | 'hostile', hints: Hints): fc.Arbitrary<Record<string, unknown>> {
  const required = new Set(schema.required ?? []);
  const fields = Object.entries(schema.properties ?? {}).map(([key, property]) =>
    fc.tuple(fc.constant(key), fromSchema(property, mood, hints, key), fc.integer({ min: 0, max: 99 })).map(([k, value, roll]) => {
      // Required fields are (nearly always) there; optional ones half the time, or a third when careful.
      const present = required.has(k) ? mood === 'valid' || roll < 95 : roll < (mood === 'valid' ? 33 : 50);
      return present ? ([k, value] as const) : null;
    }),
  );
  const stray = mood === 'valid' ? fc.constant(null) : fc.option(fc.tuple(fc.oneof(prototypeKey, fc.constant('unknownField'), hostileString), hostileValue), { freq: 8 });
  return fc.tuple(fc.tuple(...fields), stray).map(([entries, extra]) => {
    const target: Record<string, unknown> = {};
    for (const entry of entries) if (entry) target[entry[0]] = entry[1];
    return extra ? { ...target, ...ownKey(extra[0], extra[1]) } : target;
  });
}
