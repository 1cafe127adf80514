import { Readable } from 'node:stream';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../errors/app-error.js';

/** Content types whose bodies are handed to the route as a stream instead of being read whole. */
export const streamedTypes = ['text/csv', 'application/octet-stream'];

/**
 * Leaves bodies of the streamed types unread until a route asks for them with streamedBody, so
 * files are never buffered whole by the server and are read only after the route has checked
 * who is sending them. Routes that do not ask never read them.
 */
export function streamBodies(app: FastifyInstance): void {
  app.addContentTypeParser(streamedTypes, (_request, payload, done) => done(null, payload));
}

/**
 * The body of a request of a streamed type, piece by piece as it arrives, up to maxBytes: a
 * declared length over the limit is refused before anything is read, and a body without one is
 * refused as soon as it passes the limit.
 */
export async function* streamedBody(request: FastifyRequest, maxBytes: number): AsyncGenerator<Buffer> {
  const body = request.body;
  if (!(body instanceof Readable)) {
    throw new AppError('CONTENT_TYPE_UNSUPPORTED', `Send the file itself as the body, as ${streamedTypes.join(' or ')}.`);
  }
  const tooLarge = () => new AppError('BODY_TOO_LARGE', `The file is larger than ${Math.round(maxBytes / 1024 / 1024)} MB.`);
  if (Number(request.headers['content-length']) > maxBytes) throw tooLarge();
  let received = 0;
  // The stream stays open when reading stops early, so the answer can still go out on it.
  for await (const piece of body.iterator({ destroyOnReturn: false }) as AsyncIterable<Buffer>) {
    received += piece.length;
    if (received > maxBytes) throw tooLarge();
    yield piece;
  }
}
