import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import fs from 'node:fs';
import { MEDIA_KEY, setCdnKeys } from '../cdn/index.js';
import { AppError } from '../errors/app-error.js';
// The AWS SDK is loaded only when a bucket is configured (storage-choice.ts), never for files on disk.
import type { S3Storage } from '../media/s3-storage.js';
import { FilesystemStorage, IMMUTABLE_CACHE, type MediaStorage } from '../media/storage.js';

/** What every answer under /media/ carries, whatever the store and whatever the status. */
export const MEDIA_POLICY = "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; sandbox";

/**
 * Serves uploaded files under /media/: from DATA_DIR/media, or streamed from the bucket (links
 * written before a CDN was set up keep working). Uploads are served from the site's own origin, so
 * every answer (files, 304s, ranges, misses) carries a policy that lets nothing in them run or
 * fetch: a file that slipped past the upload checks still cannot act with a signed-in reader's session.
 */
export async function mediaFileRoutes(media: FastifyInstance, { storage }: { storage: MediaStorage }): Promise<void> {
  media.addHook('onRequest', async (_request, reply) => {
    reply.header('content-security-policy', MEDIA_POLICY);
    reply.header('x-content-type-options', 'nosniff');
    setCdnKeys(reply, [], [MEDIA_KEY]);
  });
  if (storage instanceof FilesystemStorage) {
    fs.mkdirSync(storage.root, { recursive: true });
    await media.register(fastifyStatic, {
      root: storage.root,
      prefix: '/media/',
      decorateReply: false,
      index: false,
      dotfiles: 'deny',
      immutable: true,
      maxAge: '365d',
    });
  } else if (storage.kind === 's3') {
    const bucket = storage as S3Storage;
    media.route({
      method: ['GET', 'HEAD'],
      url: '/media/*',
      handler: async (request, reply) => {
        const key = (request.params as { '*': string })['*'];
        const segments = key.split('/');
        // As from the filesystem: folders and hidden files are not served.
        if (key === '' || key.endsWith('/') || segments.some((s) => s.startsWith('.'))) throw new AppError('FORBIDDEN', 'This file is not served.');
        // No stored key has control characters or is longer than a bucket allows: nothing to ask for.
        if (/[\u0000-\u001f\u007f]/.test(key) || Buffer.byteLength(key) > 1024) return reply.callNotFound();
        const headers = request.headers;
        const answer = await bucket.open(key, {
          // One range, as a start, a start and an end, or a length from the end; anything else gets the whole file.
          range: typeof headers.range === 'string' && /^bytes=(\d+-\d*|-\d+)$/.test(headers.range) ? headers.range : undefined,
          ifNoneMatch: headers['if-none-match'],
          ifModifiedSince: headers['if-modified-since'],
          headOnly: request.method === 'HEAD',
        });
        if (answer.status === 404) return reply.callNotFound();
        if (answer.status === 416) return reply.code(416).send();
        reply.headers({ ...answer.headers, 'cache-control': IMMUTABLE_CACHE, 'accept-ranges': 'bytes' });
        if (answer.status === 304) return reply.code(304).send();
        return reply.code(answer.status).send(answer.body);
      },
    });
  }
  // Other methods find nothing here either, but through this scope, so their answers carry the policy too.
  media.route({ method: ['POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'], url: '/media/*', handler: (_request, reply) => reply.callNotFound() });
}
