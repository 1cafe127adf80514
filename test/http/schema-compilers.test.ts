import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { lazySchemaCompilers } from '../../src/http/schema-compilers.js';

describe("Fastify's schema compilers, loaded on first use", () => {
  it('still validate a body and serialize a reply by a Fastify schema', async () => {
    const app = Fastify({ schemaController: { compilersFactory: lazySchemaCompilers() } });
    app.post(
      '/echo',
      {
        schema: {
          body: { type: 'object', required: ['n'], properties: { n: { type: 'integer', minimum: 1 } } },
          response: { 200: { type: 'object', properties: { n: { type: 'integer' } } } },
        },
      },
      async (request) => ({ n: (request.body as { n: number }).n, secret: 'not in the schema' }),
    );
    try {
      const bad = await app.inject({ method: 'POST', url: '/echo', payload: { n: 0 } });
      expect(bad.statusCode).toBe(400);
      expect(bad.json()).toMatchObject({ code: 'FST_ERR_VALIDATION', message: 'body/n must be >= 1' });
      const good = await app.inject({ method: 'POST', url: '/echo', payload: { n: 3 } });
      expect(good.statusCode).toBe(200);
      expect(good.body).toBe('{"n":3}');
    } finally {
      await app.close();
    }
  });
});
