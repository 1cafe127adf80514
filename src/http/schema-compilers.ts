import { createRequire } from 'node:module';
import type { FastifyServerOptions } from 'fastify';

type CompilersFactory = NonNullable<NonNullable<FastifyServerOptions['schemaController']>['compilersFactory']>;
type ValidatorFactory = NonNullable<CompilersFactory['buildValidator']>;
type SerializerFactory = NonNullable<CompilersFactory['buildSerializer']>;

// Resolved from Fastify's own folder: these are the compilers of the Fastify version in use.
const fromFastify = createRequire(createRequire(import.meta.url).resolve('fastify'));

/**
 * Fastify's own schema compilers (Ajv and fast-json-stringify, ~120 files), loaded the first time
 * a route with a Fastify schema is set up. Fastify would load them as it is created; routes here
 * check input with zod, so a server that registers no such route never loads them. Each
 * compiler is made once per app, as Fastify does, so its cache of compiled schemas is kept.
 */
export function lazySchemaCompilers(): CompilersFactory {
  let validator: ValidatorFactory | undefined;
  let serializer: SerializerFactory | undefined;
  return {
    buildValidator: (...args) => (validator ??= (fromFastify('@fastify/ajv-compiler') as () => ValidatorFactory)())(...args),
    buildSerializer: (...args) => (serializer ??= (fromFastify('@fastify/fast-json-stringify-compiler') as () => SerializerFactory)())(...args),
  };
}
