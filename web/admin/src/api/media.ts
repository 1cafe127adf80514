import { query, request } from './client';
import type { MediaItem } from './types';

export const listMedia = (q = '') => request<{ media: MediaItem[] }>('GET', `/media${query({ q })}`).then((r) => r.media);

/** Uploads one file with its alt text; the server checks type, size and content and answers why it refuses. */
export function uploadMedia(file: File, alt: string): Promise<MediaItem> {
  const form = new FormData();
  form.set('alt', alt);
  form.set('file', file, file.name);
  return request<{ media: MediaItem }>('POST', '/media', undefined, { raw: form }).then((r) => r.media);
}

export const updateMedia = (id: number, patch: { alt?: string; caption?: string; credit?: string }) =>
  request<{ media: MediaItem }>('PATCH', `/media/${id}`, patch).then((r) => r.media);
export const deleteMedia = (id: number) => request<void>('DELETE', `/media/${id}`);
