import fastifyStatic from '@fastify/static';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';

/** Where `npm run build` puts the admin single-page app (the same place from src/ and dist/). */
export const adminAppDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web/admin/dist');

/**
 * Serves the built admin app at /admin/: hashed assets cached for a year, and index.html (never
 * cached) for every other address under /admin/ so the app's own routes survive a reload.
 * Addresses under /admin/api/ are left to the API, which answers unknown ones with a JSON 404.
 * Its Content-Security-Policy is the site's (src/http/security-headers.ts): only its own scripts.
 */
export async function adminAppRoutes(app: FastifyInstance, options: { dir?: string } = {}): Promise<void> {
  const dir = options.dir ?? adminAppDir;
  const indexFile = path.join(dir, 'index.html');
  const built = fs.existsSync(indexFile);

  if (built) {
    await app.register(fastifyStatic, {
      root: path.join(dir, 'assets'),
      prefix: '/admin/assets/',
      decorateReply: false,
      index: false,
      dotfiles: 'deny',
      wildcard: true,
      immutable: true,
      maxAge: '365d',
    });
  }

  app.get('/admin', async (_request, reply) => reply.header('cache-control', 'public, max-age=86400').redirect('/admin/', 301));

  app.get('/admin/*', async (request, reply) => {
    if (request.url.startsWith('/admin/api/') || request.url.startsWith('/admin/assets/')) return reply.callNotFound();
    reply.header('cache-control', 'no-store');
    if (!built) {
      return reply.code(503).type('text/plain; charset=utf-8').send('The admin app has not been built. Run `npm run build` and start the server again.');
    }
    return reply.type('text/html; charset=utf-8').send(await fs.promises.readFile(indexFile));
  });
}
