import { queryOptions } from '@tanstack/react-query';
import { answer, api, request } from './client';
import type { MediaItem } from './types';

export interface MediaText {
  alt: string;
  caption?: string;
  credit?: string;
}

type One = { media: MediaItem };

/** The newest images of the library. */
export const mediaLibrary = queryOptions({
  queryKey: ['media'],
  queryFn: ({ signal }) => answer(api.GET('/admin/api/media', { params: { query: { limit: 100 } }, signal })).then((r) => r.media),
});

/** Uploads one image with its text; the server checks type, size and content and says why it refuses. */
export function uploadMedia(file: File, text: MediaText): Promise<MediaItem> {
  const form = new FormData();
  form.set('alt', text.alt);
  if (text.caption) form.set('caption', text.caption);
  if (text.credit) form.set('credit', text.credit);
  form.set('file', file, file.name);
  return request<One>('POST', '/media', undefined, { raw: form }).then((r) => r.media);
}

export const updateMedia = (id: number, text: MediaText) => request<One>('PUT', `/media/${id}`, text).then((r) => r.media);
export const deleteMedia = (id: number) => request<void>('DELETE', `/media/${id}`);
