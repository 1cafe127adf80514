import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError, isAppError } from '../errors/app-error.js';
import { MAX_UPLOAD_BYTES, mediaText, type MediaService, type Upload } from '../media/index.js';
import { authorize } from '../staff/index.js';
import type { EndpointRegistry } from './endpoint.js';
import { idParams, pageInfo, pageQuery } from './schemas.js';

const variantOut = z.object({ format: z.enum(['avif', 'webp', 'jpeg']), width: z.number(), height: z.number(), url: z.string(), bytes: z.number() });
const mediaOut = z.object({
  id: z.number(),
  url: z.string(),
  kind: z.enum(['image', 'svg']),
  mime: z.string(),
  filename: z.string(),
  bytes: z.number(),
  width: z.number(),
  height: z.number(),
  alt: z.string(),
  caption: z.string().nullable(),
  credit: z.string().nullable(),
  variants: z.array(variantOut),
  uploadedBy: z.number().nullable(),
  createdAt: z.string(),
});
const mediaEnvelope = z.object({ media: mediaOut });
const uploadDoc = mediaText.extend({ file: z.string().meta({ format: 'binary', description: `The image, at most ${MAX_UPLOAD_BYTES / 1024 / 1024} MB` }) });

/** Reads a multipart upload: the one file and the text fields, in any order. */
export async function readUpload(request: FastifyRequest): Promise<{ file: Upload | undefined; fields: Record<string, string> }> {
  if (!request.isMultipart()) {
    throw AppError.validation([{ field: '(input)', message: 'must be multipart/form-data with a file and its alt text' }]);
  }
  const fields: Record<string, string> = {};
  let file: Upload | undefined;
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        const data = await part.toBuffer();
        if (part.fieldname !== 'file') throw AppError.validation([{ field: part.fieldname, message: 'unknown file field; send the image as "file"' }]);
        file = { data, filename: part.filename, mimetype: part.mimetype };
      } else {
        fields[part.fieldname] = String(part.value);
      }
    }
  } catch (error) {
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
      throw new AppError('MEDIA_TOO_LARGE', `The file is larger than ${MAX_UPLOAD_BYTES / 1024 / 1024} MB.`, [{ field: 'file', message: `is larger than ${MAX_UPLOAD_BYTES / 1024 / 1024} MB` }]);
    }
    // The multipart plugin's own errors carry a 4xx status; anything else while reading the body
    // (above all, a body that ends in the middle of the file) is the upload's fault, not ours.
    const status = (error as { statusCode?: number }).statusCode;
    if (isAppError(error) || (status !== undefined && status < 500)) throw error;
    throw AppError.validation([{ field: '(input)', message: 'is cut short or is not valid multipart/form-data' }]);
  }
  return { file, fields };
}

export function adminMediaRoutes(api: EndpointRegistry, media: MediaService): void {
  api.add({
    method: 'POST',
    url: '/media',
    summary: 'Upload an image (multipart: file, alt, caption, credit); made into AVIF, WebP and JPEG sizes, metadata removed',
    tag: 'media',
    access: 'staff',
    bodyDoc: uploadDoc,
    bodyType: 'multipart/form-data',
    response: mediaEnvelope,
    status: 201,
    handler: async ({ request, staff }) => {
      const { file, fields } = await readUpload(request);
      return { media: await media.upload(file, fields, staff) };
    },
  });

  api.add({
    method: 'GET',
    url: '/media',
    summary: 'The media library, newest first; q searches alt text, captions and file names',
    tag: 'media',
    access: 'staff',
    query: z.object({ q: z.string().trim().max(200, 'must be at most 200 characters').optional(), ...pageQuery }).strict(),
    response: z.object({ media: z.array(mediaOut), page: pageInfo }),
    handler: async ({ query }) => {
      const { items, total } = await media.list(query);
      return { media: items, page: { total, limit: query.limit, offset: query.offset } };
    },
  });

  api.add({
    method: 'GET',
    url: '/media/:id',
    summary: 'One library item',
    tag: 'media',
    access: 'staff',
    params: idParams,
    response: mediaEnvelope,
    handler: async ({ params }) => ({ media: await media.get(params.id) }),
  });

  api.add({
    method: 'PUT',
    url: '/media/:id',
    summary: 'Change alt text, caption and credit (editors, administrators, or whoever uploaded it)',
    tag: 'media',
    access: 'staff',
    params: idParams,
    body: mediaText,
    response: mediaEnvelope,
    handler: async ({ params, body, staff }) => {
      authorize(staff, { do: 'media.edit', media: await media.get(params.id) });
      return { media: await media.updateText(params.id, body) };
    },
  });

  api.add({
    method: 'DELETE',
    url: '/media/:id',
    summary: 'Delete an item and its files (editors, administrators, or whoever uploaded it)',
    tag: 'media',
    access: 'staff',
    params: idParams,
    response: null,
    handler: async ({ params, staff }) => {
      await media.delete(params.id, staff);
    },
  });
}
