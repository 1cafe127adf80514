import { z } from 'zod';
import type { FollowService } from '../follows/index.js';
import { authorize } from '../staff/index.js';
import type { EndpointRegistry } from './endpoint.js';

const countOut = z.object({ id: z.number(), slug: z.string(), name: z.string(), followers: z.number() });

/** How many readers follow each section and author: editors and administrators only, like the member lists. */
export function followRoutes(api: EndpointRegistry, follows: FollowService): void {
  api.add({
    method: 'GET',
    url: '/follows/counts',
    summary: 'Confirmed followers per section and per author (members and newsletter subscribers), most followed first',
    tag: 'follows',
    access: 'staff',
    response: z.object({ tags: z.array(countOut), authors: z.array(countOut) }),
    handler: async ({ staff }) => {
      authorize(staff, { do: 'members.view' });
      const { tags, authors } = await follows.counts();
      const plain = (counts: typeof tags) => counts.map(({ id, slug, name, followers }) => ({ id, slug, name, followers }));
      return { tags: plain(tags), authors: plain(authors) };
    },
  });
}
