import { answer, api } from './client';

/** Works in the library whose title matches; the request is aborted when the title changes again. */
export const searchWorks = (q: string, signal: AbortSignal) => answer(api.GET('/admin/api/works', { params: { query: { q } }, signal })).then((r) => r.works);
/** People in the library whose name matches. */
export const searchPeople = (q: string, signal: AbortSignal) => answer(api.GET('/admin/api/people', { params: { query: { q } }, signal })).then((r) => r.people);
