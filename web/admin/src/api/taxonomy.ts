import { queryOptions } from '@tanstack/react-query';
import { answer, api, request } from './client';
import type { Body, Tag } from './types';

/** A tag as sent when adding or replacing one; visibility left out on a replace keeps what the tag had. */
export type TagInput = Body<'/admin/api/tags', 'post'>;

export const createTag = (input: TagInput) => request<{ tag: Tag }>('POST', '/tags', input).then((r) => r.tag);
/** Replaces every field of a tag. */
export const replaceTag = (slug: string, input: TagInput) => request<{ tag: Tag }>('PUT', `/tags/${slug}`, input).then((r) => r.tag);

export const tagList = queryOptions({
  queryKey: ['tags'],
  queryFn: ({ signal }) => answer(api.GET('/admin/api/tags', { signal })).then((r) => r.tags),
});
export const authorList = queryOptions({
  queryKey: ['authors'],
  queryFn: ({ signal }) => answer(api.GET('/admin/api/authors', { signal })).then((r) => r.authors),
});
