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
