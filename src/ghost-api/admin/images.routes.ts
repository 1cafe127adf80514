import type { FastifyInstance } from 'fastify';
import { readUpload } from '../../admin-api/media.routes.js';
import { AppError } from '../../errors/app-error.js';
import type { MediaService } from '../../media/index.js';
import { route } from '../http.js';
import { staffOf } from './envelope.js';

/**
 * `/images/upload/`: an image into the media library, through the same checks and processing as
 * the admin's uploads, answered as Ghost does (`{images: [{url, ref}]}`). Ghost's clients send no
 * alt text; the image takes `ref` (when given) or its file name as alt text until an editor
 * writes one in the media library.
 */
export function ghostAdminImageRoutes(app: FastifyInstance, deps: { media: MediaService; publicUrl: string }): void {
  route(app, 'POST', '/images/upload', async (request, reply) => {
    const { file, fields } = await readUpload(request);
    const purpose = fields.purpose ?? 'image';
    if (!['image', 'profile_image', 'icon'].includes(purpose)) {
      throw AppError.validation([{ field: 'purpose', message: 'must be image, profile_image or icon' }]);
    }
    const alt = (fields.ref || file?.filename.replace(/\.[^.]*$/, '') || 'Image').replace(/\s+/g, ' ').trim().slice(0, 300) || 'Image';
    const item = await deps.media.upload(file, { alt }, staffOf(request));
    reply.code(201);
    return { images: [{ url: new URL(item.url, deps.publicUrl).toString(), ref: fields.ref ?? null }] };
  });
}
