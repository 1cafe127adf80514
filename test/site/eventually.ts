import type { FastifyInstance } from 'fastify';
import { vi } from 'vitest';

/** Waits for a page to answer as expected (changes apply as soon as their event is handled). */
export async function eventually(app: FastifyInstance, url: string, check: (res: { statusCode: number; body: string }) => void): Promise<void> {
  await vi.waitFor(
    async () => {
      const res = await app.inject(url);
      check({ statusCode: res.statusCode, body: res.body });
    },
    { timeout: 5000, interval: 20 },
  );
}
