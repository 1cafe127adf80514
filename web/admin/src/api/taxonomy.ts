import { queryOptions } from '@tanstack/react-query';
import { answer, api, request } from './client';
import type { Author, Tag } from './types';

export interface TagInput {
  name: string;
  slug?: string;
  description?: string;
  accentColor?: string;
  isSection?: boolean;
  navOrder?: number;
  /** Omitted on a replace: the tag keeps the visibility it had. */
  visibility?: Tag['visibility'];
}

export const listTags = () => request<{ tags: Tag[] }>('GET', '/tags').then((r) => r.tags);
export const createTag = (input: TagInput) => request<{ tag: Tag }>('POST', '/tags', input).then((r) => r.tag);
/** Replaces every field of a tag. */
export const replaceTag = (slug: string, input: TagInput) =>
  request<{ tag: Tag }>('PUT', `/tags/${slug}`, input).then((r) => r.tag);
export const listAuthors = () => request<{ authors: Author[] }>('GET', '/authors').then((r) => r.authors);

export const tagList = queryOptions({
  queryKey: ['tags'],
  queryFn: ({ signal }) => answer(api.GET('/admin/api/tags', { signal })).then((r) => r.tags),
});
export const authorList = queryOptions({
  queryKey: ['authors'],
  queryFn: ({ signal }) => answer(api.GET('/admin/api/authors', { signal })).then((r) => r.authors),
});
