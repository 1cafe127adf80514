import { queryOptions } from '@tanstack/react-query';
import { answer, api, request } from './client';
import type { Answer } from './types';

export type ModeratedComment = Answer<'/admin/api/comments', 'get'>['comments'][number];
export type CommentStatus = ModeratedComment['status'];

/** The moderation list, newest first: one status (or all) and one piece (or all). */
export const commentList = (filter: { status?: CommentStatus; postId?: number }) =>
  queryOptions({
    queryKey: ['comments', filter],
    queryFn: ({ signal }) =>
      answer(
        api.GET('/admin/api/comments', {
          params: { query: { ...(filter.status ? { status: filter.status } : {}), ...(filter.postId ? { postId: String(filter.postId) } : {}), limit: '100' } },
          signal,
        }),
      ).then((r) => r.comments),
  });

export const approveComment = (id: number) => request<ModeratedComment>('POST', `/comments/${id}/approve`, {});
export const hideComment = (id: number) => request<ModeratedComment>('POST', `/comments/${id}/hide`, {});
export const deleteComment = (id: number) => request<void>('DELETE', `/comments/${id}`);
export const stopMember = (memberId: number) => request<void>('PUT', `/comments/stopped-members/${memberId}`, {});
export const allowMember = (memberId: number) => request<void>('DELETE', `/comments/stopped-members/${memberId}`);

export type CommentAccess = Answer<'/admin/api/comments/settings', 'get'>['access'];
export type PostCommentAccess = Answer<'/admin/api/comments/posts/{id}/access', 'get'>;

/** Who may comment on pieces without a rule of their own. */
export const commentSettings = queryOptions({
  queryKey: ['comments', 'settings'],
  queryFn: ({ signal }) => answer(api.GET('/admin/api/comments/settings', { signal })).then((r) => r.access),
});
/** A piece's own rule (null: the site's) and the rule that applies to it. */
export const postCommentAccess = (postId: number) =>
  queryOptions({
    queryKey: ['comments', 'posts', postId],
    queryFn: ({ signal }) => answer(api.GET('/admin/api/comments/posts/{id}/access', { params: { path: { id: String(postId) } }, signal })),
  });
export const setCommentSettings = (access: CommentAccess) => request<{ access: CommentAccess }>('PUT', '/comments/settings', { access });
export const setPostCommentAccess = (postId: number, access: CommentAccess | 'inherit') => request<PostCommentAccess>('PUT', `/comments/posts/${postId}/access`, { access });
