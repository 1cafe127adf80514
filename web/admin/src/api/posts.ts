import { query, request } from './client';
import type { Post, PostFormat, PostInput, PostStatus, Revision } from './types';

export interface PostFilter {
  type?: 'post' | 'page';
  status?: PostStatus | '';
  tag?: string;
  author?: string;
  format?: PostFormat | '';
  q?: string;
  page?: number;
}

export interface PostList {
  posts: Post[];
  total: number;
  page: number;
  pages: number;
}

export const listPosts = (filter: PostFilter) => request<PostList>('GET', `/posts${query({ ...filter })}`);
export const getPost = (id: number) => request<{ post: Post }>('GET', `/posts/${id}`).then((r) => r.post);
export const createPost = (input: PostInput) => request<{ post: Post }>('POST', '/posts', input).then((r) => r.post);

/** Saves changes made on top of `revision`; the server answers 409 REVISION_CONFLICT if someone saved since. */
export const updatePost = (id: number, revision: number, patch: Partial<PostInput>, options: { keepalive?: boolean } = {}) =>
  request<{ post: Post }>('PATCH', `/posts/${id}`, { ...patch, revision }, options).then((r) => r.post);

export const deletePost = (id: number) => request<void>('DELETE', `/posts/${id}`);
export const publishPost = (id: number) => request<{ post: Post }>('POST', `/posts/${id}/publish`, {}).then((r) => r.post);
export const unpublishPost = (id: number) => request<{ post: Post }>('POST', `/posts/${id}/unpublish`, {}).then((r) => r.post);
export const schedulePost = (id: number, publishedAt: string) =>
  request<{ post: Post }>('POST', `/posts/${id}/schedule`, { publishedAt }).then((r) => r.post);

export const listRevisions = (id: number) =>
  request<{ revisions: Revision[] }>('GET', `/posts/${id}/revisions`).then((r) => r.revisions);
export const getRevision = (id: number, revisionId: number) =>
  request<{ revision: Revision & { post: Post } }>('GET', `/posts/${id}/revisions/${revisionId}`).then((r) => r.revision);
export const restoreRevision = (id: number, revisionId: number) =>
  request<{ post: Post }>('POST', `/posts/${id}/revisions/${revisionId}/restore`, {}).then((r) => r.post);

/** The address of the post rendered exactly as the public page, drafts included. */
export const previewUrl = (id: number) => `/admin/api/posts/${id}/preview`;
