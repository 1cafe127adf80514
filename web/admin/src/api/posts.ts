import { queryOptions } from '@tanstack/react-query';
import { answer, api, present, request } from './client';
import { readOnce } from './query-client';
import type { Answer, Post, PostFormat, PostInput, PostStatus } from './types';

export const PAGE_SIZE = 20;

export interface PostFilter {
  type: 'post' | 'page';
  status?: PostStatus | '';
  section?: string;
  author?: string;
  format?: PostFormat | '';
  q?: string;
  /** A page's `page.next`: the page that follows it. */
  after?: string;
  limit?: number;
}

export type PostList = Answer<'/admin/api/posts', 'get'>;

export type BulkAction = 'publish' | 'unpublish' | 'delete' | 'restore';
export type BulkResult = Answer<'/admin/api/posts/bulk', 'post'>['results'][number];

type One = { post: Post };

/** One page of posts for a filter; the request is aborted when the screen asks for another. */
export const postList = (filter: PostFilter) =>
  queryOptions({
    queryKey: ['posts', 'list', filter],
    queryFn: ({ signal }) => answer(api.GET('/admin/api/posts', { params: { query: present({ limit: PAGE_SIZE, ...filter }) }, signal })),
  });
/** One post as saved; the editor reads it once and then keeps its own copy. */
export const postDetail = (id: number) =>
  queryOptions({
    queryKey: ['posts', id],
    queryFn: ({ signal }) => answer(api.GET('/admin/api/posts/{id}', { params: { path: { id } }, signal })).then((r) => r.post),
    meta: readOnce,
  });
export const createPost = (input: PostInput) => request<One>('POST', '/posts', input).then((r) => r.post);

/** Saves changes made on top of `revision`; the server answers 409 REVISION_CONFLICT if someone saved since. */
export const updatePost = (id: number, revision: number, patch: Partial<PostInput>, options: { keepalive?: boolean } = {}) => request<One>('PATCH', `/posts/${id}`, { ...patch, revision }, options).then((r) => r.post);

/** Moves a post to the bin; `restorePost` brings it back until `purgeAt`. */
export const deletePost = (id: number) => request<{ post: Post; purgeAt: string }>('DELETE', `/posts/${id}`);
export const restorePost = (id: number) => request<One>('POST', `/posts/${id}/restore`, {}).then((r) => r.post);
export const publishPost = (id: number) => request<One>('POST', `/posts/${id}/publish`, {}).then((r) => r.post);
export const unpublishPost = (id: number) => request<One>('POST', `/posts/${id}/unpublish`, {}).then((r) => r.post);
export const schedulePost = (id: number, publishedAt: string) => request<One>('POST', `/posts/${id}/schedule`, { publishedAt }).then((r) => r.post);

/** Runs one action over many posts; each post gets its own result. */
export const bulkAction = (action: BulkAction, ids: number[]) => request<{ results: BulkResult[] }>('POST', '/posts/bulk', { action, ids }).then((r) => r.results);

/** The earlier versions of a post as of its revision `revision`. */
export const revisionList = (id: number, revision: number) =>
  queryOptions({
    queryKey: ['posts', id, 'revisions', revision],
    queryFn: ({ signal }) => answer(api.GET('/admin/api/posts/{id}/revisions', { params: { path: { id } }, signal })).then((r) => r.revisions),
  });
export const restoreRevision = (id: number, revisionId: number, revision: number) => request<One>('POST', `/posts/${id}/revisions/${revisionId}/restore`, { revision }).then((r) => r.post);

/** The address of the post rendered exactly as the public page, drafts included. */
export const previewUrl = (id: number) => `/admin/api/posts/${id}/preview`;
