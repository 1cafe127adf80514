import { request } from './client';
import type { Author, Tag } from './types';

export interface TagInput {
  name: string;
  slug?: string;
  description?: string;
  accentColor?: string | null;
  isSection?: boolean;
}

export const listTags = () => request<{ tags: Tag[] }>('GET', '/tags').then((r) => r.tags);
export const createTag = (input: TagInput) => request<{ tag: Tag }>('POST', '/tags', input).then((r) => r.tag);
export const updateTag = (slug: string, input: Partial<TagInput>) =>
  request<{ tag: Tag }>('PATCH', `/tags/${slug}`, input).then((r) => r.tag);
export const deleteTag = (slug: string) => request<void>('DELETE', `/tags/${slug}`);
export const listAuthors = () => request<{ authors: Author[] }>('GET', '/authors').then((r) => r.authors);
