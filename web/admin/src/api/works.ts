import { query, request } from './client';
import type { PersonSummary, Work } from './types';

export const searchWorks = (q: string) => request<{ works: Work[] }>('GET', `/works${query({ q })}`).then((r) => r.works);
export const searchPeople = (q: string) =>
  request<{ people: PersonSummary[] }>('GET', `/people${query({ q })}`).then((r) => r.people);
